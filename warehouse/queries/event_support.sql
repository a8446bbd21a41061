-- The passages that best support one event ($event_id), best first, with their documents.
select event_passages.rank, documents.document_id, documents.title, documents.file,
       passages.passage_no, passages.start_offset, passages.end_offset, passages.text,
       event_passages.score
from event_passages
join passages using (document_id, passage_no)
join documents using (document_id)
where event_passages.event_id = $event_id
order by event_passages.rank;
