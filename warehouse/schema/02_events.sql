-- Event tables, loaded from data/events/*.yaml: one row per event, then its child lists.

-- key: (event_id)
create table events (
    event_id varchar not null,
    body_code varchar not null,
    edition integer,
    kind varchar not null,
    -- false for a dated act that is not a meeting (etl.taxonomy.ACT_KINDS: a decision, a
    -- public consultation): never counted as a meeting held nor as evidence that a body met.
    is_meeting boolean not null,
    title_en varchar not null,
    title_es varchar,
    start_date date not null,
    date_precision varchar not null check (date_precision in ('day', 'month', 'year')),
    end_date date,
    year integer not null,
    status varchar not null,
    format varchar not null,
    city varchar,
    host_party varchar,
    chair_party varchar,
    confidence varchar not null,
    notes varchar,
    source_file varchar not null
);

-- key: (event_id, topic_code)
create table event_topics (
    event_id varchar not null,
    topic_code varchar not null,
    rank integer not null
);

-- key: (event_id, ref)
create table event_treaty_refs (
    event_id varchar not null,
    ref varchar not null
);

-- key: (event_id, related_id)
create table event_links (
    event_id varchar not null,
    related_id varchar not null
);

-- key: (event_id, participant_no)
create table participants (
    event_id varchar not null,
    participant_no integer not null,
    name varchar not null,
    party_code varchar,
    organization varchar,
    role varchar,
    level varchar not null,
    capacity varchar not null
);

-- key: (event_id, panel_no)
create table panels (
    event_id varchar not null,
    panel_no integer not null,
    title varchar not null
);

-- key: (event_id, panel_no, topic_code)
create table panel_topics (
    event_id varchar not null,
    panel_no integer not null,
    topic_code varchar not null
);

-- key: (event_id, outcome_no)
create table outcomes (
    event_id varchar not null,
    outcome_no integer not null,
    kind varchar not null,
    text varchar not null
);

-- key: (event_id, outcome_no, topic_code)
create table outcome_topics (
    event_id varchar not null,
    outcome_no integer not null,
    topic_code varchar not null
);

-- key: (event_id, source_no)
create table sources (
    event_id varchar not null,
    source_no integer not null,
    url varchar not null,
    publisher varchar,
    published date,
    published_precision varchar check (published_precision in ('day', 'month', 'year')),
    language varchar,
    supports varchar
);
