"""Bodies: the agreement's bodies (all 34), the latest that is known of each, and the grid of
evidence of activity by body and year; a square opens the records behind it."""

from __future__ import annotations

import streamlit as st

from dashboard.bodies import coverage, institutions
from dashboard.data import query
from dashboard.i18n import t, t_n
from dashboard.state.context import PageContext, get_context
from dashboard.ui import components


def render(ctx: PageContext) -> None:
    lang, labels = ctx.lang, ctx.labels
    st.title(t("page_bodies", lang))
    index = query("bodies_index")
    st.markdown(t_n("bodies_intro", lang, index.height))
    st.caption(t("all_records_note", lang))
    rows = institutions.index_rows(index, labels)
    components.table(
        ctx,
        rows,
        column_config={
            "body_page": st.column_config.LinkColumn(
                t("body_page", lang), display_text=t("body_page_link", lang)
            ),
        },
        height=(len(rows) + 1) * 35 + 3,
        key="bd_index",
    )
    components.csv_button(ctx, rows.drop("body_page"), what="bodies", key="bd_index_csv")
    coverage.coverage_section(ctx, key="bd_coverage")


if __name__ == "__main__":
    render(get_context())
