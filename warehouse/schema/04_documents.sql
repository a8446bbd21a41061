-- Source documents and the offline search index, built by etl.search.search_frames from
-- data/documents/ (etl.documents) and the records (events and activity reports): documents and their passages, the
-- BM25 index over passages and records (queried by queries/search.sql), which stored document
-- each record cites and the passages that best support each record.

create table documents (
    document_id varchar not null,
    file varchar not null,
    kind varchar not null check (kind in ('txt', 'html', 'pdf')),
    title varchar not null,
    language varchar not null check (language in ('es', 'en', 'fr')),
    published date,
    n_passages integer not null,
    text varchar not null
);
comment on table documents is 'One row per source document.
key: (document_id)';
comment on column documents.document_id is 'first 16 hex digits of the SHA-256 of the file''s bytes (stable)';
comment on column documents.file is 'path of the file, e.g. `data/documents/reporte-....txt`';
comment on column documents.kind is '`txt`, `html` or `pdf`';
comment on column documents.title is 'the document''s first meaningful line';
comment on column documents.language is 'detected language: `es`, `en` or `fr`';
comment on column documents.published is 'publication date when the text states one; null otherwise';
comment on column documents.n_passages is 'number of passages';
comment on column documents.text is 'the repaired text (passage offsets point into it)';

create table passages (
    document_id varchar not null,
    passage_no integer not null,
    start_offset integer not null,
    end_offset integer not null,
    text varchar not null
);
comment on table passages is 'One row per passage (paragraph) of a document.
key: (document_id, passage_no)';
comment on column passages.document_id is 'the document';
comment on column passages.passage_no is 'position in the document, from 1';
comment on column passages.start_offset is 'first character of the passage in `documents.text` (0-based)';
comment on column passages.end_offset is 'one past its last character';
comment on column passages.text is 'the passage';

create table search_docs (
    doc_kind varchar not null check (doc_kind in ('passage', 'event', 'report', 'case')),
    doc_key varchar not null,
    document_id varchar,
    passage_no integer,
    event_id varchar,
    report_id varchar,
    case_id varchar,
    length integer not null
);
comment on table search_docs is 'One row per searchable unit: a passage, an event record, an activity report (its claim
text, the quotes naming its bodies and its notes) or an enforcement case (its subject,
facility, outcome and the text of every milestone). The record id columns come from the
registry of record types: one per searchable type, its key column.
key: (doc_kind, doc_key)';
comment on column search_docs.doc_kind is '`passage`, `event`, `report` or `case`';
comment on column search_docs.doc_key is '`<document_id>:<passage_no>` for a passage, the record''s id for an event, a report or a case';
comment on column search_docs.document_id is 'the passage''s document (null for records)';
comment on column search_docs.passage_no is 'the passage''s number (null for records)';
comment on column search_docs.event_id is 'the event (null otherwise)';
comment on column search_docs.report_id is 'the activity report (null otherwise)';
comment on column search_docs.case_id is 'the enforcement case (null otherwise)';
comment on column search_docs.length is 'number of indexed terms';

create table search_terms (
    term varchar not null,
    doc_kind varchar not null,
    doc_key varchar not null,
    tf integer not null
);
comment on table search_terms is 'One row per term × unit: the inverted index (terms are accent- and case-folded and stemmed by
`textrules.terms`). What a search finds is the table macro `search_matches(alternatives)`
(`warehouse/macros/search_matches.sql`): the units holding every term of one alternative; the
Documents page ranks them by BM25, the Events page lists their events.
key: (term, doc_kind, doc_key)';
comment on column search_terms.term is 'the normalised term';
comment on column search_terms.doc_kind is '`passage` or `event`';
comment on column search_terms.doc_key is 'the unit (see `search_docs`)';
comment on column search_terms.tf is 'how many times the term occurs in the unit';

create table event_documents (
    event_id varchar not null,
    source_no integer not null,
    document_id varchar not null
);
comment on table event_documents is 'One row per event source that cites a stored document (a `seed: ...` URL, a document id or
its file name).
key: (event_id, source_no)';
comment on column event_documents.event_id is 'the event';
comment on column event_documents.source_no is 'the source (`sources.source_no`)';
comment on column event_documents.document_id is 'the document it cites';

create table event_passages (
    event_id varchar not null,
    rank integer not null,
    document_id varchar not null,
    passage_no integer not null,
    score double not null
);
comment on table event_passages is 'One row per event × passage that best supports it, for each event that cites a
document, best first.
key: (event_id, rank)';
comment on column event_passages.event_id is 'the event';
comment on column event_passages.rank is '1 = best';
comment on column event_passages.document_id is 'the document';
comment on column event_passages.passage_no is 'the passage';
comment on column event_passages.score is 'BM25 score of the passage for the event''s title, city, participants and date';
