-- The headline figures of the filtered events (one row). Meetings and dated acts are counted
-- apart (events.is_meeting): a decision or a public consultation is never a meeting held, so
-- the bodies and the hosts are those of meetings; n_acts maps each kind of act to how many, and
-- n_hosted maps each Party that hosted a filtered meeting to how many it hosted (a Party that
-- hosted none is absent: the reader counts it as 0).
select
    count(*) filter (where is_meeting) as n_meetings,
    coalesce(histogram(kind) filter (where not is_meeting), map()) as n_acts,
    count(distinct body_code) filter (where is_meeting) as n_bodies,
    coalesce(
        histogram(host_party) filter (where is_meeting and host_party is not null),
        map()
    ) as n_hosted,
    min(start_date) as first_date,
    max(start_date) as last_date
from filtered_events($filters);
