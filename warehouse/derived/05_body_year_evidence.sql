-- grain: one row per body of the taxonomy × calendar year, from 2020 (entry into force) through
-- the latest year any record names. `evidence` is the strongest evidence of activity that
-- year, by the rule of data/README.md: a meeting held that year ('held_event'; a decision or a
-- public consultation is not one: events.is_meeting), else an activity report whose period lies
-- within that year saying the body met ('reported_met'), else one saying it reported or its
-- work was reviewed ('reported_work'), else a decision of the body adopted that year
-- ('decision_adopted': it acted, without a known meeting), else a report whose period spans
-- several years, this one among them ('reported_span': evidence for the span, never for the
-- year; report_periods.year is null), else 'none'. 'none' means nothing is known, not that the
-- body was inactive. Counts and ids of what lies behind each level; for spans, the claim and
-- bounds of the one to show: 'met' before 'reported', then the one ending first.
create table body_year_evidence as
with last_year as (
    select greatest(
        2020,
        coalesce((select max(year) from events), 2020),
        coalesce((select max(last_year) from report_periods), 2020)
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
decisions as (
    select
        body_code,
        year,
        count(*)::integer as n_events,
        list(event_id order by start_date, event_id) as event_ids
    from events
    where status = 'held' and kind = 'decision'
    group by all
),
claims as (
    select
        report_bodies.body_code,
        report_periods.year,
        report_bodies.claim,
        count(distinct report_bodies.report_id)::integer as n_reports,
        list(distinct report_bodies.report_id order by report_bodies.report_id) as report_ids
    from report_bodies
    inner join report_periods using (report_id)
    where report_periods.year is not null
    group by all
),
span_cover as (
    select
        report_bodies.body_code,
        years.year,
        report_bodies.claim,
        report_bodies.report_id,
        report_periods.span_from,
        report_periods.span_to,
        row_number() over (
            partition by report_bodies.body_code, years.year
            order by
                report_bodies.claim = 'met' desc,
                report_periods.span_to, report_periods.span_from desc, report_bodies.report_id
        ) as rank
    from report_bodies
    inner join report_periods using (report_id)
    inner join years
        on years.year between report_periods.first_year and report_periods.last_year
    where report_periods.year is null
),
spans as (
    select
        body_code,
        year,
        count(distinct report_id) filter (where claim = 'met')::integer as n_met,
        coalesce(
            list(distinct report_id order by report_id) filter (where claim = 'met'),
            []::varchar[]
        ) as met_ids,
        count(distinct report_id) filter (where claim = 'reported')::integer as n_work,
        coalesce(
            list(distinct report_id order by report_id) filter (where claim = 'reported'),
            []::varchar[]
        ) as work_ids,
        any_value(claim) filter (where rank = 1) as claim,
        any_value(span_from) filter (where rank = 1) as span_from,
        any_value(span_to) filter (where rank = 1) as span_to
    from span_cover
    group by all
)
select
    grid.body_code,
    grid.year,
    case
        when held.n_events > 0 then 'held_event'
        when met.n_reports > 0 then 'reported_met'
        when work.n_reports > 0 then 'reported_work'
        when decisions.n_events > 0 then 'decision_adopted'
        when spans.year is not null then 'reported_span'
        else 'none'
    end as evidence,
    coalesce(held.n_events, 0) as n_held_events,
    coalesce(held.event_ids, []::varchar[]) as held_event_ids,
    coalesce(met.n_reports, 0) as n_reports_met,
    coalesce(met.report_ids, []::varchar[]) as met_report_ids,
    coalesce(work.n_reports, 0) as n_reports_work,
    coalesce(work.report_ids, []::varchar[]) as work_report_ids,
    coalesce(decisions.n_events, 0) as n_decisions,
    coalesce(decisions.event_ids, []::varchar[]) as decision_event_ids,
    coalesce(spans.n_met, 0) as n_span_reports_met,
    coalesce(spans.met_ids, []::varchar[]) as span_met_report_ids,
    coalesce(spans.n_work, 0) as n_span_reports_work,
    coalesce(spans.work_ids, []::varchar[]) as span_work_report_ids,
    spans.claim as span_claim,
    spans.span_from,
    spans.span_to
from grid
left join held using (body_code, year)
left join claims as met
    on grid.body_code = met.body_code and grid.year = met.year and met.claim = 'met'
left join claims as work
    on grid.body_code = work.body_code and grid.year = work.year and work.claim = 'reported'
left join decisions on grid.body_code = decisions.body_code and grid.year = decisions.year
left join spans on grid.body_code = spans.body_code and grid.year = spans.year
order by grid.body_code, grid.year;

comment on table body_year_evidence is 'One row per body of the taxonomy × year, from 2020 through the latest year any record names
(`derived/05_body_year_evidence.sql`): the strongest evidence of activity that year. `none`
means nothing is known, not that the body did not meet.';
comment on column body_year_evidence.body_code is 'the body';
comment on column body_year_evidence.year is 'calendar year';
comment on column body_year_evidence.evidence is 'strongest first: `held_event` (a meeting held that year; a decision or a public consultation is not one), `reported_met` (a report of a period within that year says it met), `reported_work` (such a report says it reported or its work was reviewed), `decision_adopted` (a decision of the body adopted that year: it acted, without a known meeting), `reported_span` (only a report spanning several years, this one among them, names it: "met at some time between 2020-07 and 2021-06", never activity in the year), `none`';
comment on column body_year_evidence.n_held_events is 'meetings of the body held that year';
comment on column body_year_evidence.held_event_ids is 'their ids, oldest first';
comment on column body_year_evidence.n_reports_met is 'reports of a period within that year that say the body met';
comment on column body_year_evidence.met_report_ids is 'their ids';
comment on column body_year_evidence.n_reports_work is 'reports of a period within that year that say the body reported its work';
comment on column body_year_evidence.work_report_ids is 'their ids';
comment on column body_year_evidence.n_decisions is 'decisions of the body adopted (`kind = ''decision''`, held) that year';
comment on column body_year_evidence.decision_event_ids is 'their ids, oldest first';
comment on column body_year_evidence.n_span_reports_met is 'multi-year reports covering the year that say the body met';
comment on column body_year_evidence.span_met_report_ids is 'their ids';
comment on column body_year_evidence.n_span_reports_work is 'multi-year reports covering the year that say it reported its work';
comment on column body_year_evidence.span_work_report_ids is 'their ids';
comment on column body_year_evidence.span_claim is 'the claim of the span to show for the year (`met` before `reported`, then the one ending first); null when no span covers the year';
comment on column body_year_evidence.span_from is 'that span''s start (`2020-07`, or `2020`)';
comment on column body_year_evidence.span_to is 'that span''s end';
