-- grain: one row per event that passes the dashboard's filters (all columns of events).
-- Every list parameter means "any of these"; an empty list means "no restriction", except
-- statuses, which is always explicit. Topics match if the event, one of its panels or one of
-- its outcomes carries them (mart_event_topic_links). A Party matches in the roles asked for:
-- 'host', 'chair' and/or 'participant' (a named official of that Party).
create or replace macro filtered_events(
    date_from, date_to, bodies, chapters, topics, topic_groups, parties, party_roles, kinds,
    statuses, confidences
) as table
select events.*
from events
join bodies using (body_code)
where (date_from is null or events.start_date >= date_from)
  and (date_to is null or events.start_date <= date_to)
  and (len(bodies) = 0 or list_contains(bodies, events.body_code))
  and (len(chapters) = 0 or list_contains(chapters, bodies.chapter))
  and list_contains(statuses, events.status)
  and (len(kinds) = 0 or list_contains(kinds, events.kind))
  and (len(confidences) = 0 or list_contains(confidences, events.confidence))
  and (
      len(topics) = 0 and len(topic_groups) = 0
      or exists (
          select 1
          from mart_event_topic_links as links
          where links.event_id = events.event_id
            and (len(topics) = 0 or list_contains(topics, links.topic_code))
            and (len(topic_groups) = 0 or list_contains(topic_groups, links.group_code))
      )
  )
  and (
      len(parties) = 0
      or list_contains(party_roles, 'host') and list_contains(parties, events.host_party)
      or list_contains(party_roles, 'chair') and list_contains(parties, events.chair_party)
      or list_contains(party_roles, 'participant') and exists (
          select 1
          from participants
          where participants.event_id = events.event_id
            and list_contains(parties, participants.party_code)
      )
  );
