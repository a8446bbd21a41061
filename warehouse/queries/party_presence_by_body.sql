-- One row per Party × body: filtered events where the Party hosted, chaired or sent a named
-- official (n_present), out of the body's filtered events (n_events).
with fe as (
    select * from filtered_events(
    $date_from, $date_to, $bodies, $chapters, $topics, $topic_groups, $parties, $party_roles,
    $kinds, $statuses, $confidences
)
),
presence as (
    select event_id, host_party as party_code from fe where host_party is not null
    union
    select event_id, chair_party from fe where chair_party is not null
    union
    select participants.event_id, participants.party_code
    from participants
    join fe using (event_id)
    where participants.party_code is not null
),
body_totals as (
    select body_code, count(*) as n_events from fe group by all
)
select
    parties.party_code,
    body_totals.body_code,
    count(presence.event_id) as n_present,
    body_totals.n_events
from body_totals
cross join parties
left join fe on fe.body_code = body_totals.body_code
left join presence
    on presence.event_id = fe.event_id and presence.party_code = parties.party_code
group by all
order by parties.party_code, body_totals.body_code;
