-- One row per Party × level × capacity: named officials of the filtered events.
select
    participants.party_code,
    participants.level,
    participants.capacity,
    count(*) as n_officials
from participants
where participants.party_code is not null
  and participants.event_id in (select event_id from filtered_events($filters))
group by all
order by participants.party_code, participants.level, participants.capacity;
