-- grain: one row per body of the taxonomy (all 34), over every record (the sidebar filters do
-- not apply): its treaty basis, how much is known of it, and its latest evidence of activity
-- (the latest year whose evidence is not 'none', and that evidence). Meetings are counted apart
-- from dated acts (events.is_meeting): a decision signed is not a body's latest meeting.
with latest as (
    select body_code, max(year) filter (where evidence <> 'none') as latest_year,
        count(*) filter (where evidence <> 'none') as n_years_known
    from body_year_evidence
    group by body_code
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
    coalesce(evidence.evidence, 'none') as latest_evidence,
    coalesce(latest.n_years_known, 0)::integer as n_years_known,
    coalesce(held.n_meetings_held, 0)::integer as n_meetings_held,
    coalesce(held.n_meetings, 0)::integer as n_meetings,
    held.last_meeting_date,
    coalesce(reported.n_reports, 0)::integer as n_reports,
    reported.last_report_date
from bodies
left join latest using (body_code)
left join body_year_evidence as evidence
    on bodies.body_code = evidence.body_code and latest.latest_year = evidence.year
left join held on bodies.body_code = held.body_code
left join reported on bodies.body_code = reported.body_code
order by bodies.chapter nulls last, bodies.body_code;
