-- One row (or none) for one enforcement case: every column of cases and case_facts, with its
-- third parties and topics.
select c.*, f.* exclude (case_id, mechanism_code, complainant_party, respondent_party,
        sector_code, status),
    coalesce(
        (select list(p.party_code order by p.party_code) from case_third_parties as p
         where p.case_id = c.case_id),
        []
    ) as third_parties,
    coalesce(
        (select list(t.topic_code order by t.rank) from case_topics as t
         where t.case_id = c.case_id),
        []
    ) as topic_codes
from cases as c
inner join case_facts as f on c.case_id = f.case_id
where c.case_id = $case_id;
