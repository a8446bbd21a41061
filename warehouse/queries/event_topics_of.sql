-- The topics one event carries (event, panels or outcomes), event-level topics first by rank.
select links.topic_code, links.is_event_topic, links.is_panel_topic, links.is_outcome_topic,
       event_topics.rank
from mart_event_topic_links as links
left join event_topics using (event_id, topic_code)
where links.event_id = $event_id
order by event_topics.rank nulls last, links.topic_code;
