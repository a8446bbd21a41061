-- grain: one row per kind of stated total × day on which a case record of its scope counts
-- (stated_kind_cases), with the running count of those records up to that day: the step line
-- drawn beside what sources state. $kinds: the kinds to return. Cases with no date to count
-- from cannot be placed on a line and are left out (n_undated on every row says how many).
with dated as (
    select kind, counted_date, count(*)::integer as n_on_day
    from stated_kind_cases
    where kind in (select unnest($kinds::varchar[])) and counted_date is not null
    group by kind, counted_date
),
undated as (
    select kind, count(*) filter (where counted_date is null)::integer as n_undated
    from stated_kind_cases
    group by kind
)
select
    d.kind,
    d.counted_date,
    d.n_on_day,
    (sum(d.n_on_day) over (
        partition by d.kind order by d.counted_date rows unbounded preceding
    ))::integer as n_records,
    coalesce(u.n_undated, 0) as n_undated
from dated as d
left join undated as u on d.kind = u.kind
order by d.kind, d.counted_date;
