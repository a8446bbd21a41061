-- The span of start dates in the data set (one row).
select min(start_date) as first_date, max(start_date) as last_date from events;
