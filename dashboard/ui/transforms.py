"""Shaping query results for charts and tables (pure polars functions)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

import polars as pl

Grain = Literal["year", "quarter"]


def with_period(frame: pl.DataFrame, grain: Grain) -> pl.DataFrame:
    """Add a sortable ``period`` label: ``2023`` or ``2023-Q3`` (``2023-Q?`` when only the
    year is known)."""
    if grain == "year":
        return frame.with_columns(period=pl.col("year").cast(pl.String))
    quarter = pl.col("quarter").cast(pl.String).fill_null("?")
    return frame.with_columns(period=pl.format("{}-Q{}", pl.col("year"), quarter))


def period_labels(start: dt.date, end: dt.date, grain: Grain) -> list[str]:
    """Every period from ``start`` to ``end`` as :func:`with_period` writes them: ``2023`` or
    ``2023-Q3``, so that a period without events is drawn as zero, not skipped."""
    if grain == "year":
        return [str(year) for year in range(start.year, end.year + 1)]
    first = start.year * 4 + (start.month - 1) // 3
    last = end.year * 4 + (end.month - 1) // 3
    return [f"{q // 4}-Q{q % 4 + 1}" for q in range(first, last + 1)]


def period_bounds(period: str) -> tuple[dt.date, dt.date]:
    """The first and last day of a period label (``2023``, ``2023-Q3``; ``2023-Q?``: the
    year)."""
    year_text, _, quarter = period.partition("-Q")
    year = int(year_text)
    if not quarter or quarter == "?":
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    q = int(quarter)
    start = dt.date(year, 3 * q - 2, 1)
    end = dt.date(year + 1, 1, 1) if q == 4 else dt.date(year, 3 * q + 1, 1)
    return start, end - dt.timedelta(days=1)


def zero_filled(
    frame: pl.DataFrame, *, order: str, periods: list[str], group: str, value: str
) -> pl.DataFrame:
    """``frame`` with a row of ``value`` 0 for every period of ``periods`` × ``group`` value it
    lacks (periods in ``frame`` outside ``periods``, such as ``2023-Q?``, are kept), sorted."""
    if frame.is_empty():
        return frame
    dtype = frame.schema[order]
    present = frame[order].cast(pl.String).unique().to_list()
    every = sorted(set(periods) | set(present))
    grid = pl.DataFrame({order: every}).with_columns(pl.col(order).cast(dtype))
    return (
        grid.join(frame.select(group).unique(), how="cross")
        .join(frame.select(order, group, value), on=[order, group], how="left")
        .with_columns(pl.col(value).fill_null(0))
        .sort(order, group)
    )


def counts_by(frame: pl.DataFrame, *, grain: Grain, by: str) -> pl.DataFrame:
    """Events per period and ``by`` column, from rows with year, quarter, ``by``, n_events."""
    return (
        with_period(frame, grain)
        .group_by("period", by)
        .agg(pl.col("n_events").sum())
        .sort("period", by)
    )


def with_shares(frame: pl.DataFrame, totals: pl.DataFrame, *, on: str) -> pl.DataFrame:
    """Add ``share`` = n_events / the period's total events (``totals``: on, n_total); 0 for a
    zero-filled period without events, null where the total is unknown."""
    return (
        frame.join(totals, on=on, how="left")
        .with_columns(
            share=pl.when(pl.col("n_total") > 0)
            .then((pl.col("n_events") / pl.col("n_total")).round(4))
            .when(pl.col("n_events") == 0)
            .then(0.0)
        )
        .drop("n_total")
    )


def cumulative(frame: pl.DataFrame, *, order: str, group: str, value: str) -> pl.DataFrame:
    """Running totals of ``value`` per ``group`` along ``order``, every period filled in."""
    periods = frame.select(order).unique()
    groups = frame.select(group).unique()
    return (
        periods.join(groups, how="cross")
        .join(frame.select(order, group, value), on=[order, group], how="left")
        .with_columns(pl.col(value).fill_null(0))
        .sort(group, order)
        .with_columns(pl.col(value).cum_sum().over(group))
        .sort(order, group)
    )


def topic_change(current: pl.DataFrame, previous: pl.DataFrame, *, top: int) -> pl.DataFrame:
    """The ``top`` topics of ``current`` (topic_code, n_events) with the previous period's
    count and the change; ties broken by code so the order is stable."""
    prev = previous.rename({"n_events": "n_previous"})
    return (
        current.join(prev, on="topic_code", how="left")
        .with_columns(pl.col("n_previous").fill_null(0))
        .with_columns(change=pl.col("n_events") - pl.col("n_previous"))
        .sort(["n_events", "topic_code"], descending=[True, False])
        .head(top)
    )
