-- One row per milestone of the enforcement cases passing the cases filters (the period bounds the date their period_rule names) (timeline).
select m.case_id, f.mechanism_code, f.status, m.milestone_no, m.milestone_date,
    m.date_precision, m.step_code, m.text
from filtered_cases($case_filters) as f
inner join case_milestones as m on f.case_id = m.case_id
order by f.request_date, m.case_id, m.milestone_no;
