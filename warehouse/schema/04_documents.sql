-- Source documents and the offline search index, built by etl.search.search_frames from
-- data/documents/ (etl.documents) and the records (events and activity reports): documents and their passages, the
-- BM25 index over passages and records (queried by queries/search.sql), which stored document
-- each record cites and the passages that best support each record.

-- key: (document_id)
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

-- key: (document_id, passage_no)
create table passages (
    document_id varchar not null,
    passage_no integer not null,
    start_offset integer not null,
    end_offset integer not null,
    text varchar not null
);

-- key: (doc_kind, doc_key)
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

-- key: (term, doc_kind, doc_key)
create table search_terms (
    term varchar not null,
    doc_kind varchar not null,
    doc_key varchar not null,
    tf integer not null
);

-- key: (event_id, source_no)
create table event_documents (
    event_id varchar not null,
    source_no integer not null,
    document_id varchar not null
);

-- key: (event_id, rank)
create table event_passages (
    event_id varchar not null,
    rank integer not null,
    document_id varchar not null,
    passage_no integer not null,
    score double not null
);
