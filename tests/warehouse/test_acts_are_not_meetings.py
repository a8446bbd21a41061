"""A decision or a public consultation is a dated act, never a meeting (data/README.md,
"Meetings and other dated acts"). Checked as a property of every figure that counts or names
meetings: removing every act from the records leaves each of them unchanged, while the acts
stay visible among the events."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import polars as pl
import pytest
import yaml

from dashboard.state.filters import Filters, sql_struct
from etl.build import build
from warehouse.db import connect, run_query

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
ACTS = ("decision", "public_consultation")
"""The data README's kinds of dated acts, restated here as the test's own oracle."""

FILTERS: dict[str, Any] = {"filters": sql_struct(Filters())}

MEETING_FIGURES: dict[str, tuple[dict[str, Any], pl.Expr | None, list[str]]] = {
    # query: (parameters, rows that concern meetings, columns that count or name meetings)
    "summary_headline": (
        FILTERS,
        None,
        ["n_meetings", "n_bodies", "n_hosted"],
    ),
    "bodies_index": ({}, None, ["body_code", "n_meetings_held", "n_meetings", "last_meeting_date"]),
    "body_year_evidence": (
        {},
        pl.col("evidence") == "held_event",
        ["body_code", "year", "n_held_events", "held_event_ids"],
    ),
    "events_by_period": (FILTERS, pl.col("is_meeting"), ["year", "quarter", "body_code", "kind"]),
    "party_roles_by_year": (FILTERS, None, ["year", "party_code", "role", "n_events"]),
    "party_presence_by_body": (FILTERS, None, ["party_code", "body_code", "n_present", "n_events"]),
}


def _act_files() -> list[Path]:
    return [
        p
        for p in sorted((DATA / "events").glob("*.yaml"))
        if yaml.safe_load(p.read_text(encoding="utf-8"))["kind"] in ACTS
    ]


@pytest.fixture(scope="module")
def pair(
    tmp_path_factory: pytest.TempPathFactory, real_warehouse: Path
) -> Iterator[tuple[duckdb.DuckDBPyConnection, duckdb.DuckDBPyConnection]]:
    root = tmp_path_factory.mktemp("acts")
    without = Path(shutil.copytree(DATA, root / "data"))
    for act in _act_files():
        (without / "events" / act.name).unlink()
    build(without, root / "without.duckdb")
    cons = connect(real_warehouse), connect(root / "without.duckdb")
    yield cons
    for con in cons:
        con.close()


def test_the_records_hold_acts_of_both_kinds() -> None:
    kinds = {yaml.safe_load(p.read_text(encoding="utf-8"))["kind"] for p in _act_files()}
    assert kinds == set(ACTS)


@pytest.mark.parametrize("name", sorted(MEETING_FIGURES))
def test_removing_every_act_changes_no_meeting_figure(
    pair: tuple[duckdb.DuckDBPyConnection, duckdb.DuckDBPyConnection], name: str
) -> None:
    params, rows, columns = MEETING_FIGURES[name]
    with_acts, without_acts = (run_query(con, name, params) for con in pair)
    if rows is not None:
        with_acts, without_acts = with_acts.filter(rows), without_acts.filter(rows)
    assert (
        with_acts.select(columns).sort(columns).equals(without_acts.select(columns).sort(columns))
    ), name


def test_acts_stay_visible_among_the_events(
    pair: tuple[duckdb.DuckDBPyConnection, duckdb.DuckDBPyConnection],
) -> None:
    params = {**FILTERS, "alternatives": [], "ascending": False, "max_rows": 1000}
    listed = run_query(pair[0], "events_list", params)
    acts = {p.stem for p in _act_files()}
    shown = set(listed.filter(~pl.col("is_meeting"))["event_id"])
    assert shown == acts
    assert set(listed.filter(pl.col("kind").is_in(ACTS))["event_id"]) == acts
