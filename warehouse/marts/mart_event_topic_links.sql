-- grain: one row per event × topic. An event counts for a topic if the event itself, one of
-- its panels or one of its outcomes carries it; the is_* flags say which did. Reads the table
-- event_topic_links, computed once per load (warehouse/derived/).
create or replace view mart_event_topic_links as
select
    event_id,
    topic_code,
    group_code,
    year,
    body_code,
    status,
    is_event_topic,
    is_panel_topic,
    is_outcome_topic
from event_topic_links;
