-- The filtered events matching the search text $q (accent- and case-insensitive, in titles,
-- city, notes and id; '' matches all), newest first unless $ascending, at most $max_rows rows.
-- source_urls lists every source of the event, separated by ' | '; n_total counts every
-- matching event, however many rows the limit keeps.
with matched as (
    select
        *,
        count(*) over () as n_total
    from filtered_events(
        $date_from, $date_to, $bodies, $chapters, $topics, $topic_groups, $parties,
        $party_roles, $kinds, $statuses, $confidences
    )
    where $q = ''
       or contains(
           strip_accents(lower(concat_ws(' ', title_en, title_es, city, notes, event_id))),
           strip_accents(lower($q))
       )
    order by
        case when $ascending then start_date end asc,
        case when not $ascending then start_date end desc,
        event_id
    limit $max_rows
),
source_lists as (
    -- only for the rows kept by the limit
    select event_id, count(*) as n_sources, string_agg(url, ' | ' order by source_no) as urls
    from sources
    where event_id in (select event_id from matched)
    group by all
)
select
    matched.event_id,
    matched.start_date,
    matched.date_precision,
    matched.end_date,
    matched.body_code,
    matched.kind,
    matched.edition,
    matched.title_en,
    matched.title_es,
    matched.status,
    matched.format,
    matched.city,
    matched.host_party,
    matched.chair_party,
    matched.confidence,
    coalesce(source_lists.n_sources, 0) as n_sources,
    source_lists.urls as source_urls,
    matched.n_total
from matched
left join source_lists using (event_id)
order by
    case when $ascending then matched.start_date end asc,
    case when not $ascending then matched.start_date end desc,
    matched.event_id;
