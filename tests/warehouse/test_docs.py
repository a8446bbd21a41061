"""warehouse/README.md documents exactly the tables, views and columns the build creates."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from warehouse.db import connect, run_sql

README = Path(__file__).resolve().parents[2] / "warehouse" / "README.md"


def documented() -> dict[str, set[str]]:
    """Map each `### name` section of the README to the first-column names of its table."""
    sections: dict[str, set[str]] = {}
    current: str | None = None
    for line in README.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"^### (\w+)$", line)
        if heading:
            current = heading.group(1)
            sections[current] = set()
        elif current and (row := re.match(r"^\| (\w+) \|", line)) and row.group(1) != "column":
            sections[current].add(row.group(1))
    return sections


@pytest.fixture(scope="module")
def actual(real_warehouse: Path) -> dict[str, set[str]]:
    con = connect(real_warehouse)
    try:
        frame = run_sql(
            con,
            "select table_name, column_name from information_schema.columns "
            "where table_catalog = 'warehouse'",
        )
    finally:
        con.close()
    out: dict[str, set[str]] = {}
    for table, column in frame.iter_rows():
        out.setdefault(table, set()).add(column)
    return out


def test_every_table_and_view_is_documented(actual: dict[str, set[str]]) -> None:
    assert sorted(actual) == sorted(documented())


def test_every_column_is_documented_and_exists(actual: dict[str, set[str]]) -> None:
    docs = documented()
    # event_facets repeats every column of events, documented once as a group.
    docs["event_facets"] = docs.get("event_facets", set()) | docs["events"]
    mismatches = {t: (actual[t] ^ docs.get(t, set())) for t in actual}
    assert {t: m for t, m in mismatches.items() if m} == {}
