-- One row (or none) for one enforcement case: every column of cases and case_facts (its
-- third parties and topics included).
select c.*, f.* exclude (case_id, mechanism_code, complainant_party, respondent_party,
        sector_code, status)
from cases as c
inner join case_facts as f on c.case_id = f.case_id
where c.case_id = $case_id;
