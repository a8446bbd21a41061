-- Every build of this warehouse file, newest first.
select run_id, started_at, finished_at, data_version, n_files, n_events, status
from load_runs
order by run_id desc;
