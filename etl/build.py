"""Write a new warehouse from validated records and swap it in atomically.

The new database is written to a temporary file beside the target and ``os.replace``-d over
it only once complete, so readers see the old file or the new one, never a half-written one,
and a failed build leaves the previous file byte-identical. A lock file beside the target
keeps two builds from racing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from etl.cache import CheckCache, cache_path, salt
from etl.documents import SourceDocument, read_documents
from etl.errors import BuildLocked, DocumentsRefused, ValidationFailed
from etl.inputs import document_files, input_files
from etl.recordtypes import BY_NAME, EVENTS, RECORD_TYPES
from etl.search import (
    SEARCH_TABLES,
    SearchIndex,
    document_frames,
    index_frames,
    link_frames,
    search_units,
)
from etl.statedcounts import TABLES as STATED_TABLES
from etl.statedcounts import stated_count_frames
from etl.tables import schema
from etl.taxonomy import REFERENCE_TABLES, Taxonomy, taxonomy_frames
from etl.validate import ValidationResult, read_taxonomy, validate_dir
from warehouse.db import (
    connect,
    connect_for_writing,
    derived_statements,
    mart_statements,
    schema_statements,
)

LOADED_TABLES = (
    *REFERENCE_TABLES,
    *(table for rt in RECORD_TYPES for table in rt.frames([])),
    *STATED_TABLES,
    *SEARCH_TABLES,
)
"""Every table the ETL fills from frames, in load order (``load_runs`` is written apart)."""


def data_version(data_dir: Path, *, known: Mapping[Path, str] | None = None) -> str:
    """A content hash of the inputs: the same files with the same bytes give the same version.

    ``known`` maps paths to the SHA-256 hex digests the validation already computed, so those
    files are not read twice.
    """
    digest = hashlib.sha256()
    known = known or {}
    for path in input_files(data_dir):
        digest.update(path.relative_to(data_dir).as_posix().encode())
        digest.update(b"\0")
        file_digest = known.get(path) or hashlib.sha256(path.read_bytes()).hexdigest()
        digest.update(bytes.fromhex(file_digest))
    return digest.hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class BuildReport:
    db_path: Path
    data_version: str
    n_files: int
    n_events: int
    n_records: dict[str, int]
    row_counts: dict[str, int]
    validation: ValidationResult
    n_reused: int = 0


class WarehouseWriter:
    """A new warehouse file being filled: its schema first, then the rows of each chunk of
    records as validation hands the chunk over (``validate_dir(consume=writer)``), then the
    rest (:meth:`finish`). The typed records of a large build, and their frames, are never all
    held at once: each chunk goes into DuckDB and is dropped.

    Chunks come in id order (see ``validate_dir``), so a full build's rows are in the same
    order as if every record's frames had been made at once.
    """

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        documents: Sequence[SourceDocument],
        taxonomy: Taxonomy | None,
    ):
        self.con = con
        self.documents = documents
        self.taxonomy = taxonomy
        self.passages_only = SearchIndex(search_units(documents))
        for ddl in schema_statements():
            con.execute(ddl)
        # The passages come first in the search index, before any record.
        self.insert(index_frames(search_units(documents)))

    def insert(self, frames: Mapping[str, pl.DataFrame]) -> None:
        for table, frame in frames.items():
            if frame.height:
                self.con.register("frame", frame)
                self.con.execute(f"insert into {table} by name select * from frame")  # from code
                self.con.unregister("frame")

    def __call__(self, type_name: str, records: list[Any]) -> None:
        record_type = BY_NAME[type_name]
        self.insert(record_type.frames(records))
        self.insert(index_frames(search_units((), {type_name: records}, self.taxonomy)))
        if record_type is EVENTS:
            self.insert(link_frames(records, self.documents, self.passages_only))

    def finish(
        self,
        reference: Mapping[str, pl.DataFrame],
        runs: pl.DataFrame,
        *,
        reuse_from: Path | None = None,
        reuse_ids: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        """Copy the rows of the records ``reuse_ids`` (record type name → ids) from the earlier
        warehouse ``reuse_from`` (built by the same code from the same bytes), load the
        ``reference`` frames (taxonomy, stated counts), the documents and the load history,
        and build the derived tables and marts."""
        con = self.con
        reuse_ids = reuse_ids or {}
        if reuse_from is not None and any(reuse_ids.values()):
            con.execute("attach $path as previous (read_only)", {"path": str(reuse_from)})
            for record_type in RECORD_TYPES:
                _copy_rows(con, record_type.name, reuse_ids.get(record_type.name, ()))
            con.execute("detach previous")
        self.insert(reference)
        self.insert(document_frames(self.documents))
        self.insert({"load_runs": runs})
        for derived in derived_statements():
            con.execute(derived)
        for view in mart_statements():
            con.execute(view)
        con.execute("checkpoint")


@contextlib.contextmanager
def build_lock(target: Path, *, wait: bool) -> Iterator[None]:
    """Hold ``<target>.lock``; wait for it or raise :class:`BuildLocked` if ``wait`` is false."""
    lock_path = target.with_name(target.name + ".lock")
    with open(lock_path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError as exc:
            raise BuildLocked(
                f"{target}: another build is running (lock {lock_path} is held); "
                "wait for it to finish, or run the build again without --no-wait to queue behind it"
            ) from exc
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _previous_runs(target: Path) -> pl.DataFrame | None:
    """The load history of the current warehouse, if there is a readable one."""
    if not target.is_file():
        return None
    try:
        with connect(target) as con:
            runs: pl.DataFrame = con.sql("select * from load_runs order by run_id").pl()
            return runs
    except duckdb.Error:
        return None


def _copy_rows(con: duckdb.DuckDBPyConnection, type_name: str, ids: Sequence[str]) -> None:
    """Copy the rows of one record type's unchanged records from the attached ``previous``."""
    if not ids:
        return
    record_type = next(rt for rt in RECORD_TYPES if rt.name == type_name)
    con.register(
        "kept_ids", pl.DataFrame({"record_id": list(ids)}, schema={"record_id": pl.String})
    )
    con.execute("create or replace temp table kept as select record_id from kept_ids")
    con.unregister("kept_ids")
    # Table and column names come from the registry, never from input.
    for table in record_type.tables:
        con.execute(
            f"insert into {table} by name select * from previous.{table} "
            f"where {record_type.key_column} in (select record_id from kept)"
        )
    if record_type.search_kind is not None:
        for table in ("search_docs", "search_terms"):
            con.execute(
                f"insert into {table} by name select * from previous.{table} "
                "where doc_kind = $kind and doc_key in (select record_id from kept)",
                {"kind": record_type.search_kind},
            )


def build(
    data_dir: Path,
    target: Path,
    *,
    wait: bool = True,
    display_root: str | None = None,
    incremental: bool = True,
    workers: int | None = None,
) -> BuildReport:
    """Validate ``data_dir`` and, if it is clean, replace ``target`` with a new warehouse.

    With ``incremental``, files whose bytes were checked by the build that wrote ``target``
    (same name, taxonomy and ETL code) are not parsed again: their rows are copied from
    ``target``. Raises :class:`ValidationFailed` (nothing written) when any record has an error.
    """
    started = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    target.parent.mkdir(parents=True, exist_ok=True)
    with build_lock(target, wait=wait):
        _remove_stale_temporaries(target)
        checks = CheckCache(cache_path(target), salt(data_dir), target)
        # Every file in documents/ is read, so one the ingest cannot take (a .docx, say) is
        # refused by name instead of silently skipped; hidden files are the system's. They are
        # read first because records are linked to them as they are checked; bad records are
        # still reported before bad documents.
        documents, bad_documents = read_documents(document_files(data_dir), root=data_dir.parent)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        try:
            with connect_for_writing(tmp) as con:
                # Read before the records, whose search terms hold its topic labels; validation
                # reads it again and reports its problems.
                taxonomy, _ = read_taxonomy(data_dir, data_dir.as_posix())
                writer = WarehouseWriter(con, documents, taxonomy)
                result = validate_dir(
                    data_dir,
                    display_root=display_root,
                    store=checks if incremental else None,
                    workers=workers,
                    consume=writer,
                )
                if not result.ok or result.taxonomy is None:
                    raise ValidationFailed(list(result.problems))
                if bad_documents:
                    raise DocumentsRefused(bad_documents, outcome="nothing written")
                version = data_version(data_dir, known={r.path: r.digest for r in result.files})
                runs = _runs(target, started, version, result)
                reused = {rt.name: result.reused_ids(rt.name) for rt in RECORD_TYPES}
                n_reused = sum(len(ids) for ids in reused.values())
                writer.finish(
                    {
                        **taxonomy_frames(result.taxonomy),
                        **stated_count_frames(result.stated_counts),
                    },
                    runs,
                    reuse_from=target if n_reused else None,
                    reuse_ids=reused,
                )
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
            tmp.with_name(tmp.name + ".wal").unlink(missing_ok=True)
        checks.save(result.files, target)
    return BuildReport(
        db_path=target,
        data_version=version,
        n_files=result.n_files,
        n_events=len(result.event_ids),
        n_records={rt.name: len(result.ids(rt.name)) for rt in RECORD_TYPES},
        row_counts=_row_counts(target),
        validation=result,
        n_reused=n_reused,
    )


def _runs(
    target: Path, started: dt.datetime, version: str, result: ValidationResult
) -> pl.DataFrame:
    """The load history of ``target`` with this build's run added."""
    # Only builds write the warehouse, always through a temporary file, so a WAL beside the
    # target is stale; left there, it makes the previous file unreadable and loses its
    # load history.
    target.with_name(target.name + ".wal").unlink(missing_ok=True)
    previous = _previous_runs(target)
    last_run = None if previous is None else previous.select(pl.col("run_id").max()).item()
    run_id = 1 if last_run is None else int(last_run) + 1
    run = pl.DataFrame(
        [
            {
                "run_id": run_id,
                "started_at": started,
                "finished_at": dt.datetime.now(dt.UTC).replace(tzinfo=None),
                "data_version": version,
                "n_files": result.n_files,
                "n_events": len(result.event_ids),
                "n_reports": len(result.ids("reports")),
                "n_cases": len(result.ids("cases")),
                "status": "succeeded",
            }
        ],
        schema=schema("load_runs"),
    )
    # Runs written by older builds may lack newer columns: they stay null there.
    runs = run if previous is None else pl.concat([previous, run], how="diagonal_relaxed")
    return runs.select(pl.col(c).cast(t) for c, t in run.schema.items())


def _row_counts(db: Path) -> dict[str, int]:
    with connect(db) as con:
        return {
            table: int(con.sql(f"select count(*) from {table}").fetchall()[0][0])  # from code
            for table in LOADED_TABLES
        }


def _remove_stale_temporaries(target: Path) -> None:
    """Files a killed build left beside the target (only builds write them, and this one
    holds the lock, so none is in use)."""
    for stale in target.parent.glob(f".{target.name}.*.tmp*"):
        stale.unlink(missing_ok=True)
