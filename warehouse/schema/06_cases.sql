-- Enforcement cases, loaded from data/cases/*.yaml: one row per Rapid Response Labor
-- Mechanism request or state-to-state dispute, then its third parties, topics, dated
-- milestones (oldest first) and sources. Milestone dates may be month-only: date_precision
-- says whether the date is the day itself or the first day of its month.

-- key: (case_id)
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

-- key: (case_id, party_code)
create table case_third_parties (
    case_id varchar not null,
    party_code varchar not null
);

-- key: (case_id, topic_code)
create table case_topics (
    case_id varchar not null,
    topic_code varchar not null,
    rank integer not null
);

-- key: (case_id, milestone_no)
create table case_milestones (
    case_id varchar not null,
    milestone_no integer not null,
    milestone_date date not null,
    date_precision varchar not null check (date_precision in ('day', 'month')),
    step_code varchar not null,
    text varchar not null,
    source_no integer not null
);

-- key: (case_id, source_no)
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
