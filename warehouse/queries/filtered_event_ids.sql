-- The ids of the filtered events (one row each), for filtering search results.
select event_id from filtered_events(
    $date_from, $date_to, $bodies, $chapters, $topics, $topic_groups, $parties, $party_roles,
    $kinds, $statuses, $confidences
);
