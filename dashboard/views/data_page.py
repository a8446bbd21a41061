"""Data: what the data set covers, how sure it is, the codebook and the load history."""

from __future__ import annotations

import polars as pl
import streamlit as st

from dashboard.bodies import coverage
from dashboard.briefing import briefing
from dashboard.data import build_info, query
from dashboard.i18n import code_labels, t
from dashboard.state.context import PageContext, get_context
from dashboard.ui import charts, components


def render(ctx: PageContext) -> None:
    lang = ctx.lang
    labels = ctx.labels
    st.title(t("page_data", lang))
    info = build_info()
    if info:
        st.caption(briefing.as_of_caption(info, lang))
    st.caption(t("licence_note", lang))
    st.info(t("data_page_scope", lang), icon="ℹ️")

    coverage.coverage_section(ctx, key="dt_coverage")

    st.subheader(t("confidence_mix", lang))
    mix = labels.relabel(
        labels.relabel(query("confidence_mix"), "confidence", "confidence"), "status", "statuses"
    )
    fig = charts.stacked_bar(
        mix,
        x="confidence",
        y="n_events",
        color="status",
        labels={c: t(c, lang) for c in mix.columns},
        title=t("confidence_mix", lang),
    )
    components.chart(ctx, fig, mix, what="confidence-mix", key="dt_conf")

    st.subheader(t("codebook", lang))
    topics = query("codebook_topics").select(
        "group_code",
        pl.col(f"group_{lang}").alias("topic_group"),
        "topic_code",
        pl.col(f"label_{lang}").alias("topic"),
    )
    components.table(ctx, topics)
    bodies = query("codebook_bodies").select(
        "body_code", "chapter", "article", pl.col(f"name_{lang}").alias("body")
    )
    components.table(ctx, bodies)
    codes = pl.DataFrame(
        [
            (t(f"codebook_{name}", lang), code, label)
            for name, labels in code_labels(lang).items()
            for code, label in labels.items()
        ],
        schema=["list_name", "code", "label"],
        orient="row",
    )
    components.table(ctx, codes)

    st.subheader(t("load_runs", lang))
    runs = query("load_runs")
    components.table(ctx, runs)


if __name__ == "__main__":
    render(get_context())
