-- grain: one row per enforcement case that passes the cases filters: every column of
-- case_facts (third parties and topics included, as lists gathered once per build) plus the
-- case's subject, facility, outcome and confidence. f is one struct built by
-- dashboard.cases.cases.query_params: date_from, date_to, period_rule and the lists parties, topics,
-- mechanisms, sectors and case_statuses. Every list means "any of these"; an empty list means
-- "no restriction". A Party matches as complainant, respondent
-- or third party; topics match any of the case's topics. mechanisms, sectors and
-- case_statuses are the Cases page's own.
-- period_rule says which date the period bounds (dashboard.cases.cases.PERIOD_RULES):
--   'request'  the request date (the Cases page: cases opened in the period);
--   'resolved' the resolution date (cases resolved or closed in the period);
--   'activity' either (the Summary: cases opened, resolved or closed in the period).
-- Any other rule selects nothing, never everything (dashboard.cases.cases.query_params refuses it).
create or replace macro filtered_cases(f) as table
with listed as (
    select
        facts.*,
        cases.subject_en,
        cases.subject_es,
        cases.facility,
        cases.outcome_en,
        cases.confidence,
        cases.n_milestones
    from case_facts as facts
    inner join cases on facts.case_id = cases.case_id
),
dated as (
    select
        *,
        (struct_extract(f, 'date_from') is null or request_date >= struct_extract(f, 'date_from'))
        and (struct_extract(f, 'date_to') is null or request_date <= struct_extract(f, 'date_to'))
            as is_opened_in_period,
        resolution_date is not null
        and (
            struct_extract(f, 'date_from') is null
            or resolution_date >= struct_extract(f, 'date_from')
        )
        and (
            struct_extract(f, 'date_to') is null
            or resolution_date <= struct_extract(f, 'date_to')
        ) as is_resolved_in_period
    from listed
)
select * exclude (is_opened_in_period, is_resolved_in_period)
from dated
where (
    (struct_extract(f, 'period_rule') in ('request', 'activity') and is_opened_in_period)
    or (struct_extract(f, 'period_rule') in ('resolved', 'activity') and is_resolved_in_period)
)
  and (
      len(struct_extract(f, 'mechanisms')) = 0
      or list_contains(struct_extract(f, 'mechanisms'), mechanism_code)
  )
  and (
      len(struct_extract(f, 'sectors')) = 0
      or list_contains(struct_extract(f, 'sectors'), sector_code)
  )
  and (
      len(struct_extract(f, 'case_statuses')) = 0
      or list_contains(struct_extract(f, 'case_statuses'), status)
  )
  and (
      len(struct_extract(f, 'topics')) = 0
      or list_has_any(topic_codes, struct_extract(f, 'topics'))
  )
  and (
      len(struct_extract(f, 'parties')) = 0
      or list_contains(struct_extract(f, 'parties'), complainant_party)
      or list_contains(struct_extract(f, 'parties'), respondent_party)
      or list_has_any(third_parties, struct_extract(f, 'parties'))
  );
