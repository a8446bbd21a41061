"""The Events page's search: what it looks in (topics, panels, outcomes, people, places in three
languages), checked against the loaded tables; and that it is the Documents page's search (the
same query finds the same events on both)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard import data
from dashboard.state.filters import Filters
from tests.dashboard.conftest import finds, searchable_terms
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
        held = searchable_terms(con)
    finally:
        con.close()
    expected = {event_id for event_id, terms in held.items() if finds(q, terms)}
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
        ("Ebrard", [["ebrard"]]),
        ("Ciudad de México", [["ciudad", "mexic"], ["mexic", "citi"], ["vill", "mexic"]]),
        ("mexico city", [["mexic", "citi"], ["ciudad", "mexic"], ["vill", "mexic"]]),
        ("Mon", [["mon"]]),  # too short to name a place
        ("de la", [[]]),  # stop words only: finds nothing
    ],
)
def test_search_alternatives(q: str, expected: list[list[str]]) -> None:
    assert data.search_alternatives(q) == expected


@pytest.mark.parametrize(
    "q", ["Ebrard", "numérisation", "Comité de Medio Ambiente", "circular economy", "Ottawa"]
)
def test_events_and_documents_pages_find_the_same_events(warehouse: Path, q: str) -> None:
    """Issue 21: "Ebrard" found 4 events on the Events page and 3 on the Documents page,
    "numérisation" one and none. Both pages now ask one search (macros/search_matches.sql);
    the Documents page's events are those the sidebar's filters let through, as on Events."""
    on_events = _found(q)
    results = data.search(q, limit=10_000)
    filtered = set(data.filtered("filtered_event_ids", Filters())["event_id"].to_list())
    on_documents = {
        event_id
        for kind, event_id in results.select("doc_kind", "event_id").iter_rows()
        if kind == "event" and event_id in filtered
    }
    assert on_events, f"nothing found for {q!r}: pick another query"
    assert on_events == on_documents


def test_opening_an_event_from_a_search_and_coming_back_keeps_the_search(
    warehouse: Path,
) -> None:
    """Issue 10 audit: the search box is not drawn while an event is open, so Streamlit forgot
    its value and "Back to the list" showed every event instead of the search's."""
    from streamlit.testing.v1 import AppTest

    root = Path(__file__).resolve().parents[2]
    at = AppTest.from_file(str(root / "streamlit_app.py"), default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("dashboard/views/events.py").run()
    at.text_input(key="ev_q").input("Ebrard").run()
    matches = sorted(_found("Ebrard"))
    listed = sorted(at.dataframe[0].value["event_id"])
    assert listed == matches and 0 < len(matches) < 10

    at.session_state["ev_selected"] = matches[0]
    at.run()
    assert not at.exception
    assert at.query_params["q"] == "Ebrard", "the open event's link keeps the search"
    at.button(key="ev_back").click().run()
    assert not at.exception
    assert at.text_input(key="ev_q").value == "Ebrard"
    assert sorted(at.dataframe[0].value["event_id"]) == matches


def test_what_a_source_supports_is_named_in_the_interface_language() -> None:
    from dashboard.ui.tables import supports_in

    assert supports_in("date, participants, outcomes", "fr") == "date, participants, résultats"
    assert supports_in("city, treaty_refs, outcome", "es") == (
        "ciudad, referencias al tratado, resultados"
    )
    prose = "city (Mexico City), host (Mexico), edition"
    assert supports_in(prose, "es") == prose, "a curator's prose is record text"
    assert supports_in(None, "fr") is None
