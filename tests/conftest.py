"""Fixtures shared by every test folder: where the data folders are, and the warehouses built
from them once per session (once per xdist worker) for the tests that only read them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from etl.build import build

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


@pytest.fixture(scope="session")
def real_warehouse(tmp_path_factory: pytest.TempPathFactory, real_data_dir: Path) -> Path:
    """The warehouse built from data/, once per session: only read. A test that rebuilds or
    changes a warehouse copies this file first (``copy_of``) or builds its own."""
    path = tmp_path_factory.mktemp("real_warehouse") / "tmec.duckdb"
    build(real_data_dir, path)
    return path


@pytest.fixture(scope="session")
def mini_warehouse(tmp_path_factory: pytest.TempPathFactory, mini_data_dir: Path) -> Path:
    """The warehouse built from the fixture records, once per session: only read."""
    path = tmp_path_factory.mktemp("mini_warehouse") / "tmec.duckdb"
    build(mini_data_dir, path)
    return path


def copy_built(template: Path, folder: Path) -> tuple[Path, Path]:
    """A private copy of ``template``'s ``data/`` folder and of the ``tmec.duckdb`` built from
    it: a test that breaks the data and checks the warehouse survives needs its own pair, not
    its own build."""
    data = Path(shutil.copytree(template / "data", folder / "data"))
    return data, copy_of(template / "tmec.duckdb", folder)


def copy_of(warehouse: Path, folder: Path) -> Path:
    """A private, writable copy of a session warehouse in ``folder`` (a copy is milliseconds,
    a build from data/ seconds); the next build into it is incremental, as after a real one."""
    target = folder / warehouse.name
    shutil.copyfile(warehouse, target)
    return target


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The browser tests first: they are the longest part of the suite, and under ``pytest -n 2``
    both workers start their own server and browser on them, then share out everything else.
    (``--dist loadgroup`` cannot keep them on one worker: with pytest 9 the group suffix that
    xdist 3.8 writes into ``item._nodeid`` no longer reaches ``item.nodeid``.)"""
    items.sort(key=lambda item: item.get_closest_marker("e2e") is None)
