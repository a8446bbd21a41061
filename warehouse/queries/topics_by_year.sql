-- One row per year × topic among the filtered events: events that touched the topic (through
-- the event, a panel or an outcome), each event once per topic.
select
    links.year,
    links.topic_code,
    links.group_code,
    count(*) as n_events
from filtered_events(
    $date_from, $date_to, $bodies, $chapters, $topics, $topic_groups, $parties, $party_roles,
    $kinds, $statuses, $confidences
) as fe
join mart_event_topic_links as links using (event_id)
group by all
order by links.year, links.topic_code;
