-- One row per year × topic among the filtered events: events that touched the topic (through
-- the event, a panel or an outcome), each event once per topic.
select year, topic_code, topics.group_code, count(*) as n_events
from (select year, unnest(topic_codes) as topic_code from filtered_events($filters))
join topics using (topic_code)
group by all
order by year, topic_code;
