-- The named participants of one event, in record order.
select participant_no, name, party_code, organization, role, level, capacity
from participants where event_id = $event_id order by participant_no;
