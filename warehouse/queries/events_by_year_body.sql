-- One row per year × body: events in the given statuses ($statuses, a list of status codes).
select
    year,
    body_code,
    bodies.name_en as body_en,
    bodies.name_es as body_es,
    bodies.name_fr as body_fr,
    sum(n_events)::bigint as n_events
from mart_events_by_period
join bodies using (body_code)
where list_contains($statuses, status)
group by all
order by year, body_code;
