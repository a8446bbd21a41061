-- Every build of this warehouse file, newest first.
select run_id, started_at, finished_at, data_version, n_files, n_events, n_reports, n_cases,
    status
from load_runs
order by run_id desc;
