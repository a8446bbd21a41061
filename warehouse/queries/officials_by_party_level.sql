-- One row per Party × level × capacity: named officials of the filtered events.
select
    participants.party_code,
    participants.level,
    participants.capacity,
    count(*) as n_officials,
    count(distinct participants.event_id) as n_events
from filtered_events(
    $date_from, $date_to, $bodies, $chapters, $topics, $topic_groups, $parties, $party_roles,
    $kinds, $statuses, $confidences
) as fe
join participants using (event_id)
where participants.party_code is not null
group by all
order by participants.party_code, participants.level, participants.capacity;
