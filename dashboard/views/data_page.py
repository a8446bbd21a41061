"""Data: what the data set covers, how sure it is, the codebook and the load history."""

from __future__ import annotations

import polars as pl
import streamlit as st

from dashboard import briefing, charts, components
from dashboard.context import PageContext, get_context
from dashboard.data import build_info, query
from dashboard.i18n import CODE_LABELS, t

COVERAGE_STATUSES = ("held", "announced", "rescheduled", "postponed", "cancelled")


def coverage_table(ctx: PageContext, coverage: pl.DataFrame) -> pl.DataFrame:
    """Body × year cells stating what the records say, 'no record' where there is none."""
    labels = ctx.labels
    cells = (
        coverage.with_columns(status_label=pl.col("status").replace(labels.mapping("statuses")))
        .group_by("body_code", "year")
        .agg(
            pl.format("{} {}", pl.col("n_events"), pl.col("status_label"))
            .sort_by(pl.col("status").replace({s: str(i) for i, s in enumerate(COVERAGE_STATUSES)}))
            .str.join(", ")
            .alias("cell")
        )
    )
    years = [str(y) for y in sorted(coverage["year"].unique().to_list())]
    wide = cells.with_columns(pl.col("year").cast(pl.String)).pivot(
        on="year", index="body_code", values="cell", aggregate_function="first"
    )
    for year in years:
        if year not in wide.columns:
            wide = wide.with_columns(pl.lit(None, pl.String).alias(year))
    wide = wide.with_columns(pl.col(years).fill_null(t("no_record", ctx.lang)))
    wide = labels.relabel(wide, "body_code", "bodies", alias="body")
    return wide.select("body", *years).sort("body")


def render(ctx: PageContext) -> None:
    lang = ctx.lang
    labels = ctx.labels
    st.title(t("page_data", lang))
    info = build_info()
    if info:
        st.caption(briefing.as_of_caption(info, lang))
    st.caption(t("licence_note", lang))
    st.info(t("data_page_scope", lang), icon="ℹ️")

    st.subheader(t("coverage", lang))
    st.caption(t("coverage_note", lang))
    coverage = query("coverage")
    table = coverage_table(ctx, coverage)
    st.dataframe(table, hide_index=True, column_config=components.table_config(ctx, table))
    long = labels.relabel(
        labels.relabel(coverage, "body_code", "bodies", alias="body"), "status", "statuses"
    ).select("body", "year", "status", "n_events")
    components.csv_button(ctx, long, what="coverage", key="dt_coverage_csv")

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
            (t(f"codebook_{name}", lang), code, entry.get(lang, entry["en"]))
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
