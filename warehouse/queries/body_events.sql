-- grain: one row per event of the body $body_code (every status), oldest first, with its
-- hosts, chair and how many outcomes (and follow-ups) it recorded; is_meeting says whether it
-- is a meeting or a dated act (a decision, a public consultation).
-- $body_code: a body code
with outcome_counts as (
    select
        event_id,
        count(*)::integer as n_outcomes,
        (count(*) filter (where kind = 'follow_up'))::integer as n_follow_ups
    from outcomes
    group by event_id
)
select
    events.event_id,
    events.start_date,
    events.date_precision,
    events.end_date,
    events.year,
    events.edition,
    events.kind,
    events.is_meeting,
    events.title_en,
    events.title_es,
    events.status,
    events.format,
    events.city,
    events.host_party,
    events.chair_party,
    events.confidence,
    coalesce(outcome_counts.n_outcomes, 0) as n_outcomes,
    coalesce(outcome_counts.n_follow_ups, 0) as n_follow_ups
from events
left join outcome_counts using (event_id)
where events.body_code = $body_code
order by events.start_date, events.event_id;
