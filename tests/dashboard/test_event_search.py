"""The Events page's search: what it looks in (topics, panels, outcomes, people, places in three
languages), checked against the loaded tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard import data
from dashboard.filters import Filters
from tests.dashboard.conftest import fold, searchable_texts
from warehouse.db import connect, run_sql


def _found(q: str) -> set[str]:
    return set(data.events(Filters(), q, max_rows=10_000)["event_id"].to_list())


def _held_where(warehouse: Path, sql: str) -> set[str]:
    con = connect(warehouse)
    try:
        frame = run_sql(con, f"select event_id from events where status = 'held' and {sql}")
    finally:
        con.close()
    return set(frame["event_id"].to_list())


@pytest.mark.parametrize(
    "q",
    ["Ebrard", "digitalización", "Numérisation", "economia circular", "Secretaría", "dialogo"],
)
def test_search_finds_what_the_tables_hold(warehouse: Path, q: str) -> None:
    con = connect(warehouse)
    try:
        texts = searchable_texts(con)
    finally:
        con.close()
    expected = {event_id for event_id, text in texts.items() if fold(q) in text}
    assert expected, f"nothing in the data mentions {q!r}: pick another word"
    assert _found(q) == expected


def test_search_finds_people_topics_outcomes_and_panels(warehouse: Path) -> None:
    people = _held_where(
        warehouse,
        "event_id in (select event_id from participants where name like '%Ebrard%')",
    )
    assert people and _found("ebrard") >= people
    topic = _held_where(
        warehouse,
        "event_id in (select event_id from event_topics where topic_code = 'digitalization' "
        "union select event_id from panel_topics where topic_code = 'digitalization' "
        "union select event_id from outcome_topics where topic_code = 'digitalization')",
    )
    assert topic
    for spelling in ("Digitalization", "Digitalización", "numérisation"):
        assert _found(spelling) >= topic, spelling


@pytest.mark.parametrize("q", ["Ciudad de México", "ciudad de mexico", "Ville de Mexico"])
def test_place_names_in_any_language_find_the_place(warehouse: Path, q: str) -> None:
    in_mexico_city = _held_where(warehouse, "city = 'Mexico City'")
    assert in_mexico_city
    assert _found(q) >= in_mexico_city


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("", []),
        ("   ", []),
        ("Ebrard", ["Ebrard"]),
        ("Ciudad de México", ["Ciudad de México", "Mexico City", "Ville de Mexico"]),
        ("mexico city", ["mexico city", "Ciudad de México", "Ville de Mexico"]),
        ("Mon", ["Mon"]),  # too short to name a place
    ],
)
def test_search_terms(q: str, expected: list[str]) -> None:
    assert data.search_terms(q) == expected
