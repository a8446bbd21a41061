"""A year- or month-only date is shown as what it is ("2025", "2025-11"), never as its first
day, and an event announced for a year or a month is overdue only once all of it has passed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.ui.tables import as_known, dates_as_known, is_overdue, last_day

ROOT = Path(__file__).resolve().parents[2]

FRAME = pl.DataFrame(
    {
        "start_date": [dt.date(2025, 1, 1), dt.date(2025, 11, 1), dt.date(2025, 11, 12)],
        "date_precision": ["year", "month", "day"],
        "status": ["announced"] * 3,
    }
)


def test_each_date_is_written_as_precisely_as_it_is_known() -> None:
    assert FRAME.select(as_known())["start_date"].to_list() == ["2025", "2025-11", "2025-11-12"]
    assert dates_as_known(FRAME)["start_date"].to_list() == ["2025", "2025-11", "2025-11-12"]


def test_end_dates_are_written_like_start_dates() -> None:
    """A workbook's two date columns are one kind (ISO text), so they sort and filter alike."""
    frame = FRAME.with_columns(end_date=pl.Series([None, None, dt.date(2025, 11, 13)]))
    out = dates_as_known(frame)
    assert out.schema["end_date"] == out.schema["start_date"] == pl.String
    assert out["end_date"].to_list() == [None, None, "2025-11-13"]


def test_a_frame_without_precision_is_left_alone() -> None:
    frame = FRAME.drop("date_precision")
    assert dates_as_known(frame).equals(frame)


def test_the_last_day_a_date_may_denote() -> None:
    assert FRAME.select(last_day().alias("last")).to_series().to_list() == [
        dt.date(2025, 12, 31),
        dt.date(2025, 11, 30),
        dt.date(2025, 11, 12),
    ]


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2025, 11, 13), [False, False, True]),
        (dt.date(2025, 12, 1), [False, True, True]),
        (dt.date(2026, 1, 1), [True, True, True]),
    ],
)
def test_announced_is_overdue_once_every_day_it_may_denote_has_passed(
    today: dt.date, expected: list[bool]
) -> None:
    assert FRAME.select(is_overdue(today)).to_series().to_list() == expected


@pytest.mark.parametrize("lang", ["es", "fr"])
def test_the_summary_shows_a_year_only_event_as_its_year(warehouse: Path, lang: str) -> None:
    """ftc-2025 is announced for "2025": the Summary's overdue table said 2025-01-01."""
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception
    shown = [
        frame.value
        for frame in at.dataframe
        if "event_id" in frame.value.columns and "ftc-2025" in list(frame.value["event_id"])
    ]
    assert shown, "the overdue table should list ftc-2025"
    for table in shown:
        row = table[table["event_id"] == "ftc-2025"]
        assert row["start_date"].tolist() == ["2025"]
