"""Small Streamlit building blocks shared by the pages (thin: no logic of their own)."""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Callable, Mapping
from typing import Any

import plotly.graph_objects as go
import polars as pl
import streamlit as st

from dashboard.exports import export
from dashboard.i18n import column_headers, t
from dashboard.state.context import PageContext
from dashboard.state.filters import to_url
from dashboard.state.url import effective_period
from dashboard.ui import charts
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
