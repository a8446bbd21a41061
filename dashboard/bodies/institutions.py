"""What the Bodies index and the body page show, shaped from the warehouse's rows (pure).

Codes stay in the frames until the last step; labels come from :class:`Labels` in the
interface language, so the same rows read in Spanish, English or French.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import plotly.express as px
import plotly.graph_objects as go
import polars as pl

from dashboard.i18n import t, t_n
from dashboard.state.labels import Labels
from dashboard.ui.tables import dates_as_known, status_expr, title_expr

BODY_PAGE = "body"
"""URL path of the body page (``/body?code=<body_code>``)."""
BODY_PAGE_FILE = "dashboard/views/body.py"
"""The body page's script, for ``st.page_link`` and ``st.switch_page``."""


def with_body_links(frame: pl.DataFrame, lang: str, *, column: str = "body_code") -> pl.DataFrame:
    """``frame`` with a ``body_page`` column linking each row's body to its page."""
    return frame.with_columns(
        body_page=pl.when(pl.col(column).is_not_null()).then(
            pl.lit(f"{BODY_PAGE}?code=") + pl.col(column) + pl.lit(f"&lang={lang}")
        )
    )


def shown_date(day: dt.date | None, precision: str | None) -> str:
    """A partial date as it is known: ``2024-05-23``, ``2024-05`` or ``2024``."""
    if day is None:
        return ""
    return {"month": day.isoformat()[:7], "year": str(day.year)}.get(
        precision or "day", day.isoformat()
    )


def period_text(row: Mapping[str, Any], lang: str) -> str:
    """A report's period as it states it, e.g. ``2021-05-17 – 2022-01-13``."""
    start = shown_date(row["period_start"], row["period_start_precision"])
    end = shown_date(row["period_end"], row["period_end_precision"])
    if not start and not end:
        return t("period_unstated", lang)
    return f"{start or '…'} – {end or '…'}"


def treaty_basis(chapter: int | None, article: str | None, lang: str) -> str:
    if chapter is not None and article:
        return t("treaty_basis", lang, chapter=chapter, article=article)
    if chapter is not None:
        return t("treaty_basis_chapter", lang, chapter=chapter)
    return t("treaty_basis_none", lang)


def latest_evidence_text(profile: Mapping[str, Any], labels: Labels) -> str:
    """A body's latest evidence in words: the level and its year ("Dated meeting held
    (2025)"); for a body known only from multi-year reports, what the span is ("only a report
    of a multi-year period: it met at some time between 2020-07 and 2021-05"), never a year."""
    level = profile["latest_evidence"]
    if level == "reported_span":
        key = (
            "body_latest_span_met"
            if profile["latest_span_claim"] == "met"
            else "body_latest_span_work"
        )
        return t(key, labels.lang, start=profile["latest_span_from"], end=profile["latest_span_to"])
    return f"{labels('evidence', level)} ({profile['latest_year']})"


def index_rows(index: pl.DataFrame, labels: Labels) -> pl.DataFrame:
    """The Bodies index with names and labels, a link to each body's page; codes kept. A body
    known only from multi-year reports has no latest year: its span is shown instead."""
    named = labels.relabel(index, "body_code", "bodies", alias="body")
    return with_body_links(named, labels.lang).select(
        "body",
        "chapter",
        "article",
        pl.col("latest_evidence").replace_strict(labels.mapping("evidence"), default=None),
        "latest_year",
        pl.when(pl.col("latest_evidence") == "reported_span")
        .then(pl.concat_str("latest_span_from", pl.lit(" – "), "latest_span_to"))
        .alias("latest_span"),
        "n_meetings_held",
        "n_meetings",
        "last_meeting_date",
        "n_reports",
        "last_report_date",
        "n_years_known",
        "body_page",
        "body_code",
    )


def report_rows(reports: pl.DataFrame, labels: Labels) -> pl.DataFrame:
    """Reports naming one body: date, period, claim (label), the exact quote, its source."""
    lang = labels.lang
    return reports.select(
        pl.struct("published", "published_precision")
        .map_elements(
            lambda r: shown_date(r["published"], r["published_precision"]),
            return_dtype=pl.String,
        )
        .alias("published"),
        pl.struct("period_start", "period_start_precision", "period_end", "period_end_precision")
        .map_elements(lambda r: period_text(r, lang), return_dtype=pl.String)
        .alias("period_covered"),
        pl.col("claim").replace_strict(labels.mapping("claims"), default=None),
        "quote",
        "claim_text",
        "quote_publisher",
        "quote_url",
        pl.col("confidence").replace_strict(labels.mapping("confidence"), default=None),
        "report_id",
    )


def meeting_rows(events: pl.DataFrame, labels: Labels, *, for_chart: bool = False) -> pl.DataFrame:
    """One body's events for display: date, title, status, format, place, host, chair. Dates
    are text as precisely as known ("2025"), except ``for_chart``, where a time axis needs
    dates (a year-only date then stands at its first day)."""
    out = events.with_columns(
        title_expr(labels.lang).alias("title"), status_expr(labels, events.columns)
    )
    if not for_chart:
        out = dates_as_known(out)
    for column, list_name in (
        ("format", "formats"),
        ("city", "cities"),
        ("kind", "kinds"),
        ("host_party", "parties"),
        ("chair_party", "parties"),
    ):
        out = labels.relabel(out, column, list_name)
    return out.select(
        "start_date",
        "end_date",
        "title",
        "kind",
        "edition",
        "status",
        "format",
        "city",
        "host_party",
        "chair_party",
        "n_outcomes",
        "n_follow_ups",
        "event_id",
    )


TIMELINE_POINTS = 300
"""Most meetings the body page's timeline draws one by one. Beyond it the timeline counts the
meetings per year and status: at 100,000 synthetic events a body has thousands of meetings,
whose markers made a 0.9 MB chart that kept the browser busy for 18 s, drawing marks that hid
one another anyway."""


def meetings_timeline(meetings: pl.DataFrame, lang: str) -> go.Figure:
    """The body's meetings over time (rows of :func:`meeting_rows`): one diamond per meeting
    up to :data:`TIMELINE_POINTS`, else stacked bars of meetings per year and status."""
    axis_labels = {"start_date": t("date", lang), "status": t("status", lang)}
    if meetings.height <= TIMELINE_POINTS:
        fig = px.scatter(
            meetings,
            x="start_date",
            y="status",
            color="status",
            hover_name="title",
            labels=axis_labels,
            title=t("body_timeline", lang),
        )
        fig.update_traces(marker={"size": 13, "symbol": "diamond"})
        fig.update_layout(height=260)
    else:
        per_year = (
            meetings.group_by(year=pl.col("start_date").dt.year(), status="status")
            .agg(n_meetings=pl.len())
            .sort("year", "status")
        )
        fig = px.bar(
            per_year,
            x="year",
            y="n_meetings",
            color="status",
            labels={
                **axis_labels,
                "year": t("year", lang),
                "n_meetings": t("body_meetings", lang),
            },
            title=t_n("body_timeline_per_year", lang, meetings.height),
        )
        fig.update_layout(height=300, barmode="stack", xaxis={"dtick": 1})
    fig.update_layout(margin={"t": 50, "l": 10, "r": 10, "b": 10})
    return fig


def hosts_and_chairs(events: pl.DataFrame, labels: Labels) -> pl.DataFrame:
    """Who hosted and chaired each held meeting, oldest first (empty when unknown); a dated
    act (a decision, a consultation) is not a meeting and has no host."""
    held = events.filter((pl.col("status") == "held") & pl.col("is_meeting"))
    out = labels.relabel(
        labels.relabel(labels.relabel(held, "host_party", "parties"), "chair_party", "parties"),
        "city",
        "cities",
    ).with_columns(title=title_expr(labels.lang))
    return dates_as_known(out).select(
        "start_date", "title", "city", "host_party", "chair_party", "event_id"
    )


def outcome_kind_counts(outcomes: pl.DataFrame, labels: Labels, kinds: list[str]) -> pl.DataFrame:
    """Outcomes per kind, every kind of the taxonomy listed (zeros kept), in taxonomy order."""
    counts = dict(outcomes.group_by("kind").len().iter_rows())
    return pl.DataFrame(
        {
            "kind": [labels("outcome_kinds", k) for k in kinds],
            "n_outcomes": [int(counts.get(k, 0)) for k in kinds],
        },
        schema={"kind": pl.String, "n_outcomes": pl.Int32},
    )
