-- One row per panel of the filtered events, newest first, with its topics (codes), at most
-- $max_rows rows.
with fe as (
    select event_id, start_date, date_precision, body_code from filtered_events($filters)
    where event_id in (select event_id from panels)
    order by start_date desc, event_id
    limit $max_rows
)
select
    fe.event_id,
    fe.start_date,
    fe.date_precision,
    fe.body_code,
    panels.panel_no,
    panels.title,
    coalesce(list(panel_topics.topic_code order by panel_topics.topic_code)
             filter (where panel_topics.topic_code is not null), []) as topic_codes
from fe
join panels using (event_id)
left join panel_topics
    on panel_topics.event_id = panels.event_id and panel_topics.panel_no = panels.panel_no
group by all
order by fe.start_date desc, fe.event_id, panels.panel_no
limit $max_rows;
