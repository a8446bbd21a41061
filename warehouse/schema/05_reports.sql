-- Activity reports, loaded from data/reports/*.yaml: statements that say which bodies met, or
-- reported their work, during a period (one row per report), then the bodies each names and
-- its sources. Dates may be partial: a *_precision column says whether the date is the day
-- itself or the first day of its month or year.

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
comment on table activity_reports is 'One row per report.
key: (report_id)';
comment on column activity_reports.report_id is 'the file name without `.yaml`';
comment on column activity_reports.reported_at is 'id of the event at which the statement was made; may name an event not in the data set';
comment on column activity_reports.published is 'publication date (first day of its month when only the month is known)';
comment on column activity_reports.published_precision is '`day`, `month` or `year`: how much of `published` is known';
comment on column activity_reports.period_start is 'start of the period the statement covers, as it states it; null when unstated';
comment on column activity_reports.period_start_precision is '`day`, `month` or `year`';
comment on column activity_reports.period_end is 'end of the period; null when unstated';
comment on column activity_reports.period_end_precision is '`day`, `month` or `year`';
comment on column activity_reports.n_bodies is 'bodies the report names (rows in `report_bodies`)';
comment on column activity_reports.n_bodies_stated is 'a count the text gives ("11 committees"), which may differ from `n_bodies`';
comment on column activity_reports.claim_text is 'the sentence the claims rest on, copied exactly';
comment on column activity_reports.confidence is '`high` (official source) or `medium` (press relaying it)';
comment on column activity_reports.notes is 'conflicts, what is uncertain';
comment on column activity_reports.source_file is 'the YAML file it was loaded from';

create table report_bodies (
    report_id varchar not null,
    body_no integer not null,
    body_code varchar not null,
    claim varchar not null check (claim in ('met', 'reported')),
    quote varchar not null,
    quote_source varchar
);
comment on table report_bodies is 'One row per report × body it names.
key: (report_id, body_no)';
comment on column report_bodies.report_id is 'the report';
comment on column report_bodies.body_no is 'position in the report''s list, from 1';
comment on column report_bodies.body_code is 'the body (`bodies.body_code`)';
comment on column report_bodies.claim is '`met` (the text says the body met or convened) or `reported` (it reported, or its work was reviewed)';
comment on column report_bodies.quote is 'the words of the source naming the body, copied exactly';
comment on column report_bodies.quote_source is 'url of the source the quote is from, when not the report''s first source';

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
comment on table report_sources is 'One row per source of a report.
key: (report_id, source_no)';
comment on column report_sources.report_id is 'the report';
comment on column report_sources.source_no is 'position in the record''s list, from 1';
comment on column report_sources.url is 'address of the source';
comment on column report_sources.publisher is 'who published it';
comment on column report_sources.published is 'publication date (first day of its month or year when only that is known); null when the source gives none';
comment on column report_sources.published_precision is '`day`, `month` or `year`; null with `published`';
comment on column report_sources.supports is 'which fields of the record the source backs';
comment on column report_sources.language is 'two-letter language code';
