"""Summary (leadership): the filtered period in one screen, and the briefing pack."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import polars as pl
import streamlit as st

from dashboard.bodies import evidence
from dashboard.briefing import briefing, buttons
from dashboard.data import build_info, events, reports_for
from dashboard.i18n import hosted_by, t
from dashboard.state.context import PageContext, get_context
from dashboard.state.url import effective_period
from dashboard.summary import summary
from dashboard.ui import components
from dashboard.ui.tables import event_rows, last_day


def _event_rows(ctx: PageContext, frame: pl.DataFrame) -> pl.DataFrame:
    # The title before the body: on a phone only the first columns are in view.
    return event_rows(ctx, frame).select(
        "start_date", "title", "body", "city", "status", "event_id"
    )


def _reported(ctx: PageContext) -> str:
    """Reported activity beside held events: what the activity reports whose period lies
    within the chosen period's years say of the chosen bodies (reports are dated by year)."""
    lang = ctx.lang
    period = effective_period(ctx.filters, ctx.options)
    rows = reports_for(period)
    found = evidence.reported_activity(rows)
    if not found.n_reports and not found.n_beyond:
        return t("summary_no_reports", lang)
    first = (period.date_from or ctx.options.first_date).year
    last = (period.date_to or ctx.options.last_date).year
    return summary.reported_sentence(
        found.n_met,
        found.n_work,
        found.n_reports,
        found.n_beyond,
        years=str(first) if first == last else f"{first}–{last}",
        lang=lang,
    )


def render(ctx: PageContext) -> None:
    lang = ctx.lang
    st.title(t("page_summary", lang))
    facts, topics = briefing.summary_facts(ctx)
    st.markdown(components.plain(briefing.paragraph(ctx, facts)))
    # The same cases as the pack's and the workbook's (dashboard.cases.cases.SUMMARY_RULE).
    in_period = briefing.cases_in_period(ctx)
    st.markdown(
        summary.cases_line(
            in_period["n_opened"], in_period["n_resolved"], in_period["n_open_at_end"], lang
        )
    )
    if said := briefing.stated_sentence(lang):
        st.markdown(components.plain(said))
    st.markdown(components.plain(_reported(ctx)))

    held_only = ctx.filters.statuses == ("held",)
    cols = st.columns(3 + len(facts.hosted))
    cols[0].metric(
        t("headline_meetings" if held_only else "headline_meetings_any", lang), facts.n_meetings
    )
    cols[1].metric(t("headline_acts", lang), facts.n_acts, help=t("headline_acts_help", lang))
    cols[2].metric(t("headline_bodies", lang), facts.n_bodies)
    for col, (party, n) in zip(cols[3:], facts.hosted.items(), strict=True):
        col.metric(t("headline_hosting", lang, hosted_by=hosted_by(party, lang)), n)

    st.subheader(t("top_topics", lang))
    if facts.previous:
        start, end = facts.previous
        st.caption(t("change_vs_previous", lang, start=start.isoformat(), end=end.isoformat()))
    components.table(
        ctx,
        topics,
        column_config={
            "topic": t("topic", lang),
            "n_events": t("n_events", lang),
            "n_previous": t("previous", lang),
            "change": t("change", lang),
        },
    )
    components.csv_button(ctx, topics, what="top-topics", key="sum_topics_csv")

    left, right = st.columns(2)
    with left:
        st.subheader(t("latest_events", lang))
        latest = _event_rows(ctx, events(ctx.filters, max_rows=5))
        components.event_table(ctx, latest, key="sum_latest")
    today = ctx.options.today or dt.date.today()
    with right:
        st.subheader(t("next_events", lang))
        # From the first of the year: an event announced for "2026" or "2026-12" may still
        # be ahead on 2026-12-03, and is upcoming until every day it may denote has passed.
        upcoming_filters = replace(
            effective_period(ctx.filters, ctx.options),
            statuses=("announced",),
            date_from=dt.date(today.year, 1, 1),
            date_to=None,
        )
        announced = events(upcoming_filters, ascending=True, max_rows=50)
        upcoming = _event_rows(ctx, announced.filter(last_day() >= today).head(5))
        if upcoming.is_empty():
            st.caption(t("none_announced", lang))
        else:
            components.event_table(ctx, upcoming, key="sum_upcoming")

    overdue_filters = replace(
        effective_period(ctx.filters, ctx.options),
        statuses=("announced",),
        date_to=min(today - dt.timedelta(days=1), ctx.filters.date_to or today),
    )
    overdue = _event_rows(ctx, events(overdue_filters, max_rows=20).filter(last_day() < today))
    if not overdue.is_empty():
        st.subheader(t("overdue_events", lang))
        components.event_table(ctx, overdue, key="sum_overdue")

    info = build_info()
    if info:
        st.caption(briefing.as_of_caption(info, lang))
    buttons.pack_button(ctx, key="sum_pack", view="summary")


if __name__ == "__main__":
    render(get_context())
