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

import duckdb
import polars as pl

from etl.cache import CheckCache, cache_path, salt
from etl.documents import read_documents
from etl.errors import BuildLocked, EtlError, ValidationFailed
from etl.normalise import SCHEMAS, event_frames, taxonomy_frames
from etl.search import SEARCH_SCHEMAS, search_frames
from etl.validate import ValidationResult, validate_dir
from warehouse.db import derived_statements, mart_statements, schema_statements

LOAD_ORDER = tuple(SCHEMAS)
REFERENCE_TABLES = ("parties", "bodies", "topic_groups", "topics", "codes")
EVENT_TABLES = tuple(t for t in SCHEMAS if t not in REFERENCE_TABLES)
SEARCH_TABLES = tuple(SEARCH_SCHEMAS)
EVENT_ROWS = {
    **{table: "event_id" for table in EVENT_TABLES},
    "search_docs": "event_id",
    "search_terms": "doc_key",  # an event's index rows are keyed by its id
    "event_documents": "event_id",
    "event_passages": "event_id",
}
"""Tables whose rows belong to one event, and the column naming it: what an incremental
build copies from the previous warehouse for unchanged events."""


def input_files(data_dir: Path) -> list[Path]:
    """Every file whose content defines the warehouse: taxonomy, events, documents."""
    files = [data_dir / "taxonomy.yaml", *sorted((data_dir / "events").glob("*.yaml"))]
    documents = data_dir / "documents"
    if documents.is_dir():
        files += sorted(p for p in documents.rglob("*") if p.is_file())
    return files


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
    row_counts: dict[str, int]
    validation: ValidationResult
    n_reused: int = 0


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
                "wait for it to finish or run the build again with --wait"
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
        with duckdb.connect(str(target), read_only=True) as con:
            runs: pl.DataFrame = con.sql("select * from load_runs order by run_id").pl()
            return runs
    except duckdb.Error:
        return None


def write_warehouse(
    path: Path,
    frames: dict[str, pl.DataFrame],
    runs: pl.DataFrame,
    *,
    reuse_from: Path | None = None,
    reuse_ids: Sequence[str] = (),
) -> None:
    """Create every table and mart in a fresh file at ``path`` and bulk-load the frames.

    With ``reuse_from``, the rows of the events ``reuse_ids`` are first copied, table by
    table, from that earlier warehouse (built by the same code from the same bytes).
    """
    with duckdb.connect(str(path)) as con:
        for ddl in schema_statements():
            con.execute(ddl)
        if reuse_from is not None and reuse_ids:
            con.register(
                "kept_ids",
                pl.DataFrame({"event_id": list(reuse_ids)}, schema={"event_id": pl.String}),
            )
            con.execute("create temp table kept as select event_id from kept_ids")
            con.execute("attach $path as previous (read_only)", {"path": str(reuse_from)})
            for table, column in EVENT_ROWS.items():  # names from code, never from input
                con.execute(
                    f"insert into {table} by name select * from previous.{table} "
                    f"where {column} in (select event_id from kept)"
                )
            con.execute("detach previous")
        for table in (*LOAD_ORDER, *SEARCH_TABLES):
            con.register("frame", frames[table])
            con.execute(f"insert into {table} by name select * from frame")  # names from code
            con.unregister("frame")
        con.execute("insert into load_runs by name select * from runs")
        for derived in derived_statements():
            con.execute(derived)
        for view in mart_statements():
            con.execute(view)
        con.execute("checkpoint")


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
        result = validate_dir(
            data_dir,
            display_root=display_root,
            store=checks if incremental else None,
            workers=workers,
        )
        if not result.ok or result.taxonomy is None:
            raise ValidationFailed(list(result.problems))
        version = data_version(data_dir, known={r.path: r.digest for r in result.files})
        # Every file in documents/ is read, so one the ingest cannot take (a .docx, say) is
        # refused by name instead of silently skipped; hidden files are the system's.
        folder = data_dir / "documents"
        files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
        documents, bad_documents = read_documents(files, root=data_dir.parent)
        if bad_documents:
            raise EtlError("\n".join(str(e) for e in bad_documents) + "\nnothing written")
        frames = {
            **taxonomy_frames(result.taxonomy),
            **event_frames(result.events),
            **search_frames(documents, result.events),
        }
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
                    "status": "succeeded",
                }
            ],
            schema={
                "run_id": pl.Int32,
                "started_at": pl.Datetime("us"),
                "finished_at": pl.Datetime("us"),
                "data_version": pl.String,
                "n_files": pl.Int32,
                "n_events": pl.Int32,
                "status": pl.String,
            },
        )
        runs = run if previous is None else pl.concat([previous.cast(run.schema), run])
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        reused = result.reused_ids
        try:
            write_warehouse(
                tmp, frames, runs, reuse_from=target if reused else None, reuse_ids=reused
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
        row_counts=_row_counts(target),
        validation=result,
        n_reused=len(reused),
    )


def _row_counts(db: Path) -> dict[str, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {
            table: int(con.sql(f"select count(*) from {table}").fetchall()[0][0])  # from SCHEMAS
            for table in (*LOAD_ORDER, *SEARCH_TABLES)
        }


def _remove_stale_temporaries(target: Path) -> None:
    """Files a killed build left beside the target (only builds write them, and this one
    holds the lock, so none is in use)."""
    for stale in target.parent.glob(f".{target.name}.*.tmp*"):
        stale.unlink(missing_ok=True)
