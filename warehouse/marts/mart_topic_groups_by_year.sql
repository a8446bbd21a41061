-- grain: one row per year × topic group × status: how many distinct events touched any topic
-- of the group (through the event, one of its panels or one of its outcomes). An event with
-- two topics of one group counts once for that group.
create or replace view mart_topic_groups_by_year as
select year, group_code, status, count(*) as n_events
from (select year, status, unnest(group_codes) as group_code from event_facets)
group by all
order by year, group_code, status;

comment on view mart_topic_groups_by_year is 'One row per year × topic group × status.';
comment on column mart_topic_groups_by_year.year is 'year';
comment on column mart_topic_groups_by_year.group_code is 'the topic group';
comment on column mart_topic_groups_by_year.status is 'event status';
comment on column mart_topic_groups_by_year.n_events is 'distinct events that touched any topic of the group';
