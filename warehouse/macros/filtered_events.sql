-- grain: one row per event that passes the dashboard's filters: every column of events plus
-- the facet columns of event_facets (chapter, topic_codes, group_codes, participant_parties).
-- f is one struct built by dashboard.state.filters.sql_struct: date_from, date_to and one list of
-- codes per filter of dashboard.state.filters.REGISTRY, keyed by its field name. Every list means
-- "any of these"; an empty list means "no restriction", except statuses, which is always
-- explicit. Topics match if the event, one of its panels or one of its outcomes carries them.
-- A Party matches in the roles asked for: 'host', 'chair' and/or 'participant' (a named
-- official of that Party). One scan of one table.
-- Each predicate follows a line `-- predicate: <filter>` and reads only that filter's keys
-- (and those of the filters that qualify it): tests/dashboard/test_filters.py checks the
-- registry and these lines agree. struct_extract, not f.bodies: dot access does not bind
-- inside a macro.
create or replace macro filtered_events(f) as table
select *
from event_facets
where true
    -- predicate: period
    and (struct_extract(f, 'date_from') is null or start_date >= struct_extract(f, 'date_from'))
    and (struct_extract(f, 'date_to') is null or start_date <= struct_extract(f, 'date_to'))
    -- predicate: bodies
    and (
        len(struct_extract(f, 'bodies')) = 0
        or list_contains(struct_extract(f, 'bodies'), body_code)
    )
    -- predicate: chapters
    and (
        len(struct_extract(f, 'chapters')) = 0
        or list_contains(struct_extract(f, 'chapters'), chapter)
    )
    -- predicate: topic_groups
    and (
        len(struct_extract(f, 'topic_groups')) = 0
        or list_has_any(group_codes, struct_extract(f, 'topic_groups'))
    )
    -- predicate: topics
    and (
        len(struct_extract(f, 'topics')) = 0
        or list_has_any(topic_codes, struct_extract(f, 'topics'))
    )
    -- predicate: parties
    and (
        len(struct_extract(f, 'parties')) = 0
        or list_contains(struct_extract(f, 'party_roles'), 'host')
        and list_contains(struct_extract(f, 'parties'), host_party)
        or list_contains(struct_extract(f, 'party_roles'), 'chair')
        and list_contains(struct_extract(f, 'parties'), chair_party)
        or list_contains(struct_extract(f, 'party_roles'), 'participant')
        and list_has_any(participant_parties, struct_extract(f, 'parties'))
    )
    -- predicate: kinds
    and (len(struct_extract(f, 'kinds')) = 0 or list_contains(struct_extract(f, 'kinds'), kind))
    -- predicate: statuses
    and list_contains(struct_extract(f, 'statuses'), status)
    -- predicate: confidences
    and (
        len(struct_extract(f, 'confidences')) = 0
        or list_contains(struct_extract(f, 'confidences'), confidence)
    );
