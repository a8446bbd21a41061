"""The warehouse the page tests read: built once per test module from data/, and named by
TMEC_DB while the module runs (as the app finds it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from etl.build import build
from warehouse.db import DB_ENV

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("warehouse") / "w.duckdb"
    build(ROOT / "data", path)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(DB_ENV, str(path))
        yield path
