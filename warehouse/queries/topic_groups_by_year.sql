-- One row per year × topic group among the filtered events: distinct events that touched any
-- topic of the group.
select
    links.year,
    links.group_code,
    count(distinct links.event_id) as n_events
from filtered_events(
    $date_from, $date_to, $bodies, $chapters, $topics, $topic_groups, $parties, $party_roles,
    $kinds, $statuses, $confidences
) as fe
join mart_event_topic_links as links using (event_id)
group by all
order by links.year, links.group_code;
