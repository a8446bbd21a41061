-- The ids of the filtered events (one row each), for filtering search results.
select event_id from filtered_events($filters);
