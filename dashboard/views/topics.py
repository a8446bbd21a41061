"""Topics: topic × year and topic × body heatmaps, the events behind a cell, panel themes."""

from __future__ import annotations

import polars as pl
import streamlit as st

from dashboard import components, figures
from dashboard.context import PageContext, get_context
from dashboard.data import filtered
from dashboard.i18n import t
from dashboard.tables import title_expr

PANEL_ROWS = 500
"""Panels of the newest events shown (and exported) at most."""


def _cell_events(ctx: PageContext, year_frame: pl.DataFrame) -> None:
    lang = ctx.lang
    st.subheader(t("cell_events", lang))
    topics = sorted(
        year_frame["topic_code"].unique().to_list(), key=lambda c: ctx.labels("topics", c)
    )
    years = sorted(year_frame["year"].unique().to_list())
    bodies = sorted(filtered("topics_by_body", ctx.filters)["body_code"].unique().to_list())
    left, mid, right = st.columns(3)
    topic = left.selectbox(
        t("topic", lang), topics, key="tp_cell_topic", format_func=lambda c: ctx.labels("topics", c)
    )
    year = mid.selectbox(
        t("year", lang),
        [None, *years],
        key="tp_cell_year",
        format_func=lambda y: t("any", lang) if y is None else str(y),
    )
    body = right.selectbox(
        t("body", lang),
        [None, *bodies],
        key="tp_cell_body",
        format_func=lambda b: t("any", lang) if b is None else ctx.labels("bodies", b),
    )
    rows = filtered(
        "topic_cell_events", ctx.filters, topic_code=topic, cell_year=year, cell_body=body
    )
    rows = ctx.labels.relabel(rows, "body_code", "bodies", alias="body")
    rows = ctx.labels.relabel(rows, "status", "statuses").with_columns(title=title_expr(lang))
    rows = rows.select(
        "start_date",
        "body",
        "title",
        "status",
        "is_event_topic",
        "is_panel_topic",
        "is_outcome_topic",
        "event_id",
    )
    st.caption(t("n_shown", lang, n=rows.height))
    components.event_table(
        ctx,
        rows,
        key="tp_cell_table",
        column_config={
            "is_event_topic": t("via_event", lang),
            "is_panel_topic": t("via_panel", lang),
            "is_outcome_topic": t("via_outcome", lang),
        },
    )
    st.caption(t("pick_row_hint", lang))
    components.csv_button(ctx, rows, what=f"events-{topic}", key="tp_cell_csv")


def render(ctx: PageContext) -> None:
    lang = ctx.lang
    st.title(t("page_topics", lang))
    st.caption(t("topic_rule", lang))
    year_frame, year_fig = figures.topic_year_heatmap(ctx)
    if year_frame.is_empty():
        st.info(t("no_rows", lang))
        return
    components.chart(
        ctx, year_fig, year_frame.drop("topic_code"), what="topic-by-year", key="tp_year"
    )
    body_frame, body_fig = figures.topic_body_heatmap(ctx)
    components.chart(
        ctx,
        body_fig,
        body_frame.drop("topic_code", "body_code"),
        what="topic-by-body",
        key="tp_body",
    )
    _cell_events(ctx, year_frame)

    st.subheader(t("panel_themes", lang))
    panels = filtered("panel_themes", ctx.filters, max_rows=PANEL_ROWS)
    topic_names = ctx.labels.mapping("topics")
    panels = (
        ctx.labels.relabel(panels, "body_code", "bodies", alias="body")
        .with_columns(
            topics=pl.col("topic_codes")
            .list.eval(pl.element().replace(topic_names))
            .list.join(", ")
        )
        .select("start_date", "body", "title", "topics", "event_id")
    )
    components.event_table(ctx, panels, key="tp_panels_table")
    components.csv_button(ctx, panels, what="panel-themes", key="tp_panels_csv")


if __name__ == "__main__":
    render(get_context())
