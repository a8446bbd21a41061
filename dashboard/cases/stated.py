"""Stated totals beside the records: what each source states about enforcement cases, drawn
over its as-of date against the running count of the case records of the same scope, the
table of every statement, and the one sentence the Summary and the briefing pack give about
the newest RRM request totals (pure functions: frames in, frames, figures or text out).

The frames are those of the named queries ``stated_counts_list`` (one row per statement, with
the records of its scope) and ``stated_records_running`` (the running count of the records of
a kind's scope, per day). Which records a kind concerns is stated once, in
``warehouse/derived/06_stated_kind_cases.sql``.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

import plotly.graph_objects as go
import polars as pl

from dashboard.i18n import label_value, t, t_n
from dashboard.ui import charts
from dashboard.ui.tables import as_known

KINDS: Final = (
    "rrm_requests",
    "rrm_panels",
    "rrm_resolutions",
    "rrm_workers",
    "usmca_disputes",
    "other",
)
"""The kinds of stated total, in the order the page draws them (``etl.statedcounts.KINDS``)."""

STATED_COLOUR: Final = "#0072B2"
RECORDS_COLOUR: Final = "#D55E00"
"""Okabe-Ito blue for what sources state, vermilion for the records: apart for every eye."""

PLACED_AT: Final = ("as_of", "published")
"""Where a statement is drawn: at its as-of date, else at its publication date."""

RANGE_KIND: Final = "rrm_requests"
RANGE_MONTHS: Final = 3
"""The Summary's sentence covers the statements of :data:`RANGE_KIND` dated in the newest
dated statement's month and the ``RANGE_MONTHS - 1`` months before it (see
:func:`recent_statements`)."""


def _day_or_month(date: str, precision: str) -> pl.Expr:
    """``date`` where it is known to the day or the month; a year alone places nothing."""
    return pl.when(pl.col(precision).is_in(["day", "month"])).then(pl.col(date))


def placed(stated: pl.DataFrame) -> pl.DataFrame:
    """The statements with where they are drawn: ``drawn_on`` (the as-of date, else the
    publication date, when known to the month or the day; null: not drawn), ``placed_at``
    (``as_of`` or ``published``, null when not drawn) and ``drawn_text`` (that date as known,
    "2025-11" for a month)."""
    as_of = _day_or_month("as_of", "as_of_precision")
    published = _day_or_month("published", "published_precision")
    return stated.with_columns(
        drawn_on=pl.coalesce(as_of, published),
        placed_at=pl.when(as_of.is_not_null())
        .then(pl.lit("as_of"))
        .when(published.is_not_null())
        .then(pl.lit("published")),
        drawn_text=pl.when(as_of.is_not_null())
        .then(as_known("as_of", "as_of_precision"))
        .otherwise(as_known("published", "published_precision")),
    )


def kinds_stated(stated: pl.DataFrame) -> list[str]:
    """The kinds that have at least one statement, in :data:`KINDS` order."""
    present = set(stated["kind"].to_list())
    return [k for k in KINDS if k in present] + sorted(present - set(KINDS))


def n_not_drawn(stated: pl.DataFrame, kind: str) -> int:
    """Statements of ``kind`` with no date to draw them at (they are in the table only)."""
    return placed(stated).filter((pl.col("kind") == kind) & pl.col("drawn_on").is_null()).height


def statement_table(stated: pl.DataFrame) -> pl.DataFrame:
    """Every statement, one row each, as the Cases page shows it and exports it (CSV, the
    workbook's sheet, the briefing pack): kind, as-of date as known, value, scope, publisher,
    quotation, link, the records of the same scope by its as-of date and to date, and the
    difference. Kinds in :data:`KINDS` order, newest first within a kind."""
    order = {kind: i for i, kind in enumerate(KINDS)}
    return (
        stated.with_columns(
            pl.col("kind").replace_strict(order, default=len(order)).alias("_order")
        )
        .sort(["_order", "as_of", "count_no"], descending=[False, True, False], nulls_last=True)
        .select(
            "count_no",
            "kind",
            as_known("as_of", "as_of_precision").alias("stated_as_of"),
            "value",
            "scope",
            "publisher",
            pl.col("claim").alias("quotation"),
            "url",
            "n_records_by_as_of",
            pl.col("n_records").alias("n_records_to_date"),
            (pl.col("value") - pl.col("n_records_by_as_of")).alias("shortfall"),
            as_known("published", "published_precision").alias("published"),
            "language",
        )
    )


def _hover(lines: Sequence[tuple[str, str]], lang: str) -> str:
    shown = "<br>".join(label_value(label, value, lang) for label, value in lines)
    return shown + "<extra></extra>"


def _safe(text: object) -> str:
    """Record text made inert in a plotly label (which reads ``<a>``, ``<b>`` and the like)."""
    return html.escape("" if text is None else str(text))


def stated_figure(
    statements: pl.DataFrame, running: pl.DataFrame, *, title: str, lang: str
) -> go.Figure:
    """What each source states (a point per statement drawn, :func:`placed`), over its as-of
    date (an open point: at its publication date), against the running count of the records
    of the same scope (``running``: ``counted_date``, ``n_records``; a step line from zero,
    carried to the newest date drawn). Each point carries its url, publisher and date as
    custom data, so a click can open the source (:func:`selected_sources`)."""
    fig = go.Figure()
    drawn = placed(statements).filter(pl.col("drawn_on").is_not_null()).sort("drawn_on")
    for where, symbol, name_key, date_key in (
        ("as_of", "circle", "stated_points", "stated_as_of"),
        ("published", "circle-open", "stated_points_published", "published"),
    ):
        part = drawn.filter(pl.col("placed_at") == where)
        if part.is_empty():
            continue
        fig.add_trace(
            go.Scatter(
                x=part["drawn_on"].to_list(),
                y=part["value"].to_list(),
                mode="markers",
                name=t(name_key, lang),
                marker={"size": 11, "color": STATED_COLOUR, "symbol": symbol, "line": {"width": 2}},
                customdata=[
                    [row["url"], _safe(row["publisher"] or row["url"]), row["drawn_text"]]
                    for row in part.iter_rows(named=True)
                ],
                hovertemplate=_hover(
                    [
                        (t("publisher", lang), "%{customdata[1]}"),
                        (t("value", lang), "%{y}"),
                        (t(date_key, lang), "%{customdata[2]}"),
                    ],
                    lang,
                ),
                unselected={"marker": {"opacity": 0.5}},
            )
        )
    dates = drawn["drawn_on"].to_list()
    if not running.is_empty():
        steps = running.sort("counted_date")
        days = steps["counted_date"].to_list()
        counts = steps["n_records"].to_list()
        end = max([*days, *dates])
        fig.add_trace(
            go.Scatter(
                x=[days[0], *days, end],
                y=[0, *counts, counts[-1]],
                mode="lines",
                line={"shape": "hv", "color": RECORDS_COLOUR, "width": 2},
                name=t("stated_records_line", lang),
                hovertemplate=_hover(
                    [(t("milestone_date", lang), "%{x|%Y-%m-%d}"), (t("n_records", lang), "%{y}")],
                    lang,
                ),
            )
        )
    top = max([*statements["value"].to_list(), *running["n_records"].to_list(), 0])
    fig.update_layout(
        title=title,
        margin=charts.MARGIN,
        legend=charts.LEGEND_BELOW,
        showlegend=True,
        height=420,
        hovermode="closest",
        # ISO months: plotly would write its own English month names ("Jul 2021") on
        # every screen.
        xaxis={"type": "date", "tickformat": "%Y-%m"},
        yaxis={"rangemode": "tozero", "tickformat": "d", **({"dtick": 1} if top <= 10 else {})},
        clickmode="event+select",
    )
    return fig


def selected_sources(selection: Any) -> list[tuple[str, str]]:
    """``(publisher, url)`` of each statement clicked in :func:`stated_figure`, once each, from
    the selection ``st.plotly_chart`` returns (``[]`` when nothing is clicked)."""
    try:
        points = selection["selection"]["points"]
    except (KeyError, TypeError):
        return []
    found: dict[str, str] = {}
    for point in points or ():
        if not isinstance(point, Mapping):
            continue
        data = point.get("customdata")
        if isinstance(data, list | tuple) and len(data) >= 2 and isinstance(data[0], str):
            found.setdefault(data[0], html.unescape(str(data[1])))
    return [(publisher, url) for url, publisher in found.items()]


@dataclass(frozen=True, slots=True)
class StatedRange:
    """The newest statements of one kind beside the records of its scope (see
    :func:`recent_statements`)."""

    n_records: int
    low: int
    high: int
    n_statements: int
    first_month: dt.date
    last_month: dt.date


def _month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def recent_statements(stated: pl.DataFrame, kind: str = RANGE_KIND) -> pl.DataFrame:
    """The statements the Summary's sentence covers: those of ``kind`` dated (as-of date, else
    publication date, known at least to the month) in the month of the newest such statement
    or in the :data:`RANGE_MONTHS` − 1 months before it. Statements with no date, or a year
    alone, are left out: when they were true cannot be told, and an old total read as a
    current one would widen the range dishonestly. A window of months rather than "the
    newest statement" because sources disagree at one time, and the range says by how much."""
    dated = placed(stated).filter((pl.col("kind") == kind) & pl.col("drawn_on").is_not_null())
    if dated.is_empty():
        return dated
    newest = _month_index(dated["drawn_on"].max())  # type: ignore[arg-type]
    month = pl.col("drawn_on").dt.year() * 12 + pl.col("drawn_on").dt.month() - 1
    return dated.filter(month > newest - RANGE_MONTHS)


def stated_range(stated: pl.DataFrame, kind: str = RANGE_KIND) -> StatedRange | None:
    """The range the newest statements of ``kind`` give (:func:`recent_statements`) and the
    records of its scope to date (every period, not a filtered one); None when no statement of
    that kind is dated or no record counts that kind."""
    recent = recent_statements(stated, kind)
    records = stated.filter(pl.col("kind") == kind)["n_records"].drop_nulls()
    if recent.is_empty() or records.is_empty():
        return None
    days = recent["drawn_on"]
    first, last = days.min(), days.max()
    assert isinstance(first, dt.date) and isinstance(last, dt.date)
    return StatedRange(
        n_records=int(records.max()),  # type: ignore[arg-type]
        low=int(recent["value"].min()),  # type: ignore[arg-type]
        high=int(recent["value"].max()),  # type: ignore[arg-type]
        n_statements=recent.height,
        first_month=first.replace(day=1),
        last_month=last.replace(day=1),
    )


def month_year(day: dt.date, lang: str) -> str:
    """ "noviembre de 2025", "November 2025", "novembre 2025"."""
    return t("month_year", lang, month=t(f"month_{day.month}", lang), year=day.year)


def months_text(first: dt.date, last: dt.date, lang: str) -> str:
    """A span of months as ``lang`` says it: "November 2025", "November to December 2025",
    "November 2025 to January 2026". The first month is written as it follows "from" in the
    language (``month_from_<n>``: "de noviembre", "d'avril"): the translator writes the
    elision, no code guesses it."""
    if (first.year, first.month) == (last.year, last.month):
        return month_year(first, lang)
    from_first = t(f"month_from_{first.month}", lang)
    if first.year == last.year:
        return t(
            "months_in_year",
            lang,
            first=from_first,
            last=t(f"month_{last.month}", lang),
            year=first.year,
        )
    return t(
        "months_across_years",
        lang,
        first=t("month_year", lang, month=from_first, year=first.year),
        last=month_year(last, lang),
    )


def range_sentence(stated: pl.DataFrame, lang: str) -> str | None:
    """One sentence: the RRM requests recorded to date (all periods) and the range the newest
    statements give, how many they are and when ("42 RRM requests recorded to date, over all
    periods; sources state 41 to 44 (4 dated statements, November to December 2025)"); None
    when there is nothing to say (:func:`stated_range`)."""
    found = stated_range(stated)
    if found is None:
        return None
    values = (
        str(found.low)
        if found.low == found.high
        else t("stated_range_values", lang, low=found.low, high=found.high)
    )
    return t_n(
        "stated_range",
        lang,
        found.n_records,
        stated=values,
        statements=t_n("stated_range_statements", lang, found.n_statements),
        period=months_text(found.first_month, found.last_month, lang),
    )
