-- grain: one row per year × topic × status: how many events touched the topic.
-- An event counts for a topic if the event, one of its panels or one of its outcomes carries
-- it (see mart_event_topic_links); each event counts once per topic.
create or replace view mart_topics_by_year as
select
    year,
    topic_code,
    group_code,
    status,
    count(*) as n_events
from event_topic_links
group by all
order by year, topic_code, status;
