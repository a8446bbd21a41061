-- grain: one row per year × quarter × body × kind × status.
-- quarter is null for events whose start date is known only to the year.
create or replace view mart_events_by_period as
with dated_events as (
    select
        event_id,
        year,
        case when date_precision = 'year' then null else quarter(start_date) end as quarter,
        body_code,
        kind,
        status
    from events
)
select
    year,
    quarter,
    body_code,
    kind,
    status,
    count(*) as n_events
from dated_events
group by all
order by year, quarter nulls last, body_code, kind, status;

comment on view mart_events_by_period is 'One row per year × quarter × body × kind × status.';
comment on column mart_events_by_period.year is 'year of the start date';
comment on column mart_events_by_period.quarter is '1–4; null when only the year is known';
comment on column mart_events_by_period.body_code is 'the body';
comment on column mart_events_by_period.kind is 'the event kind';
comment on column mart_events_by_period.status is 'the event status';
comment on column mart_events_by_period.n_events is 'events';
