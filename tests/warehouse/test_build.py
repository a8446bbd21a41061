"""Building the warehouse: what it loads, and how it swaps files in.

Row counts are checked against counts made here from the YAML files with plain
``yaml.safe_load``, independently of the ETL's own reading.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import polars as pl
import pytest
import yaml
from polars.testing import assert_frame_equal

from etl.__main__ import main
from etl.build import build, build_lock, data_version
from etl.errors import BuildLocked, ValidationFailed
from tests.conftest import copy_of
from warehouse.db import DEFAULT_DB, connect, db_path, run_sql

LABELLED_LISTS = ("mechanisms", "case_steps", "sectors", "case_statuses")
LOADED_TABLES = (
    "parties",
    "bodies",
    "topic_groups",
    "topics",
    "codes",
    "code_labels",
    "events",
    "event_topics",
    "event_treaty_refs",
    "event_links",
    "participants",
    "panels",
    "panel_topics",
    "outcomes",
    "outcome_topics",
    "sources",
)

BROKEN_RECORD = 'id: fixture-broken\nbody: nowhere\nnotes: "Test fixture, not a real event."\n'

# What a build leaves beside the warehouse: the file itself, the build lock and the per-file
# check cache of incremental builds (etl/cache.py); never a temporary file or a WAL.
SIDE_FILES = ["tmec.duckdb", "tmec.duckdb.checks.json", "tmec.duckdb.lock"]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    con = connect(path)
    try:
        return run_sql(con, sql).rows()
    finally:
        con.close()


def year_of(start: Any) -> int:
    """safe_load gives a date for 2023-09-21, a str for "2024-05" or "2024", an int for 2024."""
    return start.year if isinstance(start, dt.date) else int(str(start)[:4])


# --- counts on the real data ---


@pytest.fixture(scope="module")
def records(real_data_dir: Path) -> list[dict[str, Any]]:
    files = sorted((real_data_dir / "events").glob("*.yaml"))
    return [yaml.safe_load(f.read_text(encoding="utf-8")) for f in files]


@pytest.fixture(scope="module")
def taxonomy(real_data_dir: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(
        (real_data_dir / "taxonomy.yaml").read_text(encoding="utf-8")
    )
    return loaded


@pytest.fixture(scope="module")
def real_con(real_warehouse: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    con = connect(real_warehouse)
    yield con
    con.close()


def expected_counts(records: list[dict[str, Any]], taxonomy: dict[str, Any]) -> dict[str, int]:
    def total(key: str) -> int:
        return sum(len(r.get(key) or []) for r in records)

    def distinct(key: str) -> int:
        return sum(len(set(r.get(key) or [])) for r in records)

    def nested(key: str, child: str) -> int:
        return sum(len(item.get(child) or []) for r in records for item in r.get(key) or [])

    return {
        "parties": len(taxonomy["parties"]),
        "bodies": len(taxonomy["bodies"]),
        "topic_groups": len(taxonomy["topic_groups"]),
        "topics": len(taxonomy["topics"]),
        "codes": sum(len(v) for v in taxonomy.values() if isinstance(v, list))
        + sum(len(taxonomy[name]) for name in LABELLED_LISTS),
        "code_labels": sum(len(taxonomy[name]) for name in LABELLED_LISTS),
        "events": len(records),
        "event_topics": total("topics"),
        "event_treaty_refs": distinct("treaty_refs"),
        "event_links": distinct("related"),
        "participants": total("participants"),
        "panels": total("panels"),
        "panel_topics": nested("panels", "topics"),
        "outcomes": total("outcomes"),
        "outcome_topics": nested("outcomes", "topics"),
        "sources": total("sources"),
    }


@pytest.mark.parametrize("table", LOADED_TABLES)
def test_table_has_one_row_per_yaml_item(
    table: str,
    real_con: duckdb.DuckDBPyConnection,
    records: list[dict[str, Any]],
    taxonomy: dict[str, Any],
) -> None:
    n = run_sql(real_con, f"select count(*) as n from {table}").item()
    assert n == expected_counts(records, taxonomy)[table]
    assert n > 0


def test_events_per_body_match_the_yaml(
    real_con: duckdb.DuckDBPyConnection, records: list[dict[str, Any]]
) -> None:
    loaded = run_sql(real_con, "select body_code, count(*) from events group by all").rows()
    assert dict(loaded) == Counter(r["body"] for r in records)


def test_events_per_year_match_the_yaml(
    real_con: duckdb.DuckDBPyConnection, records: list[dict[str, Any]]
) -> None:
    loaded = run_sql(real_con, "select year, count(*) from events group by all").rows()
    assert dict(loaded) == Counter(year_of(r["start_date"]) for r in records)


def test_events_per_topic_match_the_yaml(
    real_con: duckdb.DuckDBPyConnection, records: list[dict[str, Any]]
) -> None:
    loaded = run_sql(real_con, "select topic_code, count(*) from event_topics group by all").rows()
    assert dict(loaded) == Counter(t for r in records for t in r.get("topics") or [])


def test_date_precision_matches_how_the_date_was_written(
    real_con: duckdb.DuckDBPyConnection, records: list[dict[str, Any]]
) -> None:
    def precision(start: Any) -> str:
        if isinstance(start, dt.date):
            return "day"
        return "month" if len(str(start)) == 7 else "year"

    loaded = run_sql(real_con, "select date_precision, count(*) from events group by all").rows()
    expected = Counter(precision(r["start_date"]) for r in records)
    assert dict(loaded) == expected
    assert set(expected) == {"day", "month", "year"}  # the real data has all three


# --- atomic swap ---


def test_failed_validation_leaves_the_warehouse_byte_identical(
    mini_copy: Path, tmp_path: Path
) -> None:
    target = tmp_path / "wh" / "tmec.duckdb"
    build(mini_copy, target)
    before = sha256(target)
    (mini_copy / "events" / "fixture-broken.yaml").write_text(BROKEN_RECORD, encoding="utf-8")
    with pytest.raises(ValidationFailed) as raised:
        build(mini_copy, target)
    assert any(p.file.endswith("events/fixture-broken.yaml") for p in raised.value.problems)
    assert sha256(target) == before
    assert sorted(p.name for p in target.parent.iterdir()) == SIDE_FILES


def test_failed_write_leaves_the_warehouse_byte_identical_and_no_temporary_file(
    mini_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "wh" / "tmec.duckdb"
    build(mini_copy, target)
    before = sha256(target)
    monkeypatch.setattr(
        "etl.build.mart_statements", lambda: ["create view broken as select * from no_such_table"]
    )
    with pytest.raises(duckdb.Error):
        build(mini_copy, target)
    assert sha256(target) == before
    assert sorted(p.name for p in target.parent.iterdir()) == SIDE_FILES


def test_stale_wal_beside_the_target_does_not_break_the_next_build(
    mini_copy: Path, tmp_path: Path
) -> None:
    target = tmp_path / "wh" / "tmec.duckdb"
    build(mini_copy, target)
    # A real WAL of another database, as a writer that died before its checkpoint leaves one.
    other = duckdb.connect(str(tmp_path / "other.duckdb"))
    other.execute("pragma disable_checkpoint_on_shutdown")
    other.execute("create table t as select 1 as a")
    stale = (tmp_path / "other.duckdb.wal").read_bytes()
    other.close()
    target.with_name("tmec.duckdb.wal").write_bytes(stale)

    build(mini_copy, target)

    assert sorted(p.name for p in target.parent.iterdir()) == SIDE_FILES
    assert rows(target, "select run_id from load_runs order by run_id") == [(1,), (2,)]
    assert rows(target, "select count(*) from events") == [(5,)]


# --- idempotence and data version ---


def snapshot(path: Path) -> dict[str, pl.DataFrame]:
    """Every table and view but load_runs, rows sorted so that load order does not matter."""
    con = connect(path)
    try:
        names = run_sql(
            con,
            "select table_name from information_schema.tables "
            "where table_catalog = 'warehouse' and table_name <> 'load_runs'",
        )["table_name"].to_list()
        frames = {name: run_sql(con, f'select * from "{name}"') for name in names}
    finally:
        con.close()
    return {name: f.sort(f.columns, nulls_last=True) for name, f in frames.items()}


def test_building_twice_gives_the_same_rows_and_one_more_load_run(
    real_data_dir: Path, real_warehouse: Path, tmp_path: Path
) -> None:
    target = copy_of(real_warehouse, tmp_path)  # the first build
    before = snapshot(target)
    [(first_version,)] = rows(target, "select data_version from load_runs")
    second = build(real_data_dir, target)
    after = snapshot(target)

    assert first_version == second.data_version
    assert set(LOADED_TABLES) <= set(before)
    assert before.keys() == after.keys()
    for name, frame in before.items():
        assert_frame_equal(frame, after[name], check_row_order=True)
    assert rows(target, "select run_id, data_version from load_runs order by run_id") == [
        (1, first_version),
        (2, first_version),
    ]


def test_data_version_depends_on_the_bytes_of_the_inputs(
    mini_copy: Path, mini_data_dir: Path, tmp_path: Path
) -> None:
    assert data_version(mini_copy) == data_version(mini_data_dir)
    target = tmp_path / "tmec.duckdb"
    first = build(mini_copy, target)
    record = mini_copy / "events" / "fixture-ftc-2024.yaml"
    record.write_text(record.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    second = build(mini_copy, target)
    assert second.data_version != first.data_version
    assert rows(target, "select data_version from load_runs order by run_id") == [
        (first.data_version,),
        (second.data_version,),
    ]


# --- where the warehouse is, and who may write it ---


def test_db_path_honours_tmec_db(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TMEC_DB", str(tmp_path / "elsewhere.duckdb"))
    assert db_path() == tmp_path / "elsewhere.duckdb"
    assert db_path(tmp_path / "given.duckdb") == tmp_path / "given.duckdb"
    monkeypatch.setenv("TMEC_DB", "")
    assert db_path() == DEFAULT_DB
    monkeypatch.delenv("TMEC_DB")
    assert db_path() == DEFAULT_DB


def test_build_without_waiting_refuses_while_the_lock_is_held(
    mini_data_dir: Path, tmp_path: Path
) -> None:
    target = tmp_path / "tmec.duckdb"
    with build_lock(target, wait=False):
        with pytest.raises(BuildLocked, match="another build is running"):
            build(mini_data_dir, target, wait=False)
        assert not target.exists()
    build(mini_data_dir, target, wait=False)
    assert target.is_file()


def test_the_lock_message_names_only_options_the_build_takes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "tmec.duckdb"
    with (
        build_lock(target, wait=False),
        pytest.raises(BuildLocked, match="again without --no-wait") as refused,
        build_lock(target, wait=False),
    ):
        pass
    with pytest.raises(SystemExit):
        main(["build", "--help"])
    options = set(re.findall(r"--[a-z][a-z-]*", capsys.readouterr().out))
    assert set(re.findall(r"--[a-z][a-z-]*", str(refused.value))) <= options


def test_the_build_opens_duckdb_only_through_warehouse_db(
    mini_data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """warehouse/db.py is the one module that opens connections (for writing too)."""
    callers: list[str] = []
    real_connect = duckdb.connect

    def spy(*args: Any, **kwargs: Any) -> duckdb.DuckDBPyConnection:
        callers.append(sys._getframe(1).f_globals["__name__"])
        return real_connect(*args, **kwargs)

    monkeypatch.setattr(duckdb, "connect", spy)
    target = tmp_path / "tmec.duckdb"
    build(mini_data_dir, target)
    build(mini_data_dir, target)  # reads the previous warehouse's history and rows too
    assert callers
    assert set(callers) == {"warehouse.db"}


# --- load history ---


def test_load_runs_count_the_reports_and_cases_loaded(
    real_data_dir: Path, real_warehouse: Path, tmp_path: Path
) -> None:
    target = copy_of(real_warehouse, tmp_path)
    n_reports = len(list((real_data_dir / "reports").glob("*.yaml")))
    n_cases = len(list((real_data_dir / "cases").glob("*.yaml")))
    assert n_cases > 0, "the real data holds cases"
    assert rows(target, "select n_reports, n_cases from load_runs") == [(n_reports, n_cases)]
    # A warehouse written before cases were counted: its runs keep a null n_cases.
    con = duckdb.connect(str(target))
    con.execute("alter table load_runs drop column n_cases")
    con.close()
    build(real_data_dir, target)
    assert rows(target, "select run_id, n_cases from load_runs order by run_id") == [
        (1, None),
        (2, n_cases),
    ]
