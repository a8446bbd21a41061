-- One row per enforcement case passing the cases filters (the period bounds the date $period_rule names), oldest request first.
select *
from filtered_cases(
    $date_from, $date_to, $period_rule, $parties, $topics, $mechanisms, $sectors, $case_statuses
)
order by request_date, case_id;
