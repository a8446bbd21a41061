"""Evidence of activity per body and year (``body_year_evidence``): its levels, their colours,
and the frames and figures the Bodies, body and Data pages draw from it (pure functions).

"Nothing known" is a level of its own, drawn pale and labelled as such: it never reads as
"did not meet".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import plotly.graph_objects as go
import polars as pl

from dashboard.charts import LEGEND_BELOW
from dashboard.i18n import label_value
from dashboard.labels import Labels
from etl.search import fold

LEVELS = ("held_event", "reported_met", "reported_work", "none")
"""Strongest first, as ``warehouse/derived/05_body_year_evidence.sql`` ranks them."""
COLORS: Mapping[str, str] = {
    "held_event": "#08519c",
    "reported_met": "#4292c6",
    "reported_work": "#9ecae1",
    "none": "#bdbdbd",
}
"""One sequential blue scale, strongest darkest: readable in grey and by colour-blind readers;
'none' is an open grey square (its colour is the outline)."""
SYMBOLS: Mapping[str, str] = {
    "held_event": "square",
    "reported_met": "square",
    "reported_work": "square",
    "none": "square-open",
}
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


COUNTS = ("n_held_events", "n_reports_met", "n_reports_work")
"""The count columns a hover names; ``words`` maps each to its label."""


def _hover(row: Mapping[str, Any], words: Mapping[str, str], lang: str) -> str:
    parts = [f"{row['body']} · {row['year']}", str(row["evidence_label"])]
    parts += [label_value(words[c], str(row[c]), lang) for c in COUNTS if row[c]]
    return "<br>".join(parts)


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
                showlegend=True,
                # A clicked square stays bright and the others stay readable.
                unselected={"marker": {"opacity": 0.6}},
            )
        )
    fig.update_layout(
        title=title,
        height=max(260, ROW_PX * len(bodies) + 140),
        margin={"t": 60, "l": 10, "r": 10, "b": 10},
        legend={"orientation": "h", "y": 0, "yanchor": "top", "x": 0},
        xaxis={"type": "category", "categoryorder": "array", "categoryarray": years, "side": "top"},
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


def cell_records(grid: pl.DataFrame, body_code: str, year: int) -> dict[str, list[str]]:
    """The ids behind one cell: ``events`` held, reports saying it ``met``, and ``work``."""
    row = grid.filter((pl.col("body_code") == body_code) & (pl.col("year") == year))
    if row.is_empty():
        return {"events": [], "met": [], "work": []}
    first = row.row(0, named=True)
    return {
        "events": list(first["held_event_ids"]),
        "met": list(first["met_report_ids"]),
        "work": list(first["work_report_ids"]),
    }


def active_bodies_by_year(grid: pl.DataFrame) -> pl.DataFrame:
    """Bodies per year at each evidence level above 'none' (each body counted once a year, at
    its strongest level): year, evidence, n_bodies, every (year, level) present, zeros kept."""
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
    frame: pl.DataFrame, labels: Labels, *, title: str, axis: Mapping[str, str]
) -> go.Figure:
    """Bodies per year stacked by evidence level (the frame of :func:`active_bodies_by_year`)."""
    fig = go.Figure()
    for level in LEVELS:
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
    fig.update_layout(
        title=title,
        barmode="stack",
        margin={"t": 60, "l": 10, "r": 10, "b": 10},
        xaxis={"type": "category", "title": axis.get("year", "")},
        yaxis={"rangemode": "tozero", "title": axis.get("n_bodies", "")},
        legend=LEGEND_BELOW,
    )
    return fig


def reported_activity(rows: pl.DataFrame) -> tuple[int, int, int]:
    """From ``filtered_report_bodies`` rows: bodies reported as having met, bodies reported
    only as having reported their work (not also as met), and reports."""
    met = set(rows.filter(pl.col("claim") == "met")["body_code"].to_list())
    work = set(rows.filter(pl.col("claim") == "reported")["body_code"].to_list()) - met
    return len(met), len(work), rows["report_id"].n_unique()


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
