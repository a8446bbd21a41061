"""One benchmark run: ETL, marts and dashboard at the real data and at synthetic scales.

Usage: ``python -m bench.run [--sizes real,1000,10000,100000] [--out bench/results]``
(``make bench``). Every stage that reports memory runs in its own process, so each peak RSS
is that stage's alone. Prints a table and writes ``bench.json`` and ``bench.md``.
Nothing here asserts a target: the figures are read against the targets in docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "bench" / "work"
MART_RUNS = 20


def stage(name: str, *args: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run ``python -m bench.stages NAME ARGS`` and return the JSON it prints."""
    done = subprocess.run(
        [sys.executable, "-m", "bench.stages", name, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
    )
    if done.returncode != 0:
        raise RuntimeError(f"stage {name} {args} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


REPORTS_PER_EVENTS = 50
"""Synthetic activity reports per synthetic event (the real data has about one per three
events; fewer keeps the scale runs about events, with reports present at every size)."""


CASES_SCALE = {"100000": 100}
"""Sizes whose synthetic folder holds enforcement cases: size → multiple of the real count
(39 real cases give 3,900 at 100,000 events)."""


def data_dir(size: str) -> Path:
    """The real data, or a synthetic folder of ``size`` events, ``size / 50`` activity
    reports and, at the sizes of ``CASES_SCALE``, that multiple of the real cases (generated
    once, seed 1)."""
    if size == "real":
        return ROOT / "data"
    out = WORK / f"synth-{size}"
    n_reports = int(size) // REPORTS_PER_EVENTS
    n_cases = CASES_SCALE.get(size, 0) * len(list((ROOT / "data" / "cases").glob("*.yaml")))
    if (
        len(list((out / "events").glob("*.yaml"))) != int(size)
        or len(list((out / "reports").glob("*.yaml"))) != n_reports
        or len(list((out / "cases").glob("*.yaml"))) != n_cases
    ):
        subprocess.run(
            [
                sys.executable,
                "-m",
                "etl",
                "synth",
                "--events",
                size,
                "--reports",
                str(n_reports),
                "--cases",
                str(n_cases),
                "--out",
                str(out),
                "--seed",
                "1",
            ],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
    return out


def measure(size: str, *, app: bool, concurrency: bool) -> dict[str, Any]:
    data = data_dir(size)
    db = WORK / f"bench-{size}.duckdb"
    for stale in WORK.glob(f"bench-{size}.duckdb*"):
        stale.unlink()
    row: dict[str, Any] = {"size": size}
    row["floor_parse"] = stage("floor", str(data))
    row["validate"] = stage("validate", str(data))
    row["build_full"] = stage("build", str(data), str(db), "full")
    row["build_incremental_unchanged"] = stage("build", str(data), str(db), "incremental")
    row["build_incremental_one_changed"] = stage("touch_and_build", str(data), str(db))
    row["naive_row_inserts"] = stage("naive", str(data))
    row["warehouse_bytes"] = db.stat().st_size
    row["marts"] = stage("marts", str(db), str(MART_RUNS))
    if app:
        row["pages"] = stage("pages", str(db))
        row["app_memory"] = stage("app_memory", str(db))
    if concurrency:
        # Last: its two rebuilds per phase replace the warehouse the other stages measured.
        row["concurrency"] = stage("concurrency", str(data), str(db))
        # Ten sessions again, the server (and the rebuilds) on one core and the browsers on
        # the other: the server's figures without ten renderers on its cores.
        row["concurrency_split"] = stage("concurrency", str(data), str(db), "10", "1", "1")
    return row


def _ratio(value: float, floor: float) -> str:
    return f"{value / floor:.2f}×" if floor else "–"


def markdown(results: dict[str, Any]) -> str:
    lines = [
        f"# Benchmark ({results['when']}, {results['machine']})",
        "",
        *([results["note"], ""] if results.get("note") else []),
        "Times in seconds; ratios are to the parse floor (libyaml's C loader reading the same "
        "files in one process).",
        "",
        "| events | cases | floor parse | validate | full build | events/s | peak MiB "
        "| incremental (1 file changed) | unchanged rebuild | naive row inserts (est.) "
        "| warehouse MiB |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in results["rows"]:
        floor = row["floor_parse"]["seconds"]
        full = row["build_full"]
        lines.append(
            f"| {row['build_full']['n_events']} | {full.get('n_cases', '–')} | {floor:.2f} "
            f"| {row['validate']['seconds']:.2f} ({_ratio(row['validate']['seconds'], floor)}) "
            f"| {full['seconds']:.2f} ({_ratio(full['seconds'], floor)}) "
            f"| {full['n_events'] / full['seconds']:.0f} | {full['peak_mib']:.0f} "
            f"| {row['build_incremental_one_changed']['seconds']:.2f} "
            f"| {row['build_incremental_unchanged']['seconds']:.2f} "
            f"| {row['naive_row_inserts']['estimated_seconds']:.1f} "
            f"| {row['warehouse_bytes'] / 2**20:.1f} |"
        )
    lines += ["", "## Mart and page queries (p50 / p95 ms, bare DuckDB, warm)", ""]
    sizes = [str(r["build_full"]["n_events"]) for r in results["rows"]]
    lines.append("| query | " + " | ".join(sizes) + " |")
    lines.append("|---|" + "---|" * len(sizes))
    names = sorted({n for r in results["rows"] for n in r["marts"]["queries"]})
    for name in names:
        cells = []
        for r in results["rows"]:
            q = r["marts"]["queries"].get(name)
            cells.append(f"{q['p50_ms']:.1f} / {q['p95_ms']:.1f}" if q else "–")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    app_rows = [r for r in results["rows"] if "pages" in r]
    if app_rows:
        lines += [
            "",
            "## Dashboard (server-side seconds under AppTest)",
            "",
            "| events | page | first load (cold caches) | rerun | filter change |",
            "|---|---|---|---|---|",
        ]
        for r in app_rows:
            for page, t in r["pages"]["pages"].items():
                lines.append(
                    f"| {r['build_full']['n_events']} | {page} | {t['first']:.3f} "
                    f"| {t['rerun']:.3f} | {t['filter_change']:.3f} |"
                )
        lines += ["", "| events | app process memory | how measured |", "|---|---|---|"]
        for r in app_rows:
            m = r["app_memory"]
            lines.append(
                f"| {r['build_full']['n_events']} | {m['rss_mib']:.0f} MiB | {m['method']} |"
            )
    concurrent = [r for r in results["rows"] if "concurrency" in r]
    if concurrent:
        lines += [
            "",
            "## Concurrent sessions in Chromium, warehouse rebuilt twice per phase",
            "",
            "Time from a filter change (statuses toggle, a body picked, filters reset) to every "
            "chart drawn, over all sessions; server = from the rerun request leaving the "
            "browser to the server's script-finished message reaching it (DevTools network "
            "timestamps), without the page's own rendering; server clock = the same on the "
            "server's own clock (a rerun message arriving to its script finished, every rerun: "
            "filter changes and page switches; see bench/serve.py), whatever the browsers' side "
            "is doing. CPU s = CPU time over the phase of the server, the rebuilds and the "
            "browser side (Chromium's processes, Playwright's driver and this bench); split = "
            "the server and the rebuilds on one core, the browsers on the other.",
            "",
            "| events | sessions | split | changes | p50 ms | p95 ms | max ms "
            "| server p50 / p95 ms | server clock p50 / p95 ms | errors | picks made twice "
            "| server RSS peak MiB | rebuilds (s) | CPU s server / rebuilds / browsers |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for r in concurrent:
            c = r["concurrency"]
            split = r.get("concurrency_split", {}).get("phases", [])
            for ph in [*c["phases"], *split]:
                rebuilds = ", ".join(f"{s:.0f}" for s in ph["rebuild_seconds"])
                cpu = ph.get("cpu_s")
                cpu_text = (
                    f"{cpu['server']:.0f} / {cpu['rebuilds']:.0f} / "
                    f"{cpu['browsers_and_driver']:.0f}"
                    if cpu
                    else "–"
                )
                lines.append(
                    f"| {r['build_full']['n_events']} | {ph['sessions']} "
                    f"| {'yes' if ph.get('split_cores') else 'no'} | {ph['n_changes']} "
                    f"| {ph['p50_ms']:.0f} | {ph['p95_ms']:.0f} | {ph['max_ms']:.0f} "
                    f"| {ph.get('server_p50_ms', float('nan')):.0f} / "
                    f"{ph.get('server_p95_ms', float('nan')):.0f} "
                    f"| {ph.get('server_clock_p50_ms', float('nan')):.0f} / "
                    f"{ph.get('server_clock_p95_ms', float('nan')):.0f} | {ph['errors']} "
                    f"| {ph.get('n_picks_repeated', '–')} "
                    f"| {ph['rss_peak_mib']:.0f} "
                    f"| {rebuilds} | {cpu_text} |"
                )
            per = c["rss_per_extra_session_mib"]
            lines.append(
                f"| {r['build_full']['n_events']} | RSS per extra session | "
                + (f"{per:.1f} MiB" if per is not None else "–")
                + " | | | | | | | | | | | |"
            )
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="real,1000,10000,100000")
    parser.add_argument(
        "--app-sizes", default="real,100000", help="sizes at which the dashboard is measured too"
    )
    parser.add_argument(
        "--concurrency-sizes",
        default="real,100000",
        help="sizes at which concurrent Chromium sessions are measured (needs /usr/bin/chromium)",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)
    app_sizes = set(args.app_sizes.split(","))
    concurrency_sizes = set(args.concurrency_sizes.split(",")) if args.concurrency_sizes else set()
    results: dict[str, Any] = {
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.machine()}",
        "rows": [],
    }
    for size in args.sizes.split(","):
        print(f"measuring {size} ...", file=sys.stderr, flush=True)
        results["rows"].append(
            measure(size, app=size in app_sizes, concurrency=size in concurrency_sizes)
        )
        (args.out / "bench.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    report = markdown(results)
    (args.out / "bench.md").write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
