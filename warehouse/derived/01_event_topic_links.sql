-- grain: one row per event × topic. Built once per load (a table, not a view) because every
-- topic chart and the topic filters read it. An event counts for a topic if the event itself,
-- one of its panels or one of its outcomes carries it; the is_* flags say which did.
create table event_topic_links as
with carried as (
    select event_id, topic_code, 'event' as carrier from event_topics
    union all
    select event_id, topic_code, 'panel' from panel_topics
    union all
    select event_id, topic_code, 'outcome' from outcome_topics
)
select
    carried.event_id,
    carried.topic_code,
    topics.group_code,
    events.year,
    events.body_code,
    events.status,
    bool_or(carrier = 'event') as is_event_topic,
    bool_or(carrier = 'panel') as is_panel_topic,
    bool_or(carrier = 'outcome') as is_outcome_topic
from carried
join events using (event_id)
join topics using (topic_code)
group by all
order by carried.event_id, carried.topic_code;

comment on table event_topic_links is 'One row per event × topic. An event counts for a topic if the event itself, one of its
panels or one of its outcomes carries it.';
comment on column event_topic_links.event_id is 'the event';
comment on column event_topic_links.topic_code is 'the topic';
comment on column event_topic_links.group_code is 'the topic''s group';
comment on column event_topic_links.year is 'the event''s year';
comment on column event_topic_links.body_code is 'the event''s body';
comment on column event_topic_links.status is 'the event''s status';
comment on column event_topic_links.is_event_topic is 'the record lists the topic at event level';
comment on column event_topic_links.is_panel_topic is 'one of its panels carries the topic';
comment on column event_topic_links.is_outcome_topic is 'one of its outcomes carries the topic';
