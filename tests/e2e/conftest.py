"""The app under test for the browser tests: a fresh warehouse and a Streamlit server on localhost,
and the browser from pytest-playwright, launched with the arguments of ``bench.chromium``.

The server runs in its own process group so teardown stops it and anything it started (at the
end of the module: a server left running would be counted by tests that measure the CPU of
their process's children). Under pytest-xdist each worker that runs browser tests has its own
warehouse (tmp_path_factory is per worker) and its own server on a free port.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import ViewportSize

from bench.chromium import CHROMIUM, LAUNCH_ARGS
from etl.build import build

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
STARTUP_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 10.0
VIEWPORT: ViewportSize = {"width": 1400, "height": 900}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is absent but CI is set: the browser tests must run in CI. "
            "Install it with `apt-get install -y chromium` (.ci/run does)."
        )
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": list(LAUNCH_ARGS),
        "headless": True,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_context_args,
        "accept_downloads": True,
        "viewport": VIEWPORT,
        "locale": "en-US",
    }


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def _log_tail(log: Path, n_chars: int = 3000) -> str:
    return log.read_text(encoding="utf-8", errors="replace")[-n_chars:]


def _wait_healthy(proc: subprocess.Popen[bytes], base_url: str, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(
                f"the Streamlit server exited with code {proc.returncode} before answering "
                f"{base_url}/_stcore/health; its log ends with:\n{_log_tail(log)}"
            )
        try:
            with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=1) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    pytest.fail(
        f"the Streamlit server did not answer {base_url}/_stcore/health within "
        f"{STARTUP_TIMEOUT_S:.0f} s; its log ends with:\n{_log_tail(log)}"
    )


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop the server's whole process group (its own session, so its id is the server's)."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        proc.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=STOP_TIMEOUT_S)


HOSTILE_ID = "fixture-hostile-2022-05-05"
HOSTILE_TITLE = (
    "<script>window.__pwned = 1</script> <b>bold</b> [click me](https://evil.example) **stars**"
)
HOSTILE_RECORD = f"""\
# Test fixture, not a real event: record text that must render as text, never as markup.
id: {HOSTILE_ID}
body: sme_committee
edition: null
kind: committee_meeting
title_en: {HOSTILE_TITLE!r}
start_date: 2022-05-05
status: held
format: virtual
participants:
  - name: "<i>Agent</i> [x](https://evil.example)"
    party: MX
    level: official
    capacity: participant
outcomes:
  - text: "<img src=x onerror=\\"window.__pwned=2\\"> =HYPERLINK(1) :red[colour]"
    kind: announcement
sources:
  - url: "https://example.org/x\\"onclick=\\"window.__pwned=3\\"><script>window.__pwned=4</script>"
    publisher: "<u>Publisher</u>"
  - url: https://example.org/fixture/hostile
confidence: low
notes: "Test fixture, not a real event. [link](javascript:alert(1))
  <style>*{{display:none}}</style>"
"""


@pytest.fixture(scope="module")
def warehouse_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A warehouse built from a copy of the project's data/ plus one hostile fixture record,
    private to the browser tests."""
    base = tmp_path_factory.mktemp("e2e_warehouse")
    data = Path(shutil.copytree(ROOT / "data", base / "data"))
    (data / "events" / f"{HOSTILE_ID}.yaml").write_text(HOSTILE_RECORD, encoding="utf-8")
    path = base / "w.duckdb"
    build(data, path)
    return path


@pytest.fixture(scope="module")
def app_url(warehouse_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of a Streamlit server running the app on a free localhost port."""
    port = _free_port()
    base_url = f"http://{HOST}:{port}"
    log = tmp_path_factory.mktemp("e2e_server") / "streamlit.log"
    env = {**os.environ, "TMEC_DB": str(warehouse_path)}
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "streamlit_app.py",
        "--server.address",
        HOST,
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--server.fileWatcherType",
        "none",
        "--browser.gatherUsageStats",
        "false",
    ]
    with log.open("wb") as out:
        proc = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _wait_healthy(proc, base_url, log)
        yield base_url
    finally:
        _stop(proc)
