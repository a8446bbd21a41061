-- One row per successful build of this warehouse file (history carried over); times in UTC.

-- key: (run_id)
create table load_runs (
    run_id integer not null,
    started_at timestamp not null,
    finished_at timestamp not null,
    data_version varchar not null,
    n_files integer not null,
    n_events integer not null,
    n_reports integer, -- null for runs made before activity reports were loaded
    n_cases integer, -- null for runs made before enforcement cases were loaded
    status varchar not null
);
