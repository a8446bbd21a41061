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
