-- grain: one row per body of the taxonomy × calendar year, from 2020 (entry into force) through
-- the latest year any record names. `evidence` is the strongest evidence of activity that
-- year, by the rule of data/README.md: a meeting held that year ('held_event'; a
-- decision or a public consultation is not one: events.is_meeting), else an
-- activity report whose period covers that year saying the body met ('reported_met'), else one
-- saying it reported or its work was reviewed ('reported_work'), else 'none'. 'none' means
-- nothing is known, not that the body was inactive. Counts and ids of what lies behind it.
create table body_year_evidence as
with last_year as (
    select greatest(
        2020,
        coalesce((select max(year) from events), 2020),
        coalesce((select max(year) from report_years), 2020)
    ) as year
),
years as (
    select unnest(range(2020, (select year from last_year) + 1))::integer as year
),
grid as (
    select bodies.body_code, years.year
    from bodies
    cross join years
),
held as (
    select
        body_code,
        year,
        count(*)::integer as n_events,
        list(event_id order by start_date, event_id) as event_ids
    from events
    where status = 'held' and is_meeting
    group by all
),
claims as (
    select
        report_bodies.body_code,
        report_years.year,
        report_bodies.claim,
        count(distinct report_bodies.report_id)::integer as n_reports,
        list(distinct report_bodies.report_id order by report_bodies.report_id) as report_ids
    from report_bodies
    inner join report_years using (report_id)
    group by all
)
select
    grid.body_code,
    grid.year,
    case
        when held.n_events > 0 then 'held_event'
        when met.n_reports > 0 then 'reported_met'
        when work.n_reports > 0 then 'reported_work'
        else 'none'
    end as evidence,
    coalesce(held.n_events, 0) as n_held_events,
    coalesce(held.event_ids, []::varchar[]) as held_event_ids,
    coalesce(met.n_reports, 0) as n_reports_met,
    coalesce(met.report_ids, []::varchar[]) as met_report_ids,
    coalesce(work.n_reports, 0) as n_reports_work,
    coalesce(work.report_ids, []::varchar[]) as work_report_ids
from grid
left join held using (body_code, year)
left join claims as met
    on grid.body_code = met.body_code and grid.year = met.year and met.claim = 'met'
left join claims as work
    on grid.body_code = work.body_code and grid.year = work.year and work.claim = 'reported'
order by grid.body_code, grid.year;
