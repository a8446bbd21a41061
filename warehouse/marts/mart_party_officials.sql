-- grain: one row per Party × body × year × status × level × capacity: named officials (one
-- row in participants each) and the distinct events they attended. Participants of no Party
-- (party_code null) are left out.
create or replace view mart_party_officials as
select
    participants.party_code,
    events.body_code,
    events.year,
    events.status,
    participants.level,
    participants.capacity,
    count(*) as n_officials,
    count(distinct participants.event_id) as n_events
from participants
join events using (event_id)
where participants.party_code is not null
group by all
order by party_code, body_code, year, status, level, capacity;
