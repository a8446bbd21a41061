"""The charts the app shows, each as (frame, figure) for the current filters.

Pages and the briefing pack both draw from here, so a chart in the report is the chart on the
page, and its CSV holds exactly the rows it was drawn from.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import plotly.graph_objects as go
import polars as pl

from dashboard.bodies import evidence
from dashboard.data import filtered, query, shared
from dashboard.i18n import label_value, t
from dashboard.state.context import PageContext
from dashboard.state.filters import Filters, by_field
from dashboard.ui import charts, transforms
from dashboard.ui.transforms import Grain


def _axis(ctx: PageContext, *keys: str) -> dict[str, str]:
    return {k: t(k, ctx.lang) for k in keys}


@charts.shared_chart
def events_over_time(
    ctx: PageContext, *, grain: Grain, stack: str, cumulative: bool
) -> tuple[pl.DataFrame, go.Figure]:
    """Meetings per period stacked by body or kind (or their running totals). Dated acts
    (decisions, public consultations) are not meetings and are not drawn: :func:`acts_count`
    says how many the filters hold."""
    list_name = "bodies" if stack == "body_code" else "kinds"
    label_col = "body" if stack == "body_code" else "kind"
    raw = filtered("events_by_period", ctx.filters).filter(pl.col("is_meeting"))
    frame = transforms.counts_by(raw, grain=grain, by=stack)
    frame = ctx.labels.relabel(frame, stack, list_name, alias=label_col).select(
        "period", label_col, "n_events"
    )
    frame = transforms.zero_filled(
        frame, order="period", periods=_periods(ctx, grain), group=label_col, value="n_events"
    )
    labels = {
        "period": t("period_label", ctx.lang),
        **_axis(ctx, label_col),
        "n_events": t("headline_meetings_any", ctx.lang),
    }
    title = t("events_over_time", ctx.lang)
    if cumulative:
        frame = transforms.cumulative(frame, order="period", group=label_col, value="n_events")
        return frame, charts.lines(
            frame,
            x="period",
            y="n_events",
            color=label_col,
            labels=labels,
            title=f"{title} ({t('cumulative', ctx.lang)})",
            colors=charts.code_colors(ctx, list_name),
        )
    return frame, charts.stacked_bar(
        frame,
        x="period",
        y="n_events",
        color=label_col,
        labels=labels,
        title=title,
        colors=charts.code_colors(ctx, list_name),
    )


def acts_count(ctx: PageContext) -> int:
    """The dated acts that are not meetings among the filtered events (not in the Trends
    chart, which counts meetings)."""
    raw = filtered("events_by_period", ctx.filters)
    return int(raw.filter(~pl.col("is_meeting"))["n_events"].sum())


def clicked_bar(selection: Any) -> tuple[str, str] | None:
    """``(period, series label)`` of the bar clicked in :func:`events_over_time`'s bars, from
    the selection ``st.plotly_chart`` returns, or ``None``."""
    try:
        points = selection["selection"]["points"]
    except (KeyError, TypeError):
        return None
    for point in points or ():
        if not isinstance(point, Mapping):
            continue
        data = point.get("customdata")
        if isinstance(data, list | tuple) and data and point.get("x") is not None:
            return str(point["x"]), str(data[0])
    return None


def events_of_bar(
    ctx: PageContext, *, stack: str, period: str, label: str
) -> tuple[Filters, str] | None:
    """The filters that select the events behind one bar (its period, its body or kind), and
    the code of that body or kind; ``None`` when the label names no code."""
    list_name = "bodies" if stack == "body_code" else "kinds"
    codes = [c for c, name in ctx.labels.mapping(list_name).items() if name == label]
    if not codes:
        return None
    start, end = transforms.period_bounds(period)
    spec = by_field("bodies" if stack == "body_code" else "kinds")
    narrowed = replace(
        spec.with_codes(ctx.filters, [codes[0]]),
        date_from=max(start, ctx.filters.date_from or start),
        date_to=min(end, ctx.filters.date_to or end),
    )
    return narrowed, codes[0]


def _periods(ctx: PageContext, grain: Grain) -> list[str]:
    """Every period of the filters' span (open ends: the data's first and last dates)."""
    start = ctx.filters.date_from or ctx.options.first_date
    end = ctx.filters.date_to or max(ctx.options.last_date, start)
    return transforms.period_labels(start, end, grain)


def _chosen_codes(ctx: PageContext, *, is_group: bool) -> tuple[str, ...]:
    """The topics (or groups) the filters chose at the chart's level, also when chosen at the
    other level: the groups of chosen topics, the topics of chosen groups."""
    f = ctx.filters
    if not (f.topics or f.topic_groups):
        return ()
    book = query("codebook_topics")
    if is_group:
        groups = book.filter(pl.col("topic_code").is_in(list(f.topics)))["group_code"]
        return f.topic_groups or tuple(dict.fromkeys(groups.to_list()))
    in_groups = book.filter(pl.col("group_code").is_in(list(f.topic_groups)))["topic_code"]
    return f.topics or tuple(in_groups.to_list())


@charts.shared_chart
def topics_over_time(
    ctx: PageContext, *, level: str, shares: bool, cumulative: bool, top: int = 8
) -> tuple[pl.DataFrame, go.Figure, str | None]:
    """Events per year touching each topic (or topic group): counts, shares or running totals,
    every year of the span drawn (zero when none).

    Returns (every row, the figure, a note when the figure draws fewer series than the rows
    hold). With topics (or groups) chosen in the filters, the chosen ones are drawn, not every
    topic of the matching events; otherwise the ``top`` most frequent, and the note says so.
    """
    is_group = level == "topic_group"
    code = "group_code" if is_group else "topic_code"
    raw = filtered("topic_groups_by_year" if is_group else "topics_by_year", ctx.filters)
    raw = raw.select("year", code, "n_events")
    chosen = _chosen_codes(ctx, is_group=is_group)
    if chosen:
        raw = raw.filter(pl.col(code).is_in(list(chosen)))
    ranked = (
        raw.group_by(code)
        .agg(pl.col("n_events").sum())
        .sort(["n_events", code], descending=[True, False])[code]
    )
    drawn_codes = ranked.to_list() if chosen else ranked.head(top).to_list()
    label_col = "topic_group" if is_group else "topic"
    list_name = "topic_groups" if is_group else "topics"
    filled = transforms.zero_filled(
        raw, order="year", periods=_periods(ctx, "year"), group=code, value="n_events"
    )
    frame = ctx.labels.relabel(filled, code, list_name, alias=label_col).select(
        "year", label_col, "n_events"
    )
    drawn_labels = [ctx.labels(list_name, c) for c in drawn_codes]
    note = (
        t("chart_truncated", ctx.lang, shown=len(drawn_codes), total=ranked.len())
        if ranked.len() > len(drawn_codes)
        else None
    )
    labels = _axis(ctx, "year", label_col, "n_events", "share")
    title = t("topic_trends", ctx.lang)
    if cumulative:
        frame = transforms.cumulative(frame, order="year", group=label_col, value="n_events")
    elif shares:
        totals = (
            filtered("events_by_period", ctx.filters)
            .group_by("year")
            .agg(n_total=pl.col("n_events").sum())
        )
        frame = transforms.with_shares(frame, totals, on="year")
    drawn = frame.filter(pl.col(label_col).is_in(drawn_labels))
    fig = charts.lines(
        drawn,
        x="year",
        y="share" if shares and not cumulative else "n_events",
        color=label_col,
        labels=labels,
        title=f"{title} ({t('cumulative', ctx.lang)})" if cumulative else title,
        percent=shares and not cumulative,
        colors=_series_colors(drawn_labels),
    )
    return frame, fig, note


def _series_colors(names: list[str]) -> dict[str, str]:
    """A distinct colour per series (39 before any repeats)."""
    return {name: charts.PALETTE[i % len(charts.PALETTE)] for i, name in enumerate(sorted(names))}


@charts.shared_chart
def topic_year_heatmap(ctx: PageContext) -> tuple[pl.DataFrame, go.Figure]:
    raw = filtered("topics_by_year", ctx.filters)
    frame = ctx.labels.relabel(raw, "topic_code", "topics", alias="topic").select(
        "topic", "year", "n_events", "topic_code"
    )
    fig = charts.square_grid(
        frame,
        x="year",
        y="topic",
        z="n_events",
        labels=_axis(ctx, "year", "topic", "n_events"),
        title=t("topic_year_heatmap", ctx.lang),
        lang=ctx.lang,
        codes=["topic_code", "year"],
    )
    return frame, fig


@charts.shared_chart
def topic_body_heatmap(ctx: PageContext) -> tuple[pl.DataFrame, go.Figure]:
    raw = filtered("topics_by_body", ctx.filters)
    frame = ctx.labels.relabel(raw, "topic_code", "topics", alias="topic")
    frame = ctx.labels.relabel(frame, "body_code", "bodies", alias="body").select(
        "topic", "body", "n_events", "topic_code", "body_code"
    )
    fig = charts.square_grid(
        frame,
        x="body",
        y="topic",
        z="n_events",
        labels=_axis(ctx, "body", "topic", "n_events"),
        title=t("topic_body_heatmap", ctx.lang),
        lang=ctx.lang,
        codes=["topic_code", "body_code"],
    )
    return frame, fig


@charts.shared_chart
def party_roles(ctx: PageContext, role: str) -> tuple[pl.DataFrame, go.Figure]:
    """Meetings per year the Parties hosted (role 'host') or chaired ('chair'); dated acts
    are not meetings (``party_roles_by_year``)."""
    raw = filtered("party_roles_by_year", ctx.filters).filter(pl.col("role") == role)
    frame = (
        ctx.labels.relabel(raw, "party_code", "parties", alias="party")
        .with_columns(pl.col("year").cast(pl.String))
        .select("year", "party", "n_events")
    )
    title = label_value(t("hosting_chairing", ctx.lang), ctx.labels("party_roles", role), ctx.lang)
    return frame, charts.grouped_bar(
        frame,
        x="year",
        y="n_events",
        color="party",
        labels=_axis(ctx, "year", "party", "n_events"),
        title=title,
        colors=charts.code_colors(ctx, "parties"),
    )


@charts.shared_chart
def officials_by_level(ctx: PageContext) -> tuple[pl.DataFrame, go.Figure]:
    raw = filtered("officials_by_party_level", ctx.filters)
    frame = (
        raw.group_by("party_code", "level")
        .agg(pl.col("n_officials").sum())
        .sort("party_code", "level")
    )
    frame = ctx.labels.relabel(frame, "party_code", "parties", alias="party")
    frame = ctx.labels.relabel(frame, "level", "levels").select("party", "level", "n_officials")
    return frame, charts.grouped_bar(
        frame,
        x="level",
        y="n_officials",
        color="party",
        labels=_axis(ctx, "level", "party", "n_officials"),
        title=t("officials_by_level", ctx.lang),
        colors=charts.code_colors(ctx, "parties"),
        order=list(ctx.labels.mapping("levels").values()),
    )


@charts.shared_chart
def presence_by_body(ctx: PageContext) -> tuple[pl.DataFrame, go.Figure]:
    raw = filtered("party_presence_by_body", ctx.filters)
    frame = ctx.labels.relabel(raw, "party_code", "parties", alias="party")
    frame = ctx.labels.relabel(frame, "body_code", "bodies", alias="body").select(
        "party", "body", "n_present", "n_events"
    )
    fig = charts.heatmap(
        frame,
        x="party",
        y="body",
        z="n_present",
        labels=_axis(ctx, "party", "body", "n_present"),
        title=t("presence_by_body", ctx.lang),
    )
    return frame, fig


def active_bodies(ctx: PageContext) -> tuple[pl.DataFrame, go.Figure]:
    """Bodies active per year by their strongest year-specific evidence, and apart those known
    that year only from a multi-year span (all records: no filter applies)."""

    def build() -> tuple[pl.DataFrame, go.Figure]:
        active = evidence.active_bodies_by_year(query("body_year_evidence"))
        fig = evidence.active_bodies_figure(
            active,
            ctx.labels,
            title=t("active_bodies", ctx.lang),
            axis={"year": t("year", ctx.lang), "n_bodies": t("page_bodies", ctx.lang)},
            span_name=t("active_bodies_span_only", ctx.lang),
        )
        shown = active.with_columns(
            pl.col("evidence").replace_strict(ctx.labels.mapping("evidence"), default=None)
        )
        return shown, fig

    return shared("active_bodies", (ctx.lang,), build)
