-- Reference tables, loaded from taxonomy.yaml: every code a record may use, with labels.

create table parties (
    party_code varchar primary key,
    name_en varchar not null,
    name_es varchar not null,
    name_fr varchar not null
);

create table bodies (
    body_code varchar primary key,
    chapter integer,
    article varchar,
    name_en varchar not null,
    name_es varchar not null,
    name_fr varchar not null
);

create table topic_groups (
    group_code varchar primary key,
    label_en varchar not null,
    label_es varchar not null,
    label_fr varchar not null
);

create table topics (
    topic_code varchar primary key,
    group_code varchar not null references topic_groups (group_code),
    label_en varchar not null,
    label_es varchar not null,
    label_fr varchar not null
);

create table codes (
    list_name varchar not null,
    code varchar not null,
    position integer not null,
    primary key (list_name, code)
);
