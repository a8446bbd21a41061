-- One row per stated count, with the case records it concerns (stated_count_records): a
-- stated total is never drawn without its source and the records beside it. Not filtered: a
-- statement stands as it was made.
select s.*, r.as_of_end, r.n_records, r.n_records_by_as_of, r.case_ids
from stated_counts as s
inner join stated_count_records as r on s.count_no = r.count_no
order by s.kind, s.as_of desc nulls last, s.count_no;
