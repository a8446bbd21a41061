-- One row per enforcement case passing the Cases page's filters, oldest request first.
select *
from filtered_cases(
    $date_from, $date_to, $parties, $topics, $mechanisms, $sectors, $case_statuses
)
order by request_date, case_id;
