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
