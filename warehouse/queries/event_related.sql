-- The events one event names as related, with their titles when they are in the data set.
select event_links.related_id, events.title_en, events.title_es, events.start_date,
       events.date_precision,
       events.event_id is not null as is_in_data
from event_links
left join events on events.event_id = event_links.related_id
where event_links.event_id = $event_id
order by event_links.related_id;
