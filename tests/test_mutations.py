"""The suite still catches regressions: each mutation below is applied to a copy of the
repository, and the narrowest test files that should catch it are run there; each run must fail.

A mutation that no longer applies (the code it breaks has moved) fails here with what to update,
rather than passing without proving anything. Each run takes seconds: one or two test files.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
IGNORED = shutil.ignore_patterns(
    ".git",
    ".venv",
    "__pycache__",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    ".hypothesis",
    "test-artifacts",
    "work",
    "*.duckdb",
    "*.duckdb.wal",
    "*.duckdb.lock",
)
RUN_TIMEOUT_S = 300


def _replace_once(path: Path, pattern: str, replacement: str) -> None:
    text = path.read_text(encoding="utf-8")
    changed, n = re.subn(pattern, replacement, text, count=1, flags=re.MULTILINE)
    assert n == 1, (
        f"the mutation no longer applies: no match for {pattern!r} in {path.relative_to(ROOT)}; "
        "point it at where that code lives now (docs/testing.md, 'Mutation checks')"
    )
    path.write_text(changed, encoding="utf-8")


def remove_a_translation(root: Path) -> list[str]:
    """The French of the Summary page's title is emptied, in whichever catalogue holds it."""
    po = root / "dashboard" / "i18n" / "locales" / "fr" / "LC_MESSAGES" / "messages.po"
    if po.exists():
        _replace_once(po, r'^(msgid "page_summary"\nmsgstr )"[^"\n]+"$', r'\1""')
        return ["tests/dashboard/test_catalogue.py"]
    _replace_once(
        root / "dashboard" / "i18n.py",
        r'^(\s*"page_summary": _e\("[^"]*", "[^"]*", )"[^"]+"\)',
        r'\1"")',
    )
    return ["tests/dashboard/test_labels_i18n.py"]


def break_a_filter_predicate(root: Path) -> list[str]:
    """The Bodies filter keeps every body but the ones chosen."""
    _replace_once(
        root / "warehouse" / "macros" / "filtered_events.sql",
        r"list_contains\(([^()]*(?:\([^()]*\))?[^()]*?),\s*body_code\)",
        r"not list_contains(\1, body_code)",
    )
    return ["tests/dashboard/test_figures.py"]


def drop_a_milestone(root: Path) -> list[str]:
    """The ETL loads every case's milestones but its last."""
    _replace_once(
        root / "etl" / "recordtypes" / "cases.py",
        r"enumerate\((\w+)\.milestones, start=1\)",
        r"enumerate(\1.milestones[:-1], start=1)",
    )
    return ["tests/warehouse/test_cases_warehouse.py"]


@dataclass(frozen=True)
class Mutation:
    name: str
    apply: Callable[[Path], list[str]]
    """Break the copy at ``root``; return the test files (relative paths) that must fail."""


MUTATIONS = (
    Mutation("remove-a-translation", remove_a_translation),
    Mutation("break-a-filter-predicate", break_a_filter_predicate),
    Mutation("drop-a-milestone", drop_a_milestone),
)


def _clean_env() -> dict[str, str]:
    """The environment without what this run's pytest, xdist or page fixtures set."""
    return {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_") and k != "TMEC_DB"}


@pytest.mark.parametrize("mutation", MUTATIONS, ids=[m.name for m in MUTATIONS])
def test_the_suite_catches_the_mutation(mutation: Mutation, tmp_path: Path) -> None:
    copy = Path(shutil.copytree(ROOT, tmp_path / "repo", ignore=IGNORED, symlinks=True))
    files = mutation.apply(copy)
    missing = [f for f in files if not (copy / f).is_file()]
    assert not missing, f"the tests meant to catch {mutation.name} are gone: {missing}"
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *files],
        cwd=copy,
        env=_clean_env(),
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
        check=False,
    )
    # 1 is "tests failed"; 0 would be a mutation nobody notices, 2-4 a broken run, not a catch.
    assert done.returncode == 1, (
        f"{mutation.name}: pytest {' '.join(files)} exited {done.returncode} in the mutated "
        f"copy (expected 1, some test failing); its output ends with:\n{done.stdout[-3000:]}"
        f"\n{done.stderr[-2000:]}"
    )
