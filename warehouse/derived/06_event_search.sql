-- grain: one row per event: the text the Events page's search looks in, folded (lower case,
-- accents stripped) once per load: titles, city, notes and id; the labels of its topics (of
-- the event, its panels or its outcomes) in Spanish, English and French; its panels' titles;
-- its outcomes' text; its participants' names and organisations.
create table event_search as
with topic_text as (
    select
        event_topic_links.event_id,
        string_agg(concat_ws(' ', topics.label_es, topics.label_en, topics.label_fr), ' ') as text
    from event_topic_links
    join topics using (topic_code)
    group by all
),
panel_text as (
    select event_id, string_agg(title, ' ') as text from panels group by all
),
outcome_text as (
    select event_id, string_agg(text, ' ') as text from outcomes group by all
),
people_text as (
    select event_id, string_agg(concat_ws(' ', name, organization, role), ' ') as text
    from participants
    group by all
)
select
    events.event_id,
    strip_accents(lower(concat_ws(
        ' ',
        events.title_en, events.title_es, events.city, events.notes, events.event_id,
        topic_text.text, panel_text.text, outcome_text.text, people_text.text
    ))) as haystack
from events
left join topic_text using (event_id)
left join panel_text using (event_id)
left join outcome_text using (event_id)
left join people_text using (event_id)
order by events.event_id;

comment on table event_search is 'One row per event: the text the Events page''s search looks in, lower-cased and without
accents.';
comment on column event_search.event_id is 'the event';
comment on column event_search.haystack is 'titles, city, notes and id; its topics'' labels in es, en and fr; its panels'' titles; its outcomes'' text; its participants'' names, organisations and roles';
