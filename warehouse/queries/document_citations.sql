-- One row per event × stored document it cites, with the event's title and start date.
select distinct event_documents.document_id, events.event_id, events.title_en,
       events.title_es, events.start_date, events.date_precision
from event_documents
join events using (event_id)
order by events.start_date desc, events.event_id;
