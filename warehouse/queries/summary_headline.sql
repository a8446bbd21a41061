-- The headline figures of the filtered events (one row).
select
    count(*) as n_events,
    count(distinct body_code) as n_bodies,
    count(*) filter (where host_party = 'MX') as n_hosted_mx,
    count(*) filter (where host_party = 'US') as n_hosted_us,
    count(*) filter (where host_party = 'CA') as n_hosted_ca,
    min(start_date) as first_date,
    max(start_date) as last_date
from filtered_events(
    $date_from, $date_to, $bodies, $chapters, $topics, $topic_groups, $parties, $party_roles,
    $kinds, $statuses, $confidences
);
