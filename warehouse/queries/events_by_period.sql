-- One row per year × quarter × body × kind among the filtered events, with whether the kind is
-- a meeting (events.is_meeting: the Trends chart counts meetings, the dated acts apart).
-- quarter is null for events whose start date is known only to the year.
select
    year,
    case when date_precision = 'year' then null else quarter(start_date) end as quarter,
    body_code,
    kind,
    is_meeting,
    count(*) as n_events
from filtered_events($filters)
group by all
order by year, quarter nulls last, body_code, kind;
