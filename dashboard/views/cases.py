"""Cases: enforcement cases tallied, stated totals beside the records, timeline, open cases
and time to resolution. Layout only: the transforms are dashboard.cases."""

from __future__ import annotations

import functools
from typing import Any

import streamlit as st

from dashboard import cases, components
from dashboard.context import PageContext, get_context
from dashboard.data import query
from dashboard.filters import Notice
from dashboard.i18n import t
from dashboard.state import add_notice, initial_params, publish_page

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


def page_params(ctx: PageContext) -> dict[str, Any]:
    """The named queries' parameters: the global filters that mean something for cases
    (period, Party, topic) and this page's own (mechanism, sector, status)."""
    f = ctx.filters
    params: dict[str, Any] = {
        "date_from": f.date_from,
        "date_to": f.date_to,
        "parties": list(f.parties),
        "topics": list(f.topics),
    }
    for url, (param, _) in cases.PAGE_FILTERS.items():
        params[param] = list(st.session_state.get(f"cs_{url}", []))
    return params


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
        )


def _stated(ctx: PageContext) -> None:
    lang = ctx.lang
    st.subheader(t("cases_stated_heading", lang))
    st.caption(t("cases_stated_note", lang))
    stated = cases.stated_beside_records(query("stated_counts_list"))
    for row in stated.iter_rows(named=True):
        st.markdown(
            "- "
            + components.plain(cases.stated_sentence(row, lang))
            + f" · «{components.plain(row['claim'])}» · "
            + components.plain(row["url"])
        )
    components.csv_button(ctx, stated, what="stated-counts", key="cs_stated_csv")


def render(ctx: PageContext) -> None:
    lang = ctx.lang
    labels = ctx.labels
    st.title(t("page_cases", lang))
    st.caption(t("cases_intro", lang))
    _filters(ctx)
    params = page_params(ctx)
    listed = query("cases_list", **params)
    publish_page(
        {url: ",".join(params[param]) or None for url, (param, _) in cases.PAGE_FILTERS.items()}
    )
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
    _stated(ctx)
    if listed.is_empty():
        st.info(t("cases_none", lang))
        return

    st.subheader(t("cases_tallies", lang))
    columns = st.columns(3)
    for i, name in enumerate(cases.TALLIES):
        frame = cases.tally(listed, name, labels)
        with columns[i % 3]:
            components.chart(
                ctx,
                cases.tally_figure(frame, t(f"cases_by_{name}", lang)),
                frame,
                what=f"cases-by-{name}",
                key=f"cs_tally_{name}",
            )

    st.subheader(t("cases_timeline", lang))
    milestones = query("cases_milestones", **params)
    components.chart(
        ctx,
        cases.timeline_figure(milestones, labels),
        milestones,
        what="case-milestones",
        key="cs_timeline",
    )

    st.subheader(t("cases_open", lang))
    opened = cases.open_cases(listed)
    opened_shown = labels.relabel(
        labels.relabel(opened, "mechanism_code", "mechanisms"), "latest_step_code", "case_steps"
    )
    opened_shown = labels.relabel(opened_shown, "status", "case_statuses")
    st.caption(t("cases_days_note", lang))
    st.dataframe(
        opened_shown, hide_index=True, column_config=components.table_config(ctx, opened_shown)
    )
    components.csv_button(ctx, opened, what="open-cases", key="cs_open_csv")

    st.subheader(t("cases_resolution", lang))
    resolution = labels.relabel(
        cases.resolution_by_mechanism(listed), "mechanism_code", "mechanisms"
    )
    st.dataframe(
        resolution, hide_index=True, column_config=components.table_config(ctx, resolution)
    )
    components.csv_button(ctx, resolution, what="time-to-resolution", key="cs_resolution_csv")

    st.subheader(t("cases_list", lang))
    shown = labels.relabel(
        labels.relabel(listed, "mechanism_code", "mechanisms"), "status", "case_statuses"
    ).select(
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
    if lang != "en":
        st.caption(t("cases_english_only", lang))
    st.dataframe(shown, hide_index=True, column_config=components.table_config(ctx, shown))
    components.csv_button(
        ctx, listed.drop("third_parties", "topic_codes", "chapters"), what="cases", key="cs_csv"
    )
    st.selectbox(
        t("cases_open_case", lang),
        [None, *listed["case_id"].to_list()],
        key="cs_pick",
        on_change=_pick,
        format_func=lambda c: "" if c is None else c,
    )
    if st.session_state.pop(GO, False):
        st.switch_page(CASE_PAGE)


if __name__ == "__main__":
    render(get_context())
