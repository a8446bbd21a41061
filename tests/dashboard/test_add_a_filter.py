"""Adding a filter by the recipe of docs/filters.md, done here in a fixture: a filter of
events by format (in person, virtual, hybrid), on a mini warehouse built with it.

The recipe's edits, made for this module only: a field of ``Filters`` (a subclass here), an
entry of ``REGISTRY`` and a predicate in ``warehouse/macros/filtered_events.sql`` (a copy
here, from which the warehouse is built). Nothing else changes: the URL, the SQL binding, the
cache keys and the reports read the registry, and the filter's label (``format``) and the
labels of its codes (list ``formats``) are in the catalogue already.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from dashboard import data
from dashboard.i18n import t
from dashboard.state import filters as registry
from dashboard.state.filters import Filter, Filters, Notice, describe, parse_url, sql_struct, to_url
from etl.build import build
from warehouse import db

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini"


@dataclass(frozen=True, slots=True)
class WithFormats(Filters):
    """Step 1: the field of ``Filters`` (in dashboard/state/filters.py for real)."""

    formats: tuple[str, ...] = ()


FORMATS = Filter("formats", "format", "format", "formats")
"""Step 2: the registry entry. Its choices are the warehouse's code list ``formats``."""

PREDICATE = """
    -- predicate: formats
    and (
        len(struct_extract(f, 'formats')) = 0
        or list_contains(struct_extract(f, 'formats'), format)
    )"""
"""Step 3: the predicate, appended to the macro."""


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("add_a_filter")
    macros = Path(shutil.copytree(db.MACROS_DIR, root / "macros"))
    macro = macros / f"{registry.MACRO}.sql"
    sql = macro.read_text(encoding="utf-8")
    macro.write_text(sql.rstrip().removesuffix(";") + PREDICATE + ";\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(registry, "Filters", WithFormats)
        mp.setattr(registry, "REGISTRY", (*registry.REGISTRY, FORMATS))
        mp.setattr(db, "MACROS_DIR", macros)
        path = root / "mini.duckdb"
        build(MINI, path)
        mp.setenv(db.DB_ENV, str(path))
        yield path


def _events() -> list[dict[str, object]]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in MINI.glob("events/*.yaml")]


def test_the_new_predicate_is_the_filters_own(warehouse: Path) -> None:
    assert "formats" in db.macro_predicates(registry.MACRO)
    assert "struct_extract(f, 'formats')" in FORMATS.predicate
    assert sql_struct(WithFormats(formats=("virtual",)))["formats"] == ["virtual"]


def test_the_url_value_is_parsed_against_the_warehouse_codes(warehouse: Path) -> None:
    options = data.options()
    assert FORMATS.choices(options) == ("in_person", "virtual", "hybrid", "unknown")
    filters, notices = parse_url({"format": "virtual,hybrid,teleport"}, options)
    assert filters == WithFormats(formats=("virtual", "hybrid"))
    assert notices == [Notice("format", "teleport", "unknown")]
    assert to_url(filters) == {"format": "virtual,hybrid"}
    assert parse_url(to_url(filters), options) == (filters, [])


@pytest.mark.parametrize(
    "formats", [(), ("in_person",), ("virtual", "hybrid"), ("unknown",)], ids=str
)
def test_the_predicate_chooses_the_events_of_those_formats(
    warehouse: Path, formats: tuple[str, ...]
) -> None:
    chosen = WithFormats(formats=formats, statuses=data.options().statuses)
    ids = data.filtered("filtered_event_ids", chosen)["event_id"].to_list()
    expected = [e["id"] for e in _events() if not formats or e["format"] in formats]
    assert sorted(ids) == sorted(expected)
    assert expected, "each choice here selects some fixture event"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ("Format", "Virtual, Hybrid")),
        ("es", ("Formato", "Virtual, Híbrido")),
        ("fr", ("Format", "Virtuel, Hybride")),
    ],
)
def test_a_report_describes_it(warehouse: Path, lang: str, expected: tuple[str, str]) -> None:
    def words(filters: Filters) -> list[tuple[str, str]]:
        return describe(filters, label=lambda key: t(key, lang), name=data.labels(lang))

    assert expected in words(WithFormats(formats=("virtual", "hybrid")))
    assert expected[0] not in dict(words(WithFormats())), "a filter at its default says nothing"
