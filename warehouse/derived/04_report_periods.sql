-- grain: one row per activity report whose period can be placed in time: the period it counts
-- for, by the rule of data/README.md. A report is evidence that its bodies were active at some
-- time in its period, not on a given day. The period runs from its stated start to its stated
-- end; with only the end, it is the end's year alone; with only the start, it runs from the
-- start to the date it was published; with neither, it is the year it was published (or, if no
-- date of publication is known, the year of the event it was made at). `basis` says which
-- applied. A period within one calendar year counts for that year (`year`); one that spans
-- several years is evidence for the span only (`year` is null): the Environment Committee's
-- report of July 2020 to June 2021 says it met, once, in June 2021, so it is no evidence that it
-- met in 2020. `span_from` / `span_to` say the span as precisely as the dates are known
-- ('2020-07', or '2020' for a year-only date). A report with no period, no date and no known
-- event has no row.
create table report_periods as
with anchored as (
    select
        r.report_id,
        r.period_start,
        r.period_start_precision,
        r.period_end,
        r.period_end_precision,
        coalesce(r.published, e.start_date) as anchor,
        case when r.published is not null then r.published_precision else e.date_precision end
            as anchor_precision,
        case when r.published is not null then 'published' else 'reported_at' end as anchor_basis
    from activity_reports as r
    left join events as e on r.reported_at = e.event_id
),
bounds as (
    select
        report_id,
        case
            when period_start is not null then period_start
            when period_end is not null then date_trunc('year', period_end)::date
            else date_trunc('year', anchor)::date
        end as first_date,
        case
            when period_start is not null then period_start_precision
            when period_end is not null then 'year'
            else 'year'
        end as first_precision,
        case
            when period_end is not null then period_end
            when period_start is not null then greatest(period_start, anchor)
            else anchor
        end as last_date,
        case
            when period_end is not null then period_end_precision
            when period_start is not null and anchor > period_start then anchor_precision
            when period_start is not null then period_start_precision
            else 'year'
        end as last_precision,
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
    year(first_date)::integer as first_year,
    coalesce(year(last_date), year(first_date))::integer as last_year,
    case
        when year(last_date) is null or year(first_date) = year(last_date)
            then year(first_date)::integer
    end as year,
    case
        when first_precision = 'year' then strftime(first_date, '%Y')
        else strftime(first_date, '%Y-%m')
    end as span_from,
    case
        when coalesce(last_precision, 'year') = 'year' then strftime(coalesce(last_date, first_date), '%Y')
        else strftime(last_date, '%Y-%m')
    end as span_to,
    basis
from bounds
where first_date is not null
order by report_id;

comment on table report_periods is 'One row per activity report whose period can be placed in time (`derived/04_report_periods.sql`),
by the rule of `data/README.md`: a period within one calendar year is evidence for that year; a
period spanning several years is evidence for the span only, never for a year in it.';
comment on column report_periods.report_id is 'the report';
comment on column report_periods.first_year is 'the first calendar year of its period';
comment on column report_periods.last_year is 'the last calendar year of its period';
comment on column report_periods.year is 'the year it counts for when its period lies within one year; null for a multi-year span';
comment on column report_periods.span_from is 'the start of its period as precisely as known: `2020-07`, or `2020` for a year-only bound';
comment on column report_periods.span_to is 'the end of its period, likewise';
comment on column report_periods.basis is 'what the period comes from: `period` (start and end stated), `period_end` (only the end: its year only), `period_start_to_published` / `period_start_to_reported_at` (only the start: through the date of publication, else of the event it was made at), `published` or `reported_at` (no period: that date''s year)';
