-- grain: one row per Party × body × year × status: how many events the Party hosted, chaired,
-- and sent at least one named official to, and how many named officials it sent.
-- Combinations where the Party did none of these are left out. Reads event_parties.
create or replace view mart_party_roles as
select
    party_code,
    body_code,
    year,
    status,
    count(*) filter (where is_host) as n_hosted,
    count(*) filter (where is_chair) as n_chaired,
    count(*) filter (where n_officials > 0) as n_events_attended,
    sum(n_officials)::bigint as n_officials
from event_parties
group by all
order by party_code, body_code, year, status;
