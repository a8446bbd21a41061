-- Full-text search over document passages, events, activity reports and enforcement cases,
-- ranked by BM25; a passage shorter than $min_terms terms (a bare heading) has its score scaled
-- by length / $min_terms, exactly as etl.search.SearchIndex.rank scales it.
-- grain: one row per passage, event, report or case the search finds (holding every term of
-- one alternative: macros/search_matches.sql), best first.
-- $alternatives: lists of index terms (see macros/search_matches.sql)
-- $k1, $b: BM25 parameters (etl.search.K1 = 1.2, etl.search.B = 0.75)
-- $min_terms: the length in terms under which a passage is a bare heading (etl.search.MIN_TERMS)
-- $limit: how many rows at most
with corpus as (
    select count(*)::double as n_docs, avg(length)::double as avg_length
    from search_docs
),

found as (
    select * from search_matches($alternatives)
),

query_terms as (
    select distinct unnest(flatten($alternatives::varchar[][])) as term
),

term_idf as (
    select
        t.term,
        ln(1 + (c.n_docs - count(*) + 0.5) / (count(*) + 0.5)) as idf
    from search_terms as t
    inner join query_terms as q on t.term = q.term
    cross join corpus as c
    group by t.term, c.n_docs
),

scored as (
    select
        t.doc_kind,
        t.doc_key,
        sum(
            i.idf * t.tf * ($k1 + 1)
            / (t.tf + $k1 * (1 - $b + $b * d.length / c.avg_length))
        )
        * case
            when t.doc_kind = 'passage' and d.length < $min_terms
                then d.length::double / $min_terms
            else 1
        end as score,
        f.matched_terms
    from search_terms as t
    inner join found as f on t.doc_kind = f.doc_kind and t.doc_key = f.doc_key
    inner join term_idf as i on t.term = i.term
    inner join search_docs as d on t.doc_kind = d.doc_kind and t.doc_key = d.doc_key
    cross join corpus as c
    group by t.doc_kind, t.doc_key, d.length, f.matched_terms
)

select
    s.doc_kind,
    s.doc_key,
    s.score,
    s.matched_terms,
    d.document_id,
    d.passage_no,
    d.event_id,
    d.report_id,
    d.case_id,
    coalesce(doc.title, e.title_en, r.claim_text, c.subject_en) as title,
    coalesce(p.text, e.title_en, r.claim_text || '
' || rq.quotes, c.subject_en) as text,
    p.start_offset,
    p.end_offset
from scored as s
inner join search_docs as d on s.doc_kind = d.doc_kind and s.doc_key = d.doc_key
left join passages as p on d.document_id = p.document_id and d.passage_no = p.passage_no
left join documents as doc on d.document_id = doc.document_id
left join events as e on d.event_id = e.event_id
left join activity_reports as r on d.report_id = r.report_id
left join (
    select report_id, string_agg(quote, ' · ' order by body_no) as quotes
    from report_bodies
    group by report_id
) as rq on d.report_id = rq.report_id
left join cases as c on d.case_id = c.case_id
order by s.score desc, s.doc_kind, s.doc_key
limit $limit
