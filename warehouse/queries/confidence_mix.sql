-- One row per confidence level × status over the whole data set, in the taxonomy's order.
select events.confidence, events.status, count(*) as n_events
from events
join codes on codes.list_name = 'confidence' and codes.code = events.confidence
group by events.confidence, events.status, codes.position
order by codes.position, events.status;
