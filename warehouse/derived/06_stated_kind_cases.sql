-- grain: one row per kind of stated count × case record of its scope, with the date the case
-- counts from. The one statement of which records a kind of stated total concerns (read by
-- stated_count_records and by the query stated_records_running): rrm_requests, RRM cases
-- (by request date); rrm_panels, RRM cases with a panel request (by its date);
-- rrm_resolutions, RRM cases resolved or closed (by resolution date); usmca_disputes,
-- Chapter 31 and Chapter 10 cases (by request date). rrm_workers and other concern no records.
create table stated_kind_cases as
with kinds as (
    select unnest(['rrm_requests', 'rrm_panels', 'rrm_resolutions', 'usmca_disputes']) as kind
)
select
    k.kind,
    f.case_id,
    case
        when k.kind = 'rrm_panels' then f.panel_requested_date
        when k.kind = 'rrm_resolutions' then f.resolution_date
        else f.request_date
    end as counted_date
from kinds as k
inner join case_facts as f
    on (k.kind = 'rrm_requests' and f.mechanism_code = 'rrm')
    or (k.kind = 'rrm_panels' and f.mechanism_code = 'rrm' and f.panel_requested_date is not null)
    or (k.kind = 'rrm_resolutions' and f.mechanism_code = 'rrm' and f.is_concluded)
    or (k.kind = 'usmca_disputes' and f.mechanism_code in ('ch31', 'ch10'))
order by k.kind, f.case_id;

comment on table stated_kind_cases is 'One row per kind of stated total × case record of its scope (`derived/06_stated_kind_cases.sql`),
the one statement of which records a kind concerns: `rrm_requests`, RRM cases (dated by
request); `rrm_panels`, RRM cases with a panel request (by its date); `rrm_resolutions`, RRM
cases resolved or closed (by resolution date); `usmca_disputes`, Chapter 31 and Chapter 10
cases (by request). `rrm_workers` and `other` concern no records and have no rows.
`stated_count_records` and the query `stated_records_running` (the running count drawn beside
the stated totals on the Cases page) read it.';
comment on column stated_kind_cases.kind is 'the kind of stated total (`stated_counts.kind`)';
comment on column stated_kind_cases.case_id is 'a case of its scope (`cases.case_id`)';
comment on column stated_kind_cases.counted_date is 'the date the case counts from for that kind';
