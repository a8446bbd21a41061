-- One row per source cited by the filtered events.
select fe.event_id, sources.source_no, sources.url, sources.publisher, sources.published,
       sources.language, sources.supports
from filtered_events(
    $date_from, $date_to, $bodies, $chapters, $topics, $topic_groups, $parties, $party_roles,
    $kinds, $statuses, $confidences
) as fe
join sources using (event_id)
order by fe.start_date, fe.event_id, sources.source_no;
