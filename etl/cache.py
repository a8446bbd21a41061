"""Per-file check results kept between builds, so an incremental build re-checks only the
files that changed.

A result is reused only for the same file name, the same bytes (SHA-256), the same taxonomy,
the same ETL code and the same day (checks compare dates with today): the cache's salt covers
the last three, so editing ``taxonomy.yaml`` or upgrading the validator invalidates everything.

The cache is JSON beside the warehouse: reading it can only yield data, never run code, and
anything in it that is not exactly what this module writes is ignored (the files are then
simply checked again).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from etl.checking import Reference
from etl.errors import Problem
from etl.inputs import TAXONOMY, document_files
from etl.validate import FileResult

FORMAT = 3
ETL_DIR = Path(__file__).resolve().parent


def cache_path(db: Path) -> Path:
    return db.with_name(db.name + ".checks.json")


def salt(data_dir: Path, *, today: dt.date | None = None) -> str:
    """What every cached result depends on besides its own file: the taxonomy, the source
    documents (records link to them), the ETL code and the day of the check."""
    day = (today or dt.date.today()).isoformat()
    digest = hashlib.sha256(f"{FORMAT}|{sys.version_info[:2]}|{day}".encode())
    digest.update((data_dir / TAXONOMY).read_bytes())
    for path in document_files(data_dir):
        digest.update(path.relative_to(data_dir).as_posix().encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    for source in sorted(ETL_DIR.rglob("*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()


Fingerprint = tuple[int, int, int]


def fingerprint(path: Path) -> Fingerprint | None:
    """Identifies one version of a file (a rebuild swaps in a new inode)."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns)


def _encode(result: FileResult) -> dict[str, Any]:
    return {
        "file": result.file,
        "digest": result.digest,
        "record_type": result.record_type,
        "problems": [[p.file, p.line, p.field, p.message, p.is_warning] for p in result.problems],
        "written_id": result.written_id,
        "id_line": result.id_line,
        "record_id": result.record_id,
        "references": [[r.record_type, r.record_id, r.line, r.field] for r in result.references],
    }


def _decode(entry: dict[str, Any]) -> FileResult:
    """One stored result; raises (KeyError, TypeError, ValueError) if it is not well formed."""
    problems = tuple(
        Problem(str(f), int(line), str(field), str(msg), bool(warn))
        for f, line, field, msg, warn in entry["problems"]
    )
    references = tuple(
        Reference(str(kind), str(rid), int(line), str(field))
        for kind, rid, line, field in entry["references"]
    )
    written = entry["written_id"]
    record_id = entry["record_id"]
    return FileResult(
        path=Path(str(entry["file"])),
        file=str(entry["file"]),
        digest=str(entry["digest"]),
        record_type=str(entry["record_type"]),
        record=None,
        problems=problems,
        written_id=None if written is None else str(written),
        id_line=int(entry["id_line"]),
        record_id=None if record_id is None else str(record_id),
        references=references,
    )


class CheckCache:
    """File name × content digest → the result of checking that file on its own, valid for
    one warehouse file: the one the results were saved with, whose rows hold their records.

    Only the small per-file facts are kept (no typed records): an incremental build copies the
    rows of unchanged files from that warehouse instead of rebuilding them.
    """

    def __init__(self, path: Path, salt: str, warehouse: Path) -> None:
        self.path = path
        self.salt = salt
        self.entries: dict[tuple[str, str], FileResult] = {}
        self.hits = 0
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
            if stored["salt"] != salt or stored["warehouse"] != list(fingerprint(warehouse) or ()):
                return
            entries = [_decode(entry) for entry in stored["entries"]]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return
        if fingerprint(warehouse) is not None:
            self.entries = {(r.file, r.digest): r for r in entries}

    def get(self, file: str, digest: str) -> FileResult | None:
        found = self.entries.get((file, digest))
        if found is not None:
            self.hits += 1
        return found

    def save(self, results: Iterable[FileResult], warehouse: Path) -> None:
        """Store ``results`` (atomically) as the checks behind ``warehouse``'s rows."""
        stored = {
            "format": FORMAT,
            "salt": self.salt,
            "warehouse": list(fingerprint(warehouse) or ()),
            "entries": [_encode(r) for r in results if r.digest],
        }
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(stored, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.path)
