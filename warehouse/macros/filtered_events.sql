-- grain: one row per event that passes the dashboard's filters (all columns of events).
-- Every list parameter means "any of these"; an empty list means "no restriction", except
-- statuses, which is always explicit. Topics match if the event, one of its panels or one of
-- its outcomes carries them. A Party matches in the roles asked for: 'host', 'chair' and/or
-- 'participant' (a named official of that Party). One scan of events and event_facets.
create or replace macro filtered_events(
    date_from, date_to, bodies, chapters, topics, topic_groups, parties, party_roles, kinds,
    statuses, confidences
) as table
select events.*
from events
join event_facets using (event_id)
where (date_from is null or events.start_date >= date_from)
  and (date_to is null or events.start_date <= date_to)
  and (len(bodies) = 0 or list_contains(bodies, events.body_code))
  and (len(chapters) = 0 or list_contains(chapters, event_facets.chapter))
  and list_contains(statuses, events.status)
  and (len(kinds) = 0 or list_contains(kinds, events.kind))
  and (len(confidences) = 0 or list_contains(confidences, events.confidence))
  and (len(topics) = 0 or list_has_any(event_facets.topic_codes, topics))
  and (len(topic_groups) = 0 or list_has_any(event_facets.group_codes, topic_groups))
  and (
      len(parties) = 0
      or list_contains(party_roles, 'host') and list_contains(parties, events.host_party)
      or list_contains(party_roles, 'chair') and list_contains(parties, events.chair_party)
      or list_contains(party_roles, 'participant')
         and list_has_any(event_facets.participant_parties, parties)
  );
