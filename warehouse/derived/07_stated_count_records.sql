-- grain: one row per stated count, with the number of case records it concerns, so a stated
-- total is never shown without what the records hold. Which records a kind concerns:
-- rrm_requests, RRM cases (counted by their request date); rrm_panels, RRM cases with a panel
-- request (by its date); rrm_resolutions, RRM cases resolved or closed (by the resolution
-- date); usmca_disputes, Chapter 31 and Chapter 10 cases (by request date). rrm_workers and
-- other concern no records (n_records is null). n_records_by_as_of counts those dated on or
-- before the last day of the count's as_of period (all of them when as_of is null).
create table stated_count_records as
with concerned as (
    select
        s.count_no,
        f.case_id,
        case
            when s.kind = 'rrm_panels' then f.panel_requested_date
            when s.kind = 'rrm_resolutions' then f.resolution_date
            else f.request_date
        end as counted_date
    from stated_counts as s
    inner join case_facts as f
        on (s.kind = 'rrm_requests' and f.mechanism_code = 'rrm')
        or (s.kind = 'rrm_panels' and f.mechanism_code = 'rrm' and f.panel_requested_date is not null)
        or (s.kind = 'rrm_resolutions' and f.mechanism_code = 'rrm' and f.is_concluded)
        or (s.kind = 'usmca_disputes' and f.mechanism_code in ('ch31', 'ch10'))
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
