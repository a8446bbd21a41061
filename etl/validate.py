"""Validate a data folder in one pass: every record of every type in the registry
(``etl.recordtypes``) against its contract and the taxonomy, then the checks that need the
whole set (duplicate ids, references between records).

Every problem is collected (never only the first) and located as
``data/<folder>/<file>.yaml:<line>: <field>: <what is wrong> (expected ..., found ...)``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any, Protocol

from etl.checking import (
    MAX_RECORD_BYTES,
    MAX_TEXT_CHARS,
    MAX_TITLE_CHARS,
    ParsedFile,
    Reference,
    _too_large,
    decode,
    parse_partial_date,
    parse_record_bytes,
    read_record_file,
)
from etl.errors import Problem
from etl.inputs import STATED_COUNTS, TAXONOMY, check_layout, record_files
from etl.records import Event
from etl.recordtypes import BY_NAME, EVENTS, RECORD_TYPES, RecordType
from etl.recordtypes.events import KNOWN_FIELDS
from etl.statedcounts import StatedCount, read_stated_counts
from etl.taxonomy import Taxonomy, parse_taxonomy
from etl.yamlio import Document

__all__ = [
    "KNOWN_FIELDS",
    "MAX_RECORD_BYTES",
    "MAX_TEXT_CHARS",
    "MAX_TITLE_CHARS",
    "FileResult",
    "ParsedFile",
    "ValidationResult",
    "check_bytes",
    "decode",
    "parse_partial_date",
    "parse_record_bytes",
    "read_record_file",
    "validate_dir",
]


@dataclass(frozen=True)
class FileResult:
    """What checking one record file on its own found; reusable while its bytes, its name,
    the taxonomy and the ETL code stay the same.

    ``record`` is the typed record when the file was checked in this run; a result reused from
    an earlier build keeps only ``record_id`` (its rows are then copied from that build's
    warehouse) and what the cross-file checks need.
    """

    path: Path
    file: str
    digest: str
    record_type: str
    record: Any | None
    problems: tuple[Problem, ...]
    written_id: str | None
    id_line: int = 1
    record_id: str | None = None
    references: tuple[Reference, ...] = ()
    reused: bool = False
    """The result came from an earlier build (its rows are copied from that warehouse)."""

    def without_record(self) -> FileResult:
        """The part worth keeping between builds (the record's rows live in the warehouse)."""
        return replace(self, record=None)


@dataclass(frozen=True, slots=True)
class ValidationResult:
    """Everything one validation pass learnt: the typed records and every problem."""

    taxonomy: Taxonomy | None
    records: dict[str, tuple[Any, ...]]
    """Record type name → the records checked in this run (all of them unless earlier
    results were reused)."""
    problems: tuple[Problem, ...]
    n_files: int
    files: tuple[FileResult, ...] = field(default=())
    stated_counts: tuple[StatedCount, ...] = ()
    """The counts of ``stated-counts.yaml`` (none when the file is absent or has an error)."""

    @property
    def events(self) -> tuple[Event, ...]:
        return self.records.get(EVENTS.name, ())

    def ids(self, record_type: str) -> list[str]:
        """Every valid record of one type, checked now or reused."""
        return [
            r.record_id
            for r in self.files
            if r.record_type == record_type and r.record_id is not None
        ]

    def reused_ids(self, record_type: str) -> list[str]:
        """Valid records of one type whose results came from an earlier build."""
        return [
            r.record_id
            for r in self.files
            if r.record_type == record_type and r.record_id is not None and r.reused
        ]

    @property
    def event_ids(self) -> list[str]:
        return self.ids(EVENTS.name)

    @property
    def n_reused(self) -> int:
        return sum(len(self.reused_ids(rt.name)) for rt in RECORD_TYPES)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.is_warning]

    @property
    def ok(self) -> bool:
        return not self.errors


def display_path(path: Path, data_dir: Path, display_root: str) -> str:
    return f"{display_root}/{path.relative_to(data_dir).as_posix()}"


def digest_of(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _written_id(document: Document | None) -> str | None:
    data = document.data if document is not None else None
    value = data.get("id") if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


def check_bytes(
    path: Path,
    display: str,
    raw: bytes,
    taxonomy: Taxonomy,
    record_type: RecordType = EVENTS,
    *,
    today: dt.date | None = None,
) -> FileResult:
    """Check one record file's bytes on its own (the cross-file checks come after)."""
    try:
        return _check_bytes(path, display, raw, taxonomy, record_type, today)
    except RecursionError:
        problem = Problem(
            display,
            1,
            "file",
            "nested too deeply (expected a record of fields "
            "and short lists, found deeply nested values)",
        )
        return FileResult(path, display, digest_of(raw), record_type.name, None, (problem,), None)


def _check_bytes(
    path: Path,
    display: str,
    raw: bytes,
    taxonomy: Taxonomy,
    record_type: RecordType,
    today: dt.date | None,
) -> FileResult:
    parsed = parse_record_bytes(raw, display, path.stem)
    if parsed.problem is not None:
        return FileResult(
            path, display, digest_of(raw), record_type.name, None, parsed.problems, None
        )
    document = parsed.document
    assert document is not None
    checker = record_type.checker(parsed, taxonomy, today=today)
    record = checker.check()
    return FileResult(
        path,
        display,
        digest_of(raw),
        record_type.name,
        record,
        tuple(checker.problems),
        _written_id(document),
        document.line_of(("id",)),
        record.id if record is not None else None,
        tuple(checker.references) if record is not None else (),
    )


Item = tuple[Path, str, str]
"""A file to check: path, name shown in problems, record type name. The checker reads the
bytes itself, so the files waiting to be checked are never all held in memory at once."""


def _check_chunk(chunk: list[Item], taxonomy: Taxonomy, today: dt.date) -> list[FileResult]:
    return [
        check_bytes(path, display, path.read_bytes(), taxonomy, BY_NAME[kind], today=today)
        for path, display, kind in chunk
    ]


PARALLEL_MIN_FILES = 2000
"""Below this many files to check, a process pool costs more than it saves."""
CHUNK_FILES = 1000
"""Files checked per task. Each chunk's typed records are handed over (and can be turned into
compact frames and dropped) before more are made, so memory stays bounded by a few chunks."""


def check_files(
    items: Sequence[Item],
    taxonomy: Taxonomy,
    *,
    workers: int | None = None,
    today: dt.date | None = None,
) -> Iterator[list[FileResult]]:
    """Check many files, chunk by chunk in order, in parallel processes when there are enough
    of them; at most two chunks per worker are in flight."""
    day = today or dt.date.today()
    n_workers = workers if workers is not None else (os.cpu_count() or 1)
    chunks = [list(items[i : i + CHUNK_FILES]) for i in range(0, len(items), CHUNK_FILES)]
    if n_workers <= 1 or len(items) < PARALLEL_MIN_FILES:
        for chunk in chunks:
            yield _check_chunk(chunk, taxonomy, day)
        return
    # fork: workers need no re-import of __main__ (which may be stdin or a notebook) and only
    # run the pure-Python checks, none of the threaded libraries the parent may have loaded.
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=n_workers, mp_context=context) as pool:
        pending: deque[Future[list[FileResult]]] = deque()
        waiting = iter(chunks)
        for chunk in waiting:
            pending.append(pool.submit(_check_chunk, chunk, taxonomy, day))
            if len(pending) >= 2 * n_workers:
                break
        while pending:
            done = pending.popleft().result()
            following = next(waiting, None)
            if following is not None:
                pending.append(pool.submit(_check_chunk, following, taxonomy, day))
            yield done


def _duplicates(results: Sequence[FileResult]) -> tuple[list[Problem], dict[str, str]]:
    """Duplicate ids among one type's files, and every id written there → its file.

    Duplicates are sought among the ids as written in every parsed file, not among the valid
    records only: a copied record whose id was left unchanged is invalid (its id differs from
    its file name), never becomes a record, and would otherwise never be reported as a
    duplicate. The file named after the id claims it first, so the copy is the one reported.
    """
    problems: list[Problem] = []
    first_seen: dict[str, str] = {}
    written = sorted(
        (r for r in results if r.written_id is not None),
        key=lambda r: PurePosixPath(r.file).stem != r.written_id,
    )
    for result in written:
        record_id = result.written_id
        assert record_id is not None
        if record_id in first_seen:
            problems.append(
                Problem(
                    result.file,
                    result.id_line,
                    "id",
                    f"duplicate id (expected a unique id, found {record_id!r}, "
                    f"already used by {first_seen[record_id]})",
                )
            )
        else:
            first_seen[record_id] = result.file
    return problems, first_seen


def cross_check(results: Sequence[FileResult]) -> list[Problem]:
    """Problems that need the whole set: duplicate ids within each record type, and
    references to records that are not in the set (warnings: links are kept)."""
    problems: list[Problem] = []
    known: dict[str, dict[str, str]] = {}
    for record_type in RECORD_TYPES:
        found, known[record_type.name] = _duplicates(
            [r for r in results if r.record_type == record_type.name]
        )
        problems += found
    for result in results:
        for ref in result.references:
            if ref.record_id not in known.get(ref.record_type, {}):
                noun = BY_NAME[ref.record_type].noun
                article = "an" if noun[0] in "aeiou" else "a"
                problems.append(
                    Problem(
                        result.file,
                        ref.line,
                        ref.field,
                        f"names {article} {noun} not in the data set (found {ref.record_id!r})"
                        "; kept as a link",
                        is_warning=True,
                    )
                )
    return problems


class ResultStore(Protocol):
    """Where earlier per-file results are kept between runs (see etl.cache)."""

    def get(self, file: str, digest: str) -> FileResult | None: ...


def read_taxonomy(data_dir: Path, root: str) -> tuple[Taxonomy | None, list[Problem]]:
    tax_display = display_path(data_dir / TAXONOMY, data_dir, root)
    tax_file = read_record_file(data_dir / TAXONOMY, tax_display)
    if tax_file.problem is not None:
        return None, list(tax_file.problems)
    assert tax_file.document is not None
    return parse_taxonomy(tax_file.document, tax_display)


def validate_dir(
    data_dir: Path,
    *,
    display_root: str | None = None,
    store: ResultStore | None = None,
    workers: int | None = None,
    today: dt.date | None = None,
    consume: Callable[[str, list[Any]], None] | None = None,
) -> ValidationResult:
    """Validate a folder laid out like ``data/``: all problems, in one pass.

    Files whose bytes ``store`` has already checked (under the same name) are not parsed again.
    With ``consume``, the typed records are handed to it (record type name, records of one
    chunk of files, in file order) as they are checked, and not kept in the result.
    """
    check_layout(data_dir)
    root = display_root if display_root is not None else data_dir.as_posix().rstrip("/")
    taxonomy, problems = read_taxonomy(data_dir, root)
    if taxonomy is None:
        return ValidationResult(None, {}, tuple(problems), 0)
    results: dict[int, FileResult] = {}
    to_check: list[tuple[int, Item]] = []
    stray_problems: list[Problem] = []
    i = 0
    for record_type in RECORD_TYPES:
        paths, stray = record_files(data_dir, record_type)
        stray_problems += [
            Problem(display_path(s.path, data_dir, root), 1, "file", s.reason) for s in stray
        ]
        for path in paths:
            i += 1
            display = display_path(path, data_dir, root)
            size = path.stat().st_size
            if size > MAX_RECORD_BYTES:
                results[i] = FileResult(
                    path, display, "", record_type.name, None, (_too_large(display, size),), None
                )
                continue
            cached = store.get(display, digest_of(path.read_bytes())) if store is not None else None
            if cached is not None and cached.record_type == record_type.name:
                results[i] = replace(cached, path=path, reused=True)
            else:
                to_check.append((i, (path, display, record_type.name)))
    # Records are handed over in id order within each type (a file's stem is its record's
    # id), so a build that loads them chunk by chunk stores them sorted by id.
    type_order = {rt.name: n for n, rt in enumerate(RECORD_TYPES)}
    to_check.sort(key=lambda entry: (type_order[entry[1][2]], entry[1][0].stem))
    numbers = iter(i for i, _ in to_check)
    items = [item for _, item in to_check]
    for chunk in check_files(items, taxonomy, workers=workers, today=today):
        if consume is not None:
            for record_type in RECORD_TYPES:
                records = [
                    r.record for r in chunk if r.record_type == record_type.name and r.record
                ]
                if records:
                    consume(record_type.name, records)
            chunk = [r.without_record() for r in chunk]
        # The chunk first: zip then stops at its end without taking a number from the next.
        results.update((number, r) for r, number in zip(chunk, numbers, strict=False))
    ordered = [results[i] for i in sorted(results)]
    result = assemble(taxonomy, ordered)
    stated_path = data_dir / STATED_COUNTS
    counts, count_problems = read_stated_counts(
        stated_path, display_path(stated_path, data_dir, root), taxonomy, today=today
    )
    return replace(
        result,
        problems=(*stray_problems, *count_problems, *result.problems),
        stated_counts=counts,
    )


def assemble(taxonomy: Taxonomy, results: Sequence[FileResult]) -> ValidationResult:
    """Join per-file results with the cross-file checks into one result."""
    problems = [p for r in results for p in r.problems]
    problems.extend(cross_check(results))
    records = {
        rt.name: tuple(r.record for r in results if r.record_type == rt.name and r.record)
        for rt in RECORD_TYPES
    }
    return ValidationResult(taxonomy, records, tuple(problems), len(results), tuple(results))
