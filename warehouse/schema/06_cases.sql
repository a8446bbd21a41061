-- Enforcement cases, loaded from data/cases/*.yaml: one row per Rapid Response Labor
-- Mechanism request or state-to-state dispute, then its third parties, topics, dated
-- milestones (oldest first) and sources. Milestone dates may be month-only: date_precision
-- says whether the date is the day itself or the first day of its month.

create table cases (
    case_id varchar not null,
    mechanism_code varchar not null,
    complainant_party varchar not null,
    respondent_party varchar not null,
    subject_en varchar not null,
    subject_es varchar,
    facility varchar,
    sector_code varchar,
    status varchar not null,
    outcome_en varchar,
    n_milestones integer not null,
    n_sources integer not null,
    confidence varchar not null,
    notes varchar,
    source_file varchar not null
);
comment on table cases is 'One row per case.
key: (case_id)';
comment on column cases.case_id is 'the file name without `.yaml` (`rrm-<year>-<facility>`, `ch31-<year>-<subject>`, ...)';
comment on column cases.mechanism_code is '`mechanisms` code: `rrm`, `ch31` or `ch10`';
comment on column cases.complainant_party is 'the Party that brought the case (for Chapter 10, the exporting country)';
comment on column cases.respondent_party is 'the Party whose measure or facility is in question';
comment on column cases.subject_en is 'short description, in English';
comment on column cases.subject_es is 'short description in Spanish; null when the record gives none';
comment on column cases.facility is 'RRM cases: the facility and its place; null otherwise';
comment on column cases.sector_code is '`sectors` code; null when unknown';
comment on column cases.status is '`case_statuses` code as of the latest milestone seen: `open`, `resolved`, `panel_report`, `closed`, `unknown`';
comment on column cases.outcome_en is 'one sentence, in English; null when none is known';
comment on column cases.n_milestones is 'milestones of the case (rows in `case_milestones`)';
comment on column cases.n_sources is 'sources of the case (rows in `case_sources`)';
comment on column cases.confidence is '`high` (official), `medium` (press or law firm), `low` (one unclear source)';
comment on column cases.notes is 'conflicts between sources, dates worked out rather than read';
comment on column cases.source_file is 'the YAML file it was loaded from';

create table case_third_parties (
    case_id varchar not null,
    party_code varchar not null
);
comment on table case_third_parties is 'One row per case × Party that joined it as a third party.
key: (case_id, party_code)';
comment on column case_third_parties.case_id is 'the case';
comment on column case_third_parties.party_code is 'the third Party';

create table case_topics (
    case_id varchar not null,
    topic_code varchar not null,
    rank integer not null
);
comment on table case_topics is 'One row per case × topic.
key: (case_id, topic_code)';
comment on column case_topics.case_id is 'the case';
comment on column case_topics.topic_code is 'the topic';
comment on column case_topics.rank is 'position in the record''s list, from 1';

create table case_milestones (
    case_id varchar not null,
    milestone_no integer not null,
    milestone_date date not null,
    date_precision varchar not null check (date_precision in ('day', 'month')),
    step_code varchar not null,
    text varchar not null,
    source_no integer not null
);
comment on table case_milestones is 'One row per dated step of a case, oldest first.
key: (case_id, milestone_no)';
comment on column case_milestones.case_id is 'the case';
comment on column case_milestones.milestone_no is 'position in the record''s list, from 1 (oldest first)';
comment on column case_milestones.milestone_date is 'the date (first day of its month when only the month is known)';
comment on column case_milestones.date_precision is '`day` or `month`';
comment on column case_milestones.step_code is '`case_steps` code (`request`, `review_accepted`, `consultations`, `panel_requested`, ...)';
comment on column case_milestones.text is 'what happened, a paraphrase in English';
comment on column case_milestones.source_no is 'the source it rests on (`case_sources.source_no`)';

create table case_sources (
    case_id varchar not null,
    source_no integer not null,
    url varchar not null,
    publisher varchar,
    published date,
    published_precision varchar check (published_precision in ('day', 'month', 'year')),
    language varchar,
    supports varchar
);
comment on table case_sources is 'One row per source of a case.
key: (case_id, source_no)';
comment on column case_sources.case_id is 'the case';
comment on column case_sources.source_no is 'position in the record''s list, from 1';
comment on column case_sources.url is 'address of the source';
comment on column case_sources.publisher is 'who published it';
comment on column case_sources.published is 'publication date (first day of its month or year when only that is known); null when the source gives none';
comment on column case_sources.published_precision is '`day`, `month` or `year`; null with `published`';
comment on column case_sources.language is 'two-letter language code';
comment on column case_sources.supports is 'which fields the source backs';
