"""Incremental builds reuse per-file checks keyed by name and content, and never serve a
stale record."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from etl.build import build
from etl.cache import cache_path
from etl.errors import ValidationFailed
from warehouse.db import connect, run_sql


def _city(db: Path, event_id: str) -> str | None:
    con = connect(db)
    try:
        frame = run_sql(con, "select city from events where event_id = $id", {"id": event_id})
    finally:
        con.close()
    value: str | None = frame.item()
    return value


def _rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    con = connect(db)
    try:
        tables = run_sql(
            con,
            "select table_name from information_schema.tables "
            "where table_catalog = 'warehouse' and table_name <> 'load_runs'",
        )["table_name"].to_list()
        return {t: sorted(map(repr, run_sql(con, f"select * from {t}").rows())) for t in tables}
    finally:
        con.close()


def test_unchanged_files_are_reused_and_a_changed_one_is_rechecked(
    mini_copy: Path, tmp_path: Path
) -> None:
    db = tmp_path / "w.duckdb"
    first = build(mini_copy, db)
    assert first.n_reused == 0
    record = next((mini_copy / "events").glob("*.yaml"))
    event_id = record.stem
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("city:", "city: Edited City  #", 1), encoding="utf-8")
    second = build(mini_copy, db)
    assert second.n_reused == first.n_files - 1
    assert _city(db, event_id) == "Edited City"
    assert second.data_version != first.data_version


def test_incremental_and_full_builds_give_the_same_rows(mini_copy: Path, tmp_path: Path) -> None:
    incremental, full = tmp_path / "inc.duckdb", tmp_path / "full.duckdb"
    build(mini_copy, incremental)
    record = next((mini_copy / "events").glob("*.yaml"))
    record.write_text(record.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    report = build(mini_copy, incremental)
    assert report.n_reused == report.n_files - 1
    build(mini_copy, full, incremental=False)
    assert _rows(incremental) == _rows(full)


def test_a_cached_file_that_becomes_invalid_is_reported(mini_copy: Path, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    build(mini_copy, db)
    before = db.read_bytes()
    record = sorted((mini_copy / "events").glob("*.yaml"))[0]
    record.write_text(
        record.read_text(encoding="utf-8").replace("status: held", "status: helt", 1),
        encoding="utf-8",
    )
    with pytest.raises(ValidationFailed, match=r"status: unknown code .*'held'"):
        build(mini_copy, db)
    assert db.read_bytes() == before


def test_a_taxonomy_change_invalidates_every_cached_result(mini_copy: Path, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    build(mini_copy, db)
    taxonomy = mini_copy / "taxonomy.yaml"
    taxonomy.write_text(taxonomy.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert build(mini_copy, db).n_reused == 0


def test_a_renamed_file_is_checked_again(mini_copy: Path, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    build(mini_copy, db)
    record = sorted((mini_copy / "events").glob("*.yaml"))[0]
    record.rename(record.with_name("fixture-renamed.yaml"))
    with pytest.raises(ValidationFailed, match="id differs from the file name"):
        build(mini_copy, db)


class _Planted:
    """A pickle that creates a file when it is unpickled: the old cache format would run it."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (Path.touch, (str(self.marker),))  # type: ignore[return-value]


@pytest.mark.parametrize(
    "junk",
    [
        b"",
        b"not json",
        b"[]",
        json.dumps({"salt": "other salt", "warehouse": [], "entries": []}).encode(),
        json.dumps({"salt": None, "entries": [{"file": 1}]}).encode(),
        "pickle",
    ],
)
def test_an_unreadable_or_foreign_cache_is_ignored(
    mini_copy: Path, tmp_path: Path, junk: bytes | str
) -> None:
    db = tmp_path / "w.duckdb"
    build(mini_copy, db)
    marker = tmp_path / "code-ran"
    cache_path(db).write_bytes(pickle.dumps(_Planted(marker)) if junk == "pickle" else junk)
    report = build(mini_copy, db)
    assert report.n_reused == 0
    assert report.n_events == 5
    assert not marker.exists()


def test_the_cache_is_plain_json(mini_copy: Path, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    build(mini_copy, db)
    stored = json.loads(cache_path(db).read_text(encoding="utf-8"))
    assert {e["record_type"] for e in stored["entries"]} == {"events"}
    assert len(stored["entries"]) == 5


def test_incremental_build_with_documents_matches_a_full_build(
    tmp_path: Path, real_data_dir: Path
) -> None:
    import shutil

    data = Path(shutil.copytree(real_data_dir, tmp_path / "data"))
    incremental, full = tmp_path / "inc.duckdb", tmp_path / "full.duckdb"
    build(data, incremental)
    record = data / "events" / "env-committee-2023-09-27.yaml"
    record.write_text(record.read_text(encoding="utf-8") + "# touched\n", encoding="utf-8")
    report = build(data, incremental)
    assert report.n_reused == report.n_files - 1
    build(data, full, incremental=False)
    assert _rows(incremental) == _rows(full)


def test_incremental_build_after_a_report_changes_matches_a_full_build(
    tmp_path: Path, real_data_dir: Path
) -> None:
    import shutil

    data = Path(shutil.copytree(real_data_dir, tmp_path / "data"))
    incremental, full = tmp_path / "inc.duckdb", tmp_path / "full.duckdb"
    build(data, incremental)
    record = data / "reports" / "ftc-2021-05-18-statement.yaml"
    record.write_text(record.read_text(encoding="utf-8") + "# touched\n", encoding="utf-8")
    report = build(data, incremental)
    assert report.n_reused == report.n_files - 1
    build(data, full, incremental=False)
    assert _rows(incremental) == _rows(full)
