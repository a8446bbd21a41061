-- The filtered events behind one heatmap cell: events touching $topic_code, in $cell_year
-- and/or $cell_body when given (null = any), with how the topic reached each of them.
with fe as (
    select * from filtered_events($filters)
    where list_contains(topic_codes, $topic_code)
      and ($cell_year is null or year = $cell_year)
      and ($cell_body is null or body_code = $cell_body)
)
select fe.event_id, fe.start_date, fe.date_precision, fe.body_code, fe.title_en, fe.title_es,
       fe.status, links.is_event_topic, links.is_panel_topic, links.is_outcome_topic
from fe
join event_topic_links as links
    on links.event_id = fe.event_id and links.topic_code = $topic_code
order by fe.start_date desc, fe.event_id;
