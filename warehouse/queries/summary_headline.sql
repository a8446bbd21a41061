-- The headline figures of the filtered events (one row). Meetings and dated acts are counted
-- apart (events.is_meeting): a decision or a public consultation is never a meeting held, so
-- the bodies and the hosts are those of meetings; act_kinds lists the kind of each act.
select
    count(*) filter (where is_meeting) as n_meetings,
    coalesce(list(kind order by kind) filter (where not is_meeting), []) as act_kinds,
    count(distinct body_code) filter (where is_meeting) as n_bodies,
    count(*) filter (where is_meeting and host_party = 'MX') as n_hosted_mx,
    count(*) filter (where is_meeting and host_party = 'US') as n_hosted_us,
    count(*) filter (where is_meeting and host_party = 'CA') as n_hosted_ca,
    min(start_date) as first_date,
    max(start_date) as last_date
from filtered_events($filters);
