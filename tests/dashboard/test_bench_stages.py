"""The bench's page stage drives the app the way the pages are built today: a renamed widget
key made ``make bench`` fail after 11 s, unseen by ``make test``. No timing is asserted here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_bench_page_stage_runs_every_page_with_its_filter_change(warehouse: Path) -> None:
    from bench.stages import PAGES

    done = subprocess.run(
        [sys.executable, "-m", "bench.stages", "pages", str(warehouse)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert sorted(result["pages"]) == sorted(PAGES)
    for page, figures in result["pages"].items():
        assert set(figures) == {"first", "rerun", "filter_change"}, page
