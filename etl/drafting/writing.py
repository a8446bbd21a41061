"""Writing drafts and their evidence as YAML; the ``etl draft`` command."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from etl.documents import read_document
from etl.drafting.fields import Draft, draft_document
from etl.errors import ValidationFailed
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


def run_draft(document_path: Path, *, data_dir: Path, out_dir: Path) -> list[Path]:
    """``python -m etl draft DOC --out DIR``: read the document (raising
    :class:`etl.documents.DocumentError` for a bad one), draft it against the records of
    ``data_dir`` and write the drafts and their evidence into ``out_dir``."""
    result = validate_dir(data_dir)
    if result.taxonomy is None:
        raise ValidationFailed(list(result.problems))
    document = read_document(document_path)
    drafts = draft_document(document, result.taxonomy, result.events)
    return write_drafts(drafts, out_dir, document=f"{document.file} ({document.document_id})")
