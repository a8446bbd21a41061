-- One row per Party × body: filtered events where the Party hosted, chaired or sent a named
-- official (n_present), out of the body's filtered events (n_events).
select
    parties.party_code,
    fe.body_code,
    count(*) filter (
        where fe.host_party = parties.party_code
           or fe.chair_party = parties.party_code
           or list_contains(fe.participant_parties, parties.party_code)
    ) as n_present,
    count(*) as n_events
from filtered_events(
    $date_from, $date_to, $bodies, $chapters, $topics, $topic_groups, $parties, $party_roles,
    $kinds, $statuses, $confidences
) as fe
cross join parties
group by all
order by parties.party_code, fe.body_code;
