-- grain: one row per enforcement case that passes the cases filters: every column of
-- case_facts (third parties and topics included, as lists gathered once per build) plus the
-- case's subject, facility, outcome and confidence. Every list parameter means "any of
-- these"; an empty list means "no restriction". A Party matches as complainant, respondent
-- or third party; topics match any of the case's topics. mechanisms, sectors and
-- case_statuses are the Cases page's own.
-- period_rule says which date the period bounds (dashboard.cases.PERIOD_RULES):
--   'request'  the request date (the Cases page: cases opened in the period);
--   'resolved' the resolution date (cases resolved or closed in the period);
--   'activity' either (the Summary: cases opened, resolved or closed in the period).
-- Any other rule selects nothing, never everything (dashboard.cases.query_params refuses it).
create or replace macro filtered_cases(
    date_from, date_to, period_rule, parties, topics, mechanisms, sectors, case_statuses
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
),
dated as (
    select
        *,
        (date_from is null or request_date >= date_from)
        and (date_to is null or request_date <= date_to) as is_opened_in_period,
        resolution_date is not null
        and (date_from is null or resolution_date >= date_from)
        and (date_to is null or resolution_date <= date_to) as is_resolved_in_period
    from listed
)
select * exclude (is_opened_in_period, is_resolved_in_period)
from dated
where (
    (period_rule in ('request', 'activity') and is_opened_in_period)
    or (period_rule in ('resolved', 'activity') and is_resolved_in_period)
)
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
