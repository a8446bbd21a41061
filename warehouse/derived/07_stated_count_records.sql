-- grain: one row per stated count, with the number of case records it concerns, so a stated
-- total is never shown without what the records hold. Which records a kind concerns is
-- stated_kind_cases (06_stated_kind_cases.sql); rrm_workers and other concern no records
-- (n_records is null). n_records_by_as_of counts those dated on or before the last day of the
-- count's as_of period (all of them when as_of is null).
create table stated_count_records as
with concerned as (
    select s.count_no, k.case_id, k.counted_date
    from stated_counts as s
    inner join stated_kind_cases as k on s.kind = k.kind
),
as_of_ends as (
    select
        count_no,
        kind,
        case as_of_precision
            when 'year' then make_date(year(as_of), 12, 31)
            when 'month' then (as_of + interval 1 month - interval 1 day)::date
            else as_of
        end as as_of_end
    from stated_counts
)
select
    a.count_no,
    a.as_of_end,
    case when a.kind not in ('rrm_workers', 'other') then count(c.case_id) end::integer
        as n_records,
    case
        when a.kind not in ('rrm_workers', 'other')
            then count(c.case_id) filter (where a.as_of_end is null or c.counted_date <= a.as_of_end)
    end::integer as n_records_by_as_of,
    list(c.case_id order by c.case_id) filter (where c.case_id is not null) as case_ids
from as_of_ends as a
left join concerned as c on a.count_no = c.count_no
group by a.count_no, a.kind, a.as_of_end
order by a.count_no;

comment on table stated_count_records is 'One row per stated count (`derived/07_stated_count_records.sql`): the case records it
concerns, so a stated total is shown beside what the records hold. `rrm_requests`: RRM cases
(dated by request); `rrm_panels`: RRM cases with a panel request (by its date);
`rrm_resolutions`: RRM cases resolved or closed (by resolution date); `usmca_disputes`:
Chapter 31 and Chapter 10 cases (by request). `rrm_workers` and `other` concern no records.';
comment on column stated_count_records.count_no is 'the stated count (`stated_counts.count_no`)';
comment on column stated_count_records.as_of_end is 'last day of the count''s `as_of` period; null when undated';
comment on column stated_count_records.n_records is 'case records of the kind the count concerns; null for kinds no record counts';
comment on column stated_count_records.n_records_by_as_of is 'those dated on or before `as_of_end` (all when undated)';
comment on column stated_count_records.case_ids is 'their ids';
