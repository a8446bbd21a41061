-- One row per milestone of one case, oldest first, with the source it rests on.
select m.milestone_no, m.milestone_date, m.date_precision, m.step_code, m.text, m.source_no,
    s.publisher, s.url
from case_milestones as m
inner join case_sources as s on m.case_id = s.case_id and m.source_no = s.source_no
where m.case_id = $case_id
order by m.milestone_no;
