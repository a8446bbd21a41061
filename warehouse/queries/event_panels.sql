-- The panels of one event with their topic codes, in record order.
select panels.panel_no, panels.title,
       coalesce(list(panel_topics.topic_code) filter (where panel_topics.topic_code is not null),
                []) as topic_codes
from panels
left join panel_topics using (event_id, panel_no)
where panels.event_id = $event_id
group by all
order by panels.panel_no;
