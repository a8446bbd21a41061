"""Activity reports in the warehouse: every body, claim and quote of every real report arrives
exactly as written, and ``body_year_evidence`` agrees with a count made here, from the YAML,
by the rule of data/README.md (independently of the SQL that builds it)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml

from etl.build import build
from warehouse.db import connect, run_sql

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
STRENGTH = ("held_event", "reported_met", "reported_work")


def _load(folder: str) -> dict[str, dict[str, Any]]:
    return {
        p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted((DATA / folder).glob("*.yaml"))
    }


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    db = tmp_path_factory.mktemp("reports") / "w.duckdb"
    build(DATA, db)
    connection = connect(db)
    yield connection
    connection.close()


def test_every_report_body_claim_and_quote_arrives_exactly(con) -> None:  # type: ignore[no-untyped-def]
    reports = _load("reports")
    assert len(reports) == len(list((DATA / "reports").glob("*.yaml")))
    expected = sorted(
        (rid, n, b["body"], b["claim"], b["quote"], b.get("quote_source"))
        for rid, r in reports.items()
        for n, b in enumerate(r["bodies"], start=1)
    )
    got = run_sql(
        con,
        "select report_id, body_no, body_code, claim, quote, quote_source from report_bodies "
        "order by all",
    ).rows()
    assert got == expected
    assert len(got) == sum(len(r["bodies"]) for r in reports.values())


def test_every_report_and_its_sources_arrive(con) -> None:  # type: ignore[no-untyped-def]
    reports = _load("reports")
    rows = run_sql(
        con,
        "select report_id, reported_at, claim_text, n_bodies, n_bodies_stated, confidence "
        "from activity_reports order by report_id",
    ).rows()
    assert rows == [
        (
            rid,
            r["reported_at"],
            r["claim_text"],
            len(r["bodies"]),
            r["n_bodies_stated"],
            r["confidence"],
        )
        for rid, r in sorted(reports.items())
    ]
    sources = run_sql(
        con, "select report_id, source_no, url, publisher from report_sources order by all"
    ).rows()
    assert sources == sorted(
        (rid, n, s["url"], s["publisher"])
        for rid, r in reports.items()
        for n, s in enumerate(r["sources"], start=1)
    )


def _year(value: Any) -> int:
    if isinstance(value, dt.date):
        return value.year
    return int(str(value)[:4])


def report_years(report: dict[str, Any], events: dict[str, dict[str, Any]]) -> list[int]:
    """The years a report counts for, by data/README.md's rule."""
    start, end = report.get("period_start"), report.get("period_end")
    anchor = report.get("published")
    if anchor is None and report.get("reported_at") in events:
        anchor = events[report["reported_at"]]["start_date"]
    if start is not None and end is not None:
        return list(range(_year(start), _year(end) + 1))
    if end is not None:
        return [_year(end)]
    if start is not None:
        return list(range(_year(start), max(_year(start), _year(anchor)) + 1))
    return [] if anchor is None else [_year(anchor)]


def expected_evidence() -> dict[tuple[str, int], tuple[str, list[str], list[str], list[str]]]:
    taxonomy = yaml.safe_load((DATA / "taxonomy.yaml").read_text(encoding="utf-8"))
    events, reports = _load("events"), _load("reports")
    held: dict[tuple[str, int], list[str]] = defaultdict(list)
    for eid, e in events.items():
        # data/README.md: a decision or a public consultation is a dated act, not a meeting.
        if e["status"] == "held" and e["kind"] not in ("decision", "public_consultation"):
            held[(e["body"], _year(e["start_date"]))].append(eid)
    claims: dict[tuple[str, int, str], set[str]] = defaultdict(set)
    years_named = [_year(e["start_date"]) for e in events.values()]
    for rid, r in reports.items():
        years = report_years(r, events)
        years_named += years
        for body in r["bodies"]:
            for year in years:
                claims[(body["body"], year, body["claim"])].add(rid)
    out = {}
    for body in taxonomy["bodies"]:
        for year in range(2020, max(years_named) + 1):
            ev = sorted(held[(body, year)])
            met = sorted(claims[(body, year, "met")])
            work = sorted(claims[(body, year, "reported")])
            level = (
                "held_event"
                if ev
                else "reported_met"
                if met
                else "reported_work"
                if work
                else "none"
            )
            out[(body, year)] = (level, ev, met, work)
    return out


def test_body_year_evidence_agrees_with_a_count_from_the_yaml(con) -> None:  # type: ignore[no-untyped-def]
    rows = run_sql(
        con,
        "select body_code, year, evidence, held_event_ids, met_report_ids, work_report_ids, "
        "n_held_events, n_reports_met, n_reports_work from body_year_evidence",
    ).rows()
    got = {
        (b, y): (lvl, sorted(ev), sorted(met), sorted(work))
        for b, y, lvl, ev, met, work, *_ in rows
    }
    expected = expected_evidence()
    assert got == expected
    assert len({b for b, _ in got}) == 34
    for _b, _y, _lvl, ev, met, work, n_ev, n_met, n_work in rows:
        assert (n_ev, n_met, n_work) == (len(ev), len(met), len(work))
    # The real data: reports make most bodies visible, and some years are still unknown.
    levels = {lvl for lvl, *_ in expected.values()}
    assert levels == {"held_event", "reported_met", "reported_work", "none"}


def test_a_body_known_only_from_reports_has_evidence(con) -> None:  # type: ignore[no-untyped-def]
    # The textiles committee has no dated meeting in the data; reports say it met.
    rows = run_sql(
        con,
        "select year, evidence from body_year_evidence where body_code = 'textiles_committee' "
        "and evidence <> 'none' order by year",
    ).rows()
    assert rows and all(level != "held_event" for _, level in rows)
