-- The newest build: its data version, when it finished, and the date of the newest held
-- event it records (how current the data is, as opposed to when it was built).
select
    data_version,
    finished_at,
    n_events,
    n_files,
    (select max(start_date) from events where status = 'held') as newest_held_date
from load_runs
order by run_id desc
limit 1;
