-- One row per body × year × status over the whole data set (no filters): how many records.
select body_code, year, status, sum(n_events)::bigint as n_events
from mart_events_by_period
group by all
order by body_code, year, status;
