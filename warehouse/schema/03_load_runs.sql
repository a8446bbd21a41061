-- One row per successful build of this warehouse file (history carried over); times in UTC.

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
comment on table load_runs is 'One row per successful build of this file; the history is carried over from the file it
replaced. A failed build writes nothing, so it leaves no row.
key: (run_id)';
comment on column load_runs.run_id is '1, 2, 3, ...';
comment on column load_runs.started_at is 'when the build started (UTC)';
comment on column load_runs.finished_at is 'when the data was loaded (UTC)';
comment on column load_runs.data_version is 'content hash of the inputs (taxonomy, events, documents): same inputs, same version';
comment on column load_runs.n_files is 'record files read (events and reports)';
comment on column load_runs.n_events is 'events loaded';
comment on column load_runs.n_reports is 'activity reports loaded; null for runs made before reports were loaded';
comment on column load_runs.n_cases is 'enforcement cases loaded; null for runs made before cases were counted';
comment on column load_runs.status is '`succeeded`';
