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

comment on view mart_topics_by_year is 'One row per year × topic × status.';
comment on column mart_topics_by_year.year is 'year';
comment on column mart_topics_by_year.topic_code is 'the topic';
comment on column mart_topics_by_year.group_code is 'the topic''s group';
comment on column mart_topics_by_year.status is 'event status';
comment on column mart_topics_by_year.n_events is 'events that touched the topic (each event once per topic)';
