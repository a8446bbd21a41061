"""The registry of record types: each folder of ``data/`` whose files are records.

A record type is one entry here: its folder, the checker of its contract, the frames it loads,
the tables whose rows belong to one of its records (for incremental builds) and what it gives
to search. Validation, the build, the per-file cache and search iterate this registry and
name no record type themselves.

Adding a record type (say ``cases/``) takes:

1. its contract in ``etl/contracts.py`` (every field: required, kind, code list; sources
   are :data:`~etl.contracts.SOURCE`) and its name in ``CONTRACTS`` (``python -m etl schemas``
   then writes its JSON Schema);
2. a module ``etl/recordtypes/<name>.py`` with a :class:`~etl.checking.RecordChecker`
   subclass (its ``contract`` and ``check()``), the typed record, a ``frames`` function filling
   :class:`etl.tables.Rows` and, if it is searchable, a ``search_text`` function;
3. its tables in ``warehouse/schema/NN_<name>.sql`` (the one statement of their columns), each
   with ``comment on table`` (grain, ``key: (...)``) and ``comment on column`` statements, and
   any derived tables or queries in ``warehouse/derived`` and ``warehouse/queries``;
4. one :class:`RecordType` entry in :data:`RECORD_TYPES` below;
5. tests (bad records with their exact messages, counts against the YAML), and its tables'
   names in a ``<!-- generated: ... -->`` block of ``warehouse/README.md`` (then
   ``python -m warehouse.docs``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl

from etl.checking import RecordChecker
from etl.recordtypes import cases, events, reports


@dataclass(frozen=True, slots=True)
class RecordType:
    name: str
    """Registry key, folder under ``data/`` and the name references use (``events``)."""
    noun: str
    """One record, in messages (``event``)."""
    key_column: str
    """The column naming the record in each of its ``tables``."""
    checker: type[RecordChecker]
    frames: Callable[[Sequence[Any]], dict[str, pl.DataFrame]]
    tables: tuple[str, ...]
    """Tables whose rows belong to one record: an incremental build copies them, for the
    records that did not change, from the previous warehouse."""
    search_kind: str | None = None
    """``search_docs.doc_kind`` of its records, or ``None`` if they are not searched."""
    search_text: Callable[[Any], str] | None = None

    @property
    def folder(self) -> str:
        return self.name


EVENTS = RecordType(
    name="events",
    noun="event",
    key_column="event_id",
    checker=events.EventChecker,
    frames=events.event_frames,
    # event_documents and event_passages are built with the search index (etl.search).
    tables=(*events.TABLES, "event_documents", "event_passages"),
    search_kind="event",
    search_text=events.search_text,
)
REPORTS = RecordType(
    name="reports",
    noun="activity report",
    key_column="report_id",
    checker=reports.ReportChecker,
    frames=reports.report_frames,
    tables=reports.TABLES,
    search_kind="report",
    search_text=reports.search_text,
)
CASES = RecordType(
    name="cases",
    noun="enforcement case",
    key_column="case_id",
    checker=cases.CaseChecker,
    frames=cases.case_frames,
    tables=cases.TABLES,
    search_kind="case",
    search_text=cases.search_text,
)
RECORD_TYPES: tuple[RecordType, ...] = (EVENTS, REPORTS, CASES)
BY_NAME: dict[str, RecordType] = {rt.name: rt for rt in RECORD_TYPES}
REQUIRED_FOLDERS = ("events",)
"""Folders a data folder must have; the others may be absent (no records of that type)."""
