-- The sources of one event, in record order.
select source_no, url, publisher, published, language, supports
from sources where event_id = $event_id order by source_no;
