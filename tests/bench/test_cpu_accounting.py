"""The CPU accounting of the concurrency bench: it says how the machine's CPU time divides
between the server, the rebuilds and the browsers, so it must find a busy child and name it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import psutil

from bench.concurrency import cpu_seconds, descendants_cpu_seconds, machine_busy_seconds, rss_mib

BURN = "import time\nend = time.process_time() + 0.3\nwhile time.process_time() < end: pass\n"


def test_a_busy_child_is_counted_under_its_name_and_the_one_left_out_is_not() -> None:
    busy_before = machine_busy_seconds()
    burner = subprocess.Popen([sys.executable, "-c", BURN + "time.sleep(30)"])
    idle = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        deadline = time.monotonic() + 20
        while cpu_seconds(burner.pid) < 0.3 and time.monotonic() < deadline:
            time.sleep(0.05)
        kinds = descendants_cpu_seconds(os.getpid(), leave_out=burner.pid)
        assert kinds.get(os.path.basename(sys.executable), 0.0) < 0.2  # only the idle one
        kinds = descendants_cpu_seconds(os.getpid(), leave_out=idle.pid)
        assert kinds[os.path.basename(sys.executable)] >= 0.29
    finally:
        burner.kill()
        idle.kill()
        burner.wait()
        idle.wait()
    assert machine_busy_seconds() - busy_before >= 0.29


def test_the_server_memory_is_read_through_psutil() -> None:
    """The bench reads processes through psutil, not by parsing /proc itself."""
    assert abs(rss_mib(os.getpid()) - psutil.Process().memory_info().rss / 2**20) < 64
    for module in Path(__file__).resolve().parents[2].joinpath("bench").glob("*.py"):
        assert "/proc" not in module.read_text(encoding="utf-8"), module.name
