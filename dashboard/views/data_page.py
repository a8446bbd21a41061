"""Data: what the data set covers, how sure it is, the codebook and the load history."""

from __future__ import annotations

import polars as pl
import streamlit as st

from dashboard import charts, components
from dashboard.context import PageContext, get_context
from dashboard.data import build_info, query
from dashboard.i18n import CODE_LABELS, t


def render(ctx: PageContext) -> None:
    lang = ctx.lang
    labels = ctx.labels
    st.title(t("page_data", lang))
    info = build_info()
    if info:
        st.caption(
            t("as_of", lang, date=str(info["finished_at"])[:10], version=info["data_version"])
        )
    st.caption(t("licence_note", lang))

    components.coverage_section(ctx, key="dt_coverage")

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
    st.dataframe(topics, hide_index=True, column_config=components.table_config(ctx, topics))
    bodies = query("codebook_bodies").select(
        "body_code", "chapter", "article", pl.col(f"name_{lang}").alias("body")
    )
    st.dataframe(bodies, hide_index=True, column_config=components.table_config(ctx, bodies))
    codes = pl.DataFrame(
        [
            (name, code, entry.get(lang, entry["en"]))
            for name, entries in CODE_LABELS.items()
            for code, entry in entries.items()
        ],
        schema=["list_name", "code", "label"],
        orient="row",
    )
    st.dataframe(codes, hide_index=True, column_config=components.table_config(ctx, codes))

    st.subheader(t("load_runs", lang))
    runs = query("load_runs")
    st.dataframe(runs, hide_index=True, column_config=components.table_config(ctx, runs))


if __name__ == "__main__":
    render(get_context())
