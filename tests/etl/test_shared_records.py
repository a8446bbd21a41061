"""The project's copy of the records (data/) holds every record of the shared curated folder
(../shared/data) byte for byte: a record missing or changed here is a record the app would
count wrongly. Where the shared folder is not beside the checkout, the comparison is skipped
with that reason (the records in data/ are then the only ones there are)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }


@pytest.mark.skipif(not SHARED.is_dir(), reason=f"no shared records folder at {SHARED}")
def test_every_shared_record_is_in_data_unchanged() -> None:
    shared, ours = _files(SHARED), _files(ROOT / "data")
    missing = sorted(set(shared) - set(ours))
    changed = sorted(name for name in set(shared) & set(ours) if shared[name] != ours[name])
    assert not missing, f"records of {SHARED} missing from data/: {missing}"
    assert not changed, f"records of data/ that differ from {SHARED}: {changed}"
