"""What the Drafts page does, as pure functions: read an uploaded document in memory, draft its
event and activity report records with the ETL, apply an analyst's edits, check the edited
record with the ETL's own checker, and give the YAML (and evidence) to download.

Nothing here writes a file: the upload's bytes are parsed in memory (``parse_document``), the
checker reads the record's bytes (``check_bytes``), and the downloads are bytes.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from dashboard.errors import DashboardError
from dashboard.ui.components import plain
from etl.contracts import Contract, Field
from etl.documents import DocumentError, SourceDocument, parse_document
from etl.drafting.fields import Draft, Evidence
from etl.drafting.reports import ReportDraft
from etl.drafting.writing import draft_all, evidence_yaml, record_yaml
from etl.errors import NothingToDraft, Problem
from etl.records import Event
from etl.recordtypes import EVENTS, REPORTS, RecordType
from etl.taxonomy import Taxonomy
from etl.validate import check_bytes, validate_dir

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
"""Bulletins and statements are a few hundred KiB at most; a larger upload is refused."""
UPLOAD_TYPES = ("txt", "pdf", "html", "htm")
KIND_OF_SUFFIX = {"txt": "txt", "pdf": "pdf", "html": "html", "htm": "html"}
DATA_ENV = "TMEC_DATA"
"""The data folder whose taxonomy and records the drafts are made against (default data/)."""


class UploadRefused(DashboardError):
    """An upload the page cannot draft from; ``key`` names the message in the catalogue."""

    def __init__(self, key: str, **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(f"{key}: {values}")


def data_dir() -> Path:
    return Path(os.environ.get(DATA_ENV, "data"))


def data_signature(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Names, sizes and modification times of the taxonomy and records: a cache key that
    changes when the data does."""
    paths = [folder / "taxonomy.yaml", *sorted(folder.glob("events/*.yaml"))]
    return tuple((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in paths if p.is_file())


def load_reference(folder: Path) -> tuple[Taxonomy, tuple[Event, ...]]:
    """The taxonomy and the known events drafts are made against (read only, one process)."""
    result = validate_dir(folder, workers=1)
    if result.taxonomy is None:
        raise UploadRefused("drafts_no_taxonomy", path=str(folder))
    return result.taxonomy, result.events


def read_upload(name: str, raw: bytes) -> SourceDocument:
    """The uploaded document, parsed in memory; :class:`UploadRefused` for a file that is too
    large, of another type, or unreadable (the ETL's message says why)."""
    suffix = PurePosixPath(name).suffix.lower().lstrip(".")
    if suffix not in KIND_OF_SUFFIX:
        raise UploadRefused("drafts_bad_type", name=name, types=", ".join(UPLOAD_TYPES))
    if len(raw) > MAX_UPLOAD_BYTES:
        raise UploadRefused(
            "drafts_too_large",
            name=name,
            size=f"{len(raw) / (1024 * 1024):.1f}",
            limit=MAX_UPLOAD_BYTES // (1024 * 1024),
        )
    try:
        return parse_document(raw, PurePosixPath(name).name, KIND_OF_SUFFIX[suffix])  # type: ignore[arg-type]
    except DocumentError as exc:
        raise UploadRefused("drafts_unreadable", reason=str(exc)) from exc


@dataclass(frozen=True, slots=True)
class Drafting:
    """What one document gave: its event drafts, its report draft, and the ETL's reason when
    it gave neither (``nothing``) or no event (``no_event``)."""

    document: SourceDocument
    events: tuple[Draft, ...]
    report: ReportDraft | None
    nothing: str | None = None
    no_event: str | None = None


def draft_upload(document: SourceDocument, taxonomy: Taxonomy, known: Sequence[Event]) -> Drafting:
    try:
        drafted = draft_all(document, taxonomy, known)
    except NothingToDraft as exc:
        return Drafting(document, (), None, nothing=exc.missing)
    no_event = drafted.no_event.missing if drafted.no_event is not None else None
    return Drafting(document, tuple(drafted.events), drafted.report, no_event=no_event)


# --- evidence in the text ---------------------------------------------------------------------


def merged(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans sorted and merged where they overlap or touch."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def highlighted_text(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The document's text as inert Markdown with the evidence spans highlighted; paragraphs
    kept."""
    parts: list[str] = []
    cursor = 0
    for start, end in merged(spans):
        parts.append(plain(text[cursor:start]))
        parts.append(f":orange-background[**{plain(text[start:end])}**]")
        cursor = end
    parts.append(plain(text[cursor:]))
    return re.sub(r"\n{2,}", "\n\n", "".join(parts)).replace("\n\n", "\n\n\u200b")


def evidence_rows(evidence: Sequence[Evidence]) -> list[dict[str, Any]]:
    """One row per filled field: field, value, offsets, confidence, the words quoted."""
    return [
        {
            "field": e.field,
            "value": str(e.value),
            "start": e.start,
            "end": e.end,
            "confidence": e.confidence,
            "quote": e.quote,
        }
        for e in evidence
    ]


# --- editing and checking ---------------------------------------------------------------------

WIDGET_KINDS = frozenset(
    {"slug", "text", "code", "choice", "codes", "integer", "date", "partial_date", "reference"}
)
"""Kinds of field the editor has a widget for. A list of mappings is edited only where the
page has a section for it (a report's bodies); sources, participants and the like are
reviewed in the downloaded file."""


def editable(contract: Contract, sections: Collection[str] = ()) -> tuple[Field, ...]:
    """The fields the Drafts page offers for editing, in the contract's order: those with a
    widget, and the lists named in ``sections``."""
    return tuple(f for f in contract if f.edited and (f.kind in WIDGET_KINDS or f.name in sections))


def contract_of(record: Mapping[str, Any]) -> Contract:
    return record_type_of(record).checker.contract


def edited(record: Mapping[str, Any], edits: Mapping[str, Any]) -> dict[str, Any]:
    """The record with the analyst's values in place of the drafted ones (an empty text
    becomes null); fields not edited keep their drafted values."""
    out = dict(record)
    for name, value in edits.items():
        out[name] = None if isinstance(value, str) and not value.strip() else value
    return out


def partial_date(value: str | None) -> dt.date | str | None:
    """A date typed as ``YYYY-MM-DD`` (a date), ``YYYY-MM`` or ``YYYY`` (kept as text, a partial
    date); anything else is kept as typed, for the checker to name."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def record_type_of(record: Mapping[str, Any]) -> RecordType:
    return REPORTS if "bodies" in record else EVENTS


def record_bytes(record: Mapping[str, Any]) -> bytes:
    """The record as the YAML file to commit."""
    return record_yaml(dict(record)).encode("utf-8")


def check_record(record: Mapping[str, Any], taxonomy: Taxonomy) -> list[Problem]:
    """Every problem the ETL's checker finds in the record on its own, as ``python -m etl
    validate`` would report it for ``data/<folder>/<id>.yaml`` (references to other records are
    checked by ``validate`` over the whole data folder)."""
    record_type = record_type_of(record)
    name = f"{record.get('id')}.yaml"
    display = f"data/{record_type.folder}/{name}"
    result = check_bytes(Path(name), display, record_bytes(record), taxonomy, record_type)
    return list(result.problems)


def evidence_bytes(
    record: Mapping[str, Any], evidence: Sequence[Evidence], unfilled: Sequence[str], file: str
) -> bytes:
    return evidence_yaml(str(record.get("id")), evidence, unfilled, document=file).encode("utf-8")


def download_name(record: Mapping[str, Any], *, evidence: bool = False) -> str:
    """``<id>.yaml`` (the name ``validate`` requires) or ``<id>.evidence.yaml``; characters a
    file name should not hold are replaced."""
    safe = re.sub(r"[^a-z0-9-]", "-", str(record.get("id") or "draft").lower()).strip("-")
    return f"{safe or 'draft'}{'.evidence' if evidence else ''}.yaml"
