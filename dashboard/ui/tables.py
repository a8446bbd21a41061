"""Record tables shaped for display and CSV: codes turned into labels (pure)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

import polars as pl

from dashboard.i18n import t
from dashboard.state.context import PageContext
from dashboard.state.labels import Labels
from textrules.language import marks_each_text, shown_text, text_language

CODED = (
    ("body_code", "bodies", "body"),
    ("kind", "kinds", "kind"),
    ("format", "formats", "format"),
    ("city", "cities", "city"),
    ("host_party", "parties", "host_party"),
    ("chair_party", "parties", "chair_party"),
    ("confidence", "confidence", "confidence"),
)


def title_expr(lang: str) -> pl.Expr:
    """The title in the interface language: Spanish where the record has one; else English,
    marked as such in Spanish (never silently mixed). French screens say once, under their
    tables, that record text is in its sources' language (records have no French title)."""
    shown = pl.col(f"title_{text_language(lang, has_spanish=True)}")
    if marks_each_text(lang):
        before, after = t("title_in_english", lang).split("{title}")
        return shown.fill_null(pl.concat_str(pl.lit(before), pl.col("title_en"), pl.lit(after)))
    return shown


def title_text(title_en: str, title_es: str | None, lang: str) -> str:
    """One record's title as :func:`title_expr` writes it."""
    shown = shown_text(title_en, title_es, lang)
    if shown.foreign and marks_each_text(lang):
        return t("title_in_english", lang, title=shown.text)
    return shown.text


SHOWN_COLUMNS = (
    "start_date",
    "title",
    "body",
    "status",
    "city",
    "topics",
    "n_sources",
    "event_id",
)
"""The columns the Events table shows on screen; its CSV and the packs carry them all."""


SUPPORTED_FIELDS = {
    "date": "date",
    "dates": "date",
    "start_date": "start_date",
    "end_date": "end_date",
    "outcome": "outcomes",
    "outcomes": "outcomes",
    "participants": "participants",
    "city": "city",
    "format": "format",
    "edition": "edition",
    "treaty_refs": "treaty_refs",
    "panels": "panels",
    "topics": "topics",
    "host": "host_party",
    "chair": "chair_party",
    "notes": "notes",
    "status": "status",
    "title": "title",
    "kind": "kind",
    "body": "body",
    "facility": "facility",
    "subject_es": "subject_es",
    "subject_en": "subject_en",
    "third_parties": "third_parties",
    "milestones": "cases_chronology",
}
"""Field names a source's ``supports`` may name → the catalogue entry that names the field."""


def supports_in(text: str | None, lang: str) -> str | None:
    """A source's ``supports`` in the interface language when it is a list of the record's
    field names ("date, outcomes"); when the curator wrote prose ("city (Mexico City), host
    (Mexico)") it is record text and stays as written."""
    if text is None:
        return None
    fields = [part.strip() for part in text.split(",")]
    if not all(field in SUPPORTED_FIELDS for field in fields):
        return text
    return ", ".join(t(SUPPORTED_FIELDS[field], lang).lower() for field in fields)


def last_day(date: str = "start_date", precision: str = "date_precision") -> pl.Expr:
    """The last day a date of that precision may denote: 2025 (a year) may be any day up to
    2025-12-31, 2025-11 (a month) any day up to 2025-11-30."""
    day = pl.col(date)
    return (
        pl.when(pl.col(precision) == "year")
        .then(pl.date(day.dt.year(), 12, 31))
        .when(pl.col(precision) == "month")
        .then(day.dt.month_end())
        .otherwise(day)
    )


def is_overdue(today: dt.date) -> pl.Expr:
    """Announced for a date that has passed (every day it may denote, for a year or month
    only): neither upcoming nor confirmed as held."""
    return (pl.col("status") == "announced") & (last_day() < today)


def as_known(date: str = "start_date", precision: str = "date_precision") -> pl.Expr:
    """A date as precisely as the record knows it, in ISO 8601's reduced forms: "2025" for a
    year, "2025-11" for a month, "2025-11-12" for a day (never "2025-01-01" for "2025")."""
    day = pl.col(date)
    return (
        pl.when(pl.col(precision) == "year")
        .then(day.dt.strftime("%Y"))
        .when(pl.col(precision) == "month")
        .then(day.dt.strftime("%Y-%m"))
        .otherwise(day.dt.strftime("%Y-%m-%d"))
    )


def dates_as_known(frame: pl.DataFrame) -> pl.DataFrame:
    """``start_date`` as :func:`as_known` where the frame says its precision: every table and
    export of events goes through this, so no partial date is shown as a first day.
    ``end_date`` (always a day, when known) is written the same way, so that a workbook's
    two date columns are of one kind (text in ISO 8601) and sort and filter alike."""
    if {"start_date", "date_precision"} <= set(frame.columns):
        frame = frame.with_columns(start_date=as_known())
        if "end_date" in frame.columns and frame.schema["end_date"] == pl.Date:
            frame = frame.with_columns(pl.col("end_date").dt.strftime("%Y-%m-%d"))
    return frame


def status_expr(labels: Labels, columns: Collection[str]) -> pl.Expr:
    """An event's status as a reader says it, from the ``status`` code (and ``is_meeting``
    where the rows have it): a dated act that is not a meeting (a decision, a public
    consultation) was not "held" but done on its date (data/README.md). Every table of events
    and the event page (:func:`status_label`) use this one rule."""
    label = pl.col("status").cast(pl.String).replace(labels.mapping("statuses"))
    if "is_meeting" not in columns:
        return label.alias("status")
    act_done = ~pl.col("is_meeting") & (pl.col("status") == "held")
    return (
        pl.when(act_done)
        .then(pl.lit(t("status_act_done", labels.lang)))
        .otherwise(label)
        .alias("status")
    )


def status_label(labels: Labels, status: str, *, is_meeting: bool) -> str:
    """:func:`status_expr` for one event."""
    row = pl.DataFrame({"status": [status], "is_meeting": [is_meeting]})
    return str(row.select(status_expr(labels, row.columns)).item())


def event_rows(ctx: PageContext, frame: pl.DataFrame) -> pl.DataFrame:
    """Rows of ``events_list`` with labels in the interface language; ids and URLs kept;
    topics as a list of labels, outcomes and participants' names as lists."""
    today = ctx.options.today or dt.date.today()
    out = frame.with_columns(title=title_expr(ctx.lang))
    overdue = (
        out.select(is_overdue(today))
        if {"status", "start_date", "date_precision"} <= set(out.columns)
        else None
    )
    out = dates_as_known(out)
    if "topic_codes" in out.columns:
        names = ctx.labels.mapping("topics")
        out = out.with_columns(topics=pl.col("topic_codes").list.eval(pl.element().replace(names)))
    if "status" in out.columns:
        out = out.with_columns(status_expr(ctx.labels, out.columns))
    for column, list_name, alias in CODED:
        if column in out.columns:
            out = ctx.labels.relabel(out, column, list_name, alias=alias)
    wanted = [
        "start_date",
        "date_precision",
        "end_date",
        "body",
        "kind",
        "edition",
        "title",
        "status",
        "format",
        "city",
        "host_party",
        "chair_party",
        "confidence",
        "topics",
        "outcome_texts",
        "participant_names",
        "n_sources",
        "source_urls",
        "event_id",
    ]
    out = (
        ctx.labels.relabel(out, "date_precision", "date_precision")
        if "date_precision" in out.columns
        else out
    )
    if overdue is not None:
        out = out.with_columns(
            status=pl.when(overdue.to_series())
            .then(pl.lit(t("status_overdue", ctx.lang)))
            .otherwise(pl.col("status"))
        )
    return out.select([c for c in wanted if c in out.columns])
