-- One row: among the enforcement cases of the Parties and topics asked for (empty: all), those
-- the Summary speaks of (opened, resolved or closed in the period: the cases its exports
-- hold), those opened (request date in the period) and those resolved or closed (resolution
-- date in the period), and those still open at the period's end (requested by then and not
-- resolved or closed by then; with no end, not resolved or closed at all). Each count is
-- filtered_cases under one period rule (set here, whatever $case_filters says), so the
-- Summary's line and its exports cannot select differently.
select
    (
        select count(*)
        from filtered_cases(struct_update($case_filters, period_rule := 'activity'))
    ) as n_cases,
    (
        select count(*)
        from filtered_cases(struct_update($case_filters, period_rule := 'request'))
    ) as n_opened,
    (
        select count(*)
        from filtered_cases(struct_update($case_filters, period_rule := 'resolved'))
    ) as n_resolved,
    (
        select count(*)
        from filtered_cases(
            struct_update($case_filters, date_from := null, period_rule := 'request')
        )
        where not is_concluded
           or (
               struct_extract($case_filters, 'date_to') is not null
               and resolution_date > struct_extract($case_filters, 'date_to')
           )
    ) as n_open_at_end;
