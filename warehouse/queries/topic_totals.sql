-- One row per topic among the filtered events: events that touched it.
select topic_code, count(*) as n_events
from (select unnest(topic_codes) as topic_code from filtered_events($filters))
group by all
order by n_events desc, topic_code;
