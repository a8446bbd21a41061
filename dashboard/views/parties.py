"""Parties: hosting and chairing over time, named officials by level, presence per body."""

from __future__ import annotations

import streamlit as st

from dashboard.events import figures
from dashboard.i18n import t
from dashboard.state.context import PageContext, get_context
from dashboard.ui import components


def render(ctx: PageContext) -> None:
    lang = ctx.lang
    st.title(t("page_parties", lang))
    left, right = st.columns(2)
    for column, role in ((left, "host"), (right, "chair")):
        with column:
            frame, fig = figures.party_roles(ctx, role)
            if frame.is_empty():
                st.info(t("no_rows", lang))
            else:
                components.chart(ctx, fig, frame, what=f"{role}-by-year", key=f"pt_{role}")
    frame, fig = figures.officials_by_level(ctx)
    if frame.is_empty():
        st.info(t("no_rows", lang))
    else:
        components.chart(ctx, fig, frame, what="officials-by-level", key="pt_levels")
    frame, fig = figures.presence_by_body(ctx)
    if not frame.is_empty():
        components.chart(ctx, fig, frame, what="presence-by-body", key="pt_presence")
    st.caption(t("presence_note", lang))


if __name__ == "__main__":
    render(get_context())
