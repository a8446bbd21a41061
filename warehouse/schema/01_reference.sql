-- Reference tables, loaded from taxonomy.yaml: every code a record may use, with labels.
-- Keys are stated, not declared: the ETL guarantees them (tests/warehouse/test_build.py checks
-- them), and undeclared keys make the bulk load several times faster and the file smaller.

create table parties (
    party_code varchar not null,
    name_en varchar not null,
    name_es varchar not null,
    name_fr varchar not null
);
comment on table parties is 'One row per Party to the agreement.
key: (party_code)';
comment on column parties.party_code is '`MX`, `US` or `CA`';
comment on column parties.name_en is 'name in English';
comment on column parties.name_es is 'name in Spanish';
comment on column parties.name_fr is 'name in French';

create table bodies (
    body_code varchar not null,
    chapter integer,
    article varchar,
    name_en varchar not null,
    name_es varchar not null,
    name_fr varchar not null
);
comment on table bodies is 'One row per body of the agreement (commission, committee, council, dialogue, ...).
key: (body_code)';
comment on column bodies.body_code is 'code used by records, e.g. `sme_dialogue`';
comment on column bodies.chapter is 'USMCA chapter that creates the body (null when none)';
comment on column bodies.article is 'article that creates the body, e.g. `25.5` (null when none)';
comment on column bodies.name_en is 'name in English';
comment on column bodies.name_es is 'name in Spanish';
comment on column bodies.name_fr is 'name in French';

create table topic_groups (
    group_code varchar not null,
    label_en varchar not null,
    label_es varchar not null,
    label_fr varchar not null
);
comment on table topic_groups is 'One row per topic group (digitalization, financing, environment, ...).
key: (group_code)';
comment on column topic_groups.group_code is 'code of the group';
comment on column topic_groups.label_en is 'label in English';
comment on column topic_groups.label_es is 'label in Spanish';
comment on column topic_groups.label_fr is 'label in French';

create table topics (
    topic_code varchar not null,
    group_code varchar not null,
    label_en varchar not null,
    label_es varchar not null,
    label_fr varchar not null
);
comment on table topics is 'One row per topic.
key: (topic_code)';
comment on column topics.topic_code is 'code used by records';
comment on column topics.group_code is 'the topic''s group (`topic_groups.group_code`)';
comment on column topics.label_en is 'label in English';
comment on column topics.label_es is 'label in Spanish';
comment on column topics.label_fr is 'label in French';

create table codes (
    list_name varchar not null,
    code varchar not null,
    position integer not null
);
comment on table codes is 'One row per code of the taxonomy''s plain lists: `kinds`, `statuses`, `formats`, `levels`,
`capacities`, `outcome_kinds`, `confidence`, and of its labelled case lists: `mechanisms`,
`case_steps`, `sectors`, `case_statuses` (whose labels are in `code_labels`).
key: (list_name, code)';
comment on column codes.list_name is 'which list, e.g. `statuses`';
comment on column codes.code is 'the code, e.g. `held`';
comment on column codes.position is 'its place in the list, from 1 (the taxonomy''s order)';

-- The labels of the code lists that have them besides parties, bodies and topics (the
-- enforcement cases' mechanisms, case_steps, sectors and case_statuses); each code is also in
-- `codes`, with its position.
create table code_labels (
    list_name varchar not null,
    code varchar not null,
    label_en varchar not null,
    label_es varchar not null,
    label_fr varchar not null
);
comment on table code_labels is 'One row per code of the labelled lists `mechanisms`, `case_steps`, `sectors` and
`case_statuses` (enforcement cases), with its labels; the app paints these codes with them.
key: (list_name, code)';
comment on column code_labels.list_name is 'which list, e.g. `mechanisms`';
comment on column code_labels.code is 'the code, e.g. `rrm`';
comment on column code_labels.label_en is 'label in English';
comment on column code_labels.label_es is 'label in Spanish';
comment on column code_labels.label_fr is 'label in French';
