"""`make help` lists every target with the values it will use, not the variables' names."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MAKEFILE = ROOT / "Makefile"


def _phony_targets() -> list[str]:
    match = re.search(r"^\.PHONY:(.*)$", MAKEFILE.read_text(encoding="utf-8"), re.MULTILINE)
    assert match is not None
    return match.group(1).split()


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_help_lists_every_target_with_the_values_it_uses() -> None:
    out = subprocess.run(
        ["make", "--no-print-directory", "-s", "help", "DB=/srv/x.duckdb", "PORT=8765"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "$(" not in out
    assert "(/srv/x.duckdb)" in out
    assert "on port 8765" in out
    listed = re.findall(r"^  make (\S+)", out, re.MULTILINE)
    assert sorted(listed) == sorted(_phony_targets())
