-- grain: one row per Party × body × year × status × level × capacity: named officials (one
-- row in participants each) and the distinct events they attended. Participants of no Party
-- (party_code null) are left out.
create or replace view mart_party_officials as
with per_event as (
    -- one row per event × Party × level × capacity, so events are counted without distinct
    select event_id, party_code, level, capacity, count(*) as n_officials
    from participants
    where party_code is not null
    group by all
)
select
    per_event.party_code,
    events.body_code,
    events.year,
    events.status,
    per_event.level,
    per_event.capacity,
    sum(per_event.n_officials)::bigint as n_officials,
    count(*) as n_events
from per_event
join events using (event_id)
group by all
order by party_code, body_code, year, status, level, capacity;

comment on view mart_party_officials is 'One row per Party × body × year × status × level × capacity. Participants of no Party are
left out.';
comment on column mart_party_officials.party_code is 'the Party';
comment on column mart_party_officials.body_code is 'the body';
comment on column mart_party_officials.year is 'year';
comment on column mart_party_officials.status is 'event status';
comment on column mart_party_officials.level is 'the officials'' level';
comment on column mart_party_officials.capacity is 'the officials'' capacity';
comment on column mart_party_officials.n_officials is 'participant rows';
comment on column mart_party_officials.n_events is 'distinct events they attended';
