-- grain: one row per activity report × body it names, for the reports that concern the
-- sidebar's bodies and period: the body is among $bodies (or of a chapter among $chapters;
-- empty lists restrict nothing) and the report's counting years (report_years) overlap the
-- period $date_from – $date_to (null: open). Other filters (topics, Parties, kinds, statuses)
-- describe events and do not apply. Newest report first.
with in_period as (
    select distinct report_id
    from report_years
    where ($date_from::date is null or year >= year($date_from::date))
      and ($date_to::date is null or year <= year($date_to::date))
)
select
    r.report_id,
    r.published,
    r.published_precision,
    r.period_start,
    r.period_start_precision,
    r.period_end,
    r.period_end_precision,
    r.claim_text,
    r.confidence,
    b.body_no,
    b.body_code,
    b.claim,
    b.quote
from activity_reports as r
inner join in_period using (report_id)
inner join report_bodies as b using (report_id)
inner join bodies using (body_code)
where (len($bodies::varchar[]) = 0 or list_contains($bodies::varchar[], b.body_code))
  and (len($chapters::integer[]) = 0 or list_contains($chapters::integer[], bodies.chapter))
order by r.published desc nulls last, r.report_id, b.body_no;
