"""Many analysts at once: concurrent sessions in real Chromium while the warehouse is rebuilt.

``python -m bench.stages concurrency DATA DB [SESSIONS] [ROUNDS]`` starts a fresh Streamlit
server per phase (1, 5, 10 sessions by default), opens that many browser contexts (separate
cookies and websockets, so separate Streamlit sessions) in one headless Chromium, and has each
work through the page cycle (:data:`CYCLE`), making three filter changes on every page
(:data:`THINK_S` apart, as an analyst reads each chart), until it has done ``ROUNDS`` cycles
*and* the warehouse has been rebuilt twice (``python -m etl build`` in a subprocess; each build
writes a new file and swaps it in, which invalidates every cached query of the app). It prints
one JSON line: per phase, p50/p95/max of the time from a filter change to every chart drawn,
the errors seen, the server's RSS; and the RSS each session beyond the first adds.

"Drawn" means: the script run the change triggered has finished, no widget is still a
skeleton, every plotly chart has its SVG, and two animation frames have passed. "Finished" is
seen in the page (``stApp`` went from ``running`` back to ``notRunning``) or, failing that, in
the network: a widget change does not set the page's state itself, so when a loaded browser
handles the server's "run started" and "run finished" in one React render the state never
shows ``running``; waiting for it alone counted finished runs as 30-second errors. The network
path (a ``script_finished`` frame after the change's rerun request) is counted apart.
"""

from __future__ import annotations

import asyncio
import base64
import os
import re
import resource
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil
from playwright.async_api import Browser, CDPSession, Page, async_playwright
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.chromium import CHROMIUM, LAUNCH_ARGS

ROOT = Path(__file__).resolve().parents[1]
CYCLE: tuple[tuple[str, str | None], ...] = (
    ("summary", "Summary"),
    ("trends", "Trends"),
    ("events", "Events"),
    ("body", None),
)
"""(url path, title in the navigation) of the pages each session works through, in order.
The body page is not in the navigation: it is opened from a link (a new page load), as from
the Bodies index or an event, for one of :data:`BODIES`."""
BODIES = ("free_trade_commission", "sme_dialogue", "environment_committee", "labor_council")
STEP_TIMEOUT_S = 30.0
"""A filter change not drawn within this is counted as an error (a hung session)."""
THINK_S = 2.0
"""Pause after each drawn change, as an analyst reads the chart before the next change: with
none, ten sessions measure a server saturated by clicks no team makes, not its latency."""
INCLUDE_STATUSES = "Include announced, postponed, rescheduled and cancelled"

ARM = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  const busy = state => state === 'running' || state === 'rerunRequested';
  window.__benchRun = new Promise(resolve => {
    let seen = busy(app.getAttribute('data-test-script-state'));
    const observer = new MutationObserver(() => {
      const state = app.getAttribute('data-test-script-state');
      if (busy(state)) { seen = true; }
      else if (seen && state === 'notRunning') { observer.disconnect(); resolve(true); }
    });
    observer.observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
  });
}"""
DRAWN = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return app && app.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector('[data-testid="stSkeleton"]')
    && [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
         .every(chart => chart.querySelector('.main-svg'));
}"""
FRAMES = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def rss_mib(pid: int) -> float:
    return float(psutil.Process(pid).memory_info().rss) / 2**20


def _pinned(cpus: set[int] | None) -> Any:
    """A ``preexec_fn`` that keeps the child on ``cpus`` (``None``: wherever the OS puts it)."""
    if cpus is None:
        return None
    return lambda: os.sched_setaffinity(0, cpus)


def cpu_seconds(pid: int) -> float:
    """User and system CPU time the process ``pid`` (all its threads) has used."""
    times = psutil.Process(pid).cpu_times()
    return float(times.user + times.system)


def _kind(process: psutil.Process) -> str:
    """``browser`` for Chromium's main process, its ``--type`` for the others (Chromium
    rewrites its processes' command lines into one string, so the type is searched in it),
    else the program's name."""
    cmdline = process.cmdline()
    joined = " ".join(cmdline)
    typed = re.search(r"--type=([\w-]+)", joined)
    if typed:
        return typed[1]
    if "chrom" in joined.split(" ")[0]:
        return "browser"
    return Path(cmdline[0]).name if cmdline else process.name()


def descendants_cpu_seconds(root: int, *, leave_out: int) -> dict[str, float]:
    """CPU time of ``root``'s descendants but ``leave_out`` (the server) and its own, summed by
    kind: ``node`` (Playwright's driver), ``browser`` (Chromium's main process) and Chromium's
    ``--type`` (``renderer``, ``gpu-process``, ``utility``, ``zygote``). A process's reaped
    children count with it, so the renderers of contexts already closed count with their
    zygote."""
    out: dict[str, float] = {}
    todo = [p for p in psutil.Process(root).children() if p.pid != leave_out]
    while todo:
        process = todo.pop()
        try:
            todo += process.children()
            kind = _kind(process)
            times = process.cpu_times()
        except psutil.Error:  # gone, or a zombie, since it was listed
            continue
        spent = times.user + times.system + times.children_user + times.children_system
        out[kind] = out.get(kind, 0.0) + spent
    return out


def machine_busy_seconds() -> float:
    """CPU time every core of the machine has spent not idle (nor waiting for I/O)."""
    times = psutil.cpu_times()
    # guest time is already counted in user time, so it is not added again.
    busy = ("user", "nice", "system", "irq", "softirq", "steal")
    return float(sum(getattr(times, name, 0.0) for name in busy))


class Server:
    """A Streamlit server on the warehouse ``db``, in its own process group (on ``cpus``,
    when given)."""

    def __init__(self, db: Path, cpus: set[int] | None = None) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.run_log = Path(tempfile.mkstemp(prefix="tmec-runs-", suffix=".log")[1])
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "bench.serve",
                str(self.run_log),
                "streamlit_app.py",
                "--server.port",
                str(self.port),
                "--server.address",
                "127.0.0.1",
                "--server.headless",
                "true",
                "--browser.gatherUsageStats",
                "false",
            ],
            cwd=ROOT,
            env={**os.environ, "TMEC_DB": str(db)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            preexec_fn=_pinned(cpus),
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=1) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("the Streamlit server did not start within 60 s")

    def rss_mib(self) -> float:
        return rss_mib(self.proc.pid)

    def runs(self) -> tuple[list[float], list[float]]:
        """Seconds the server took for each widget change's rerun and for each page load
        (see :mod:`bench.serve`)."""
        reruns: list[float] = []
        openings: list[float] = []
        for line in self.run_log.read_text(encoding="utf-8").splitlines():
            took, opening = line.split()
            (openings if opening == "1" else reruns).append(float(took))
        return reruns, openings

    def stop(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=30)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=30)
        self.run_log.unlink(missing_ok=True)


class Rebuilds(threading.Thread):
    """Rebuild the warehouse ``n`` times, ``pause_s`` apart, while the sessions work, at the
    lowest CPU priority (``nice -n 19``), as docs/operations.md tells a team to run builds
    beside the servers: a 100,000-event build keeps both cores busy for a minute and more, and
    analysts waiting for a chart should come first."""

    def __init__(
        self,
        data: Path,
        db: Path,
        *,
        n: int = 2,
        pause_s: float = 3.0,
        cpus: set[int] | None = None,
    ) -> None:
        super().__init__(daemon=True)
        self.data, self.db, self.n, self.pause_s, self.cpus = data, db, n, pause_s, cpus
        self.seconds: list[float] = []
        self.cpu_seconds = 0.0
        """CPU time the builds used (their processes and workers, as reaped)."""
        self.failures: list[str] = []

    def run(self) -> None:
        for _ in range(self.n):
            time.sleep(self.pause_s)
            started = time.perf_counter()
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            done = subprocess.run(
                [
                    "nice",
                    "-n",
                    "19",
                    sys.executable,
                    "-m",
                    "etl",
                    "build",
                    "--data",
                    str(self.data),
                    "--db",
                    str(self.db),
                ],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=False,
                preexec_fn=_pinned(self.cpus),
            )
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            self.cpu_seconds += (after.ru_utime - before.ru_utime) + (
                after.ru_stime - before.ru_stime
            )
            self.seconds.append(time.perf_counter() - started)
            if done.returncode != 0:
                self.failures.append(done.stderr[-500:])

    @property
    def finished(self) -> bool:
        return len(self.seconds) == self.n


class Frames:
    """The session's WebSocket traffic as the browser's network service saw it (DevTools
    timestamps, taken outside the page's busy renderer): when each rerun was asked for and
    when each script run was reported finished."""

    def __init__(self) -> None:
        self.reruns: list[float] = []
        self.finished: list[float] = []

    async def attach(self, cdp: CDPSession) -> None:
        await cdp.send("Network.enable")
        cdp.on("Network.webSocketFrameSent", self._sent)
        cdp.on("Network.webSocketFrameReceived", self._received)

    @staticmethod
    def _kind(params: dict[str, Any], message: BackMsg | ForwardMsg) -> str | None:
        frame = params["response"]
        if frame.get("opcode") != 2:
            return None
        try:
            message.ParseFromString(base64.b64decode(frame["payloadData"]))
        except Exception:
            return None
        kind: str | None = message.WhichOneof("type")
        return kind

    def _sent(self, params: dict[str, Any]) -> None:
        if self._kind(params, BackMsg()) == "rerun_script":
            self.reruns.append(float(params["timestamp"]))

    def _received(self, params: dict[str, Any]) -> None:
        if self._kind(params, ForwardMsg()) == "script_finished":
            self.finished.append(float(params["timestamp"]))

    def answered(self, n_reruns: int, n_finished: int) -> bool:
        """Whether a rerun was asked for after the counts were taken and a script run was
        reported finished after it."""
        asked, done = self.reruns[n_reruns:], self.finished[n_finished:]
        return bool(asked and done and done[-1] >= asked[0])

    def server_seconds(self, n_reruns: int, n_finished: int) -> float | None:
        """From the first rerun asked for after the counts ``n_reruns``, ``n_finished`` were
        taken to the last script run reported finished since."""
        asked, done = self.reruns[n_reruns:], self.finished[n_finished:]
        return done[-1] - asked[0] if asked and done and done[-1] >= asked[0] else None


@dataclass
class SessionLog:
    timings: list[float] = field(default_factory=list)
    """Seconds from each filter change to its charts drawn."""
    runs: list[float] = field(default_factory=list)
    """Seconds from each filter change to the end of the script run it triggered."""
    server: list[float] = field(default_factory=list)
    """Seconds from each rerun request leaving the browser to the server's "script finished"
    reaching it (network timestamps): the server's share, without the page's rendering."""
    steps: list[str] = field(default_factory=list)
    picks_repeated: int = 0
    """Body picks that chose nothing and were made again (see :func:`_pick_body`)."""
    via_network: int = 0
    """Changes whose finished run was seen only in the network (see the module's docstring)."""
    errors: list[str] = field(default_factory=list)
    rounds: int = 0


async def _drawn(page: Page) -> None:
    await page.wait_for_function(DRAWN, timeout=STEP_TIMEOUT_S * 1000)
    await page.evaluate(FRAMES)


async def _run_finished(page: Page, frames: Frames, counts: tuple[int, int]) -> str:
    """Wait for the run a change asked for to finish; say where it was seen ("page" or
    "network")."""
    in_page = asyncio.ensure_future(page.evaluate("window.__benchRun"))
    deadline = time.monotonic() + STEP_TIMEOUT_S
    try:
        while time.monotonic() < deadline:
            if in_page.done():
                in_page.result()
                return "page"
            if frames.answered(*counts):
                return "network"
            await asyncio.sleep(0.02)
    finally:
        if not in_page.done():
            in_page.cancel()
    raise TimeoutError(f"no run finished within {STEP_TIMEOUT_S:.0f} s")


async def _timed_change(
    page: Page, log: SessionLog, frames: Frames, what: str, action: Any
) -> None:
    """Make one filter change and record the time until its charts are drawn."""
    stage = "change"
    counts = (len(frames.reruns), len(frames.finished))
    try:
        await page.evaluate(ARM)
        started = time.perf_counter()
        await action()
        stage = "script run"
        if await _run_finished(page, frames, counts) == "network":
            log.via_network += 1
        ran = time.perf_counter() - started
        stage = "drawing"
        await _drawn(page)
        log.timings.append(time.perf_counter() - started)
        log.runs.append(ran)
        log.steps.append(what)
        server = frames.server_seconds(*counts)
        if server is not None:
            log.server.append(server)
    except Exception as exc:  # any failure of a step is an error seen by that analyst
        asked = len(frames.reruns) > counts[0]
        answered = len(frames.finished) > counts[1]
        log.errors.append(
            f"{what}: {stage}: {type(exc).__name__} (rerun asked: {asked}, a run finished: "
            f"{answered}): {str(exc)[:200]}"
        )
        return
    finally:
        await asyncio.sleep(THINK_S)
    if await page.get_by_test_id("stException").count():
        text = await page.get_by_test_id("stException").first.inner_text()
        log.errors.append(f"{what}: exception on the page: {text[:200]}")


async def _wait_title(page: Page, title: str) -> None:
    await page.wait_for_function(
        "t => document.querySelector('[data-testid=\"stMain\"] h1')?.innerText === t",
        arg=title,
        timeout=STEP_TIMEOUT_S * 1000,
    )


async def _open(page: Page, url: str, title: str | None) -> None:
    """Load ``url`` (a new Streamlit session) and wait for its title (any, if ``None``) and
    its charts."""
    await page.goto(url, timeout=STEP_TIMEOUT_S * 1000)
    await page.get_by_test_id("stMain").locator("h1").first.wait_for(timeout=STEP_TIMEOUT_S * 1000)
    if title is not None:
        await _wait_title(page, title)
    await _drawn(page)


PICK_CONFIRM_S = 5.0
"""How long a body pick may take to send its rerun request before it is made again."""


def _pick_body(page: Page, k: int, frames: Frames, log: SessionLog) -> Any:
    """An action choosing the ``k``-th body (modulo their number) in the Bodies filter.

    On a starved renderer a click on an option can land while the list is being laid out
    and choose nothing (no rerun is asked for; seen 6 times in 465 changes at 100,000 events
    with 10 sessions): an analyst would click again, and so does this, once, counting it in
    ``log.picks_repeated``; the time is measured from the first click."""
    bodies = page.get_by_test_id("stSidebar").get_by_role("combobox", name="Bodies", exact=True)

    async def pick_once() -> None:
        await bodies.click()
        options = page.get_by_role("option")
        await options.nth(k % max(1, await options.count())).click()
        await bodies.press("Escape")

    async def pick() -> None:
        asked = len(frames.reruns)
        await pick_once()
        deadline = time.monotonic() + PICK_CONFIRM_S
        while time.monotonic() < deadline and len(frames.reruns) == asked:
            await asyncio.sleep(0.05)
        if len(frames.reruns) == asked:
            log.picks_repeated += 1
            await pick_once()

    return pick


async def session(
    browser: Browser, base_url: str, index: int, rounds: int, rebuilds: Rebuilds
) -> SessionLog:
    log = SessionLog()
    context = await browser.new_context(viewport={"width": 1400, "height": 900}, locale="en-US")
    page = await context.new_page()
    frames = Frames()
    await frames.attach(await context.new_cdp_session(page))
    page.on("pageerror", lambda exc: log.errors.append(f"page error: {exc}"))
    sidebar = page.get_by_test_id("stSidebar")
    try:
        try:
            await _open(page, f"{base_url}/summary?lang=en", "Summary")
        except Exception as exc:
            log.errors.append(f"open summary: {type(exc).__name__}: {str(exc)[:200]}")
        while log.rounds < rounds or not rebuilds.finished:
            for step, (path, title) in enumerate(CYCLE):
                try:
                    if title is None:
                        code = BODIES[(index + log.rounds) % len(BODIES)]
                        await _open(page, f"{base_url}/{path}?code={code}&lang=en", None)
                    else:
                        nav = page.get_by_test_id("stSidebarNav")
                        await nav.get_by_role("link", name=title, exact=True).click(
                            timeout=STEP_TIMEOUT_S * 1000
                        )
                        await _wait_title(page, title)
                        await _drawn(page)
                except Exception as exc:
                    log.errors.append(f"open {path}: {type(exc).__name__}: {str(exc)[:200]}")
                    continue
                toggle = sidebar.get_by_text(INCLUDE_STATUSES, exact=True)
                await _timed_change(page, log, frames, f"{path}: statuses toggle", toggle.click)
                pick = _pick_body(page, index + step + log.rounds, frames, log)
                await _timed_change(page, log, frames, f"{path}: body filter", pick)
                reset = sidebar.get_by_role("button", name="Reset filters", exact=True)
                await _timed_change(page, log, frames, f"{path}: reset filters", reset.click)
            log.rounds += 1
    finally:
        await context.close()
    return log


def _percentiles(samples: list[float]) -> dict[str, float]:
    if not samples:
        return {"p50_ms": float("nan"), "p95_ms": float("nan"), "max_ms": float("nan")}
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "p50_ms": statistics.median(ordered) * 1000,
        "p95_ms": p95 * 1000,
        "max_ms": ordered[-1] * 1000,
    }


SERVER_CPUS = {0}
"""With ``split_cores``: the server and the rebuilds run on this core ..."""
BROWSER_CPUS = {1}
"""... and the browsers (and this driver) on this one, as when each analyst's browser runs on
their own machine: the server's figures are then its own, not those of a server sharing its
cores with ten renderers."""


async def phase(
    data: Path, db: Path, n_sessions: int, rounds: int, *, split_cores: bool = False
) -> dict[str, Any]:
    """One fresh server, ``n_sessions`` concurrent sessions, two rebuilds; the CPU time each
    part used (server, rebuilds, everything else: the browsers and this driver)."""
    everywhere = os.sched_getaffinity(0)
    server_cpus = SERVER_CPUS if split_cores else None
    if split_cores:
        os.sched_setaffinity(0, BROWSER_CPUS)  # Chromium, started below, inherits it
    server = Server(db, server_cpus)
    busy_before = machine_busy_seconds()
    driver_before = resource.getrusage(resource.RUSAGE_SELF)
    try:
        rss_idle = server.rss_mib()
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=list(LAUNCH_ARGS), headless=True
            )
            try:
                rebuilds = Rebuilds(data, db, cpus=server_cpus)
                rss_peak = [server.rss_mib()]

                async def watch_rss() -> None:
                    while True:
                        rss_peak.append(server.rss_mib())
                        await asyncio.sleep(0.5)

                watcher = asyncio.create_task(watch_rss())
                rebuilds.start()
                started = time.perf_counter()
                logs = await asyncio.gather(
                    *(session(browser, server.url, i, rounds, rebuilds) for i in range(n_sessions))
                )
                seconds = time.perf_counter() - started
                rss_end = server.rss_mib()
                server_cpu = cpu_seconds(server.proc.pid)
                server_reruns, server_openings = server.runs()
                browsers = descendants_cpu_seconds(os.getpid(), leave_out=server.proc.pid)
                driver_after = resource.getrusage(resource.RUSAGE_SELF)
                watcher.cancel()
            finally:
                await browser.close()
        rebuilds.join()
    finally:
        server.stop()
        os.sched_setaffinity(0, everywhere)
    busy = machine_busy_seconds() - busy_before
    timings = [t for log in logs for t in log.timings]
    runs = [t for log in logs for t in log.runs]
    server_times = [t for log in logs for t in log.server]
    by_step: dict[str, list[float]] = {}
    for log in logs:
        for what, took in zip(log.steps, log.timings, strict=True):
            by_step.setdefault(what, []).append(took)
    errors = [e for log in logs for e in log.errors] + [
        f"rebuild failed: {f}" for f in rebuilds.failures
    ]
    return {
        "sessions": n_sessions,
        "n_changes": len(timings),
        **_percentiles(timings),
        "run_p50_ms": _percentiles(runs)["p50_ms"],
        "run_p95_ms": _percentiles(runs)["p95_ms"],
        "server_p50_ms": _percentiles(server_times)["p50_ms"],
        "server_p95_ms": _percentiles(server_times)["p95_ms"],
        "n_server": len(server_times),
        "server_clock_p50_ms": _percentiles(server_reruns)["p50_ms"],
        "server_clock_p95_ms": _percentiles(server_reruns)["p95_ms"],
        "server_clock_max_ms": _percentiles(server_reruns)["max_ms"],
        "n_server_clock": len(server_reruns),
        "server_clock_page_load_p95_ms": _percentiles(server_openings)["p95_ms"],
        "by_step_p50_ms": {k: statistics.median(v) * 1000 for k, v in sorted(by_step.items())},
        "n_seen_in_network": sum(log.via_network for log in logs),
        "n_picks_repeated": sum(log.picks_repeated for log in logs),
        "errors": len(errors),
        "error_samples": errors[:5],
        "rounds": [log.rounds for log in logs],
        "seconds": seconds,
        "rebuild_seconds": rebuilds.seconds,
        "rss_idle_mib": rss_idle,
        "rss_end_mib": rss_end,
        "rss_peak_mib": max(rss_peak),
        "split_cores": split_cores,
        "cpu_s": {
            "machine": busy,
            "server": server_cpu,
            "rebuilds": rebuilds.cpu_seconds,
            "browsers_and_driver": max(0.0, busy - server_cpu - rebuilds.cpu_seconds),
            "this_driver": (driver_after.ru_utime - driver_before.ru_utime)
            + (driver_after.ru_stime - driver_before.ru_stime),
            **{f"chromium_{kind}": seconds for kind, seconds in sorted(browsers.items())},
        },
    }


def concurrency(
    data: str, db: str, sessions: str = "1,5,10", rounds: str = "1", split: str = "0"
) -> dict[str, Any]:
    """``split`` = "1": the server on one core, the browsers on the other (see
    :data:`SERVER_CPUS`)."""
    counts = [int(n) for n in sessions.split(",")]
    split_cores = split == "1"
    phases = [
        asyncio.run(phase(Path(data), Path(db), n, int(rounds), split_cores=split_cores))
        for n in counts
    ]
    by_n = {p["sessions"]: p for p in phases}
    per_extra: float | None = None
    if len(counts) > 1:
        low, high = min(counts), max(counts)
        per_extra = (by_n[high]["rss_peak_mib"] - by_n[low]["rss_peak_mib"]) / (high - low)
    return {
        "phases": phases,
        "rss_per_extra_session_mib": per_extra,
        "cycle": [p for p, _ in CYCLE],
        "split_cores": split_cores,
    }
