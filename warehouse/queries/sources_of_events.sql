-- One row per source cited by the filtered events.
select fe.event_id, sources.source_no, sources.url, sources.publisher, sources.published,
       sources.language, sources.supports
from filtered_events($filters) as fe
join sources using (event_id)
order by fe.start_date, fe.event_id, sources.source_no;
