-- Event tables, loaded from data/events/*.yaml: one row per event, then its child lists.

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
comment on table events is 'One row per event record.
key: (event_id)';
comment on column events.event_id is 'the record''s id (equals its file name)';
comment on column events.body_code is 'the body that met (`bodies.body_code`)';
comment on column events.edition is 'ordinal of the meeting of that body ("third session" = 3); null when unknown';
comment on column events.kind is '`committee_meeting`, `dialogue`, `commission_meeting`, ... (`codes` list `kinds`)';
comment on column events.is_meeting is 'false for a dated act that is not a meeting (`decision`, `public_consultation`: `etl.taxonomy.ACT_KINDS`); every count of meetings, a body''s last meeting and the evidence grid''s "meeting held" read it';
comment on column events.title_en is 'title in English';
comment on column events.title_es is 'title in Spanish; null when the record has none';
comment on column events.start_date is 'first day of the event; for a partial date, the first day of its month or year';
comment on column events.date_precision is 'how much of `start_date` is known: `day`, `month` or `year`';
comment on column events.end_date is 'last day of the event; null when unknown';
comment on column events.year is 'year of `start_date`';
comment on column events.status is '`held`, `postponed`, `rescheduled`, `cancelled` or `announced`';
comment on column events.format is '`in_person`, `virtual`, `hybrid` or `unknown`';
comment on column events.city is 'city where it took place; null when unknown or virtual';
comment on column events.host_party is 'Party that hosted (`parties.party_code`); null when none or unknown';
comment on column events.chair_party is 'Party that chaired; null when jointly chaired or unknown';
comment on column events.confidence is '`high` (official source), `medium` (press, secondary), `low` (announced, inferred)';
comment on column events.notes is 'the curator''s notes: conflicts between sources, what is uncertain';
comment on column events.source_file is 'the record file it was loaded from, e.g. `data/events/ftc-2025.yaml`';

create table event_topics (
    event_id varchar not null,
    topic_code varchar not null,
    rank integer not null
);
comment on table event_topics is 'One row per event × topic the record lists at event level.
key: (event_id, topic_code)';
comment on column event_topics.event_id is 'the event';
comment on column event_topics.topic_code is 'the topic (`topics.topic_code`)';
comment on column event_topics.rank is '1 = most prominent, in the record''s order';

create table event_treaty_refs (
    event_id varchar not null,
    ref varchar not null
);
comment on table event_treaty_refs is 'One row per event × treaty reference.
key: (event_id, ref)';
comment on column event_treaty_refs.event_id is 'the event';
comment on column event_treaty_refs.ref is 'article such as `24.26` or chapter such as `ch24`';

create table event_links (
    event_id varchar not null,
    related_id varchar not null
);
comment on table event_links is 'One row per event × related event. `related_id` may name an event not (yet) in the data set.
key: (event_id, related_id)';
comment on column event_links.event_id is 'the event';
comment on column event_links.related_id is 'id of the related event';

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
comment on table participants is 'One row per named participant of an event.
key: (event_id, participant_no)';
comment on column participants.event_id is 'the event';
comment on column participants.participant_no is 'position in the record''s list, from 1';
comment on column participants.name is 'the person''s name';
comment on column participants.party_code is 'the Party they represent; null for participants of no Party';
comment on column participants.organization is 'their organization';
comment on column participants.role is 'their title as the source gives it';
comment on column participants.level is '`minister`, `deputy_minister`, `senior_official`, `ambassador`, `official`, `non_government`, `unknown`';
comment on column participants.capacity is '`chair`, `co_chair`, `head_of_delegation`, `speaker`, `panelist`, `moderator`, `participant`';

create table panels (
    event_id varchar not null,
    panel_no integer not null,
    title varchar not null
);
comment on table panels is 'One row per panel (thematic session) of an event.
key: (event_id, panel_no)';
comment on column panels.event_id is 'the event';
comment on column panels.panel_no is 'position in the record''s list, from 1';
comment on column panels.title is 'the panel''s title as given by the source';

create table panel_topics (
    event_id varchar not null,
    panel_no integer not null,
    topic_code varchar not null
);
comment on table panel_topics is 'One row per panel × topic.
key: (event_id, panel_no, topic_code)';
comment on column panel_topics.event_id is 'the event';
comment on column panel_topics.panel_no is 'the panel (`panels.panel_no`)';
comment on column panel_topics.topic_code is 'the topic';

create table outcomes (
    event_id varchar not null,
    outcome_no integer not null,
    kind varchar not null,
    text varchar not null
);
comment on table outcomes is 'One row per outcome (agreement, commitment, decision, ...) of an event.
key: (event_id, outcome_no)';
comment on column outcomes.event_id is 'the event';
comment on column outcomes.outcome_no is 'position in the record''s list, from 1';
comment on column outcomes.kind is '`agreement`, `commitment`, `decision`, `announcement`, `follow_up`';
comment on column outcomes.text is 'a paraphrase of the outcome';

create table outcome_topics (
    event_id varchar not null,
    outcome_no integer not null,
    topic_code varchar not null
);
comment on table outcome_topics is 'One row per outcome × topic.
key: (event_id, outcome_no, topic_code)';
comment on column outcome_topics.event_id is 'the event';
comment on column outcome_topics.outcome_no is 'the outcome (`outcomes.outcome_no`)';
comment on column outcome_topics.topic_code is 'the topic';

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
comment on table sources is 'One row per source cited by an event record.
key: (event_id, source_no)';
comment on column sources.event_id is 'the event';
comment on column sources.source_no is 'position in the record''s list, from 1';
comment on column sources.url is 'address of the source, or `seed: ...` for a document in `data/documents/`';
comment on column sources.publisher is 'who published it';
comment on column sources.published is 'publication date (first day of its month or year when only that is known); null when the source gives none';
comment on column sources.published_precision is '`day`, `month` or `year`; null with `published`';
comment on column sources.language is 'two-letter language code, e.g. `es`';
comment on column sources.supports is 'which fields of the record the source backs';
