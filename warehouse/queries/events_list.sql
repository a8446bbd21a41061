-- The filtered events matching the search text $q (accent- and case-insensitive, in titles,
-- city and notes; '' matches all), newest first unless $ascending, at most $max_rows rows.
-- source_urls lists every source of the event, separated by ' | '; n_total counts every
-- matching event, however many rows the limit keeps.
with fe as (
    select * from filtered_events(
    $date_from, $date_to, $bodies, $chapters, $topics, $topic_groups, $parties, $party_roles,
    $kinds, $statuses, $confidences
)
),
source_lists as (
    select event_id, count(*) as n_sources, string_agg(url, ' | ' order by source_no) as urls
    from sources
    join fe using (event_id)
    group by all
)
select
    fe.event_id,
    fe.start_date,
    fe.date_precision,
    fe.end_date,
    fe.body_code,
    fe.kind,
    fe.edition,
    fe.title_en,
    fe.title_es,
    fe.status,
    fe.format,
    fe.city,
    fe.host_party,
    fe.chair_party,
    fe.confidence,
    coalesce(source_lists.n_sources, 0) as n_sources,
    source_lists.urls as source_urls,
    count(*) over () as n_total
from fe
left join source_lists using (event_id)
where $q = ''
   or contains(
       strip_accents(lower(concat_ws(' ', fe.title_en, fe.title_es, fe.city, fe.notes, fe.event_id))),
       strip_accents(lower($q))
   )
order by
    case when $ascending then fe.start_date end asc,
    case when not $ascending then fe.start_date end desc,
    fe.event_id
limit $max_rows;
