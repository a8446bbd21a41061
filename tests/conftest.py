"""Fixtures shared by the ETL and warehouse tests: where the data folders are."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def real_data_dir() -> Path:
    """The project's own records (data/): read, never written."""
    return ROOT / "data"


@pytest.fixture(scope="session")
def mini_data_dir() -> Path:
    """Five hand-written fixture records and a copy of the taxonomy: read, never written."""
    return ROOT / "tests" / "fixtures" / "mini"


@pytest.fixture
def mini_copy(tmp_path: Path, mini_data_dir: Path) -> Path:
    """A writable copy of the fixture data folder, for tests that change or break it."""
    return Path(shutil.copytree(mini_data_dir, tmp_path / "data"))
