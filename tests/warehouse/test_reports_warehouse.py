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

from warehouse.db import connect, run_sql

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"


def _load(folder: str) -> dict[str, dict[str, Any]]:
    return {
        p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted((DATA / folder).glob("*.yaml"))
    }


@pytest.fixture(scope="module")
def con(real_warehouse: Path):  # type: ignore[no-untyped-def]
    connection = connect(real_warehouse)
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
    """Every calendar year a report's period touches, by data/README.md's rule: the stated
    period; only the end: its year; only the start: through the date of publication (or of the
    event it was made at); neither: that date's year."""
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


Evidence = tuple[str, list[str], list[str], list[str], list[str], list[str], list[str]]
"""level, held meetings, 'met' reports of the year, 'reported' reports of the year, decisions,
'met' spans, 'reported' spans (ids, sorted)."""


def expected_evidence() -> dict[tuple[str, int], Evidence]:
    """The grid recounted from the YAML: a report whose period lies within one year is evidence
    for that year; one spanning several is evidence for the span only, weaker than a decision."""
    taxonomy = yaml.safe_load((DATA / "taxonomy.yaml").read_text(encoding="utf-8"))
    events, reports = _load("events"), _load("reports")
    held: dict[tuple[str, int], list[str]] = defaultdict(list)
    decided: dict[tuple[str, int], list[str]] = defaultdict(list)
    for eid, e in events.items():
        if e["status"] != "held":
            continue
        key = (e["body"], _year(e["start_date"]))
        if e["kind"] == "decision":
            decided[key].append(eid)
        # data/README.md: a decision or a public consultation is a dated act, not a meeting.
        elif e["kind"] != "public_consultation":
            held[key].append(eid)
    claims: dict[tuple[str, int, str], set[str]] = defaultdict(set)
    spans: dict[tuple[str, int, str], set[str]] = defaultdict(set)
    years_named = [_year(e["start_date"]) for e in events.values()]
    for rid, r in reports.items():
        years = report_years(r, events)
        years_named += years
        into = claims if len(years) == 1 else spans
        for body in r["bodies"]:
            for year in years:
                into[(body["body"], year, body["claim"])].add(rid)
    out = {}
    for body in taxonomy["bodies"]:
        for year in range(2020, max(years_named) + 1):
            ev = sorted(held[(body, year)])
            met = sorted(claims[(body, year, "met")])
            work = sorted(claims[(body, year, "reported")])
            dec = sorted(decided[(body, year)])
            span_met = sorted(spans[(body, year, "met")])
            span_work = sorted(spans[(body, year, "reported")])
            level = next(
                (
                    name
                    for name, ids in (
                        ("held_event", ev),
                        ("reported_met", met),
                        ("reported_work", work),
                        ("decision_adopted", dec),
                        ("reported_span", span_met + span_work),
                    )
                    if ids
                ),
                "none",
            )
            out[(body, year)] = (level, ev, met, work, dec, span_met, span_work)
    return out


COLUMNS = (
    "body_code, year, evidence, held_event_ids, met_report_ids, work_report_ids, "
    "decision_event_ids, span_met_report_ids, span_work_report_ids"
)


def test_body_year_evidence_agrees_with_a_count_from_the_yaml(con) -> None:  # type: ignore[no-untyped-def]
    rows = run_sql(
        con,
        f"select {COLUMNS}, n_held_events, n_reports_met, n_reports_work, n_decisions, "
        "n_span_reports_met, n_span_reports_work from body_year_evidence",
    ).rows()
    got = {(b, y): (lvl, *(sorted(ids) for ids in lists[:6])) for b, y, lvl, *lists in rows}
    expected = expected_evidence()
    assert got == expected
    assert len({b for b, _ in got}) == 34
    for _b, _y, _lvl, *rest in rows:
        lists, counts = rest[:6], rest[6:]
        assert tuple(counts) == tuple(len(ids) for ids in lists)
    # The real data has every level, and some years are still unknown.
    levels = {lvl for lvl, *_ in expected.values()}
    assert levels == {
        "held_event",
        "reported_met",
        "reported_work",
        "decision_adopted",
        "reported_span",
        "none",
    }


def _multi_year(report: dict[str, Any], events: dict[str, dict[str, Any]]) -> bool:
    return len(report_years(report, events)) > 1


def test_a_multi_year_report_never_marks_a_year_but_shows_its_span(con) -> None:  # type: ignore[no-untyped-def]
    # Found in the YAML: a body a multi-year report says met, in a year of that span in which
    # no meeting of it was held and no single-year report names it (the Environment
    # Committee's 2020, under the report of July 2020 to June 2021, is one).
    events, reports = _load("events"), _load("reports")
    expected = expected_evidence()
    cases = sorted(
        (body["body"], year, rid)
        for rid, r in reports.items()
        if _multi_year(r, events)
        for body in r["bodies"]
        if body["claim"] == "met"
        for year in report_years(r, events)
        if not any(expected[(body["body"], year)][1:5])
    )
    assert cases, "the real data has a multi-year report and a year known only from it"
    assert ("environment_committee", 2020) in {(b, y) for b, y, _ in cases}
    for body, year, rid in cases:
        level, span_ids, span_from, span_to = run_sql(
            con,
            "select evidence, span_met_report_ids, span_from, span_to from body_year_evidence "
            "where body_code = $body and year = $year",
            {"body": body, "year": year},
        ).rows()[0]
        assert level == "reported_span"
        assert rid in span_ids
        assert span_from < span_to and span_from[:4] <= str(year) <= span_to[:4]
    env_2020 = run_sql(
        con,
        "select evidence, span_from, span_to from body_year_evidence "
        "where body_code = 'environment_committee' and year = 2020",
    ).rows()
    start = reports["env-committee-2021-06-17-statement"]["period_start"]
    end = reports["env-committee-2021-06-17-statement"]["period_end"]
    assert env_2020 == [("reported_span", str(start)[:7], str(end)[:7])]


def test_a_decision_is_evidence_of_its_own_never_a_meeting_held(con) -> None:  # type: ignore[no-untyped-def]
    events = _load("events")
    decisions = {
        eid: e for eid, e in events.items() if e["kind"] == "decision" and e["status"] == "held"
    }
    assert decisions, "the real data has a decision adopted"
    rows = run_sql(
        con,
        "select body_code, year, evidence, held_event_ids, decision_event_ids "
        "from body_year_evidence where len(decision_event_ids) > 0",
    ).rows()
    found = {eid for *_, ids in rows for eid in ids}
    assert found == set(decisions)
    for *_, level, held_ids, _ids in rows:
        assert not set(held_ids) & set(decisions)
        assert level in ("held_event", "reported_met", "reported_work", "decision_adopted")
    # A year with a decision and no meeting nor single-year report is 'decision_adopted'.
    expected = expected_evidence()
    alone = [(b, y) for (b, y), (lvl, *_) in expected.items() if lvl == "decision_adopted"]
    assert alone
    for b, y in alone:
        assert (b, y, "decision_adopted") in {(r[0], r[1], r[2]) for r in rows}


def test_a_body_known_only_from_reports_has_evidence(con) -> None:  # type: ignore[no-untyped-def]
    # The textiles committee has no dated meeting in the data; reports say it met.
    rows = run_sql(
        con,
        "select year, evidence from body_year_evidence where body_code = 'textiles_committee' "
        "and evidence <> 'none' order by year",
    ).rows()
    assert rows and all(level != "held_event" for _, level in rows)
