-- grain: one row per searchable unit (passage, event, activity report or enforcement case)
-- that holds every term of at least one of the alternatives; matched_terms lists the terms of
-- all the alternatives it holds, sorted.
-- What a search finds, defined once: the Documents page ranks these units (queries/search.sql)
-- and the Events page lists their events (queries/events_list.sql).
-- alternatives: a list of lists of index terms (textrules.terms.query_terms of the search
--   box's text, and of the other spellings of a place it names); an empty one matches nothing.
create or replace macro search_matches(alternatives) as table
with wanted as (
    select distinct unnest(flatten(alternatives::varchar[][])) as term
),
held as (
    select t.doc_kind, t.doc_key, list(t.term order by t.term) as matched_terms
    from search_terms as t
    inner join wanted as w on t.term = w.term
    group by t.doc_kind, t.doc_key
)
select doc_kind, doc_key, matched_terms
from held
where len(list_filter(
    alternatives::varchar[][],
    lambda alternative: len(alternative) > 0 and list_has_all(matched_terms, alternative)
)) > 0;
