-- grain: one row per body of the taxonomy (all 34), over every record (the sidebar filters do
-- not apply): its treaty basis, how much is known of it, and its latest evidence of activity
-- (the latest year with year-specific evidence, and that evidence). A report spanning several
-- years is never a year's evidence: a body known only from such spans has 'reported_span' as
-- its latest evidence, no latest year, and the span that ends last (`latest_span_*`, 'met'
-- before 'reported'); every body also gets that span, to say it apart. Meetings are counted
-- apart from dated acts (events.is_meeting): a decision signed is not a body's latest meeting.
with latest as (
    select
        body_code,
        max(year) filter (where evidence not in ('none', 'reported_span')) as latest_year,
        count(*) filter (where evidence not in ('none', 'reported_span')) as n_years_known
    from body_year_evidence
    group by body_code
),
latest_span as (
    select
        report_bodies.body_code,
        arg_max(
            report_bodies.claim,
            [report_periods.span_to, (report_bodies.claim = 'met')::varchar, report_bodies.report_id]
        ) as latest_span_claim,
        arg_max(
            report_periods.span_from,
            [report_periods.span_to, (report_bodies.claim = 'met')::varchar, report_bodies.report_id]
        ) as latest_span_from,
        max(report_periods.span_to) as latest_span_to
    from report_bodies
    inner join report_periods using (report_id)
    where report_periods.year is null
    group by report_bodies.body_code
),
held as (
    select
        body_code,
        count(*) filter (where status = 'held' and is_meeting) as n_meetings_held,
        count(*) filter (where is_meeting) as n_meetings,
        max(start_date) filter (where status = 'held' and is_meeting) as last_meeting_date
    from events
    group by body_code
),
reported as (
    select
        report_bodies.body_code,
        count(distinct report_bodies.report_id) as n_reports,
        max(activity_reports.published) as last_report_date
    from report_bodies
    inner join activity_reports using (report_id)
    group by report_bodies.body_code
)
select
    bodies.body_code,
    bodies.chapter,
    bodies.article,
    latest.latest_year,
    case
        when latest.latest_year is not null then evidence.evidence
        when latest_span.body_code is not null then 'reported_span'
        else 'none'
    end as latest_evidence,
    latest_span.latest_span_claim,
    latest_span.latest_span_from,
    latest_span.latest_span_to,
    coalesce(latest.n_years_known, 0)::integer as n_years_known,
    coalesce(held.n_meetings_held, 0)::integer as n_meetings_held,
    coalesce(held.n_meetings, 0)::integer as n_meetings,
    held.last_meeting_date,
    coalesce(reported.n_reports, 0)::integer as n_reports,
    reported.last_report_date
from bodies
left join latest using (body_code)
left join latest_span on bodies.body_code = latest_span.body_code
left join body_year_evidence as evidence
    on bodies.body_code = evidence.body_code and latest.latest_year = evidence.year
left join held on bodies.body_code = held.body_code
left join reported on bodies.body_code = reported.body_code
order by bodies.chapter nulls last, bodies.body_code;
