"""Cases: enforcement cases tallied, stated totals beside the records, timeline, open cases
and time to resolution. Layout only: the transforms are dashboard.cases.cases."""

from __future__ import annotations

import functools

import polars as pl
import streamlit as st

from dashboard.briefing import briefing
from dashboard.cases import cases, stated
from dashboard.data import query
from dashboard.i18n import t, t_n
from dashboard.state.context import PageContext, get_context
from dashboard.state.filters import Notice
from dashboard.state.url import add_notice, initial_params, publish_page
from dashboard.ui import charts, components
from textrules.language import notes_record_language

CASE_PAGE = "dashboard/views/case.py"
OPENED = "case_id"
GO = "cs_go"


def _pick() -> None:
    """Remember the case chosen (the case page reads it) and go there on this rerun."""
    picked = st.session_state.get("cs_pick")
    if picked:
        st.session_state[OPENED] = picked
        st.session_state[GO] = True
    st.session_state["cs_pick"] = None


def page_codes() -> briefing.PageCodes:
    """This page's own filters (mechanism, sector, status) as chosen: (URL name, codes)."""
    return cases.page_codes(st.session_state.get)


def _filters(ctx: PageContext) -> None:
    columns = st.columns(len(cases.PAGE_FILTERS))
    for column, (url, (_, list_name)) in zip(columns, cases.PAGE_FILTERS.items(), strict=True):
        codes = list(ctx.labels.mapping(list_name))
        key = f"cs_{url}"
        if key not in st.session_state:
            known, dropped = cases.parse_codes(initial_params().pop(url, ""), codes)
            for value in dropped:
                add_notice(Notice(url, value[:40], "unknown"))
            st.session_state[key] = known
        column.multiselect(
            t(f"cases_filter_{url}", ctx.lang),
            codes,
            key=key,
            format_func=functools.partial(ctx.labels, list_name),
            placeholder=t("all", ctx.lang),
            select_all=False,
        )


def _stated(ctx: PageContext, tables: dict[str, pl.DataFrame]) -> None:
    """What sources state, kind by kind, against the records of the same scope; a click on a
    point gives its source's link; then every statement in a table (unfiltered: a statement
    stands as it was made)."""
    lang = ctx.lang
    st.subheader(t("cases_stated_heading", lang))
    st.caption(t("cases_stated_note", lang))
    if notes_record_language(lang):  # publishers and quotations, on hover and in the table
        st.caption(t("cases_stated_language", lang))
    listed = query("stated_counts_list")
    kinds = stated.kinds_stated(listed)
    running = query("stated_records_running", kinds=kinds)
    st.caption(t("stated_click_hint", lang))
    for kind in kinds:
        fig = stated.stated_figure(
            listed.filter(pl.col("kind") == kind),
            running.filter(pl.col("kind") == kind),
            title=t("stated_chart_title", lang, kind=ctx.labels("stated_kinds", kind)),
            lang=lang,
        )
        selection = st.plotly_chart(
            charts.localised(fig, lang),
            key=f"cs_stated_{kind}_chart",
            width="stretch",
            on_select="rerun",
            selection_mode="points",
        )
        for publisher, url in stated.selected_sources(selection):
            st.link_button(t("stated_open_source", lang, publisher=publisher), url)
        undated = stated.n_not_drawn(listed, kind)
        if undated:
            st.caption(t_n("stated_undated", lang, undated))
    st.markdown("**" + components.plain(t("stated_table_heading", lang)) + "**")
    components.table(
        ctx,
        tables["stated-counts"],
        column_config={"url": st.column_config.LinkColumn(t("url", lang))},
    )
    components.csv_button(ctx, tables["stated-counts"], what="stated-counts", key="cs_stated_csv")


def _workbook(ctx: PageContext, codes: briefing.PageCodes) -> None:
    """The page's Excel workbook: every table below, the cases' sources, filters, version."""
    extra = {url: ",".join(c) for url, c in codes if c}
    link = components.view_link(ctx, "cases", extra)
    st.download_button(
        t("download_xlsx", ctx.lang),
        data=lambda: briefing.cases_workbook(ctx, page=codes, link=link),
        file_name=components.file_name(ctx, "cases", "xlsx"),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="cs_xlsx",
        help=t("download_xlsx_help", ctx.lang),
    )


def render(ctx: PageContext) -> None:
    lang = ctx.lang
    labels = ctx.labels
    st.title(t("page_cases", lang))
    st.caption(t("cases_intro", lang))
    _filters(ctx)
    codes = page_codes()
    params = cases.query_params(ctx.filters, dict(codes))
    listed = query("cases_list", **params)
    tables = briefing.cases_of_view(ctx, codes)
    publish_page({url: ",".join(chosen) or None for url, chosen in codes})
    if listed.height:
        st.caption(
            t(
                "cases_as_of",
                lang,
                latest=listed["latest_step_date"].max(),
                built_on=listed["built_on"].max(),
            )
        )
    st.metric(t("cases_n_cases", lang), listed.height)
    _workbook(ctx, codes)
    _stated(ctx, tables)
    if listed.is_empty():
        st.info(t("cases_none", lang))
        return

    st.subheader(t("cases_tallies", lang))
    columns = st.columns(2)
    for i, name in enumerate(cases.TALLIES):
        frame = tables[f"cases-by-{name}"]
        with columns[i % 2]:
            components.chart(
                ctx,
                cases.tally_figure(frame, t(f"cases_by_{name}", lang), lang),
                frame,
                what=f"cases-by-{name}",
                key=f"cs_tally_{name}",
            )

    st.subheader(t("cases_timeline", lang))
    # The figure is drawn from the codes (colours and symbols per step); its CSV is labelled.
    milestones = query("cases_milestones", **params)
    drawn = cases.timeline_cases(milestones)
    n_cases = milestones["case_id"].n_unique()
    if drawn["case_id"].n_unique() < n_cases:
        st.caption(t("cases_timeline_capped", lang, shown=cases.TIMELINE_CASES, n=n_cases))
    components.chart(
        ctx,
        cases.timeline_figure(drawn, labels),
        tables["case-milestones"],
        what="case-milestones",
        key="cs_timeline",
    )

    st.subheader(t("cases_open", lang))
    opened = tables["open-cases"]
    st.caption(t("cases_days_note", lang))
    components.table(ctx, opened)
    components.csv_button(ctx, opened, what="open-cases", key="cs_open_csv")

    st.subheader(t("cases_resolution", lang))
    resolution = tables["time-to-resolution"]
    components.table(ctx, resolution)
    components.csv_button(ctx, resolution, what="time-to-resolution", key="cs_resolution_csv")

    st.subheader(t("cases_list", lang))
    shown = tables["cases"].select(
        "case_id",
        "mechanism_code",
        "complainant_party",
        "respondent_party",
        "status",
        "request_date",
        "latest_step_date",
        "facility",
        "subject_en",
    )
    if notes_record_language(lang):
        st.caption(t("cases_english_only", lang))
    components.table(ctx, shown)
    components.csv_button(ctx, tables["cases"], what="cases", key="cs_csv")
    components.csv_button(
        ctx,
        tables["case-sources"],
        what="case-sources",
        key="cs_sources_csv",
        label=t("cases_download_sources", lang),
    )
    st.selectbox(
        t("cases_open_case", lang),
        [None, *listed["case_id"].to_list()],
        key="cs_pick",
        on_change=_pick,
        format_func=lambda c: "" if c is None else c,
        placeholder=t("cases_choose", lang),
    )
    if st.session_state.pop(GO, False):
        st.switch_page(CASE_PAGE)


if __name__ == "__main__":
    render(get_context())
