"""Writing drafts and their evidence as YAML; the ``etl draft`` command."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from etl.documents import SourceDocument, read_document
from etl.drafting.fields import Draft, Evidence, draft_document
from etl.drafting.reports import ReportDraft, draft_report
from etl.errors import NothingToDraft, ValidationFailed
from etl.records import Event
from etl.taxonomy import Taxonomy
from etl.validate import validate_dir

# --- writing ----------------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """Writes every value in place (no ``&id001`` anchors for repeated dates)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


RECORD_HEADER = "# Draft record: review every field against the evidence file.\n"
REPORTS_FOLDER = "reports"
"""Report drafts are written into this subfolder of the drafts folder, as they go into
``data/reports/`` and event drafts into ``data/events/``."""


def record_yaml(record: dict[str, Any]) -> str:
    """A draft record as the YAML file an analyst reviews and commits."""
    return RECORD_HEADER + _dump(record)


def evidence_yaml(
    draft_id: str,
    evidence: Sequence[Evidence],
    unfilled: Sequence[str],
    *,
    document: str | None,
    known_id: str | None = None,
) -> str:
    """The evidence file beside a draft: every filled field's value, offsets, words and
    confidence, and the fields left empty."""
    data: dict[str, Any] = {"draft": draft_id, "document": document}
    if known_id is not None:
        data["matches_known_record"] = known_id
    data |= {
        "offsets": "character offsets into the document's stored (repaired) text",
        "unfilled": list(unfilled),
        "fields": [
            {
                "field": e.field,
                "value": e.value,
                "start": e.start,
                "end": e.end,
                "confidence": e.confidence,
                "quote": e.quote,
            }
            for e in evidence
        ],
    }
    return _dump(data)


def write_drafts(
    drafts: Sequence[Draft], out_dir: Path, *, document: str | None = None
) -> list[Path]:
    """Write ``<id>.yaml`` (the record) and ``<id>.evidence.yaml`` (field, value, offsets,
    quote, confidence) for each draft into ``out_dir``; return the record files written. A
    second draft with the same id gets a ``-2`` suffix."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    used: set[str] = set()
    for draft in drafts:
        draft_id = draft.id
        n = 2
        while draft_id in used:
            draft_id, n = f"{draft.id}-{n}", n + 1
        used.add(draft_id)
        record = {**draft.record, "id": draft_id}
        path = out_dir / f"{draft_id}.yaml"
        path.write_text(record_yaml(record), encoding="utf-8")
        evidence = evidence_yaml(
            draft_id, draft.evidence, draft.unfilled, document=document, known_id=draft.known_id
        )
        (out_dir / f"{draft_id}.evidence.yaml").write_text(evidence, encoding="utf-8")
        written.append(path)
    return written


def write_report(report: ReportDraft, out_dir: Path, *, document: str | None = None) -> Path:
    """Write ``reports/<id>.yaml`` and ``reports/<id>.evidence.yaml`` under ``out_dir``;
    return the record file."""
    folder = out_dir / REPORTS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{report.id}.yaml"
    path.write_text(record_yaml(report.record), encoding="utf-8")
    evidence = evidence_yaml(report.id, report.evidence, report.unfilled, document=document)
    (folder / f"{report.id}.evidence.yaml").write_text(evidence, encoding="utf-8")
    return path


@dataclass(frozen=True, slots=True)
class Drafted:
    """What ``etl draft`` made of one document: its event drafts (with the ids they were
    written under), its activity report draft, and why no event was drafted, if none was."""

    events: list[Draft]
    report: ReportDraft | None
    no_event: NothingToDraft | None = None


def drafts_of(document: SourceDocument, taxonomy: Taxonomy, known: Sequence[Event]) -> list[Draft]:
    """The drafts of an event the document describes; :class:`NothingToDraft` (naming what is
    missing) when it names no USMCA body, or names one without a date or a status cue."""
    drafts = draft_document(document, taxonomy, known)
    if not drafts:
        raise NothingToDraft(
            document.file,
            "no USMCA body named: none of the taxonomy's body names or their usual wordings "
            "in Spanish, English or French occurs in the text",
        )
    events = [d for d in drafts if d.record["start_date"] or d.record["status"]]
    if not events:
        bodies = ", ".join(dict.fromkeys(d.record["body"] for d in drafts))
        raise NothingToDraft(
            document.file,
            f"it names {bodies} but states no date and no status (held, announced, "
            "postponed ...) for a meeting",
        )
    return events


def draft_all(document: SourceDocument, taxonomy: Taxonomy, known: Sequence[Event]) -> Drafted:
    """The event drafts and the report draft of a document; :class:`NothingToDraft` when it
    gives neither (a statement that only reports on committees gives a report alone)."""
    try:
        events = drafts_of(document, taxonomy, known)
        no_event = None
    except NothingToDraft as exc:
        events, no_event = [], exc
    report = draft_report(document, taxonomy, known, events=events)
    if report is None and no_event is not None:
        raise no_event
    return Drafted(events, report, no_event)


def run_draft(document_path: Path, *, data_dir: Path, out_dir: Path) -> Drafted:
    """``python -m etl draft DOC --out DIR``: read the document (raising
    :class:`etl.documents.DocumentError` for a bad one, :class:`NothingToDraft` for one that
    gives no event and no report), draft it against the records of ``data_dir`` and write the
    event drafts and their evidence into ``out_dir``, the report draft into
    ``out_dir/reports/``; the drafts are returned with the ids they were written under."""
    result = validate_dir(data_dir)
    if result.taxonomy is None:
        raise ValidationFailed(list(result.problems))
    document = read_document(document_path)
    drafted = draft_all(document, result.taxonomy, result.events)
    cited = f"{document.file} ({document.document_id})"
    paths = write_drafts(drafted.events, out_dir, document=cited)
    if drafted.report is not None:
        write_report(drafted.report, out_dir, document=cited)
    events = [replace(d, id=p.stem) for d, p in zip(drafted.events, paths, strict=True)]
    return replace(drafted, events=events)
