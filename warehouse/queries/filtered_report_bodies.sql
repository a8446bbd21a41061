-- grain: one row per activity report × body it names, for the reports that concern the
-- sidebar's bodies and period ($filters, the struct filtered_events takes): the body is among
-- its bodies (or of a chapter among its chapters; empty lists restrict nothing) and the
-- report's period (report_periods, by the rule of data/README.md) overlaps the years of its
-- date_from – date_to (null: open). `is_within_period`
-- says whether the report's period lies wholly within those years: only such a report says
-- something of the period (a span reaching beyond it may concern only the years outside).
-- Other filters (topics, Parties, kinds, statuses) describe events and do not apply. Newest
-- report first.
with chosen as (
    select
        struct_extract($filters, 'date_from')::date as date_from,
        struct_extract($filters, 'date_to')::date as date_to,
        struct_extract($filters, 'bodies')::varchar[] as bodies,
        struct_extract($filters, 'chapters')::integer[] as chapters
),
in_period as (
    select
        report_id,
        first_year,
        last_year,
        span_from,
        span_to,
        (chosen.date_from is null or first_year >= year(chosen.date_from))
            and (chosen.date_to is null or last_year <= year(chosen.date_to)) as is_within_period
    from report_periods
    cross join chosen
    where (chosen.date_from is null or last_year >= year(chosen.date_from))
      and (chosen.date_to is null or first_year <= year(chosen.date_to))
)
select
    r.report_id,
    r.published,
    r.published_precision,
    r.period_start,
    r.period_start_precision,
    r.period_end,
    r.period_end_precision,
    r.claim_text,
    r.confidence,
    in_period.first_year,
    in_period.last_year,
    in_period.span_from,
    in_period.span_to,
    in_period.is_within_period,
    b.body_no,
    b.body_code,
    b.claim,
    b.quote
from activity_reports as r
inner join in_period using (report_id)
inner join report_bodies as b using (report_id)
inner join bodies using (body_code)
cross join chosen
where (len(chosen.bodies) = 0 or list_contains(chosen.bodies, b.body_code))
  and (len(chosen.chapters) = 0 or list_contains(chosen.chapters, bodies.chapter))
order by r.published desc nulls last, r.report_id, b.body_no;
