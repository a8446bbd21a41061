"""The one place that knows where the inputs of a build are in a data folder.

``taxonomy.yaml``, ``stated-counts.yaml`` (optional; see ``etl.statedcounts``), one folder per
record type (``etl.recordtypes``) and ``documents/``.
Every file in a record folder is either read as a record (``<id>.yaml``) or refused by name;
nothing there is skipped quietly, hidden files and editor backups included, because a record
saved under the wrong name would otherwise vanish from the warehouse without a word.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from etl.errors import DataDirError
from etl.recordtypes import RECORD_TYPES, REQUIRED_FOLDERS, RecordType

TAXONOMY = "taxonomy.yaml"
STATED_COUNTS = "stated-counts.yaml"
DOCUMENTS = "documents"
RECORD_SUFFIX = ".yaml"


@dataclass(frozen=True, slots=True)
class StrayFile:
    """A file in a record folder that is not a record file: refused, never skipped."""

    path: Path
    reason: str


def check_layout(data_dir: Path) -> None:
    """Raise :class:`DataDirError` unless ``data_dir`` has ``taxonomy.yaml`` and the required
    record folders."""
    missing = [f"{name}/" for name in REQUIRED_FOLDERS if not (data_dir / name).is_dir()]
    if not (data_dir / TAXONOMY).is_file():
        missing.append(TAXONOMY)
    if missing:
        found = sorted(p.name for p in data_dir.iterdir()) if data_dir.is_dir() else "no folder"
        raise DataDirError(
            f"{data_dir}: not a data folder (expected {', '.join(missing)} inside, found {found})"
        )


def record_files(data_dir: Path, record_type: RecordType) -> tuple[list[Path], list[StrayFile]]:
    """The record files of one type, sorted, and every other entry of its folder."""
    folder = data_dir / record_type.folder
    if not folder.is_dir():
        return [], []
    records: list[Path] = []
    stray: list[StrayFile] = []
    for path in sorted(folder.iterdir()):
        if path.is_dir():
            stray.append(StrayFile(path, "a folder (expected only <id>.yaml files here)"))
        elif path.name.startswith("."):
            stray.append(StrayFile(path, "a hidden file (expected only <id>.yaml files here)"))
        elif path.suffix != RECORD_SUFFIX:
            hint = f"; rename it to {path.stem}.yaml" if path.suffix in (".yml", ".YAML") else ""
            stray.append(
                StrayFile(
                    path,
                    f"not a record file (expected <id>.yaml, found {path.suffix or 'no'} "
                    f"extension{hint})",
                )
            )
        else:
            records.append(path)
    return records, stray


def document_files(data_dir: Path) -> list[Path]:
    """Every file of ``documents/`` (its subfolders included), hidden files excepted."""
    folder = data_dir / DOCUMENTS
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))


def input_files(data_dir: Path) -> list[Path]:
    """Every file whose content defines the warehouse: taxonomy, stated counts, records,
    documents."""
    files = [data_dir / TAXONOMY]
    if (data_dir / STATED_COUNTS).is_file():
        files.append(data_dir / STATED_COUNTS)
    for record_type in RECORD_TYPES:
        files += record_files(data_dir, record_type)[0]
    return files + document_files(data_dir)
