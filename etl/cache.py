"""Per-file check results kept between builds, so an incremental build re-checks only the
files that changed.

A result is reused only for the same file name, the same bytes (SHA-256), the same taxonomy
and the same ETL code: the cache's salt covers the last two, so editing ``taxonomy.yaml`` or
upgrading the validator invalidates everything. The cache is a pickle written by this
program beside the warehouse; like the warehouse, it is trusted local state.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Iterable
from pathlib import Path

from etl.validate import FileResult

FORMAT = 2
ETL_DIR = Path(__file__).resolve().parent


def cache_path(db: Path) -> Path:
    return db.with_name(db.name + ".checks")


def salt(data_dir: Path) -> str:
    """What every cached result depends on besides its own file: the taxonomy, the source
    documents (records link to them) and the ETL code."""
    digest = hashlib.sha256(f"{FORMAT}|{sys.version_info[:2]}".encode())
    digest.update((data_dir / "taxonomy.yaml").read_bytes())
    documents = data_dir / "documents"
    if documents.is_dir():
        for path in sorted(p for p in documents.rglob("*") if p.is_file()):
            digest.update(path.relative_to(data_dir).as_posix().encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    for source in sorted(ETL_DIR.glob("*.py")):
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


class CheckCache:
    """File name × content digest → the result of checking that file on its own, valid for
    one warehouse file: the one the results were saved with, whose rows hold their events.

    Only the small per-file facts are kept (no typed events): an incremental build copies the
    rows of unchanged files from that warehouse instead of rebuilding them.
    """

    def __init__(self, path: Path, salt: str, warehouse: Path) -> None:
        self.path = path
        self.salt = salt
        self.entries: dict[tuple[str, str], FileResult] = {}
        self.hits = 0
        try:
            with open(path, "rb") as handle:
                stored_salt, stored_print, entries = pickle.load(handle)
        except (
            OSError,
            EOFError,
            pickle.UnpicklingError,
            ValueError,
            TypeError,
            AttributeError,
            ImportError,
        ):
            return
        if stored_salt == salt and stored_print == fingerprint(warehouse) is not None:
            self.entries = entries

    def get(self, file: str, digest: str) -> FileResult | None:
        found = self.entries.get((file, digest))
        if found is not None:
            self.hits += 1
        return found

    def save(self, results: Iterable[FileResult], warehouse: Path) -> None:
        """Store ``results`` (atomically) as the checks behind ``warehouse``'s rows."""
        entries = {(r.file, r.digest): r.without_event() for r in results if r.digest}
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as handle:
            pickle.dump(
                (self.salt, fingerprint(warehouse), entries),
                handle,
                protocol=pickle.HIGHEST_PROTOCOL,
            )
        os.replace(tmp, self.path)
