-- The newest build: its data version and when it finished.
select data_version, finished_at, n_events, n_files
from load_runs
order by run_id desc
limit 1;
