-- grain: one row per enforcement case, with what its milestones say: the request date (its
-- first milestone whose step opens a case: request, consultations or panel_requested; else its
-- first milestone), the latest step and its date, the first panel request, the resolution
-- date (its first 'resolved' or 'closed' milestone, for a case whose status is resolved or
-- closed), the chapters it concerns (23, Labor, for RRM cases and cases with a labor topic;
-- 24, Environment, for cases with an environment topic), its durations in days, and its third
-- parties and topics as lists (gathered here once per build, so that the Cases page's filters
-- and lists read one row per case instead of aggregating per query).
-- `built_on` is the day of the build: days counted "to today" (days_open for a case not
-- concluded, days_since_last_step) are counted to that day and grow only when the warehouse
-- is rebuilt. Month-only dates count from the first day of their month.
create table case_facts as
with ordered as (
    select
        m.*,
        row_number() over (partition by m.case_id order by m.milestone_no desc) as from_last
    from case_milestones as m
),
firsts as (
    select
        case_id,
        min(milestone_no) filter (
            where step_code in ('request', 'consultations', 'panel_requested')
        ) as request_no,
        min(milestone_no) as first_no,
        min(milestone_date) filter (where step_code = 'panel_requested') as panel_requested_date,
        min(milestone_date) filter (where step_code in ('resolved', 'closed')) as concluded_date
    from case_milestones
    group by case_id
),
topic_chapters as (
    select
        ct.case_id,
        bool_or(t.group_code = 'labor') as has_labor,
        bool_or(t.group_code = 'environment') as has_environment
    from case_topics as ct
    inner join topics as t on ct.topic_code = t.topic_code
    group by ct.case_id
),
third_party_lists as (
    select case_id, list(party_code order by party_code) as third_parties
    from case_third_parties
    group by case_id
),
topic_lists as (
    select case_id, list(topic_code order by rank) as topic_codes
    from case_topics
    group by case_id
),
facts as (
    select
        c.case_id,
        c.mechanism_code,
        c.complainant_party,
        c.respondent_party,
        c.sector_code,
        c.status,
        c.status in ('resolved', 'closed') as is_concluded,
        r.milestone_date as request_date,
        r.date_precision as request_precision,
        l.step_code as latest_step_code,
        l.milestone_date as latest_step_date,
        l.date_precision as latest_step_precision,
        f.panel_requested_date,
        case when c.status in ('resolved', 'closed') then f.concluded_date end as resolution_date,
        list_filter(
            [
                case when c.mechanism_code = 'rrm' or coalesce(tc.has_labor, false) then 23 end,
                case when coalesce(tc.has_environment, false) then 24 end
            ],
            lambda x: x is not null
        )::integer[] as chapters,
        current_date as built_on,
        coalesce(tp.third_parties, []) as third_parties,
        coalesce(tl.topic_codes, []) as topic_codes
    from cases as c
    inner join firsts as f on c.case_id = f.case_id
    inner join case_milestones as r
        on c.case_id = r.case_id and coalesce(f.request_no, f.first_no) = r.milestone_no
    inner join ordered as l on c.case_id = l.case_id and l.from_last = 1
    left join topic_chapters as tc on c.case_id = tc.case_id
    left join third_party_lists as tp on c.case_id = tp.case_id
    left join topic_lists as tl on c.case_id = tl.case_id
)
select
    *,
    year(request_date)::integer as request_year,
    (resolution_date - request_date)::integer as days_to_resolution,
    case when not is_concluded then (built_on - request_date)::integer end as days_open,
    (built_on - latest_step_date)::integer as days_since_last_step
from facts
order by case_id;

comment on table case_facts is 'One row per case (`derived/06_case_facts.sql`): what its milestones say. **Days counted "to
today" are counted to the day of the build** (`built_on`): they grow only when the warehouse
is rebuilt, and two builds on different days give different values there (the only columns
of the warehouse that depend on the build day). Month-only dates count from the first day of
their month.';
comment on column case_facts.case_id is 'the case';
comment on column case_facts.mechanism_code is 'as in `cases`';
comment on column case_facts.complainant_party is 'as in `cases`';
comment on column case_facts.respondent_party is 'as in `cases`';
comment on column case_facts.sector_code is 'as in `cases`';
comment on column case_facts.status is 'as in `cases`';
comment on column case_facts.is_concluded is 'status is `resolved` or `closed`';
comment on column case_facts.request_date is 'date of the first milestone that opens a case (`request`, `consultations` or `panel_requested`), else of the first milestone';
comment on column case_facts.request_precision is '`day` or `month`';
comment on column case_facts.request_year is 'year of `request_date`';
comment on column case_facts.latest_step_code is 'step of the last milestone';
comment on column case_facts.latest_step_date is 'its date';
comment on column case_facts.latest_step_precision is '`day` or `month`';
comment on column case_facts.panel_requested_date is 'date of the first `panel_requested` milestone; null when none';
comment on column case_facts.resolution_date is 'for a concluded case, date of its first `resolved` or `closed` milestone; null otherwise';
comment on column case_facts.chapters is 'treaty chapters the case concerns: 23 (Labor) for RRM cases and cases with a labor topic, 24 (Environment) for cases with an environment topic';
comment on column case_facts.built_on is 'the day of the build';
comment on column case_facts.third_parties is 'the case''s third parties (`case_third_parties`), sorted; `[]` when none';
comment on column case_facts.topic_codes is 'the case''s topics (`case_topics`) in the record''s order';
comment on column case_facts.days_to_resolution is '`resolution_date` − `request_date` for a concluded case; null otherwise';
comment on column case_facts.days_open is 'for a case not concluded, `built_on` − `request_date`; null for a concluded case';
comment on column case_facts.days_since_last_step is '`built_on` − `latest_step_date`';
