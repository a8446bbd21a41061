"""Trends: events per year or quarter by body or kind; topics over time."""

from __future__ import annotations

import streamlit as st

from dashboard import components, figures
from dashboard.context import PageContext, get_context
from dashboard.i18n import t
from dashboard.state import page_value, publish_page

GRAINS = ("year", "quarter")
STACKS = ("body_code", "kind")
LEVELS = ("topic_group", "topic")
MEASURES = ("counts", "shares", "cumulative")


def _radio(
    ctx: PageContext,
    label: str,
    choices: tuple[str, ...],
    *,
    param: str,
    key: str,
    names: dict[str, str],
) -> str:
    if key not in st.session_state:
        st.session_state[key] = page_value(param, choices, choices[0])
    value: str = st.radio(label, choices, key=key, horizontal=True, format_func=names.__getitem__)
    return value


def render(ctx: PageContext) -> None:
    lang = ctx.lang
    st.title(t("page_trends", lang))
    if ctx.filters.statuses == ("held",):
        st.caption(t("held_only_note", lang))

    left, mid, right = st.columns(3)
    with left:
        grain = _radio(
            ctx,
            t("grain", lang),
            GRAINS,
            param="grain",
            key="tr_grain",
            names={g: t(g, lang) for g in GRAINS},
        )
    with mid:
        stack = _radio(
            ctx,
            t("stack_by", lang),
            STACKS,
            param="stack",
            key="tr_stack",
            names={"body_code": t("body", lang), "kind": t("kind", lang)},
        )
    with right:
        cumulative = st.toggle(t("cumulative", lang), key="tr_cumulative")
    frame, fig = figures.events_over_time(
        ctx,
        grain="quarter" if grain == "quarter" else "year",
        stack=stack,
        cumulative=cumulative,
    )
    if frame.is_empty():
        st.info(t("no_rows", lang))
        return
    components.chart(ctx, fig, frame, what="events-over-time", key="tr_events")

    st.divider()
    left, right = st.columns(2)
    with left:
        level = _radio(
            ctx,
            t("topic_level", lang),
            LEVELS,
            param="level",
            key="tr_level",
            names={"topic_group": t("topic_group", lang), "topic": t("topic", lang)},
        )
    with right:
        measure = _radio(
            ctx,
            t("measure", lang),
            MEASURES,
            param="measure",
            key="tr_measure",
            names={m: t(m, lang) for m in MEASURES},
        )
    frame, fig = figures.topics_over_time(
        ctx, level=level, shares=measure == "shares", cumulative=measure == "cumulative"
    )
    components.chart(ctx, fig, frame, what=f"{level}-over-time", key="tr_topics")
    st.caption(t("share_note", lang) + " " + t("topic_rule", lang))

    st.divider()
    shown, fig = figures.active_bodies(ctx)
    components.chart(ctx, fig, shown, what="active-bodies", key="tr_active")
    st.caption(t("active_bodies_note", lang))
    publish_page(
        {
            "grain": None if grain == GRAINS[0] else grain,
            "stack": None if stack == STACKS[0] else stack,
            "level": None if level == LEVELS[0] else level,
            "measure": None if measure == MEASURES[0] else measure,
        }
    )


if __name__ == "__main__":
    render(get_context())
