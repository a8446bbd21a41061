-- The filtered events the search $alternatives finds (the events among
-- macros/search_matches.sql's units, as the Documents page finds them: titles, city, notes,
-- id, topics in three languages, panels, outcomes and people; no alternatives match every
-- event), newest first unless $ascending, at most
-- $max_rows rows. source_urls lists every source of the event, separated by ' | ';
-- outcome_texts and participant_names list its outcomes and named people in record order;
-- n_total counts every matching event, however many rows the limit keeps.
with matched as (
    select
        fe.*,
        count(*) over () as n_total
    from filtered_events($filters) as fe
    where len($alternatives) = 0
       or fe.event_id in (
           select doc_key from search_matches($alternatives) where doc_kind = 'event'
       )
    order by
        case when $ascending then start_date end asc,
        case when not $ascending then start_date end desc,
        event_id
    limit $max_rows
),
source_lists as (
    -- only for the rows kept by the limit, as below
    select event_id, count(*) as n_sources, string_agg(url, ' | ' order by source_no) as urls
    from sources
    where event_id in (select event_id from matched)
    group by all
),
outcome_lists as (
    select event_id, list(text order by outcome_no) as outcome_texts
    from outcomes
    where event_id in (select event_id from matched)
    group by all
),
people_lists as (
    select event_id, list(name order by participant_no) as participant_names
    from participants
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
    matched.is_meeting,
    matched.edition,
    matched.title_en,
    matched.title_es,
    matched.status,
    matched.format,
    matched.city,
    matched.host_party,
    matched.chair_party,
    matched.confidence,
    matched.topic_codes,
    coalesce(outcome_lists.outcome_texts, []) as outcome_texts,
    coalesce(people_lists.participant_names, []) as participant_names,
    coalesce(source_lists.n_sources, 0) as n_sources,
    source_lists.urls as source_urls,
    matched.n_total
from matched
left join source_lists using (event_id)
left join outcome_lists using (event_id)
left join people_lists using (event_id)
order by
    case when $ascending then matched.start_date end asc,
    case when not $ascending then matched.start_date end desc,
    matched.event_id;
