-- Activity reports, loaded from data/reports/*.yaml: statements that say which bodies met, or
-- reported their work, during a period (one row per report), then the bodies each names and
-- its sources. Dates may be partial: a *_precision column says whether the date is the day
-- itself or the first day of its month or year.

-- key: (report_id)
create table activity_reports (
    report_id varchar not null,
    reported_at varchar,
    published date,
    published_precision varchar check (published_precision in ('day', 'month', 'year')),
    period_start date,
    period_start_precision varchar check (period_start_precision in ('day', 'month', 'year')),
    period_end date,
    period_end_precision varchar check (period_end_precision in ('day', 'month', 'year')),
    n_bodies integer not null,
    n_bodies_stated integer,
    claim_text varchar not null,
    confidence varchar not null,
    notes varchar,
    source_file varchar not null
);

-- key: (report_id, body_no)
create table report_bodies (
    report_id varchar not null,
    body_no integer not null,
    body_code varchar not null,
    claim varchar not null check (claim in ('met', 'reported')),
    quote varchar not null,
    quote_source varchar
);

-- key: (report_id, source_no)
create table report_sources (
    report_id varchar not null,
    source_no integer not null,
    url varchar not null,
    publisher varchar,
    published date,
    published_precision varchar check (published_precision in ('day', 'month', 'year')),
    language varchar,
    supports varchar
);
