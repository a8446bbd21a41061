"""Writing drafts and their evidence as YAML; the ``etl draft`` command."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from etl.documents import SourceDocument, read_document
from etl.drafting.fields import Draft, draft_document
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
        path.write_text(
            "# Draft record: review every field against the evidence file.\n" + _dump(record),
            encoding="utf-8",
        )
        evidence = {
            "draft": draft_id,
            "document": document,
            "matches_known_record": draft.known_id,
            "offsets": "character offsets into the document's stored (repaired) text",
            "unfilled": list(draft.unfilled),
            "fields": [
                {
                    "field": e.field,
                    "value": e.value,
                    "start": e.start,
                    "end": e.end,
                    "confidence": e.confidence,
                    "quote": e.quote,
                }
                for e in draft.evidence
            ],
        }
        (out_dir / f"{draft_id}.evidence.yaml").write_text(_dump(evidence), encoding="utf-8")
        written.append(path)
    return written


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


def run_draft(document_path: Path, *, data_dir: Path, out_dir: Path) -> list[Draft]:
    """``python -m etl draft DOC --out DIR``: read the document (raising
    :class:`etl.documents.DocumentError` for a bad one, :class:`NothingToDraft` for one that
    describes no event), draft it against the records of ``data_dir`` and write the drafts
    and their evidence into ``out_dir``; the drafts are returned with the ids they were
    written under."""
    result = validate_dir(data_dir)
    if result.taxonomy is None:
        raise ValidationFailed(list(result.problems))
    document = read_document(document_path)
    drafts = drafts_of(document, result.taxonomy, result.events)
    paths = write_drafts(drafts, out_dir, document=f"{document.file} ({document.document_id})")
    return [replace(d, id=p.stem) for d, p in zip(drafts, paths, strict=True)]
