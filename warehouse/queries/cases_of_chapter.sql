-- One row per enforcement case concerning one treaty chapter (case_facts.chapters), newest
-- request first: what a body page of that chapter (Labor Council: 23; Environment
-- Committee: 24) lists.
select f.case_id, f.mechanism_code, f.complainant_party, f.respondent_party, f.status,
    f.request_date, f.latest_step_code, f.latest_step_date, c.subject_en, c.facility
from case_facts as f
inner join cases as c on f.case_id = c.case_id
where list_contains(f.chapters, $chapter)
order by f.request_date desc, f.case_id;
