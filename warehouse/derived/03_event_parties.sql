-- grain: one row per event × Party that hosted it, chaired it or sent a named official, with
-- the event's body, year and status: the participation marts and charts read this instead of
-- joining participants to events on every request.
create table event_parties as
with officials as (
    select event_id, party_code, count(*) as n_officials
    from participants
    where party_code is not null
    group by all
),
roles as (
    select event_id, host_party as party_code from events where host_party is not null
    union
    select event_id, chair_party from events where chair_party is not null
    union
    select event_id, party_code from officials
)
select
    roles.event_id,
    roles.party_code,
    events.body_code,
    events.year,
    events.status,
    coalesce(events.host_party = roles.party_code, false) as is_host,
    coalesce(events.chair_party = roles.party_code, false) as is_chair,
    coalesce(officials.n_officials, 0) as n_officials
from roles
join events using (event_id)
left join officials using (event_id, party_code)
order by roles.event_id, roles.party_code;

comment on table event_parties is 'One row per event × Party that hosted it, chaired it or sent a named official.';
comment on column event_parties.event_id is 'the event';
comment on column event_parties.party_code is 'the Party';
comment on column event_parties.body_code is 'the event''s body';
comment on column event_parties.year is 'the event''s year';
comment on column event_parties.status is 'the event''s status';
comment on column event_parties.is_host is 'the Party hosted the event';
comment on column event_parties.is_chair is 'the Party chaired the event';
comment on column event_parties.n_officials is 'named officials of the Party at the event (0 if it only hosted or chaired)';
