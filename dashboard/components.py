"""Small Streamlit building blocks shared by the pages (thin: no logic of their own)."""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Callable, Mapping
from typing import Any

import plotly.graph_objects as go
import polars as pl
import streamlit as st

from dashboard import briefing, cases, charts, evidence, export, institutions
from dashboard.context import PageContext
from dashboard.data import query
from dashboard.filters import to_url
from dashboard.i18n import column_headers, label_value, t
from dashboard.state import effective_period
from textrules.language import notes_record_language

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=])")
# GitHub-flavoured Markdown turns "https://...", "www.x" and "a@b.c" into links after parsing,
# escapes or not; an invisible word joiner (U+2060) inside each keeps the text as it reads.
_AUTOLINKS = re.compile(r"(?i)(?<=:)(?=//)|(?<=www)(?=\\\.)|(?=@)")


def plain(text: object) -> str:
    """Record text made inert for st.markdown: no links, HTML, emphasis or colour codes.

    For display only: exports use the record's text as it is.
    """
    escaped = _MARKDOWN_SPECIALS.sub(r"\\\1", "" if text is None else str(text))
    return _AUTOLINKS.sub("\u2060", escaped)


def headers(ctx: PageContext, columns: list[str]) -> dict[str, str]:
    """Column name → header in the interface language (columns without a label keep theirs)."""
    return column_headers(columns, ctx.lang)


def table_config(ctx: PageContext, frame: pl.DataFrame) -> dict[str, Any]:
    """st.dataframe column settings: headers in the interface language, dates as dates."""
    config: dict[str, Any] = dict(headers(ctx, frame.columns))
    for name, dtype in frame.schema.items():
        if dtype == pl.Date:
            config[name] = st.column_config.DateColumn(config.get(name, name), format="YYYY-MM-DD")
    return config


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


def table(
    ctx: PageContext,
    frame: pl.DataFrame,
    *,
    column_config: Mapping[str, Any] | None = None,
    **options: Any,
) -> Any:
    """Every table of the app: headers in the interface language (``column_config`` adds to
    or overrides them), missing values drawn "—" (Streamlit writes "None"), and no rows said
    in words (an empty grid shows Streamlit's English "empty"). ``options`` go to
    st.dataframe; its selection is returned, None when there was nothing to draw."""
    if frame.is_empty():
        st.caption(t("no_results", ctx.lang))
        return None
    return st.dataframe(
        frame,
        hide_index=True,
        column_config={**table_config(ctx, frame), **(column_config or {})},
        placeholder=t("none", ctx.lang),
        **options,
    )


EVENTS_PAGE = "dashboard/views/events.py"


def record_text_note(ctx: PageContext) -> None:
    """Under record text in Spanish or French: it is in its sources' language (the records are
    written in English, with Spanish titles for some)."""
    if notes_record_language(ctx.lang):
        st.caption(t("record_text_language", ctx.lang))


def event_table(
    ctx: PageContext,
    frame: pl.DataFrame,
    *,
    key: str,
    column_config: Mapping[str, Any] | None = None,
) -> None:
    """A table of events (with an ``event_id`` column): clicking a row opens that event's
    detail on the Events page.

    Each opening gives the table a new key: the browser keeps a table's selection and would
    send the old click again when the same table is drawn after "Back to the list"."""
    generation = f"{key}_generation"
    n = int(st.session_state.get(generation, 0))
    picked = table(
        ctx,
        frame,
        column_config=column_config,
        on_select="rerun",
        selection_mode="single-row",
        key=f"{key}_{n}",
    )
    record_text_note(ctx)
    rows = picked.selection.rows if picked is not None else []
    if rows:
        st.session_state[generation] = n + 1
        st.session_state["ev_selected"] = frame["event_id"][rows[0]]
        st.switch_page(EVENTS_PAGE)


def file_name(ctx: PageContext, what: str, ext: str = "csv") -> str:
    """A download's name: ``what`` in the interface language and the period the data covers
    (the data's first and last dates when none is chosen)."""
    period = effective_period(ctx.filters, ctx.options)
    return export.export_filename(
        what, date_from=period.date_from, date_to=period.date_to, ext=ext, lang=ctx.lang
    )


def csv_button(
    ctx: PageContext,
    rows: pl.DataFrame | Callable[[], pl.DataFrame],
    *,
    what: str,
    key: str,
    column_headers: Mapping[str, str] | None = None,
    label: str | None = None,
) -> None:
    """A download button with the exact rows (a frame, or a function that fetches them) as an
    Excel-friendly CSV; the bytes are made when the button is clicked, not on every rerun."""

    def payload() -> bytes:
        frame = rows() if callable(rows) else rows
        return export.csv_bytes(frame, headers=column_headers or headers(ctx, frame.columns))

    st.download_button(
        label or t("download_csv", ctx.lang),
        data=payload,
        file_name=file_name(ctx, what),
        mime="text/csv",
        key=key,
        help=t("download_csv_help", ctx.lang),
    )


def chart(
    ctx: PageContext,
    fig: go.Figure,
    frame: pl.DataFrame,
    *,
    what: str,
    key: str,
    selectable: bool = False,
) -> Any:
    """A chart and, under it, the CSV of the rows it was drawn from; with ``selectable``, a
    click on a point or bar reruns the page and the selection is returned."""
    selection: Any
    charts.localised(fig, ctx.lang)
    if selectable:
        selection = st.plotly_chart(
            fig, key=f"{key}_chart", width="stretch", on_select="rerun", selection_mode="points"
        )
    else:
        selection = st.plotly_chart(fig, key=f"{key}_chart", width="stretch")
    csv_button(ctx, frame, what=what, key=f"{key}_csv")
    return selection


def view_link(ctx: PageContext, path: str, extra: Mapping[str, str] | None = None) -> str:
    """The address that reopens this view: the app's origin, the page's path, the filters
    (codes) and the language, and the page's own choices in ``extra``."""
    here = urllib.parse.urlsplit(st.context.url or "")
    params = {**to_url(ctx.filters), "lang": ctx.lang, **(extra or {})}
    query = urllib.parse.urlencode(params, safe=",")
    return urllib.parse.urlunsplit((here.scheme, here.netloc, f"/{path}", query, ""))


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
