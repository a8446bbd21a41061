-- Stated counts, loaded from data/stated-counts.yaml: totals that governments and trackers
-- state about enforcement cases, one row per count in file order. A stated total is not a list
-- of cases; the case records may fall short of it (see derived stated_count_records).

create table stated_counts (
    count_no integer not null,
    kind varchar not null check (
        kind in (
            'rrm_requests', 'rrm_panels', 'rrm_resolutions', 'rrm_workers', 'usmca_disputes',
            'other'
        )
    ),
    value bigint not null,
    scope varchar not null,
    claim varchar not null,
    as_of date,
    as_of_precision varchar check (as_of_precision in ('day', 'month', 'year')),
    published date,
    published_precision varchar check (published_precision in ('day', 'month', 'year')),
    url varchar not null,
    publisher varchar,
    language varchar
);
comment on table stated_counts is 'One row per total a government or tracker states about cases ("38 RRM requests, July 2020 to
July 2025"), in file order. A stated total is not a list of cases: the records may fall short
of it; `stated_count_records` gives the records each concerns.
key: (count_no)';
comment on column stated_counts.count_no is 'position in the file, from 1';
comment on column stated_counts.kind is '`rrm_requests`, `rrm_panels`, `rrm_resolutions`, `rrm_workers`, `usmca_disputes` or `other`';
comment on column stated_counts.value is 'the stated total';
comment on column stated_counts.scope is 'what it counts, as the source frames it';
comment on column stated_counts.claim is 'the words of the source stating it, copied exactly';
comment on column stated_counts.as_of is 'the date the total is stated for (first day of its month when only the month is known); null when undated';
comment on column stated_counts.as_of_precision is '`day`, `month` or `year`; null with `as_of`';
comment on column stated_counts.published is 'publication date of the source; null when unknown';
comment on column stated_counts.published_precision is '`day`, `month` or `year`; null with `published`';
comment on column stated_counts.url is 'address of the source';
comment on column stated_counts.publisher is 'who published it';
comment on column stated_counts.language is 'two-letter language code of the source';
