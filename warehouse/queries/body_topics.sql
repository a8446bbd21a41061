-- grain: one row per topic carried by an event of the body $body_code (by the event, a panel
-- or an outcome), with the number of its events carrying it, most frequent first.
-- $body_code: a body code
select
    topic_code,
    group_code,
    count(distinct event_id)::integer as n_events
from event_topic_links
where body_code = $body_code
group by all
order by n_events desc, topic_code;
