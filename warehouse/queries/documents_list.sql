-- One row per stored document, newest publication first, with how many events cite it.
select
    documents.document_id,
    documents.title,
    documents.language,
    documents.published,
    documents.file,
    documents.n_passages,
    count(distinct event_documents.event_id) as n_citing_events
from documents
left join event_documents using (document_id)
group by all
order by documents.published desc nulls last, documents.title;
