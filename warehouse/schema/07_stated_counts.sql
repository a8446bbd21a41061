-- Stated counts, loaded from data/stated-counts.yaml: totals that governments and trackers
-- state about enforcement cases, one row per count in file order. A stated total is not a list
-- of cases; the case records may fall short of it (see derived stated_count_records).

-- key: (count_no)
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
