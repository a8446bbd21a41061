-- grain: one row per source cited by an event of the body $body_code or by an activity report
-- naming it; `record_kind` says which ('event' or 'report').
-- $body_code: a body code
select
    'event' as record_kind,
    sources.event_id as record_id,
    events.start_date as record_date,
    sources.source_no,
    sources.url,
    sources.publisher,
    sources.published,
    sources.language
from sources
inner join events using (event_id)
where events.body_code = $body_code
union all
select
    'report',
    report_sources.report_id,
    activity_reports.published,
    report_sources.source_no,
    report_sources.url,
    report_sources.publisher,
    report_sources.published,
    report_sources.language
from report_sources
inner join activity_reports using (report_id)
where report_sources.report_id in (
    select report_id from report_bodies where body_code = $body_code
)
order by record_date nulls last, record_kind, record_id, source_no;
