"""Chart builders: pure functions, frame in, plotly figure out."""

from __future__ import annotations

import plotly.express as px
import plotly.graph_objects as go
import polars as pl


def stacked_bar(
    frame: pl.DataFrame, *, x: str, y: str, color: str, labels: dict[str, str], title: str
) -> go.Figure:
    """Bars of ``y`` per ``x``, stacked by ``color``; integer x values shown as categories."""
    fig = px.bar(frame, x=x, y=y, color=color, labels=labels, title=title)
    fig.update_layout(
        barmode="stack",
        legend_title_text=labels.get(color, color),
        xaxis={"type": "category"},
        margin={"t": 60, "l": 10, "r": 10, "b": 10},
    )
    return fig
