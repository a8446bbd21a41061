-- grain: one row per body × year (the whole of body_year_evidence, every record; the sidebar
-- filters do not apply): the strongest evidence of activity and the records behind each level,
-- with the span to show when the year is covered only by a multi-year report.
select
    body_code,
    year,
    evidence,
    n_held_events,
    held_event_ids,
    n_reports_met,
    met_report_ids,
    n_reports_work,
    work_report_ids,
    n_decisions,
    decision_event_ids,
    n_span_reports_met,
    span_met_report_ids,
    n_span_reports_work,
    span_work_report_ids,
    span_claim,
    span_from,
    span_to
from body_year_evidence
order by body_code, year;
