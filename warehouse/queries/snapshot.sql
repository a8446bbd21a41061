-- One row read in one snapshot: the newest build's data version and event count as recorded,
-- and the events actually in the file (equal unless the file is inconsistent).
select
    (select data_version from load_runs order by run_id desc limit 1) as data_version,
    (select n_events from load_runs order by run_id desc limit 1) as n_events_loaded,
    (select count(*) from events) as n_events;
