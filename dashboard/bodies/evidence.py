"""Evidence of activity per body and year (``body_year_evidence``): its levels, their colours,
and the frames and figures the Bodies, body and Data pages draw from it (pure functions).

"Nothing known" is a level of its own, drawn pale and labelled as such: it never reads as
"did not meet". A report whose period spans several years is evidence for the span only
('reported_span'): it is drawn as a hatched band across the years where nothing stronger is
known, its hover says the span ("met at some time between 2020-07 and 2021-06"), and it never
makes a body active in a year.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import plotly.graph_objects as go
import polars as pl

from dashboard.i18n import label_value, t
from dashboard.state.labels import Labels
from dashboard.ui.charts import LEGEND_BELOW
from textrules.words import fold

LEVELS = (
    "held_event",
    "reported_met",
    "reported_work",
    "decision_adopted",
    "reported_span",
    "none",
)
"""Strongest first, as ``warehouse/derived/05_body_year_evidence.sql`` ranks them."""
YEAR_LEVELS = ("held_event", "reported_met", "reported_work", "decision_adopted")
"""The levels that are evidence of activity in the year itself (a span is not)."""
SPAN = "reported_span"
COLORS: Mapping[str, str] = {
    "held_event": "#08519c",
    "reported_met": "#4292c6",
    "reported_work": "#9ecae1",
    "decision_adopted": "#e6550d",
    "reported_span": "#6baed6",
    "none": "#bdbdbd",
}
"""Meetings and reports on one sequential blue scale, strongest darkest; a decision (an act,
not a meeting nor a report) in orange, with a shape of its own; a span as blue hatching on
white, lighter than any filled square; 'none' an open grey square (its colour is the
outline). Readable in grey and by colour-blind readers."""
SYMBOLS: Mapping[str, str] = {
    "held_event": "square",
    "reported_met": "square",
    "reported_work": "square",
    "decision_adopted": "diamond",
    "reported_span": "square-open",
    "none": "square-open",
}
SPAN_HATCH = "/"
SPAN_BAND = 0.7
"""Thickness of a span's band in the grid, as a share of a body's row."""
ROW_PX = 24
"""Height of one body's row in the coverage grid: every body shows, no scroll box."""


def coverage_frame(grid: pl.DataFrame, labels: Labels, *, order: list[str]) -> pl.DataFrame:
    """The grid (body × year) with the body's name and the level's label, bodies in ``order``
    (codes), years ascending: the exact rows the coverage chart draws and its CSV holds."""
    position = {code: i for i, code in enumerate(order)}
    return (
        grid.with_columns(
            body=pl.col("body_code").replace_strict(labels.mapping("bodies"), default=None),
            evidence_label=pl.col("evidence").replace_strict(
                labels.mapping("evidence"), default=None
            ),
            body_position=pl.col("body_code").replace_strict(position, default=len(position)),
        )
        .with_columns(pl.col("body").fill_null(pl.col("body_code")))
        .sort("body_position", "year")
        .drop("body_position")
    )


COUNTS = (
    "n_held_events",
    "n_reports_met",
    "n_reports_work",
    "n_decisions",
    "n_span_reports_met",
    "n_span_reports_work",
)
"""The count columns a hover names; ``words`` maps each to its label."""
ID_COLUMNS = (
    "held_event_ids",
    "met_report_ids",
    "work_report_ids",
    "decision_event_ids",
    "span_met_report_ids",
    "span_work_report_ids",
)
"""The ids behind each level, in the order of ``COUNTS``."""


def span_text(claim: str | None, start: str, end: str, year: int, lang: str) -> str:
    """What a multi-year report says of a year in its span, e.g. "The body met at some time
    between 2020-07 and 2021-06: evidence for that span, not for 2020"."""
    key = "evidence_span_met" if claim == "met" else "evidence_span_work"
    return t(key, lang, start=start, end=end, year=year)


def _hover(row: Mapping[str, Any], words: Mapping[str, str], lang: str) -> str:
    parts = [f"{row['body']} · {row['year']}", str(row["evidence_label"])]
    if row["evidence"] == SPAN:
        parts.append(
            span_text(row["span_claim"], row["span_from"], row["span_to"], row["year"], lang)
        )
    parts += [label_value(words[c], str(row[c]), lang) for c in COUNTS if row[c]]
    return "<br>".join(parts)


def span_runs(frame: pl.DataFrame) -> list[tuple[str, int, int]]:
    """``(body, first year, last year)`` of each run of consecutive years at the span level,
    per body, in the frame's order: the bands the grid draws."""
    runs: list[tuple[str, int, int]] = []
    for body, year in frame.filter(pl.col("evidence") == SPAN).select("body", "year").iter_rows():
        if runs and runs[-1][0] == body and runs[-1][2] == year - 1:
            runs[-1] = (body, runs[-1][1], year)
        else:
            runs.append((body, year, year))
    return runs


def _span_bands(frame: pl.DataFrame, name: str) -> go.Bar:
    """The hatched bands of the span level, one per run of years: the legend entry of the
    level; the squares drawn over them carry the hover and the click."""
    runs = span_runs(frame)
    return go.Bar(
        orientation="h",
        y=[body for body, _, _ in runs],
        base=[first - 0.45 for _, first, _ in runs],
        x=[last - first + 0.9 for _, first, last in runs],
        width=SPAN_BAND,
        name=name,
        legendgroup=SPAN,
        marker={
            "color": "white",
            "line": {"color": COLORS[SPAN], "width": 1},
            "pattern": {"shape": SPAN_HATCH, "fgcolor": COLORS[SPAN], "solidity": 0.35},
        },
        hoverinfo="skip",
        showlegend=True,
    )


def coverage_figure(
    frame: pl.DataFrame, labels: Labels, *, title: str, words: Mapping[str, str]
) -> go.Figure:
    """Bodies × years as coloured squares, one trace (and legend entry) per level; each
    point carries ``[body_code, year]`` so a click can open what lies behind it."""
    fig = go.Figure()
    bodies = frame["body"].unique(maintain_order=True).to_list()
    years = sorted(frame["year"].unique().to_list())
    for level in LEVELS:
        part = frame.filter(pl.col("evidence") == level)
        if level == SPAN:
            fig.add_trace(_span_bands(frame, labels("evidence", level)))
        fig.add_trace(
            go.Scatter(
                x=part["year"].to_list(),
                y=part["body"].to_list(),
                mode="markers",
                name=labels("evidence", level),
                marker={
                    "symbol": SYMBOLS[level],
                    "size": 17,
                    "color": COLORS[level],
                    "line": {"color": "#9e9e9e", "width": 1},
                },
                customdata=[[b, y] for b, y in zip(part["body_code"], part["year"], strict=True)],
                hovertext=[_hover(r, words, labels.lang) for r in part.iter_rows(named=True)],
                hoverinfo="text",
                legendgroup=level,
                showlegend=level != SPAN,
                # A clicked square stays bright and the others stay readable.
                unselected={"marker": {"opacity": 0.6}},
            )
        )
    fig.update_layout(
        title=title,
        height=max(260, ROW_PX * len(bodies) + 140),
        margin={"t": 60, "l": 10, "r": 10, "b": 10},
        legend={"orientation": "h", "y": 0, "yanchor": "top", "x": 0},
        # A linear axis, ticked at each year, so that a span's band can run across years.
        xaxis={
            "type": "linear",
            "tickmode": "array",
            "tickvals": years,
            "ticktext": [str(y) for y in years],
            "range": [min(years, default=2020) - 0.6, max(years, default=2020) + 0.6],
            "side": "top",
            "showgrid": False,
            "zeroline": False,
        },
        barmode="overlay",
        yaxis={
            "type": "category",
            "categoryorder": "array",
            "categoryarray": list(reversed(bodies)),
            "automargin": True,
        },
        clickmode="event+select",
        dragmode=False,
        plot_bgcolor="white",
    )
    return fig


def strip_figure(
    frame: pl.DataFrame, labels: Labels, *, title: str, words: Mapping[str, str]
) -> go.Figure:
    """One body's years as a strip of coloured squares (the coverage figure of one row)."""
    fig = coverage_figure(frame, labels, title=title, words=words)
    # One row in a short figure: a band as thick as a square, not as the row.
    fig.update_traces(width=0.2, selector={"type": "bar"})
    fig.update_layout(
        height=200,
        yaxis={"showticklabels": False},
        xaxis={"side": "bottom"},
        legend={"y": 1.0, "yanchor": "bottom"},
    )
    return fig


def selected_cell(selection: Any) -> tuple[str, int] | None:
    """``(body_code, year)`` of the point clicked in a coverage figure, from the selection
    state ``st.plotly_chart`` returns, or ``None``."""
    try:
        points = selection["selection"]["points"]
    except (KeyError, TypeError):
        return None
    for point in points or ():
        data = point.get("customdata") if isinstance(point, Mapping) else None
        if isinstance(data, list | tuple) and len(data) == 2:
            return str(data[0]), int(data[1])
    return None


CELL_PARTS = {
    "events": "held_event_ids",
    "met": "met_report_ids",
    "work": "work_report_ids",
    "decisions": "decision_event_ids",
    "span_met": "span_met_report_ids",
    "span_work": "span_work_report_ids",
}
"""The parts of a cell, strongest first, and the column of ids behind each."""


def cell_records(grid: pl.DataFrame, body_code: str, year: int) -> dict[str, list[str]]:
    """The ids behind one cell: meetings held (``events``), reports of that year saying it
    ``met`` or its ``work``, ``decisions`` adopted, and multi-year reports covering the year
    (``span_met``, ``span_work``)."""
    row = grid.filter((pl.col("body_code") == body_code) & (pl.col("year") == year))
    if row.is_empty():
        return {part: [] for part in CELL_PARTS}
    first = row.row(0, named=True)
    return {part: list(first[column]) for part, column in CELL_PARTS.items()}


def active_bodies_by_year(grid: pl.DataFrame) -> pl.DataFrame:
    """Bodies per year at each evidence level above 'none' (each body counted once a year, at
    its strongest level): year, evidence, n_bodies, every (year, level) present, zeros kept.
    Only the ``YEAR_LEVELS`` make a body active; the 'reported_span' rows count the bodies
    known that year only from a multi-year span, to be shown apart."""
    known = [level for level in LEVELS if level != "none"]
    years = sorted(grid["year"].unique().to_list())
    full = pl.DataFrame(
        [(y, level) for y in years for level in known],
        schema={"year": pl.Int32, "evidence": pl.String},
        orient="row",
    )
    counts = (
        grid.filter(pl.col("evidence") != "none")
        .group_by("year", "evidence")
        .agg(pl.len().cast(pl.Int32).alias("n_bodies"))
    )
    return (
        full.join(counts, on=["year", "evidence"], how="left")
        .with_columns(pl.col("n_bodies").fill_null(0))
        .with_columns(
            rank=pl.col("evidence").replace_strict({lv: i for i, lv in enumerate(LEVELS)})
        )
        .sort("year", "rank")
        .drop("rank")
    )


def latest_level_counts(index: pl.DataFrame) -> dict[str, int]:
    """How many bodies have each level as their latest evidence (all levels, zeros kept)."""
    counts = dict(index.group_by("latest_evidence").len().iter_rows())
    return {level: int(counts.get(level, 0)) for level in LEVELS}


def active_bodies_figure(
    frame: pl.DataFrame, labels: Labels, *, title: str, axis: Mapping[str, str], span_name: str
) -> go.Figure:
    """Bodies active per year, stacked by their year-specific evidence (the frame of
    :func:`active_bodies_by_year`); the bodies known that year only from a multi-year span are
    a dotted line of their own (``span_name``), outside the stack: they are not active."""
    fig = go.Figure()
    for level in YEAR_LEVELS:
        part = frame.filter(pl.col("evidence") == level)
        if part.is_empty():
            continue
        fig.add_trace(
            go.Bar(
                x=[str(y) for y in part["year"]],
                y=part["n_bodies"].to_list(),
                name=labels("evidence", level),
                marker={"color": COLORS[level], "line": {"color": "#6b6b6b", "width": 0.5}},
            )
        )
    spans = frame.filter(pl.col("evidence") == SPAN)
    if not spans.is_empty():
        fig.add_trace(
            go.Scatter(
                x=[str(y) for y in spans["year"]],
                y=spans["n_bodies"].to_list(),
                name=span_name,
                mode="lines+markers",
                line={"color": COLORS[SPAN], "dash": "dot"},
                marker={"symbol": "square-open", "color": COLORS[SPAN]},
            )
        )
    fig.update_layout(
        title=title,
        barmode="stack",
        margin={"t": 60, "l": 10, "r": 10, "b": 10},
        xaxis={"type": "category", "title": axis.get("year", "")},
        yaxis={"rangemode": "tozero", "title": axis.get("n_bodies", "")},
        legend=LEGEND_BELOW,
    )
    return fig


@dataclass(frozen=True)
class ReportedActivity:
    """What the activity reports whose period lies within the chosen years say: bodies said to
    have met, bodies said only to have reported their work (not also to have met), and those
    reports; and, apart, reports whose period reaches beyond those years (not counted)."""

    n_met: int
    n_work: int
    n_reports: int
    n_beyond: int


def reported_activity(rows: pl.DataFrame) -> ReportedActivity:
    """From ``filtered_report_bodies`` rows: only reports whose period lies within the chosen
    years count (``is_within_period``); a span reaching beyond them may concern only the years
    outside, so it is counted apart and says nothing of a body here."""
    within = rows.filter(pl.col("is_within_period"))
    met = set(within.filter(pl.col("claim") == "met")["body_code"].to_list())
    work = set(within.filter(pl.col("claim") == "reported")["body_code"].to_list()) - met
    beyond = rows.filter(~pl.col("is_within_period"))["report_id"].n_unique()
    return ReportedActivity(len(met), len(work), within["report_id"].n_unique(), beyond)


def report_matches(rows: pl.DataFrame, labels: Labels, q: str) -> pl.DataFrame:
    """Reports among ``filtered_report_bodies`` rows whose claim text or quotes contain ``q``
    (accents and case ignored), one row per report with the bodies it names."""
    needle = fold(q.strip())
    if not needle:
        return rows.head(0).select("report_id", "published", "claim_text")
    matched = rows.filter(
        pl.concat_str("claim_text", "quote", separator=" ")
        .map_elements(fold, return_dtype=pl.String)
        .str.contains(needle, literal=True)
    )
    bodies = labels.mapping("bodies")
    return (
        matched.group_by("report_id", maintain_order=True)
        .agg(
            pl.col("published").first(),
            pl.col("claim_text").first(),
            pl.col("body_code")
            .replace_strict(bodies, default=None)
            .unique(maintain_order=True)
            .str.join(", ")
            .alias("bodies"),
            pl.col("quote").unique(maintain_order=True).str.join(" · ").alias("quote"),
        )
        .select("published", "bodies", "quote", "claim_text", "report_id")
    )
