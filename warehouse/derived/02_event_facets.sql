-- grain: one row per event: every column of events plus what the dashboard's filters test
-- (chapter, topic and group lists, the Parties of its named participants), gathered once per
-- load so that filtering is one scan of one table (no joins or subqueries per request).
create table event_facets as
with topic_lists as (
    select
        event_id,
        list(distinct topic_code order by topic_code) as topic_codes,
        list(distinct group_code order by group_code) as group_codes
    from event_topic_links
    group by event_id
),
participant_parties as (
    select event_id, list(distinct party_code order by party_code) as participant_parties
    from participants
    where party_code is not null
    group by event_id
)
select
    events.*,
    bodies.chapter,
    coalesce(topic_lists.topic_codes, []) as topic_codes,
    coalesce(topic_lists.group_codes, []) as group_codes,
    coalesce(participant_parties.participant_parties, []) as participant_parties
from events
join bodies using (body_code)
left join topic_lists using (event_id)
left join participant_parties using (event_id)
order by events.event_id;

comment on table event_facets is 'One row per event: every column of `events` (same names and meaning) plus what the
dashboard''s filters test, so that filtering is one scan of one table.';
comment on column event_facets.event_id is 'as in `events`';
comment on column event_facets.body_code is 'as in `events`';
comment on column event_facets.edition is 'as in `events`';
comment on column event_facets.kind is 'as in `events`';
comment on column event_facets.title_en is 'as in `events`';
comment on column event_facets.title_es is 'as in `events`';
comment on column event_facets.start_date is 'as in `events`';
comment on column event_facets.date_precision is 'as in `events`';
comment on column event_facets.end_date is 'as in `events`';
comment on column event_facets.year is 'as in `events`';
comment on column event_facets.status is 'as in `events`';
comment on column event_facets.format is 'as in `events`';
comment on column event_facets.city is 'as in `events`';
comment on column event_facets.host_party is 'as in `events`';
comment on column event_facets.chair_party is 'as in `events`';
comment on column event_facets.confidence is 'as in `events`';
comment on column event_facets.notes is 'as in `events`';
comment on column event_facets.source_file is 'as in `events`';
comment on column event_facets.is_meeting is 'as in `events`: false for a dated act (a decision, a public consultation)';
comment on column event_facets.chapter is 'chapter of the event''s body (the body group filter)';
comment on column event_facets.topic_codes is 'every topic the event carries (event, panels, outcomes), sorted';
comment on column event_facets.group_codes is 'the groups of those topics, sorted';
comment on column event_facets.participant_parties is 'the Parties of its named participants, sorted';
