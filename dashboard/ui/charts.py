"""Chart builders: pure functions, frame in, plotly figure out.

Every builder takes the exact frame that the page also offers as CSV, so what is drawn and
what is downloaded cannot drift apart.
"""

from __future__ import annotations

import functools
import textwrap
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Concatenate, ParamSpec, TypeVar

import plotly.express as px
import plotly.graph_objects as go
import polars as pl

from dashboard.data import shared
from dashboard.i18n import label_value
from dashboard.i18n.format import plotly_separators
from dashboard.state.context import PageContext

MARGIN = {"t": 60, "l": 10, "r": 10, "b": 10}
LEGEND_BELOW = {"orientation": "h", "yanchor": "top", "y": -0.18, "x": 0, "xanchor": "left"}
"""A legend under the plot leaves the plot its full width (a phone is 390 px wide), never
covers the title, and prints well; plotly grows the bottom margin to fit it."""
LEGEND_ROW_PX = 22


def legend_height(fig: go.Figure, *, base: int = 450) -> int:
    """A figure tall enough for its plot and a legend of one entry per line, as on a phone:
    plotly takes the legend's room from the plot, and cut a 16-body legend short at 390 px."""
    names = {trace.name for trace in fig.data if trace.showlegend is not False and trace.name}
    return base + max(0, len(names) - 6) * LEGEND_ROW_PX


TICK_LABEL_WIDTH = 26
"""Characters per line of a category label on a horizontal bar chart: a longer label wraps
onto more lines instead of being cut or pushing the bars out of a narrow column."""


def _finish(fig: go.Figure, *, title: str, legend: str | None = None) -> go.Figure:
    fig.update_layout(
        title=title,
        margin=MARGIN,
        legend_title_text=legend,
        legend=LEGEND_BELOW,
    )
    if fig.layout.height is None:
        fig.update_layout(height=legend_height(fig))
    return fig


def localised(fig: go.Figure, lang: str) -> go.Figure:
    """``fig`` with ``lang``'s decimal and group signs on its axes and hovers ("1 234,5" in
    French): applied where a figure is drawn, which is where the language is known."""
    return fig.update_layout(separators=plotly_separators(lang))


def _whole_ticks(
    fig: go.Figure, frame: pl.DataFrame, *, by: str, value: str, stacked: bool, axis: str = "y"
) -> None:
    """Counts are whole numbers: with small values, tick every unit instead of at halves."""
    if frame.is_empty() or not frame.schema[value].is_integer():
        return
    top = (
        frame.group_by(by).agg(pl.col(value).sum())[value].max() if stacked else frame[value].max()
    )
    if isinstance(top, int) and top <= 10:
        fig.update_layout({f"{axis}axis": {"dtick": 1, "rangemode": "tozero"}})


def count_bar(
    frame: pl.DataFrame, *, x: str, y: str, labels: Mapping[str, str], title: str
) -> go.Figure:
    """Bars of the count ``y`` per category ``x``, in frame order, from zero; a tick per unit
    only for small counts (a fixed unit tick on thousands drew thousands of labels, which kept
    the browser busy for 37 s on a body page at 100,000 events)."""
    fig = px.bar(frame, x=x, y=y, labels=dict(labels))
    fig.update_layout(xaxis={"type": "category"}, yaxis={"rangemode": "tozero"})
    _whole_ticks(fig, frame, by=x, value=y, stacked=False)
    return _finish(fig, title=title)


def wrapped(label: str, width: int = TICK_LABEL_WIDTH) -> str:
    """``label`` in lines of at most ``width`` characters (words kept whole), joined with
    plotly's line break; every word of the label is kept."""
    return "<br>".join(textwrap.wrap(label, width, break_long_words=False)) or label


def tally_bar(frame: pl.DataFrame, *, label: str, value: str, title: str, lang: str) -> go.Figure:
    """Horizontal bars of ``value`` per ``label``, first row at the top: for categorical
    tallies whose labels are long, which the y axis shows in full (wrapped, with the left
    margin they need) where a vertical bar chart rotated and cut them."""
    labels = [wrapped(str(v)) for v in frame[label].to_list()]
    lines = sum(text.count("<br>") + 1 for text in labels)
    fig = go.Figure(
        go.Bar(
            x=frame[value].to_list(),
            y=labels,
            orientation="h",
            customdata=frame[label].to_list(),
            hovertemplate=label_value("%{customdata}", "%{x}", lang) + "<extra></extra>",
        )
    )
    fig.update_layout(
        height=max(200, 90 + 18 * lines + 8 * frame.height),
        yaxis={
            "type": "category",
            "categoryorder": "array",
            "categoryarray": labels[::-1],
            "automargin": True,
        },
        xaxis={"rangemode": "tozero", "automargin": True},
    )
    _whole_ticks(fig, frame, by=label, value=value, stacked=False, axis="x")
    fig = _finish(fig, title=title)
    fig.update_layout(margin={"t": 50, "l": 10, "r": 10, "b": 30})
    return fig


def stacked_bar(
    frame: pl.DataFrame,
    *,
    x: str,
    y: str,
    color: str,
    labels: Mapping[str, str],
    title: str,
    colors: Mapping[str, str] | None = None,
) -> go.Figure:
    """Bars of ``y`` per ``x`` stacked by ``color``; x shown as categories in frame order;
    ``colors`` fixes each ``color`` value's colour so it means the same in every chart. Each
    bar carries its ``color`` value as custom data, so a click can say which part it was."""
    fig = px.bar(
        frame,
        x=x,
        y=y,
        color=color,
        labels=dict(labels),
        category_orders={x: frame[x].unique(maintain_order=True).to_list()},
        color_discrete_map=dict(colors or {}),
        custom_data=[color],
    )
    fig.update_layout(barmode="stack", xaxis={"type": "category"})
    _whole_ticks(fig, frame, by=x, value=y, stacked=True)
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
    colors: Mapping[str, str] | None = None,
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
        color_discrete_map=dict(colors or {}),
    )
    # Counts and shares start at zero: an axis from 30 % makes small changes look large.
    fig.update_layout(xaxis={"type": "category"}, yaxis={"rangemode": "tozero"})
    if percent:
        fig.update_layout(yaxis={"tickformat": ".0%", "range": [0, 1]})
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


def square_grid(
    frame: pl.DataFrame,
    *,
    x: str,
    y: str,
    z: str,
    labels: Mapping[str, str],
    title: str,
    codes: Sequence[str],
    lang: str,
) -> go.Figure:
    """The counts ``z`` over ``x`` × ``y`` as squares shaded by count, each with its number;
    empty cells are left blank. Drawn as points rather than a plotly heatmap because only
    points report a click to Streamlit: each square carries the values of ``codes`` as custom
    data, so a click can say which cell it was (see :func:`clicked_cell`)."""
    xs = sorted(frame[x].unique().to_list())
    ys = sorted(frame[y].unique().to_list(), reverse=True)
    counts = frame[z].to_list()
    half = max(counts, default=0) / 2
    fig = go.Figure(
        go.Scatter(
            x=[str(v) for v in frame[x].to_list()],
            y=frame[y].to_list(),
            mode="markers+text",
            text=[str(n) for n in counts],
            textfont={
                "size": 10,
                "color": ["white" if n > half else "black" for n in counts],
            },
            marker={
                "symbol": "square",
                "size": 22,
                "color": counts,
                "colorscale": "Blues",
                "cmin": 0,
                "showscale": True,
                "colorbar": {"title": {"text": labels.get(z, z)}},
                "line": {"color": "#9e9e9e", "width": 1},
            },
            customdata=frame.select(codes).rows(),
            hovertemplate="%{y} · %{x}<br>"
            + label_value(labels.get(z, z), "%{text}", lang)
            + "<extra></extra>",
            unselected={"marker": {"opacity": 0.5}},
        )
    )
    fig.update_layout(
        xaxis={
            "type": "category",
            "title": labels.get(x, x),
            "categoryorder": "array",
            "categoryarray": [str(v) for v in xs],
        },
        yaxis={
            "type": "category",
            "title": labels.get(y, y),
            "categoryorder": "array",
            "categoryarray": ys,
            "automargin": True,
        },
        # A row per square (24 px) plus the title, legend and the x labels, which plotly
        # writes at an angle when long (body names): without their room the rows overlap.
        height=max(
            360, 26 * len(ys) + 160 + min(320, 6 * max((len(str(v)) for v in xs), default=0))
        ),
        clickmode="event+select",
        dragmode=False,
        plot_bgcolor="white",
    )
    return _finish(fig, title=title)


def clicked_cell(selection: Any) -> tuple[Any, ...] | None:
    """The custom data (codes) of the square clicked in a :func:`square_grid`, from the
    selection ``st.plotly_chart`` returns, or ``None`` when nothing is clicked."""
    try:
        points = selection["selection"]["points"]
    except (KeyError, TypeError):
        return None
    for point in points or ():
        data = point.get("customdata") if isinstance(point, Mapping) else None
        if isinstance(data, list | tuple) and data:
            return tuple(data)
    return None


def grouped_bar(
    frame: pl.DataFrame,
    *,
    x: str,
    y: str,
    color: str,
    labels: Mapping[str, str],
    title: str,
    horizontal: bool = False,
    colors: Mapping[str, str] | None = None,
    order: Sequence[str] | None = None,
) -> go.Figure:
    """Side-by-side bars of ``y`` per ``x`` for each ``color`` value; x in ``order`` (the
    values present, in that order) or sorted."""
    present = frame[x].unique().to_list()
    x_order = [v for v in order if v in present] if order else sorted(present)
    common: dict[str, Any] = {
        "color": color,
        "labels": dict(labels),
        "barmode": "group",
        "color_discrete_map": dict(colors or {}),
        "category_orders": {x: x_order},
    }
    if horizontal:
        fig = px.bar(frame, y=x, x=y, orientation="h", **common)
        _whole_ticks(fig, frame, by=x, value=y, stacked=False, axis="x")
    else:
        fig = px.bar(frame, x=x, y=y, **common)
        fig.update_layout(xaxis={"type": "category"})
        _whole_ticks(fig, frame, by=x, value=y, stacked=False)
    return _finish(fig, title=title, legend=labels.get(color, color))


PARTY_COLORS = {"MX": "#00843D", "US": "#1F3A93", "CA": "#D52B1E"}


def luminance(color: str) -> float:
    """Relative luminance (WCAG 2) of a ``#rrggbb`` colour: 0 black, 1 white."""
    channels = (int(color[i : i + 2], 16) / 255 for i in (1, 3, 5))
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


PALETTE = [
    *px.colors.qualitative.Dark24,
    *(c for c in px.colors.qualitative.Light24 if luminance(c) < 0.45),
]
"""39 distinct colours, each readable on white: the taxonomy's 34 bodies all differ in a
chart (Dark24 alone repeated after 24; Light24's pastels vanish on white and are left out)."""


P = ParamSpec("P")
Chart = TypeVar("Chart")
"""What a builder returns: (frame, figure), or with a note as well."""


def shared_chart(
    builder: Callable[Concatenate[PageContext, P], Chart],
) -> Callable[Concatenate[PageContext, P], Chart]:
    """Build a chart once for every session viewing it with the same language, filters and
    options (see :func:`dashboard.data.shared`): with many analysts on one server, plotly's
    figure building, not the warehouse, was most of each rerun. Callers must not change the
    frame or figure they get."""

    @functools.wraps(builder)
    def chart(ctx: PageContext, /, *args: P.args, **kwargs: P.kwargs) -> Chart:
        key = (ctx.lang, repr(ctx.filters), args, tuple(sorted(kwargs.items())))
        return shared(builder.__name__, key, lambda: builder(ctx, *args, **kwargs))

    return chart


def code_colors(ctx: PageContext, list_name: str) -> dict[str, str]:
    """Label → colour for every code of a list, fixed by the code's place in the taxonomy so a
    Party or a body has the same colour in every chart."""
    codes = {
        "parties": ctx.options.parties,
        "bodies": ctx.options.bodies,
        "kinds": ctx.options.kinds,
    }[list_name]
    return {
        ctx.labels(list_name, code): PARTY_COLORS.get(code, PALETTE[i % len(PALETTE)])
        if list_name == "parties"
        else PALETTE[i % len(PALETTE)]
        for i, code in enumerate(codes)
    }
