-- One row per year × Party × role ('host' or 'chair') among the filtered meetings: a Party
-- that conducts a public consultation or signs a decision hosts no meeting (events.is_meeting).
select year, host_party as party_code, 'host' as role, count(*) as n_events
from filtered_events($filters)
where host_party is not null and is_meeting
group by all
union all
select year, chair_party, 'chair', count(*)
from filtered_events($filters)
where chair_party is not null and is_meeting
group by all
order by year, party_code, role;
