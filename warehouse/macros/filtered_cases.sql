-- grain: one row per enforcement case that passes the Cases page's filters: every column of
-- case_facts (third parties and topics included, as lists gathered once per build) plus the
-- case's subject, facility, outcome and confidence. Every list parameter means "any of
-- these"; an empty list means "no restriction". The period bounds the request date; a Party
-- matches as complainant, respondent or third party; topics match any of the case's topics.
-- mechanisms, sectors and case_statuses are the page's own.
create or replace macro filtered_cases(
    date_from, date_to, parties, topics, mechanisms, sectors, case_statuses
) as table
with listed as (
    select
        f.*,
        c.subject_en,
        c.subject_es,
        c.facility,
        c.outcome_en,
        c.confidence,
        c.n_milestones
    from case_facts as f
    inner join cases as c on f.case_id = c.case_id
)
select *
from listed
where (date_from is null or request_date >= date_from)
  and (date_to is null or request_date <= date_to)
  and (len(mechanisms) = 0 or list_contains(mechanisms, mechanism_code))
  and (len(sectors) = 0 or list_contains(sectors, sector_code))
  and (len(case_statuses) = 0 or list_contains(case_statuses, status))
  and (len(topics) = 0 or list_has_any(topic_codes, topics))
  and (
      len(parties) = 0
      or list_contains(parties, complainant_party)
      or list_contains(parties, respondent_party)
      or list_has_any(third_parties, parties)
  );
