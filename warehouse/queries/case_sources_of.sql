-- One row per source of one case, in the record's order.
select source_no, publisher, published, published_precision, language, supports, url
from case_sources
where case_id = $case_id
order by source_no;
