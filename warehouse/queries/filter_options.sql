-- One row per code a filter may take, in display order: (list_name, code).
select 'bodies' as list_name, body_code as code, row_number() over () as position from bodies
union all
select 'chapters', chapter::varchar, row_number() over (order by chapter)
from (select distinct chapter from bodies where chapter is not null)
union all
select 'topics', topic_code, row_number() over () from topics
union all
select 'topic_groups', group_code, row_number() over () from topic_groups
union all
select 'parties', party_code, row_number() over () from parties
union all
select list_name, code, position from codes
order by list_name, position;
