"""Streamlit draws some text of its own, in English: a select box's "Choose an option", a
multiselect's "Select all", an empty table's "empty", a missing value's "None". Every widget
and table of dashboard/ either passes the catalogue's text or goes through the one helper
that does; these tests read the source so a new widget cannot forget."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "dashboard").rglob("*.py"))

TABLE_ALLOWED: set[str] = set()
"""Modules that may call st.dataframe directly besides components.py: none."""
SELECT_ALL_ALLOWED: set[str] = set()
"""Modules whose multiselects may keep Streamlit's English "Select all": none."""


def _calls(name: str) -> list[tuple[str, ast.Call]]:
    """Every call ``<anything>.<name>(...)`` in dashboard/, with the file it is in."""
    found = []
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == name
            ):
                found.append((str(path.relative_to(ROOT)), node))
    return found


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


@pytest.mark.parametrize("widget", ["selectbox", "multiselect"])
def test_every_choice_widget_passes_a_catalogue_placeholder(widget: str) -> None:
    calls = _calls(widget)
    assert calls
    missing = [
        f"{path}:{call.lineno}"
        for path, call in calls
        if (value := _keyword(call, "placeholder")) is None
        or (isinstance(value, ast.Constant) and isinstance(value.value, str))
    ]
    assert missing == [], "pass placeholder=t(...) (Streamlit's own is English)"


def test_every_multiselect_hides_select_all() -> None:
    # Streamlit 1.67 hard-codes "Select all" / "Select N matches" in its frontend bundle
    # (static/static/js/Multiselect.*.js): it cannot be translated, only turned off.
    shown = [
        f"{path}:{call.lineno}"
        for path, call in _calls("multiselect")
        if path not in SELECT_ALL_ALLOWED
        and not (
            isinstance(value := _keyword(call, "select_all"), ast.Constant) and value.value is False
        )
    ]
    assert shown == []


def test_tables_go_through_components_table() -> None:
    direct = sorted(
        f"{path}:{call.lineno}"
        for path, call in _calls("dataframe")
        if path not in TABLE_ALLOWED | {"dashboard/ui/components.py"}
    )
    assert direct == [], "draw tables with components.table (translated empty state)"


def _table_app() -> None:
    import polars as pl

    from dashboard.state.context import PageContext
    from dashboard.ui import components

    ctx = PageContext(lang="fr", labels=None, options=None, filters=None)  # type: ignore[arg-type]
    components.table(ctx, pl.DataFrame({"title": []}, schema={"title": pl.String}))
    components.table(ctx, pl.DataFrame({"title": ["a", None]}))


def test_an_empty_table_is_said_in_words() -> None:
    at = AppTest.from_function(_table_app).run()
    assert not at.exception
    assert [c.value for c in at.caption] == ["Aucun résultat"]
    assert len(at.dataframe) == 1
    assert at.dataframe[0].proto.placeholder == "—"
