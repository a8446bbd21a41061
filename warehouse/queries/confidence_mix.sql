-- One row per confidence level × status over the whole data set.
select confidence, status, count(*) as n_events
from events
group by all
order by confidence, status;
