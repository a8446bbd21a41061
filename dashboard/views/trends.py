"""Trends: meetings per year or quarter by body or kind; topics over time."""

from __future__ import annotations

import polars as pl
import streamlit as st

from dashboard.data import events
from dashboard.events import figures
from dashboard.i18n import t, t_n
from dashboard.state.context import PageContext, get_context
from dashboard.state.url import choice_radio, choice_toggle, publish_page
from dashboard.ui import components
from dashboard.ui.tables import event_rows

GRAINS = ("year", "quarter")
STACKS = ("body_code", "kind")
LEVELS = ("topic_group", "topic")
MEASURES = ("counts", "shares", "cumulative")


def render(ctx: PageContext) -> None:
    lang = ctx.lang
    st.title(t("page_trends", lang))
    if ctx.filters.statuses == ("held",):
        st.caption(t("held_only_note", lang))

    left, mid, right = st.columns(3)
    with left:
        grain = choice_radio(
            t("grain", lang),
            "grain",
            GRAINS,
            lang=lang,
            names={g: t(g, lang) for g in GRAINS},
        )
    with mid:
        stack = choice_radio(
            t("stack_by", lang),
            "stack",
            STACKS,
            lang=lang,
            names={"body_code": t("body", lang), "kind": t("kind", lang)},
        )
    with right:
        cumulative = choice_toggle(t("cumulative", lang), "cumulative", lang=lang)
    publish_page(
        {
            "grain": None if grain == GRAINS[0] else grain,
            "stack": None if stack == STACKS[0] else stack,
            "cumulative": "1" if cumulative else None,
        }
    )
    frame, fig = figures.events_over_time(
        ctx,
        grain="quarter" if grain == "quarter" else "year",
        stack=stack,
        cumulative=cumulative,
    )
    if frame.is_empty():
        st.info(t("no_rows", lang))
        return
    selection = components.chart(
        ctx, fig, frame, what="meetings-over-time", key="tr_events", selectable=not cumulative
    )
    clicked = figures.clicked_bar(selection)
    behind = (
        figures.events_of_bar(ctx, stack=stack, period=clicked[0], label=clicked[1])
        if clicked
        else None
    )
    if clicked and behind:
        narrowed, _ = behind
        st.subheader(t("bar_events", lang, period=clicked[0], series=clicked[1]))
        # The bar counts meetings: the acts of its body and period are not behind it.
        meetings = events(narrowed, max_rows=500).filter(pl.col("is_meeting"))
        rows = event_rows(ctx, meetings).select(
            "start_date", "title", "body", "kind", "status", "event_id"
        )
        components.event_table(ctx, rows, key="tr_bar_table")
        st.caption(t("pick_row_hint", lang))
    elif not cumulative:
        st.caption(t("click_bar_hint", lang))
    n_acts = figures.acts_count(ctx)
    if n_acts:
        st.caption(t_n("trends_acts_apart", lang, n_acts))

    st.divider()
    left, right = st.columns(2)
    with left:
        level = choice_radio(
            t("topic_level", lang),
            "level",
            LEVELS,
            lang=lang,
            names={"topic_group": t("topic_group", lang), "topic": t("topic", lang)},
        )
    with right:
        measure = choice_radio(
            t("measure", lang),
            "measure",
            MEASURES,
            lang=lang,
            names={m: t(m, lang) for m in MEASURES},
        )
    frame, fig, truncated = figures.topics_over_time(
        ctx, level=level, shares=measure == "shares", cumulative=measure == "cumulative"
    )
    components.chart(ctx, fig, frame, what=f"{level}-over-time", key="tr_topics")
    if truncated:
        st.caption(truncated)
    st.caption(t("share_note", lang))
    st.caption(t("topic_rule", lang))

    st.divider()
    shown, fig = figures.active_bodies(ctx)
    components.chart(ctx, fig, shown, what="active-bodies", key="tr_active")
    st.caption(t("active_bodies_note", lang))
    publish_page(
        {
            "level": None if level == LEVELS[0] else level,
            "measure": None if measure == MEASURES[0] else measure,
        }
    )


if __name__ == "__main__":
    render(get_context())
