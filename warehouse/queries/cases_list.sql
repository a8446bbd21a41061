-- One row per enforcement case passing the cases filters (the period bounds the date their period_rule names), oldest request first.
select *
from filtered_cases($case_filters)
order by request_date, case_id;
