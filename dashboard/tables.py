"""Record tables shaped for display and CSV: codes turned into labels (pure)."""

from __future__ import annotations

import polars as pl

from dashboard.context import PageContext

CODED = (
    ("body_code", "bodies", "body"),
    ("kind", "kinds", "kind"),
    ("status", "statuses", "status"),
    ("format", "formats", "format"),
    ("host_party", "parties", "host_party"),
    ("chair_party", "parties", "chair_party"),
    ("confidence", "confidence", "confidence"),
)


def title_expr(lang: str) -> pl.Expr:
    """The title in the interface language: Spanish where the record has one, else English."""
    if lang == "es":
        return pl.col("title_es").fill_null(pl.col("title_en"))
    return pl.col("title_en")


def event_rows(ctx: PageContext, frame: pl.DataFrame) -> pl.DataFrame:
    """Rows of ``events_list`` with labels in the interface language; ids and URLs kept."""
    out = frame.with_columns(title=title_expr(ctx.lang))
    for column, list_name, alias in CODED:
        if column in out.columns:
            out = ctx.labels.relabel(out, column, list_name, alias=alias)
    wanted = [
        "start_date",
        "date_precision",
        "end_date",
        "body",
        "kind",
        "edition",
        "title",
        "status",
        "format",
        "city",
        "host_party",
        "chair_party",
        "confidence",
        "n_sources",
        "source_urls",
        "event_id",
    ]
    out = (
        ctx.labels.relabel(out, "date_precision", "date_precision")
        if "date_precision" in out.columns
        else out
    )
    return out.select([c for c in wanted if c in out.columns])
