-- One row per body × topic among the filtered events: events that touched the topic.
select body_code, topic_code, topics.group_code, count(*) as n_events
from (select body_code, unnest(topic_codes) as topic_code from filtered_events($filters))
join topics using (topic_code)
group by all
order by body_code, topic_code;
