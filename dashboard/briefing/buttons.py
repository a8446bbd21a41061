"""The briefing pack's Streamlit pieces: the filters in force in words, the workbook and pack
buttons of a view, the address that reopens it."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from dashboard.briefing import briefing
from dashboard.cases import cases
from dashboard.i18n import t
from dashboard.state.context import PageContext
from dashboard.ui.components import file_name, view_link

CASE_PAGES = frozenset({"cases", "case"})
"""Pages (URL paths) of enforcement cases: only the filters that apply to cases are theirs."""


def page_filter_rows(ctx: PageContext, page: str) -> list[tuple[str, str]]:
    """The filters that apply on ``page`` (its URL path), in words: on the case pages, those
    that select cases (period by request date, Parties, topics, the Cases page's own); the
    events' filters everywhere else."""
    if page in CASE_PAGES:
        return briefing.cases_filter_rows(ctx, cases.page_codes(st.session_state.get))
    return briefing.filter_rows(ctx)


def active_filters(ctx: PageContext, page: str) -> None:
    """The filters in force on ``page``, in words, at the top of the page: visible on a phone,
    where the sidebar is folded away."""
    rows = page_filter_rows(ctx, page)
    # French puts a space before the colon.
    described = " · ".join(
        t("label_value", ctx.lang, label=label, value=value) for label, value in rows
    ) or t("all", ctx.lang)
    st.caption(t("active_filters", ctx.lang, filters=described))


def pack_button(
    ctx: PageContext,
    *,
    key: str,
    view: briefing.View,
    q: str = "",
    extra: Mapping[str, str] | None = None,
) -> None:
    """The view's Excel workbook and its briefing pack (zip of CSVs, workbook and HTML report),
    made on click, of exactly this view."""
    link = view_link(ctx, view, extra)
    st.download_button(
        t("download_xlsx", ctx.lang),
        data=lambda: briefing.workbook(ctx, view=view, q=q, link=link),
        file_name=file_name(ctx, view, "xlsx"),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{key}_xlsx",
        help=t("download_xlsx_help", ctx.lang),
    )
    st.download_button(
        t("briefing_pack", ctx.lang),
        data=lambda: briefing.pack(ctx, view=view, q=q, link=link),
        file_name=briefing.pack_file_name(ctx, view),
        mime="application/zip",
        key=key,
        help=t("briefing_pack_help", ctx.lang),
    )
