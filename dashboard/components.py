"""Small Streamlit building blocks shared by the pages (thin: no logic of their own)."""

from __future__ import annotations

import re
from collections.abc import Mapping

import plotly.graph_objects as go
import polars as pl
import streamlit as st

from dashboard import export
from dashboard.context import PageContext
from dashboard.i18n import column_headers, t

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=])")


def plain(text: object) -> str:
    """Record text made inert for st.markdown: no links, HTML, emphasis or colour codes."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", "" if text is None else str(text))


def headers(ctx: PageContext, columns: list[str]) -> dict[str, str]:
    """Column name → header in the interface language (columns without a label keep theirs)."""
    return column_headers(columns, ctx.lang)


def csv_button(
    ctx: PageContext,
    frame: pl.DataFrame,
    *,
    what: str,
    key: str,
    column_headers: Mapping[str, str] | None = None,
) -> None:
    """A download button with the exact rows of ``frame`` as an Excel-friendly CSV."""
    f = ctx.filters
    st.download_button(
        t("download_csv", ctx.lang),
        data=export.csv_bytes(frame, headers=column_headers or headers(ctx, frame.columns)),
        file_name=export.export_filename(what, date_from=f.date_from, date_to=f.date_to),
        mime="text/csv",
        key=key,
        help=t("download_csv_help", ctx.lang),
    )


def chart(ctx: PageContext, fig: go.Figure, frame: pl.DataFrame, *, what: str, key: str) -> None:
    """A chart and, under it, the CSV of the rows it was drawn from."""
    st.plotly_chart(fig, key=f"{key}_chart", width="stretch")
    csv_button(ctx, frame, what=what, key=f"{key}_csv")
