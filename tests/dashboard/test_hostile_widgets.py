"""Hostile values through the search box and the URL, and proof that the app cannot write.

What the Events page counts is checked against a count made here in plain Python over the
``events`` table, mirroring ``warehouse/queries/events_list.sql``: accent- and case-insensitive
containment in title_en, title_es, city, notes and event_id, where ``%`` and ``_`` are plain
characters. After every hostile run the warehouse file must be byte-identical.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.i18n import t
from dashboard.state.filters import URL_NAMES
from dashboard.ui.components import plain
from tests.dashboard.conftest import finds, searchable_terms
from warehouse import db

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "streamlit_app.py")
SHOWN = {"es": re.compile(r"^(\d+) eventos?$"), "en": re.compile(r"^(\d+) events?$")}
WARNED_PARAM = re.compile(r": (\w+)=")
"""The parameter named in a URL notice ('... ignored: body=x (unknown).')."""
MAX_QUERY_CHARS = 200
"""The search box's max_chars (dashboard/views/events.py)."""


@dataclass(frozen=True)
class Truth:
    sha256: str
    n_events: int
    n_held: int
    n_held_meetings: int
    """Held events that are meetings (data/README.md: a decision or a consultation is not)."""
    held_terms: tuple[frozenset[str], ...]
    """Per held event, the terms of its searchable text (tests/dashboard/conftest.py)."""

    def matches(self, q: str) -> int:
        if not q.strip():
            return self.n_held
        return sum(finds(q, held) for held in self.held_terms)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def truth(warehouse: Path) -> Truth:
    con = db.connect(warehouse)
    try:
        rows = con.sql("select event_id from events").fetchall()
        held = tuple(searchable_terms(con).values())
        [(n_meetings,)] = con.sql(
            "select count(*) from events where status = 'held' "
            "and kind not in ('decision', 'public_consultation')"
        ).fetchall()
    finally:
        con.close()
    assert 0 < len(held) < len(rows)
    return Truth(sha256(warehouse), len(rows), len(held), int(n_meetings), held)


def assert_unchanged(warehouse: Path, truth: Truth) -> None:
    assert sha256(warehouse) == truth.sha256
    con = db.connect(warehouse)
    try:
        assert con.sql("select count(*) from events").fetchall() == [(truth.n_events,)]
    finally:
        con.close()


def errors(at: AppTest) -> list[str]:
    return [e.value for e in at.exception]


def warnings(at: AppTest) -> list[str]:
    return [w.value for w in at.warning]


def warned_params(at: AppTest) -> set[str]:
    return {m[1] for w in warnings(at) if (m := WARNED_PARAM.search(w))}


def shown_count(at: AppTest, lang: str) -> int:
    counts = [int(m[1]) for c in at.caption if (m := SHOWN[lang].match(c.value))]
    assert len(counts) == 1, [c.value for c in at.caption]
    return counts[0]


# --- the search box ---------------------------------------------------------------------------

SEARCHES = {
    "sql-or": "' OR 1=1 --",
    "sql-drop": '"; drop table events; --',
    "percent": "%",
    "underscore": "_",
    "backslash": "\\",
    "two-backslashes": "\\\\",
    "script": "<script>alert(1)</script>",
    "max-length": ("' OR 1=1 -- %_\\ <b>" * 20)[:MAX_QUERY_CHARS],
    "rtl": "\u202eمؤتمر \u05e9\u05dc\u05d5\u05dd\u202c",
    "emoji": "🇲🇽📊",
    "accented": "DIÁLOGO",
    "spaces": "   ",
}


def table_rows(at: AppTest) -> int:
    """Rows of the page's events table; none is drawn when nothing matches (a caption says so).
    The reports that match the search have a table of their own (with ``report_id``)."""
    events = [df.value for df in at.dataframe if "event_id" in df.value.columns]
    return len(events[0]) if events else 0


def test_search_box_takes_hostile_text_literally(warehouse: Path, truth: Truth) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("dashboard/views/events.py").run()
    assert not at.exception, errors(at)
    shown: dict[str, tuple[int, int]] = {}
    expected: dict[str, tuple[int, int]] = {}
    for name, text in SEARCHES.items():
        at.text_input(key="ev_q").input(text).run()
        assert not at.exception, (name, errors(at))
        assert not at.warning, (name, warnings(at))
        assert at.text_input(key="ev_q").value == text, name
        shown[name] = (shown_count(at, "en"), table_rows(at))
        n = truth.matches(text)
        expected[name] = (n, n)
    assert shown == expected
    # Had % or _ been wildcards they would have matched every held event.
    assert expected["percent"][0] < truth.n_held
    assert expected["underscore"][0] < truth.n_held
    assert expected["accented"][0] > 0
    assert expected["spaces"][0] == truth.n_held
    assert_unchanged(warehouse, truth)


# --- the URL ----------------------------------------------------------------------------------

FILTER_PARAMS = (*URL_NAMES, "lang")
PAGE_PARAMS = {
    "grain": "flt_page_grain_es",
    "stack": "flt_page_stack_es",
    "level": "flt_page_level_es",
    "measure": "flt_page_measure_es",
}
PAGE_DEFAULTS = {"grain": "year", "stack": "body_code", "level": "topic_group", "measure": "counts"}
EVENT_PARAMS = ("event", "q")
ALL_PARAMS = (*FILTER_PARAMS, *PAGE_PARAMS, *EVENT_PARAMS)
# Every parameter the app reads from a URL.
assert set(ALL_PARAMS) == {
    *("body", "chapter", "topic", "tgroup", "party", "role", "kind", "status", "conf"),
    *("from", "to", "lang", "event", "q", "grain", "stack", "level", "measure"),
}

WRONG_TYPES = {
    "body": "1",
    "chapter": "abc",
    "topic": "[]",
    "tgroup": "{}",
    "party": "null",
    "role": "true",
    "kind": "0",
    "status": "-1",
    "conf": "1e9",
    "from": "2023-13-45",
    "to": "2023-02-30",
    "lang": "1",
    "event": "0",
    "q": "1",
    "grain": "0",
    "stack": "None",
    "level": "[]",
    "measure": "-1.5",
}
assert set(WRONG_TYPES) == set(ALL_PARAMS)


def _same(value: str) -> dict[str, str]:
    return dict.fromkeys(ALL_PARAMS, value)


URLS = {
    "sql-or": _same("' OR 1=1 --"),
    "sql-drop": _same("x'); drop table events; --"),
    "sql-comma": _same("held','cancelled') or ('1'='1"),
    "quotes": _same("\"'`"),
    "percent": _same("%"),
    "long": _same("z" * 5000),
    "long-list": _same(",".join(["x"] * 999)),
    "wrong-types": WRONG_TYPES,
}


@pytest.mark.parametrize("case", sorted(URLS))
def test_hostile_url_values_are_dropped_with_a_warning(
    warehouse: Path, truth: Truth, case: str
) -> None:
    params = URLS[case]
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, errors(at)
    assert set(FILTER_PARAMS) <= warned_params(at), warnings(at)
    assert all(len(w) < 300 for w in warnings(at)), "values are clipped in the notices"
    assert at.title[0].value == "Resumen", "an unknown lang falls back to Spanish"
    assert int(at.metric[0].value) == truth.n_held_meetings, "every filter was dropped"
    assert set(at.query_params) == {"lang"}, dict(at.query_params)

    at.switch_page("dashboard/views/trends.py").run()
    assert not at.exception, errors(at)
    assert set(PAGE_PARAMS) <= warned_params(at), warnings(at)
    assert {p: at.radio(key=k).value for p, k in PAGE_PARAMS.items()} == PAGE_DEFAULTS

    at.switch_page("dashboard/views/events.py").run()
    assert not at.exception, errors(at)
    event_id = params["event"]
    assert t("unknown_event", "es", id=plain(event_id[:80])) in warnings(at)
    at.button(key="ev_back").click().run()
    assert not at.exception, errors(at)
    q = params["q"][:MAX_QUERY_CHARS]
    assert at.text_input(key="ev_q").value == q
    n = truth.matches(q)
    assert (shown_count(at, "es"), table_rows(at)) == (n, n)
    assert_unchanged(warehouse, truth)


# --- nothing in the app can write ---------------------------------------------------------------

# A read-only attach alone still lets a connection create files (attach, copy ... to, export
# database); warehouse/db.py connect() turns external access off and locks the setting.


def _open_gap(sql: str, name: str) -> object:
    """File access that connect() closes with enable_external_access = false."""
    return pytest.param(sql, id=name)


@pytest.mark.parametrize(
    "sql",
    [
        pytest.param("create table t (x int)", id="create-table"),
        pytest.param("create view v as select 1", id="create-view"),
        pytest.param("insert into events (event_id) values ('x')", id="insert"),
        pytest.param("update events set city = 'x'", id="update"),
        pytest.param("delete from events", id="delete"),
        pytest.param("drop table events", id="drop"),
        pytest.param("alter table events add column x int", id="alter"),
        _open_gap("attach '{out}/other.duckdb' as other", "attach"),
        _open_gap("copy events to '{out}/events.csv'", "copy-to"),
        _open_gap("export database '{out}/export'", "export-database"),
    ],
)
def test_the_connection_refuses_to_write(
    warehouse: Path, truth: Truth, tmp_path: Path, sql: str
) -> None:
    con = db.connect(warehouse)
    try:
        with pytest.raises(duckdb.Error):
            con.execute(sql.format(out=tmp_path))
    finally:
        con.close()
    assert list(tmp_path.iterdir()) == []
    assert_unchanged(warehouse, truth)


@pytest.mark.parametrize(
    "name",
    [
        "../schema/01_reference",
        "../queries/events_list",
        "events; drop table x",
        "events_list.sql",
        "events_list ",
        "EVENTS_LIST",
        "",
        "/etc/passwd",
    ],
)
def test_only_named_queries_can_run(name: str) -> None:
    with pytest.raises(db.WarehouseError, match="unknown query"):
        db.query_sql(name)
