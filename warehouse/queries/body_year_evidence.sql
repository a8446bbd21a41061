-- grain: one row per body × year (the whole of body_year_evidence, every record; the sidebar
-- filters do not apply): the strongest evidence of activity and the records behind it.
select
    body_code,
    year,
    evidence,
    n_held_events,
    held_event_ids,
    n_reports_met,
    met_report_ids,
    n_reports_work,
    work_report_ids
from body_year_evidence
order by body_code, year;
