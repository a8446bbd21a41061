-- grain: one row per outcome of an event of the body $body_code, oldest event first.
-- $body_code: a body code
select
    events.event_id,
    events.start_date,
    events.date_precision,
    events.title_en,
    events.title_es,
    outcomes.outcome_no,
    outcomes.kind,
    outcomes.text
from outcomes
inner join events using (event_id)
where events.body_code = $body_code
order by events.start_date, events.event_id, outcomes.outcome_no;
