-- grain: one row per Party × body × year × status: how many events the Party hosted, chaired,
-- and sent at least one named official to, and how many named officials it sent.
-- Combinations where the Party did none of these are left out.
create or replace view mart_party_roles as
with officials_per_event as (
    select event_id, party_code, count(*) as n_officials
    from participants
    where party_code is not null
    group by all
),
party_events as (
    select
        parties.party_code,
        events.body_code,
        events.year,
        events.status,
        coalesce(events.host_party = parties.party_code, false) as is_host,
        coalesce(events.chair_party = parties.party_code, false) as is_chair,
        coalesce(officials_per_event.n_officials, 0) as n_officials
    from events
    cross join parties
    left join officials_per_event
        on officials_per_event.event_id = events.event_id
        and officials_per_event.party_code = parties.party_code
)
select
    party_code,
    body_code,
    year,
    status,
    count(*) filter (where is_host) as n_hosted,
    count(*) filter (where is_chair) as n_chaired,
    count(*) filter (where n_officials > 0) as n_events_attended,
    sum(n_officials)::bigint as n_officials
from party_events
group by all
having n_hosted + n_chaired + n_events_attended > 0
order by party_code, body_code, year, status;
