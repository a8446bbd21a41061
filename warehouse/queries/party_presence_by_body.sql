-- One row per Party × body: filtered meetings where the Party hosted, chaired or sent a named
-- official (n_present), out of the body's filtered meetings (n_events). Dated acts (a decision,
-- a consultation: events.is_meeting false) are not meetings a Party attended.
with fe as (
    select event_id, body_code from filtered_events($filters)
    where is_meeting
),
body_totals as (
    select body_code, count(*) as n_events from fe group by all
),
present as (
    select event_parties.party_code, fe.body_code, count(*) as n_present
    from event_parties
    join fe using (event_id)
    group by all
)
select
    parties.party_code,
    body_totals.body_code,
    coalesce(present.n_present, 0) as n_present,
    body_totals.n_events
from body_totals
cross join parties
left join present
    on present.party_code = parties.party_code and present.body_code = body_totals.body_code
order by parties.party_code, body_totals.body_code;
