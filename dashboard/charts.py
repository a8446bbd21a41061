"""Chart builders: pure functions, frame in, plotly figure out.

Every builder takes the exact frame that the page also offers as CSV, so what is drawn and
what is downloaded cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Mapping

import plotly.express as px
import plotly.graph_objects as go
import polars as pl

MARGIN = {"t": 60, "l": 10, "r": 10, "b": 10}


def _finish(fig: go.Figure, *, title: str, legend: str | None = None) -> go.Figure:
    fig.update_layout(title=title, margin=MARGIN, legend_title_text=legend)
    return fig


def stacked_bar(
    frame: pl.DataFrame, *, x: str, y: str, color: str, labels: Mapping[str, str], title: str
) -> go.Figure:
    """Bars of ``y`` per ``x`` stacked by ``color``; x shown as categories in frame order."""
    fig = px.bar(
        frame,
        x=x,
        y=y,
        color=color,
        labels=dict(labels),
        category_orders={x: frame[x].unique(maintain_order=True).to_list()},
    )
    fig.update_layout(barmode="stack", xaxis={"type": "category"})
    return _finish(fig, title=title, legend=labels.get(color, color))


def lines(
    frame: pl.DataFrame,
    *,
    x: str,
    y: str,
    color: str,
    labels: Mapping[str, str],
    title: str,
    percent: bool = False,
) -> go.Figure:
    """One line per ``color`` value over ``x`` (categories), with markers."""
    fig = px.line(
        frame,
        x=x,
        y=y,
        color=color,
        labels=dict(labels),
        markers=True,
        category_orders={x: sorted(frame[x].unique().to_list())},
    )
    fig.update_layout(xaxis={"type": "category"})
    if percent:
        fig.update_layout(yaxis={"tickformat": ".0%"})
    return _finish(fig, title=title, legend=labels.get(color, color))


def heatmap(
    frame: pl.DataFrame, *, x: str, y: str, z: str, labels: Mapping[str, str], title: str
) -> go.Figure:
    """A count heatmap of ``z`` over ``x`` × ``y``; empty cells are blank, not zero."""
    xs = sorted(frame[x].unique().to_list())
    ys = sorted(frame[y].unique().to_list(), reverse=True)
    cells = {(row[x], row[y]): row[z] for row in frame.iter_rows(named=True)}
    matrix = [[cells.get((xv, yv)) for xv in xs] for yv in ys]
    fig = go.Figure(
        go.Heatmap(
            x=[str(v) for v in xs],
            y=ys,
            z=matrix,
            colorscale="Blues",
            hoverongaps=False,
            colorbar={"title": {"text": labels.get(z, z)}},
            texttemplate="%{z}",
        )
    )
    fig.update_layout(
        xaxis={"type": "category", "title": labels.get(x, x)},
        yaxis={"type": "category", "title": labels.get(y, y)},
        height=max(360, 22 * len(ys) + 120),
    )
    return _finish(fig, title=title)


def grouped_bar(
    frame: pl.DataFrame,
    *,
    x: str,
    y: str,
    color: str,
    labels: Mapping[str, str],
    title: str,
    horizontal: bool = False,
) -> go.Figure:
    """Side-by-side bars of ``y`` per ``x`` for each ``color`` value."""
    if horizontal:
        fig = px.bar(
            frame, y=x, x=y, color=color, labels=dict(labels), orientation="h", barmode="group"
        )
    else:
        fig = px.bar(frame, x=x, y=y, color=color, labels=dict(labels), barmode="group")
        fig.update_layout(xaxis={"type": "category"})
    return _finish(fig, title=title, legend=labels.get(color, color))
