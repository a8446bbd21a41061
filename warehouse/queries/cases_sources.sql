-- One row per source of the enforcement cases passing the cases filters (the period bounds the date their period_rule names), in the order
-- of cases_list and of each record's sources.
select s.case_id, s.source_no, s.publisher, s.published, s.published_precision, s.language,
    s.supports, s.url
from filtered_cases($case_filters) as f
inner join case_sources as s on f.case_id = s.case_id
order by f.request_date, s.case_id, s.source_no;
