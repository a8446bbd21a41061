"""Every file in a record folder is read as a record or refused by name: nothing is skipped."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from etl.build import build
from etl.errors import DataDirError, ValidationFailed
from etl.inputs import input_files
from etl.validate import validate_dir

RECORD = "fixture-ftc-2024-02-06"


@pytest.mark.parametrize(
    ("folder", "name", "reason"),
    [
        (
            "events",
            f"{RECORD}.yml",
            "not a record file (expected <id>.yaml, found .yml extension; rename it to "
            f"{RECORD}.yaml)",
        ),
        (
            "events",
            f"{RECORD}.yaml~",
            "not a record file (expected <id>.yaml, found .yaml~ extension)",
        ),
        ("events", f".{RECORD}.yaml.swp", "a hidden file (expected only <id>.yaml files here)"),
        ("events", ".DS_Store", "a hidden file (expected only <id>.yaml files here)"),
        ("events", "README", "not a record file (expected <id>.yaml, found no extension)"),
        ("reports", "notes.txt", "not a record file (expected <id>.yaml, found .txt extension)"),
    ],
)
def test_a_file_that_is_not_a_record_is_refused_by_name(
    mini_copy: Path, tmp_path: Path, folder: str, name: str, reason: str
) -> None:
    db = tmp_path / "w.duckdb"
    build(mini_copy, db, display_root="data")
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    (mini_copy / folder).mkdir(exist_ok=True)
    (mini_copy / folder / name).write_text("id: x\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as failure:
        build(mini_copy, db, display_root="data")
    assert [str(p) for p in failure.value.problems if not p.is_warning] == [
        f"data/{folder}/{name}:1: file: {reason}"
    ]
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_a_subfolder_of_a_record_folder_is_refused(mini_copy: Path) -> None:
    (mini_copy / "events" / "2024").mkdir()
    result = validate_dir(mini_copy, display_root="data")
    assert [str(p) for p in result.errors] == [
        "data/events/2024:1: file: a folder (expected only <id>.yaml files here)"
    ]


def test_clean_folders_are_still_accepted(mini_copy: Path) -> None:
    result = validate_dir(mini_copy, display_root="data")
    assert result.ok
    assert len(result.events) == 5


def test_input_files_cover_every_record_folder(real_data_dir: Path) -> None:
    files = input_files(real_data_dir)
    folders = {p.parent.name for p in files}
    assert {"events", "reports", "documents"} <= folders
    n_reports = len(list((real_data_dir / "reports").glob("*.yaml")))
    assert n_reports > 0
    assert len([p for p in files if p.parent.name == "reports"]) == n_reports


def test_a_folder_without_events_is_not_a_data_folder(tmp_path: Path) -> None:
    (tmp_path / "taxonomy.yaml").write_text("parties: {}\n", encoding="utf-8")
    with pytest.raises(DataDirError, match=r"not a data folder \(expected events/ inside"):
        validate_dir(tmp_path)
