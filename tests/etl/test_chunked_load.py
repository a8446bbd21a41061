"""A build loads its records a chunk at a time (etl.build.WarehouseWriter), so a large build
never holds every typed record at once: the tables must hold the rows, in the order, that
frames made from all the records at once would give (record tables in id order; the search
tables' rows, which the one-pass index kept in file order, compared as sets)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from etl import validate
from etl.build import LOADED_TABLES, build
from etl.documents import read_documents
from etl.inputs import document_files
from etl.recordtypes import RECORD_TYPES
from etl.search import SEARCH_TABLES, search_frames
from etl.statedcounts import stated_count_frames
from etl.taxonomy import taxonomy_frames
from warehouse.db import schema_statements


@pytest.mark.parametrize("workers", [1, 2], ids=["in-process", "two-processes"])
def test_rows_loaded_chunk_by_chunk_equal_rows_made_at_once(
    real_data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    documents, bad = read_documents(document_files(real_data_dir), root=real_data_dir.parent)
    assert not bad
    at_once = validate.validate_dir(real_data_dir)
    assert at_once.taxonomy is not None
    frames = {
        **taxonomy_frames(at_once.taxonomy),
        **stated_count_frames(at_once.stated_counts),
        **search_frames(documents, at_once.records, at_once.taxonomy),
    }
    for record_type in RECORD_TYPES:
        frames.update(record_type.frames(at_once.records.get(record_type.name, ())))
    expected = duckdb.connect(":memory:")
    for ddl in schema_statements():
        expected.execute(ddl)
    for table in LOADED_TABLES:
        expected.register("frame", frames[table])
        expected.execute(f"insert into {table} by name select * from frame")
        expected.unregister("frame")

    monkeypatch.setattr(validate, "CHUNK_FILES", 7)
    monkeypatch.setattr(validate, "PARALLEL_MIN_FILES", 10)
    db = tmp_path / "chunked.duckdb"
    build(real_data_dir, db, incremental=False, workers=workers)
    with duckdb.connect(str(db), read_only=True) as got:
        for table in LOADED_TABLES:
            want = expected.sql(f"select * from {table}").fetchall()
            rows = got.sql(f"select * from {table}").fetchall()
            assert want or table in ("event_documents", "event_passages"), table
            if table in SEARCH_TABLES:
                assert sorted(rows, key=repr) == sorted(want, key=repr), table
            else:
                assert rows == want, table
