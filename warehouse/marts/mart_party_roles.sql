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

comment on view mart_party_roles is 'One row per Party × body × year × status where the Party hosted, chaired or sent officials.';
comment on column mart_party_roles.party_code is 'the Party';
comment on column mart_party_roles.body_code is 'the body';
comment on column mart_party_roles.year is 'year';
comment on column mart_party_roles.status is 'event status';
comment on column mart_party_roles.n_hosted is 'events the Party hosted';
comment on column mart_party_roles.n_chaired is 'events the Party chaired';
comment on column mart_party_roles.n_events_attended is 'events with at least one named official of the Party';
comment on column mart_party_roles.n_officials is 'named officials of the Party (one per participant row)';
