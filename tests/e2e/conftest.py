"""The app under test for the browser tests: a fresh warehouse and a Streamlit server on localhost.

The server runs in its own process group so teardown stops it and anything it started.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from etl.build import build

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
STARTUP_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 10.0


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


@pytest.fixture(scope="module")
def warehouse_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A warehouse freshly built from the project's data/, private to this module."""
    path = tmp_path_factory.mktemp("e2e_warehouse") / "w.duckdb"
    build(ROOT / "data", path)
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
