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
