"""Every named query runs on the real warehouse with parameters derived from its own SQL, and
a call with other parameters is refused before the database sees it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from dashboard.cases.cases import query_params
from dashboard.state.filters import Filters, sql_struct
from warehouse.db import WarehouseError, connect, query_names, query_parameters, run_query

PERIOD = Filters(date_from=dt.date(2020, 1, 1), date_to=dt.date(2026, 12, 31))
SAMPLE: dict[str, Any] = {
    "filters": sql_struct(PERIOD),
    "case_filters": query_params(PERIOD, {}, period_rule="activity")["case_filters"],
    "kinds": [],
    "q": "",
    "ascending": False,
    "max_rows": 10,
    "event_id": "sme-dialogue-2023-09-21",
    "body_code": "environment_committee",
    "alternatives": [["comit"]],
    "k1": 1.2,
    "b": 0.75,
    "min_terms": 12,
    "limit": 5,
    "topic_code": "smes",
    "cell_year": 2023,
    "cell_body": "sme_dialogue",
    "case_id": "rrm-2021-tridonex",
    "chapter": 23,
}
"""One plausible value per parameter name any query uses (a new name must be added here)."""


@pytest.fixture(scope="module")
def con(real_warehouse: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = connect(real_warehouse)
    yield connection
    connection.close()


@pytest.mark.parametrize("name", sorted(query_names()))
def test_every_query_runs_with_the_parameters_its_sql_names(
    con: duckdb.DuckDBPyConnection, name: str
) -> None:
    wanted = query_parameters(name)
    assert wanted <= SAMPLE.keys(), f"add a sample value for {sorted(wanted - SAMPLE.keys())}"
    frame = run_query(con, name, {k: SAMPLE[k] for k in wanted})
    assert frame.width > 0


@pytest.mark.parametrize("name", sorted(query_names()))
def test_a_query_that_returns_an_event_date_returns_its_precision(
    con: duckdb.DuckDBPyConnection, name: str
) -> None:
    """A year-only date is stored as its first day: without its precision a page shows
    "2025-01-01" for "2025" (dashboard.ui.tables.dates_as_known needs both)."""
    frame = run_query(con, name, {k: SAMPLE[k] for k in query_parameters(name)})
    if "start_date" in frame.columns:
        assert "date_precision" in frame.columns


def test_parameters_are_read_from_the_sql_not_its_comments() -> None:
    assert query_parameters("body_events") == {"body_code"}
    assert query_parameters("data_version") == frozenset()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({}, r"missing \['body_code'\], unknown \[\]"),
        ({"body_code": "x", "bodies": []}, r"missing \[\], unknown \['bodies'\]"),
        ({"body_code": "x", "filters": {}}, r"missing \[\], unknown \['filters'\]"),
    ],
)
def test_a_call_with_other_parameters_is_refused(
    con: duckdb.DuckDBPyConnection, params: dict[str, Any], message: str
) -> None:
    with pytest.raises(WarehouseError, match=message):
        run_query(con, "body_events", params)
