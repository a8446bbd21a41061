-- One row: the enforcement cases opened (request date) and resolved or closed (resolution
-- date) in the period, among cases of the Parties and topics asked for (empty: all).
with chosen as (
    select *
    from filtered_cases($date_from, $date_to, $parties, $topics, [], [], [])
),
any_request as (
    select *
    from filtered_cases(null, null, $parties, $topics, [], [], [])
)
select
    (select count(*) from chosen) as n_opened,
    (
        select count(*) from any_request
        where resolution_date is not null
          and ($date_from is null or resolution_date >= $date_from)
          and ($date_to is null or resolution_date <= $date_to)
    ) as n_resolved;
