-- grain: one row per activity report naming the body $body_code, oldest first: what it
-- claims of the body, the exact quote, the period it covers, and the source of the quote (its
-- quote_source, else the report's first source).
-- $body_code: a body code
select
    r.report_id,
    r.published,
    r.published_precision,
    r.period_start,
    r.period_start_precision,
    r.period_end,
    r.period_end_precision,
    b.claim,
    b.quote,
    r.claim_text,
    r.confidence,
    r.reported_at,
    e.event_id is not null as is_reported_at_in_data,
    s.url as quote_url,
    s.publisher as quote_publisher,
    s.language as quote_language
from report_bodies as b
inner join activity_reports as r using (report_id)
left join events as e on r.reported_at = e.event_id
left join report_sources as s
    on b.report_id = s.report_id
    and (s.url = b.quote_source or (b.quote_source is null and s.source_no = 1))
where b.body_code = $body_code
order by r.published nulls last, r.report_id;
