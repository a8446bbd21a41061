-- grain: one row per activity report × calendar year it counts for, by the rule of
-- data/README.md: a report is evidence that its bodies were active at some time in its period,
-- not on a given day. With both period ends stated, every year from the start's to the end's;
-- with only the end, the end's year; with only the start, every year from the start's to the
-- year it was published; with neither, the year it was published (or, if no date of
-- publication is known, the year of the event it was made at). `basis` says which applied.
-- A report with no period, no date and no known event counts for no year.
create table report_years as
with anchored as (
    select
        r.report_id,
        r.period_start,
        r.period_end,
        coalesce(r.published, e.start_date) as anchor,
        case when r.published is not null then 'published' else 'reported_at' end as anchor_basis
    from activity_reports as r
    left join events as e on r.reported_at = e.event_id
),
spans as (
    select
        report_id,
        case
            when period_start is not null then year(period_start)
            when period_end is not null then year(period_end)
            else year(anchor)
        end as first_year,
        case
            when period_end is not null then year(period_end)
            when period_start is not null then greatest(year(period_start), year(anchor))
            else year(anchor)
        end as last_year,
        case
            when period_start is not null and period_end is not null then 'period'
            when period_end is not null then 'period_end'
            when period_start is not null then 'period_start_to_' || anchor_basis
            else anchor_basis
        end as basis
    from anchored
)
select
    report_id,
    unnest(range(first_year, coalesce(last_year, first_year) + 1))::integer as year,
    basis
from spans
where first_year is not null
order by report_id, year;
