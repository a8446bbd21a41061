"""Benchmark stages, one per process: ``python -m bench.stages NAME ARGS...``.

Each prints one JSON line with its figures; ``peak_mib`` is this process's peak RSS.
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parents[1]


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def emit(**figures: Any) -> None:
    print(json.dumps({**figures, "peak_mib": round(peak_mib(), 1)}))


def floor(data: str) -> None:
    """Read and parse every record with libyaml's C loader, nothing else: the floor."""
    import yaml

    files = sorted((Path(data) / "events").glob("*.yaml"))
    started = time.perf_counter()
    for path in files:
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
    emit(seconds=time.perf_counter() - started, n_files=len(files))


def validate(data: str) -> None:
    from etl.validate import validate_dir

    started = time.perf_counter()
    result = validate_dir(Path(data))
    emit(seconds=time.perf_counter() - started, n_events=len(result.events), ok=result.ok)


def build(data: str, db: str, mode: str) -> None:
    from etl.build import build as run_build

    started = time.perf_counter()
    report = run_build(Path(data), Path(db), incremental=mode == "incremental")
    emit(
        seconds=time.perf_counter() - started,
        n_events=report.n_events,
        n_cases=report.n_records.get("cases", 0),
        n_reused=report.n_reused,
    )


def touch_and_build(data: str, db: str) -> None:
    """Change one record file (a comment line), rebuild incrementally, then restore it."""
    from etl.build import build as run_build

    path = sorted((Path(data) / "events").glob("*.yaml"))[0]
    original = path.read_bytes()
    try:
        path.write_bytes(original + f"# bench touch {time.time()}\n".encode())
        started = time.perf_counter()
        report = run_build(Path(data), Path(db), incremental=True)
        seconds = time.perf_counter() - started
    finally:
        path.write_bytes(original)
    emit(seconds=seconds, n_events=report.n_events, n_reused=report.n_reused)


NAIVE_SAMPLE = 2000


def naive(data: str) -> None:
    """The baseline the design avoids: row-by-row inserts (executemany) of every table's rows,
    timed on up to NAIVE_SAMPLE events and extrapolated linearly to all of them."""
    import duckdb

    from etl.recordtypes.events import event_frames
    from etl.tables import schema
    from etl.validate import validate_dir
    from warehouse.db import schema_statements

    events = validate_dir(Path(data)).events
    sample = events[:NAIVE_SAMPLE]
    frames = event_frames(sample)
    con = duckdb.connect(":memory:")
    for ddl in schema_statements():
        con.execute(ddl)
    started = time.perf_counter()
    n_rows = 0
    for table, frame in frames.items():
        columns = list(schema(table))
        marks = ", ".join("?" for _ in columns)
        rows = frame.select(columns).rows()
        n_rows += len(rows)
        if rows:
            con.executemany(f"insert into {table} ({', '.join(columns)}) values ({marks})", rows)
    seconds = time.perf_counter() - started
    scale = len(events) / max(1, len(sample))
    emit(
        sample_events=len(sample),
        sample_rows=n_rows,
        sample_seconds=seconds,
        rows_per_second=n_rows / seconds if seconds else 0.0,
        estimated_seconds=seconds * scale,
    )


def _percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"p50_ms": statistics.median(ordered) * 1000, "p95_ms": p95 * 1000}


def marts(db: str, runs: str) -> None:
    """Each mart's bare SQL, and each named query of the app with default filters."""
    from dashboard.cases.cases import query_params
    from dashboard.state.filters import Filters, sql_struct
    from warehouse.db import connect, mart_names, query_names, query_parameters, query_sql

    defaults: dict[str, Any] = {
        "filters": sql_struct(Filters()),
        "kinds": [],  # stated_records_running: the kinds of stated totals (none)
        "q": "",
        "ascending": False,
        "max_rows": 2_000,  # the Events table shows 2,000 rows; its CSV fetches all on click
        "topic_code": "smes",
        "cell_year": None,
        "cell_body": None,
        "event_id": "x",
        # search.sql: one term (textrules.terms), the app's BM25 parameters and page size
        "alternatives": [["dialog"]],
        "k1": 1.2,
        "b": 0.75,
        "min_terms": 12,
        "limit": 50,
        # the body page (the body timed by the pages stage), cases and their filters
        "body_code": BODY_CODE,
        "case_id": "x",
        **query_params(Filters(), {}, period_rule="request"),
        "chapter": 30,
    }
    con = connect(db)
    # A case that exists, so the case page's queries return its rows.
    defaults["case_id"] = con.sql("select coalesce(min(case_id), 'x') from cases").fetchall()[0][0]
    timings: dict[str, dict[str, float]] = {}
    jobs: list[tuple[str, str, dict[str, Any]]] = [
        (f"mart:{m}", f"select * from {m}", {}) for m in mart_names()
    ]
    for name in sorted(query_names()):
        wanted = query_parameters(name)
        if not wanted <= defaults.keys():
            raise KeyError(
                f"bench.stages.marts: add a value for {sorted(wanted - defaults.keys())}"
            )
        jobs.append((f"query:{name}", query_sql(name), {k: defaults[k] for k in wanted}))
    for name, sql, params in jobs:
        samples = []
        for _ in range(int(runs) + 1):
            started = time.perf_counter()
            if name.startswith("mart:"):
                # The mart's bare SQL, run to completion inside DuckDB (no transfer to Python).
                con.execute(f"create or replace temp table bench_out as {sql}")
            else:
                # What the app pays: the query and its result as a polars frame.
                con.sql(sql, params=params).pl() if params else con.sql(sql).pl()
            samples.append(time.perf_counter() - started)
        timings[name] = _percentiles(samples[1:])
    con.close()
    emit(queries=timings)


BODY_CODE = "free_trade_commission"
"""The body whose page is timed (it has events and reports in the real data and in synth)."""


PAGES = ("summary", "trends", "topics", "parties", "events", "data_page", "body", "cases")
FILTER_CHANGES: dict[str, tuple[str, list[str]]] = {
    "cases": ("cs_mechanism", ["rrm"]),  # the body filter does not apply to cases
}
"""The filter change timed on a page (widget key, value); others pick a body."""


def pages(db: str, names: str = ",".join(PAGES)) -> None:
    """Every page (or those named, comma-separated) under AppTest: first load, a plain
    rerun, and a filter change."""
    import os

    os.environ["TMEC_DB"] = db
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    app = str(ROOT / "streamlit_app.py")
    out: dict[str, dict[str, float]] = {}
    for page in names.split(","):
        at = AppTest.from_file(app, default_timeout=600)
        at.query_params["lang"] = "en"
        if page == "body":
            at.query_params["code"] = BODY_CODE
        at.run()
        # Caches are per process: empty them so the first load of each page is a cold one.
        st.cache_data.clear()
        st.cache_resource.clear()
        started = time.perf_counter()
        at.switch_page(f"dashboard/views/{page}.py").run()
        first = time.perf_counter() - started
        started = time.perf_counter()
        at.run()
        rerun = time.perf_counter() - started
        started = time.perf_counter()
        key, value = FILTER_CHANGES.get(page, ("flt_bodies_en", ["environment_committee"]))
        at.multiselect(key=key).set_value(value).run()
        change = time.perf_counter() - started
        if at.exception:
            raise RuntimeError(f"{page}: {at.exception[0].message}")
        out[page] = {"first": first, "rerun": rerun, "filter_change": change}
    emit(pages=out)


def app_memory(db: str) -> None:
    """RSS of a real Streamlit server after every page was opened in headless Chromium; with
    no Chromium, the RSS of an AppTest process that rendered every page instead."""
    import os
    import shutil
    import socket

    from bench.chromium import CHROMIUM, LAUNCH_ARGS

    chromium = shutil.which("chromium") or str(CHROMIUM)
    if not Path(chromium).exists():
        os.environ["TMEC_DB"] = db
        from streamlit.testing.v1 import AppTest

        for page in ("summary", "trends", "topics", "parties", "events", "data_page"):
            at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=600)
            at.run()
            at.switch_page(f"dashboard/views/{page}.py").run()
        emit(rss_mib=peak_mib(), method="AppTest process peak RSS (no chromium found)")
        return
    from playwright.sync_api import sync_playwright

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "streamlit_app.py",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
        ],
        cwd=ROOT,
        env={**os.environ, "TMEC_DB": db},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=chromium,
                args=list(LAUNCH_ARGS),
            )
            tab = browser.new_page()
            process = psutil.Process(server.pid)
            peak_seen = 0
            deadline = time.time() + 60
            while time.time() < deadline:
                try:
                    tab.goto(f"http://127.0.0.1:{port}/", timeout=5000)
                    break
                except Exception:
                    time.sleep(0.5)
            for url_path in (
                "summary",
                "trends",
                "topics",
                "parties",
                "events",
                "data",
                f"body?code={BODY_CODE}",
            ):
                sep = "&" if "?" in url_path else "?"
                tab.goto(f"http://127.0.0.1:{port}/{url_path}{sep}lang=en", timeout=120_000)
                tab.wait_for_selector("h1", timeout=120_000)
                tab.wait_for_timeout(1500)
                peak_seen = max(peak_seen, process.memory_info().rss)
            browser.close()
        rss = process.memory_info().rss
    finally:
        server.terminate()
        server.wait(timeout=30)
    emit(
        rss_mib=rss / 2**20,
        rss_peak_seen_mib=max(peak_seen, rss) / 2**20,
        method="Streamlit server RSS after Chromium opened every page",
    )


def concurrency(
    data: str, db: str, sessions: str = "1,5,10", rounds: str = "1", split: str = "0"
) -> None:
    """Concurrent sessions in Chromium while the warehouse is rebuilt (bench.concurrency);
    ``split`` = "1" runs the server on one core and the browsers on the other."""
    from bench.concurrency import concurrency as run

    emit(**run(data, db, sessions, rounds, split))


STAGES = {
    f.__name__: f
    for f in (floor, validate, build, touch_and_build, naive, marts, pages, app_memory, concurrency)
}

if __name__ == "__main__":
    STAGES[sys.argv[1]](*sys.argv[2:])
