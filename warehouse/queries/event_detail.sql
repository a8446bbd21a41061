-- One event by id, every column of events.
select * from events where event_id = $event_id;
