-- grain: one row per event that passes the dashboard's filters: every column of events plus
-- the facet columns of event_facets (chapter, topic_codes, group_codes, participant_parties).
-- Every list parameter means "any of these"; an empty list means "no restriction", except
-- statuses, which is always explicit. Topics match if the event, one of its panels or one of
-- its outcomes carries them. A Party matches in the roles asked for: 'host', 'chair' and/or
-- 'participant' (a named official of that Party). One scan of one table.
create or replace macro filtered_events(
    date_from, date_to, bodies, chapters, topics, topic_groups, parties, party_roles, kinds,
    statuses, confidences
) as table
select *
from event_facets
where (date_from is null or start_date >= date_from)
  and (date_to is null or start_date <= date_to)
  and (len(bodies) = 0 or list_contains(bodies, body_code))
  and (len(chapters) = 0 or list_contains(chapters, chapter))
  and list_contains(statuses, status)
  and (len(kinds) = 0 or list_contains(kinds, kind))
  and (len(confidences) = 0 or list_contains(confidences, confidence))
  and (len(topics) = 0 or list_has_any(topic_codes, topics))
  and (len(topic_groups) = 0 or list_has_any(group_codes, topic_groups))
  and (
      len(parties) = 0
      or list_contains(party_roles, 'host') and list_contains(parties, host_party)
      or list_contains(party_roles, 'chair') and list_contains(parties, chair_party)
      or list_contains(party_roles, 'participant') and list_has_any(participant_parties, parties)
  );
