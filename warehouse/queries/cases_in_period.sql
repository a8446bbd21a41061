-- One row: among the enforcement cases of the Parties and topics asked for (empty: all), those
-- the Summary speaks of (opened, resolved or closed in the period: the cases its exports
-- hold), those opened (request date in the period) and those resolved or closed (resolution
-- date in the period), and those still open at the period's end (requested by then and not
-- resolved or closed by then; with no end, not resolved or closed at all). Each count is
-- filtered_cases under one period rule, so the Summary's line and its exports cannot select
-- differently.
select
    (
        select count(*)
        from filtered_cases($date_from, $date_to, 'activity', $parties, $topics, [], [], [])
    ) as n_cases,
    (
        select count(*)
        from filtered_cases($date_from, $date_to, 'request', $parties, $topics, [], [], [])
    ) as n_opened,
    (
        select count(*)
        from filtered_cases($date_from, $date_to, 'resolved', $parties, $topics, [], [], [])
    ) as n_resolved,
    (
        select count(*)
        from filtered_cases(null, $date_to, 'request', $parties, $topics, [], [], [])
        where not is_concluded or ($date_to is not null and resolution_date > $date_to)
    ) as n_open_at_end;
