"""Trends: events per year, stacked by body."""

from __future__ import annotations

import streamlit as st

from dashboard import charts
from dashboard.data import query
from dashboard.i18n import t


def render(lang: str) -> None:
    st.header(t("page_trends", lang))
    st.caption(t("held_only_note", lang))
    frame = query("events_by_year_body", statuses=["held"])
    if frame.is_empty():
        st.info(t("no_rows", lang))
        return
    frame = frame.with_columns(body=frame[f"body_{lang}"])
    fig = charts.stacked_bar(
        frame,
        x="year",
        y="n_events",
        color="body",
        title=t("events_by_year_body", lang),
        labels={"year": t("year", lang), "n_events": t("n_events", lang), "body": t("body", lang)},
    )
    st.plotly_chart(fig, key="trends_by_body")
