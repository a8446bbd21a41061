"""Topics: topic × year and topic × body heatmaps, the events behind a cell, panel themes."""

from __future__ import annotations

import polars as pl
import streamlit as st

from dashboard.data import filtered
from dashboard.events import figures
from dashboard.i18n import t, t_n
from dashboard.state import url
from dashboard.state.context import PageContext, get_context
from dashboard.ui import charts, components
from dashboard.ui.tables import dates_as_known, title_expr

PANEL_ROWS = 500
"""Panels of the newest events shown at most (the CSV holds every one)."""
CELL_ROWS = 500
"""Events behind a cell shown at most (the CSV holds every one)."""
ALL_ROWS = 10_000_000
CELL_PARAMS = ("cell_topic", "cell_year", "cell_body")
"""The chosen cell, in the URL: a topic and a year and/or a body (codes)."""
CLICKS = "tp_last_clicks"
"""Chart key → the square last clicked there: a selection stays in the browser and comes
back on every rerun, and only a new click may override a choice made in the boxes since."""


def _apply_clicks(clicks: dict[str, tuple[object, ...] | None]) -> None:
    """Turn a new click on a square into the cell choice (topic and year, or topic and body)."""
    seen: dict[str, tuple[object, ...] | None] = st.session_state.setdefault(CLICKS, {})
    for chart, click in clicks.items():
        if click == seen.get(chart):
            continue
        seen[chart] = click
        if click is None:
            continue
        topic, other = str(click[0]), str(click[1])
        year, body = (other, "") if chart == "year" else ("", other)
        for param, value in zip(CELL_PARAMS, (topic, year, body), strict=True):
            st.session_state[url.PAGE + param] = value


def _cell_events(ctx: PageContext, topics: list[str], years: list[str], bodies: list[str]) -> None:
    lang = ctx.lang
    st.subheader(t("cell_events", lang))
    st.caption(t("click_cell_hint", lang))
    for param, allowed in zip(CELL_PARAMS, (topics, years, bodies), strict=True):
        url.page_choice(param, allowed, "")
    left, mid, right = st.columns(3)
    with left:
        topic = url.code_select(
            t("topic", lang),
            url.PAGE + "cell_topic",
            topics,
            lang=lang,
            name=lambda c: ctx.labels("topics", c),
            placeholder=t("none", lang),
        )
    with mid:
        year = url.code_select(
            t("year", lang),
            url.PAGE + "cell_year",
            years,
            lang=lang,
            name=str,
            placeholder=t("any", lang),
        )
    with right:
        body = url.code_select(
            t("body", lang),
            url.PAGE + "cell_body",
            bodies,
            lang=lang,
            name=lambda c: ctx.labels("bodies", c),
            placeholder=t("any", lang),
        )
    url.publish_page({"cell_topic": topic, "cell_year": year, "cell_body": body})
    if topic is None:
        return
    what = "-".join(["events", topic, *(v for v in (year, body) if v)])
    st.markdown(
        "**"
        + components.plain(
            t(
                "cell_events_of",
                lang,
                topic=ctx.labels("topics", topic),
                year=year or t("any", lang),
                body=ctx.labels("bodies", body) if body else t("any", lang),
            )
        )
        + "**"
    )

    def rows_of() -> pl.DataFrame:
        rows = filtered(
            "topic_cell_events",
            ctx.filters,
            topic_code=topic,
            cell_year=int(year) if year else None,
            cell_body=body,
        )
        rows = ctx.labels.relabel(rows, "body_code", "bodies", alias="body")
        rows = ctx.labels.relabel(rows, "status", "statuses").with_columns(title=title_expr(lang))
        return dates_as_known(rows).select(
            "start_date",
            "body",
            "title",
            "status",
            "is_event_topic",
            "is_panel_topic",
            "is_outcome_topic",
            "event_id",
        )

    rows = rows_of()
    st.caption(t_n("n_shown", lang, rows.height))
    if rows.height > CELL_ROWS:
        st.caption(t("rows_capped", lang, shown=CELL_ROWS, n=rows.height))
    components.event_table(
        ctx,
        rows.head(CELL_ROWS),
        key="tp_cell_table",
        column_config={
            "is_event_topic": t("via_event", lang),
            "is_panel_topic": t("via_panel", lang),
            "is_outcome_topic": t("via_outcome", lang),
        },
    )
    if not rows.is_empty():
        st.caption(t("pick_row_hint", lang))
    components.csv_button(ctx, rows, what=what, key="tp_cell_csv")


def _panels(ctx: PageContext) -> None:
    lang = ctx.lang
    st.subheader(t("panel_themes", lang))
    topic_names = ctx.labels.mapping("topics")

    def rows(max_rows: int) -> pl.DataFrame:
        panels = filtered("panel_themes", ctx.filters, max_rows=max_rows)
        return dates_as_known(
            ctx.labels.relabel(panels, "body_code", "bodies", alias="body").with_columns(
                topics=pl.col("topic_codes")
                .list.eval(pl.element().replace(topic_names))
                .list.join(", ")
            )
        ).select("start_date", "body", "title", "topics", "event_id")

    shown = rows(PANEL_ROWS + 1)
    if shown.height > PANEL_ROWS:
        st.caption(t("panels_capped", lang, shown=PANEL_ROWS))
    components.event_table(ctx, shown.head(PANEL_ROWS), key="tp_panels_table")
    components.csv_button(ctx, lambda: rows(ALL_ROWS), what="panel-themes", key="tp_panels_csv")


def render(ctx: PageContext) -> None:
    lang = ctx.lang
    st.title(t("page_topics", lang))
    st.caption(t("topic_rule", lang))
    year_frame, year_fig = figures.topic_year_heatmap(ctx)
    if year_frame.is_empty():
        st.info(t("no_rows", lang))
        return
    year_pick = components.chart(
        ctx,
        year_fig,
        year_frame.drop("topic_code"),
        what="topic-by-year",
        key="tp_year",
        selectable=True,
    )
    body_frame, body_fig = figures.topic_body_heatmap(ctx)
    body_pick = components.chart(
        ctx,
        body_fig,
        body_frame.drop("topic_code", "body_code"),
        what="topic-by-body",
        key="tp_body",
        selectable=True,
    )
    _apply_clicks({"year": charts.clicked_cell(year_pick), "body": charts.clicked_cell(body_pick)})
    topics = sorted(
        year_frame["topic_code"].unique().to_list(), key=lambda c: ctx.labels("topics", c)
    )
    years = [str(y) for y in sorted(year_frame["year"].unique().to_list())]
    bodies = sorted(
        body_frame["body_code"].unique().to_list(), key=lambda c: ctx.labels("bodies", c)
    )
    _cell_events(ctx, topics, years, bodies)
    _panels(ctx)


if __name__ == "__main__":
    render(get_context())
