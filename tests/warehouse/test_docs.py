"""warehouse/README.md is what ``python -m warehouse.docs`` generates from the ``comment on``
statements beside the DDL, every table, view and column has a comment, and the built
warehouse carries them."""

from __future__ import annotations

from pathlib import Path

import pytest

from warehouse import docs
from warehouse.db import connect


@pytest.fixture(scope="module")
def empty() -> dict[str, docs.TableDoc]:
    with docs.empty_warehouse() as con:
        return docs.table_docs(con)


def test_readme_is_generated_from_the_comments() -> None:
    assert docs.README.read_text(encoding="utf-8") == docs.generated_readme(), (
        "run: python -m warehouse.docs"
    )


def test_every_table_and_column_is_documented(empty: dict[str, docs.TableDoc]) -> None:
    assert docs.undocumented(empty, docs.README.read_text(encoding="utf-8")) == []


def test_every_table_states_its_grain(empty: dict[str, docs.TableDoc]) -> None:
    assert [n for n, d in empty.items() if not d.description.startswith("One row per")] == []


def test_check_fails_on_a_stale_readme(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stale = tmp_path / "README.md"
    stale.write_text(
        docs.README.read_text(encoding="utf-8").replace("| event_id | the event |", "| x | y |"),
        encoding="utf-8",
    )
    monkeypatch.setattr(docs, "README", stale)
    assert docs.main(["--check"]) == 1
    assert "stale" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("comment", "description", "key"),
    [
        ("One row per event.\nkey: (event_id)", "One row per event.", ("event_id",)),
        ("One row per a × b.\nkey: (a, b)", "One row per a × b.", ("a", "b")),
        ("One row per view.", "One row per view.", None),
        (None, "", None),
    ],
)
def test_parse_comment(comment: str | None, description: str, key: tuple[str, ...] | None) -> None:
    assert docs.parse_comment(comment) == (description, key)


def test_the_built_warehouse_carries_the_comments(
    real_warehouse: Path, empty: dict[str, docs.TableDoc]
) -> None:
    con = connect(real_warehouse)
    try:
        built = docs.table_docs(con)
    finally:
        con.close()
    assert built == empty
