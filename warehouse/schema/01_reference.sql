-- Reference tables, loaded from taxonomy.yaml: every code a record may use, with labels.
-- Keys are stated, not declared: the ETL guarantees them (tests/warehouse/test_build.py checks
-- them), and undeclared keys make the bulk load several times faster and the file smaller.

-- key: (party_code)
create table parties (
    party_code varchar not null,
    name_en varchar not null,
    name_es varchar not null,
    name_fr varchar not null
);

-- key: (body_code)
create table bodies (
    body_code varchar not null,
    chapter integer,
    article varchar,
    name_en varchar not null,
    name_es varchar not null,
    name_fr varchar not null
);

-- key: (group_code)
create table topic_groups (
    group_code varchar not null,
    label_en varchar not null,
    label_es varchar not null,
    label_fr varchar not null
);

-- key: (topic_code)
create table topics (
    topic_code varchar not null,
    group_code varchar not null,
    label_en varchar not null,
    label_es varchar not null,
    label_fr varchar not null
);

-- key: (list_name, code)
create table codes (
    list_name varchar not null,
    code varchar not null,
    position integer not null
);

-- The labels of the code lists that have them besides parties, bodies and topics (the
-- enforcement cases' mechanisms, case_steps, sectors and case_statuses); each code is also in
-- `codes`, with its position.
-- key: (list_name, code)
create table code_labels (
    list_name varchar not null,
    code varchar not null,
    label_en varchar not null,
    label_es varchar not null,
    label_fr varchar not null
);
