"""The evidence-coverage section of the Bodies and Data pages: the grid, its legend and CSV,
and the records behind a clicked square."""

from __future__ import annotations

import polars as pl
import streamlit as st

from dashboard.bodies import evidence, institutions
from dashboard.data import query
from dashboard.i18n import label_value, t
from dashboard.state.context import PageContext
from dashboard.ui import charts
from dashboard.ui.components import csv_button, plain


def coverage_section(ctx: PageContext, *, key: str) -> None:
    """The evidence grid, its legend and CSV, and the records behind a clicked square."""
    lang, labels = ctx.lang, ctx.labels
    st.subheader(t("evidence_coverage", lang))
    st.caption(t("evidence_coverage_note", lang))
    index = query("bodies_index")
    grid = query("body_year_evidence")
    frame = evidence.coverage_frame(grid, labels, order=index["body_code"].to_list())
    words = {c: t(c, lang) for c in evidence.COUNTS}
    fig = evidence.coverage_figure(frame, labels, title=t("evidence_coverage", lang), words=words)
    charts.localised(fig, lang)
    selection = st.plotly_chart(
        fig, key=f"{key}_chart", width="stretch", on_select="rerun", selection_mode="points"
    )
    export = frame.select(
        "body",
        "year",
        pl.col("evidence_label").alias("evidence"),
        *evidence.COUNTS,
        *evidence.ID_COLUMNS,
        "span_from",
        "span_to",
        "body_code",
    )
    csv_button(ctx, export, what="evidence-coverage", key=f"{key}_csv")
    cell = evidence.selected_cell(selection)
    if cell is None:
        return
    body_code, year = cell
    behind = evidence.cell_records(grid, body_code, year)
    with st.container(border=True):
        st.markdown(
            "**"
            + plain(t("evidence_cell", lang, body=labels("bodies", body_code), year=year))
            + "**"
        )
        if not any(behind.values()):
            st.caption(t("evidence_cell_nothing", lang, year=year))
        cell_row = frame.filter((pl.col("body_code") == body_code) & (pl.col("year") == year))
        if not cell_row.is_empty() and cell_row["evidence"][0] == evidence.SPAN:
            row = cell_row.row(0, named=True)
            st.caption(
                evidence.span_text(row["span_claim"], row["span_from"], row["span_to"], year, lang)
            )
        for part, title_key in (
            ("events", "evidence_held"),
            ("met", "evidence_met"),
            ("work", "evidence_work"),
            ("decisions", "evidence_decisions"),
            ("span_met", "evidence_span_met_ids"),
            ("span_work", "evidence_span_work_ids"),
        ):
            if behind[part]:
                st.markdown(label_value(t(title_key, lang), plain(", ".join(behind[part])), lang))
        st.page_link(
            institutions.BODY_PAGE_FILE,
            label=t("open_body_page", lang, body=labels("bodies", body_code)),
            query_params={"code": body_code, "lang": lang},
            icon="🏛️",
        )
