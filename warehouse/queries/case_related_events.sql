-- One row per event of a body of a chapter the case concerns (case_facts.chapters: the Labor
-- Council and its public sessions for RRM cases), held from the case's request date to its
-- resolution (or to the build day for a case not concluded), oldest first. Meetings only
-- (events.is_meeting): a decision or a consultation is listed on the Events page, not here.
select e.event_id, e.start_date, e.date_precision, e.body_code, e.title_en, e.title_es,
    e.status as event_status
from case_facts as f
inner join bodies as b on list_contains(f.chapters, b.chapter)
inner join events as e on e.body_code = b.body_code
where f.case_id = $case_id
  and e.is_meeting
  and e.start_date >= f.request_date
  and e.start_date <= coalesce(f.resolution_date, f.built_on)
order by e.start_date, e.event_id;
