"""Shaping query results for charts and tables (pure polars functions)."""

from __future__ import annotations

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


def counts_by(frame: pl.DataFrame, *, grain: Grain, by: str) -> pl.DataFrame:
    """Events per period and ``by`` column, from rows with year, quarter, ``by``, n_events."""
    return (
        with_period(frame, grain)
        .group_by("period", by)
        .agg(pl.col("n_events").sum())
        .sort("period", by)
    )


def with_shares(frame: pl.DataFrame, totals: pl.DataFrame, *, on: str) -> pl.DataFrame:
    """Add ``share`` = n_events / the period's total events (``totals``: on, n_total)."""
    return (
        frame.join(totals, on=on, how="left")
        .with_columns(share=(pl.col("n_events") / pl.col("n_total")).round(4))
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
