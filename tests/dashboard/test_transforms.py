"""Shaping query results: small hand-written frames in, expected frames written out literally."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from dashboard.ui.transforms import (
    Grain,
    counts_by,
    cumulative,
    period_bounds,
    period_labels,
    topic_change,
    with_period,
    with_shares,
    zero_filled,
)


@pytest.fixture
def by_quarter() -> pl.DataFrame:
    """Rows as ``events_by_period`` returns them: year, quarter (null = year only), code, n."""
    return pl.DataFrame(
        {
            "year": [2023, 2023, 2023, 2023, 2024, 2022],
            "quarter": [3, 1, None, 3, 1, 4],
            "body_code": ["sme", "ftc", "sme", "ftc", "sme", "sme"],
            "n_events": [2, 1, 1, 4, 5, 3],
        },
        schema={
            "year": pl.Int32,
            "quarter": pl.Int32,
            "body_code": pl.String,
            "n_events": pl.Int64,
        },
    )


# --- with_period ------------------------------------------------------------------------------


def test_with_period_year(by_quarter: pl.DataFrame) -> None:
    out = with_period(by_quarter, "year")
    assert out.columns == [*by_quarter.columns, "period"]
    assert out["period"].to_list() == ["2023", "2023", "2023", "2023", "2024", "2022"]
    assert out["period"].dtype == pl.String


def test_with_period_quarter_marks_unknown_quarter(by_quarter: pl.DataFrame) -> None:
    out = with_period(by_quarter, "quarter")
    assert out["period"].to_list() == [
        "2023-Q3",
        "2023-Q1",
        "2023-Q?",
        "2023-Q3",
        "2024-Q1",
        "2022-Q4",
    ]
    assert_frame_equal(out.drop("period"), by_quarter)


def test_with_period_year_ignores_quarter_column_absence() -> None:
    frame = pl.DataFrame({"year": [2021, 2020], "n_events": [1, 2]})
    assert with_period(frame, "year")["period"].to_list() == ["2021", "2020"]


# --- counts_by --------------------------------------------------------------------------------


def test_counts_by_year(by_quarter: pl.DataFrame) -> None:
    expected = pl.DataFrame(
        {
            "period": ["2022", "2023", "2023", "2024"],
            "body_code": ["sme", "ftc", "sme", "sme"],
            "n_events": [3, 5, 3, 5],
        }
    )
    assert_frame_equal(counts_by(by_quarter, grain="year", by="body_code"), expected)


def test_counts_by_quarter_sorts_unknown_quarter_last_in_its_year(
    by_quarter: pl.DataFrame,
) -> None:
    expected = pl.DataFrame(
        {
            "period": ["2022-Q4", "2023-Q1", "2023-Q3", "2023-Q3", "2023-Q?", "2024-Q1"],
            "body_code": ["sme", "ftc", "ftc", "sme", "sme", "sme"],
            "n_events": [3, 1, 4, 2, 1, 5],
        }
    )
    assert_frame_equal(counts_by(by_quarter, grain="quarter", by="body_code"), expected)


def test_counts_by_empty_frame(by_quarter: pl.DataFrame) -> None:
    out = counts_by(by_quarter.clear(), grain="year", by="body_code")
    assert out.columns == ["period", "body_code", "n_events"]
    assert out.height == 0


# --- with_shares ------------------------------------------------------------------------------


def test_with_shares() -> None:
    frame = pl.DataFrame(
        {
            "year": [2022, 2022, 2023, 2024, 2025],
            "topic": ["SMEs", "Labor", "SMEs", "SMEs", "SMEs"],
            "n_events": [1, 2, 3, 1, 0],
        }
    )
    totals = pl.DataFrame({"year": [2022, 2023], "n_total": [3, 4]})
    expected = pl.DataFrame(
        {
            "year": [2022, 2022, 2023, 2024, 2025],
            "topic": ["SMEs", "Labor", "SMEs", "SMEs", "SMEs"],
            "n_events": [1, 2, 3, 1, 0],
            "share": [0.3333, 0.6667, 0.75, None, 0.0],
        }
    )
    assert_frame_equal(with_shares(frame, totals, on="year"), expected)


# --- cumulative -------------------------------------------------------------------------------


def test_cumulative_fills_missing_periods_and_runs_per_group() -> None:
    frame = pl.DataFrame(
        {
            "period": ["2021", "2023", "2022", "2023", "2021"],
            "body": ["A", "A", "B", "B", "C"],
            "n_events": [1, 2, 5, 1, 4],
        }
    )
    expected = pl.DataFrame(
        {
            "period": ["2021", "2021", "2021", "2022", "2022", "2022", "2023", "2023", "2023"],
            "body": ["A", "B", "C", "A", "B", "C", "A", "B", "C"],
            "n_events": [1, 0, 4, 1, 5, 4, 3, 6, 4],
        }
    )
    assert_frame_equal(cumulative(frame, order="period", group="body", value="n_events"), expected)


def test_cumulative_single_group() -> None:
    frame = pl.DataFrame({"year": [2024, 2022, 2023], "topic": ["t"] * 3, "n_events": [3, 1, 2]})
    expected = pl.DataFrame({"year": [2022, 2023, 2024], "topic": ["t"] * 3, "n_events": [1, 3, 6]})
    assert_frame_equal(cumulative(frame, order="year", group="topic", value="n_events"), expected)


# --- topic_change -----------------------------------------------------------------------------


def test_topic_change_orders_by_count_then_code_and_keeps_top() -> None:
    current = pl.DataFrame(
        {
            "topic_code": ["labor", "smes", "ecommerce", "energy", "agri", "digital"],
            "n_events": [3, 5, 3, 1, 3, 2],
        }
    )
    previous = pl.DataFrame({"topic_code": ["smes", "labor", "energy"], "n_events": [7, 1, 4]})
    expected = pl.DataFrame(
        {
            "topic_code": ["smes", "agri", "ecommerce", "labor"],
            "n_events": [5, 3, 3, 3],
            "n_previous": [7, 0, 0, 1],
            "change": [-2, 3, 3, 2],
        }
    )
    assert_frame_equal(topic_change(current, previous, top=4), expected)


def test_topic_change_without_previous_counts_everything_as_new() -> None:
    current = pl.DataFrame({"topic_code": ["b", "a"], "n_events": [2, 2]})
    expected = pl.DataFrame(
        {"topic_code": ["a", "b"], "n_events": [2, 2], "n_previous": [0, 0], "change": [2, 2]}
    )
    assert_frame_equal(topic_change(current, current.clear(), top=5), expected)


def test_topic_change_top_larger_than_frame_and_zero() -> None:
    current = pl.DataFrame({"topic_code": ["a"], "n_events": [1]})
    previous = pl.DataFrame({"topic_code": ["a"], "n_events": [1]})
    out = topic_change(current, previous, top=10)
    assert out.rows() == [("a", 1, 1, 0)]
    assert topic_change(current, previous, top=0).height == 0


# --- period_labels and zero_filled ------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "grain", "expected"),
    [
        (dt.date(2021, 5, 1), dt.date(2023, 1, 1), "year", ["2021", "2022", "2023"]),
        (dt.date(2023, 11, 1), dt.date(2024, 4, 1), "quarter", ["2023-Q4", "2024-Q1", "2024-Q2"]),
        (dt.date(2024, 1, 1), dt.date(2024, 3, 31), "quarter", ["2024-Q1"]),
    ],
)
def test_period_labels(start: dt.date, end: dt.date, grain: Grain, expected: list[str]) -> None:
    assert period_labels(start, end, grain) == expected


def test_zero_filled_adds_empty_periods_for_every_group() -> None:
    frame = pl.DataFrame(
        {"period": ["2021-Q1", "2021-Q3", "2021-Q?"], "body": ["A", "B", "A"], "n": [2, 1, 1]}
    )
    out = zero_filled(
        frame,
        order="period",
        periods=period_labels(dt.date(2021, 1, 1), dt.date(2021, 12, 31), "quarter"),
        group="body",
        value="n",
    )
    assert out.height == 5 * 2  # four quarters and the unknown one, two bodies
    assert out.filter(pl.col("period") == "2021-Q2")["n"].to_list() == [0, 0]
    assert out["n"].sum() == 4
    assert out.filter((pl.col("period") == "2021-Q1") & (pl.col("body") == "A"))["n"].item() == 2


def test_zero_filled_keeps_integer_years() -> None:
    frame = pl.DataFrame({"year": [2020, 2023], "topic": ["x", "x"], "n": [1, 1]})
    out = zero_filled(
        frame, order="year", periods=["2020", "2021", "2022", "2023"], group="topic", value="n"
    )
    assert out["year"].to_list() == [2020, 2021, 2022, 2023]
    assert out["n"].to_list() == [1, 0, 0, 1]


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        ("2023", (dt.date(2023, 1, 1), dt.date(2023, 12, 31))),
        ("2023-Q1", (dt.date(2023, 1, 1), dt.date(2023, 3, 31))),
        ("2024-Q3", (dt.date(2024, 7, 1), dt.date(2024, 9, 30))),
        ("2024-Q4", (dt.date(2024, 10, 1), dt.date(2024, 12, 31))),
        ("2022-Q?", (dt.date(2022, 1, 1), dt.date(2022, 12, 31))),
    ],
)
def test_period_bounds(period: str, expected: tuple[dt.date, dt.date]) -> None:
    assert period_bounds(period) == expected
    grain: Grain = "quarter" if "-Q" in period and "?" not in period else "year"
    assert period in period_labels(*expected, grain) or period.endswith("?")
