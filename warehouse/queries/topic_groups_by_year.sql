-- One row per year × topic group among the filtered events: events that touched any topic of
-- the group (each event once per group).
select year, group_code, count(*) as n_events
from (select year, unnest(group_codes) as group_code from filtered_events($filters))
group by all
order by year, group_code;
