"""The app keeps serving while the warehouse is rebuilt: readers never fail and never see a mix
of two builds; a build killed half-way or two builds at once cannot corrupt the file.

Figures printed by these tests (reads made, rebuilds survived) are quoted in docs/operations.md.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from dashboard import data
from etl.build import build, build_lock
from etl.synth import synthesize
from warehouse.db import connect, run_query

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini"
REBUILDS = 20
READERS = 4
READ_PAUSE_S = 0.005

EXTRA = """\
id: fixture-added-{n:03d}
body: sme_committee
edition: null
kind: committee_meeting
title_en: "Fixture record added between rebuilds ({n})"
start_date: 2024-05-{day:02d}
status: held
format: virtual
sources:
  - url: https://example.org/fixture/added/{n}
confidence: low
notes: "Test fixture, not a real event."
"""


def test_reads_during_rebuilds_see_one_consistent_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = Path(shutil.copytree(MINI, tmp_path / "data"))
    db = tmp_path / "tmec.duckdb"
    first = build(source, db)
    monkeypatch.setenv("TMEC_DB", str(db))
    versions: dict[str, int] = {first.data_version: first.n_events}
    errors: list[BaseException] = []
    reads: list[tuple[str, int, int]] = []
    stop = threading.Event()

    def reader() -> None:
        while not stop.is_set():
            try:
                snap = data.query("snapshot").row(0, named=True)
                reads.append((snap["data_version"], snap["n_events_loaded"], snap["n_events"]))
            except BaseException as exc:  # every failure is the finding
                errors.append(exc)
            # A reader that never waits holds the GIL and starves the build it races with
            # (20 rebuilds took 260 s instead of 20); a real session waits for its user.
            time.sleep(READ_PAUSE_S)

    threads = [threading.Thread(target=reader) for _ in range(READERS)]
    for thread in threads:
        thread.start()
    try:
        for n in range(1, REBUILDS + 1):
            record = EXTRA.format(n=n, day=n % 28 + 1)
            (source / "events" / f"fixture-added-{n:03d}.yaml").write_text(record, "utf-8")
            report = build(source, db)
            versions[report.data_version] = report.n_events
            time.sleep(0.02)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=30)

    assert errors == []
    assert len(reads) > REBUILDS
    # The cached query layer follows the file: the newest build shows without a restart.
    latest = data.query("snapshot").row(0, named=True)
    assert (latest["data_version"], latest["n_events"]) == (report.data_version, 5 + REBUILDS)
    for version, loaded, counted in reads:
        assert (loaded, counted) == (versions[version], versions[version]), "a mixed read"
    seen = {version for version, _, _ in reads}
    with capsys.disabled():
        print(
            f"\n[rebuilds under load] {REBUILDS} rebuilds, {READERS} reader threads, "
            f"{len(reads)} reads, {len(seen)} versions seen, {len(errors)} errors"
        )


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_build_killed_half_way_leaves_the_previous_warehouse_serving(tmp_path: Path) -> None:
    db = tmp_path / "tmec.duckdb"
    build(Path(shutil.copytree(MINI, tmp_path / "mini")), db)
    before = _sha(db)
    big = tmp_path / "big"
    synthesize(n_events=3000, out=big, seed=5, real_data=ROOT / "data")
    child = subprocess.Popen(
        [sys.executable, "-m", "etl", "build", "--data", str(big), "--db", str(db), "--full"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    time.sleep(1.5)
    assert child.poll() is None, "the build finished before it could be killed"
    os.killpg(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    assert _sha(db) == before
    con = connect(db)
    try:
        assert run_query(con, "snapshot").item(0, "n_events") == 5
    finally:
        con.close()
    report = build(big, db)
    assert report.n_events == 3000
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_a_second_build_refuses_with_a_clear_message_or_waits(tmp_path: Path) -> None:
    data_dir = Path(shutil.copytree(MINI, tmp_path / "data"))
    db = tmp_path / "tmec.duckdb"
    build(data_dir, db)
    before = _sha(db)
    with build_lock(db, wait=False):
        refused = subprocess.run(
            [
                sys.executable,
                "-m",
                "etl",
                "build",
                "--data",
                str(data_dir),
                "--db",
                str(db),
                "--no-wait",
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert refused.returncode == 2
    assert "another build is running" in refused.stderr
    assert _sha(db) == before
    both = [
        subprocess.Popen(
            [sys.executable, "-m", "etl", "build", "--data", str(data_dir), "--db", str(db)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    for proc in both:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    con = connect(db)
    try:
        runs = run_query(con, "load_runs")
    finally:
        con.close()
    assert runs["run_id"].to_list() == [3, 2, 1]
