"""Enforcement cases in the warehouse: every milestone and source of every real case arrives
exactly as written, and the per-case facts and the stated counts' record counts agree with
counts made here from the YAML (independently of the SQL that builds them)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from warehouse.db import connect, run_sql

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"


def _cases() -> dict[str, dict[str, Any]]:
    return {
        p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted((DATA / "cases").glob("*.yaml"))
    }


def _day(value: Any) -> dt.date:
    """A milestone date as the warehouse stores it: a month-only date as its first day."""
    if isinstance(value, dt.date):
        return value
    year, month = str(value).split("-")[:2]
    return dt.date(int(year), int(month), 1)


@pytest.fixture(scope="module")
def con(real_warehouse: Path):  # type: ignore[no-untyped-def]
    connection = connect(real_warehouse)
    yield connection
    connection.close()


def test_every_milestone_arrives_exactly(con) -> None:  # type: ignore[no-untyped-def]
    cases = _cases()
    assert len(cases) == len(list((DATA / "cases").glob("*.yaml")))
    expected = sorted(
        (cid, n, _day(m["date"]), m["step"], m["text"], m["source"])
        for cid, c in cases.items()
        for n, m in enumerate(c["milestones"], start=1)
    )
    got = run_sql(
        con,
        "select case_id, milestone_no, milestone_date, step_code, text, source_no "
        "from case_milestones order by all",
    ).rows()
    assert got == expected


def test_every_source_arrives_exactly(con) -> None:  # type: ignore[no-untyped-def]
    expected = sorted(
        (cid, n, s["url"], s["publisher"], s["language"], s["supports"])
        for cid, c in _cases().items()
        for n, s in enumerate(c["sources"], start=1)
    )
    got = run_sql(
        con,
        "select case_id, source_no, url, publisher, language, supports from case_sources "
        "order by all",
    ).rows()
    assert got == expected


def test_every_case_arrives(con) -> None:  # type: ignore[no-untyped-def]
    rows = run_sql(
        con,
        "select case_id, mechanism_code, complainant_party, respondent_party, subject_en, "
        "facility, sector_code, status, n_milestones, n_sources from cases order by case_id",
    ).rows()
    assert rows == [
        (
            cid,
            c["mechanism"],
            c["complainant"],
            c["respondent"],
            c["subject_en"],
            c["facility"],
            c["sector"],
            c["status"],
            len(c["milestones"]),
            len(c["sources"]),
        )
        for cid, c in sorted(_cases().items())
    ]
    third = run_sql(con, "select case_id, party_code from case_third_parties order by all").rows()
    assert third == sorted((cid, p) for cid, c in _cases().items() for p in c["third_parties"])


OPENING = ("request", "consultations", "panel_requested")


def test_case_facts_agree_with_the_yaml(con) -> None:  # type: ignore[no-untyped-def]
    got = {
        row[0]: row[1:]
        for row in run_sql(
            con,
            "select case_id, request_date, latest_step_code, latest_step_date, resolution_date, "
            "days_to_resolution, is_concluded from case_facts",
        ).rows()
    }
    for cid, c in _cases().items():
        ms = c["milestones"]
        opening = [m for m in ms if m["step"] in OPENING] or ms
        request = _day(opening[0]["date"])
        concluded = c["status"] in ("resolved", "closed")
        ends = [_day(m["date"]) for m in ms if m["step"] in ("resolved", "closed")]
        resolution = ends[0] if concluded else None
        assert got[cid] == (
            request,
            ms[-1]["step"],
            _day(ms[-1]["date"]),
            resolution,
            None if resolution is None else (resolution - request).days,
            concluded,
        ), cid


def test_stated_counts_arrive_with_their_source(con) -> None:  # type: ignore[no-untyped-def]
    stated = yaml.safe_load((DATA / "stated-counts.yaml").read_text(encoding="utf-8"))["counts"]
    rows = run_sql(
        con, "select count_no, kind, value, claim, url, publisher from stated_counts order by 1"
    ).rows()
    assert rows == [
        (n, s["kind"], s["value"], s["claim"], s["url"], s["publisher"])
        for n, s in enumerate(stated, start=1)
    ]
    assert all(url and publisher for *_, url, publisher in rows)


def test_records_beside_each_stated_count_agree_with_the_yaml(con) -> None:  # type: ignore[no-untyped-def]
    cases = _cases()
    rrm = [c for c in cases.values() if c["mechanism"] == "rrm"]
    expected = {
        "rrm_requests": len(rrm),
        "rrm_panels": sum(
            any(m["step"] == "panel_requested" for m in c["milestones"]) for c in rrm
        ),
        "rrm_resolutions": sum(c["status"] in ("resolved", "closed") for c in rrm),
        "usmca_disputes": sum(c["mechanism"] in ("ch31", "ch10") for c in cases.values()),
        "rrm_workers": None,
        "other": None,
    }
    rows = run_sql(
        con,
        "select s.kind, r.n_records, r.n_records_by_as_of from stated_counts s "
        "join stated_count_records r using (count_no)",
    ).rows()
    stated = yaml.safe_load((DATA / "stated-counts.yaml").read_text(encoding="utf-8"))
    assert len(rows) == len(stated["counts"])
    for kind, n, n_by in rows:
        assert n == expected[kind], kind
        assert (n_by is None) == (n is None)
        assert n_by is None or n_by <= n
    # Sources and records disagree (the records may fall short, a source may lag): both stay
    # visible, side by side, whatever the numbers.
    values = {c["value"] for c in stated["counts"] if c["kind"] == "rrm_requests"}
    assert values - {expected["rrm_requests"]}, "some source states another RRM total"


# --- the Cases page's queries against a filter applied here to the YAML ----------------------

NO_FILTER: dict[str, Any] = {
    "date_from": None,
    "date_to": None,
    "period_rule": "request",
    "parties": [],
    "topics": [],
    "mechanisms": [],
    "sectors": [],
    "case_statuses": [],
}
FILTERS = [
    {},
    {"parties": ["CA"]},
    {"parties": ["MX", "CA"]},
    {"topics": ["energy", "agriculture"]},
    {"mechanisms": ["ch31"], "case_statuses": ["open", "panel_report"]},
    {"sectors": ["auto_parts"]},
    {"date_from": dt.date(2023, 1, 1), "date_to": dt.date(2024, 6, 30)},
    {"date_from": dt.date(2022, 1, 1), "parties": ["US"], "topics": ["labor_rights"]},
    {"date_from": dt.date(2025, 1, 1), "date_to": dt.date(2025, 12, 31), "period_rule": "activity"},
    {"date_from": dt.date(2023, 1, 1), "date_to": dt.date(2024, 6, 30), "period_rule": "activity"},
    {"date_to": dt.date(2023, 12, 31), "period_rule": "resolved", "parties": ["US"]},
]


def _request_day(case: dict[str, Any]) -> dt.date:
    ms = case["milestones"]
    return _day(([m for m in ms if m["step"] in OPENING] or ms)[0]["date"])


def _resolution_day(case: dict[str, Any]) -> dt.date | None:
    if case["status"] not in ("resolved", "closed"):
        return None
    return _day(next(m["date"] for m in case["milestones"] if m["step"] in ("resolved", "closed")))


def _in_period(day: dt.date | None, f: dict[str, Any]) -> bool:
    return (
        day is not None
        and (f["date_from"] is None or day >= f["date_from"])
        and (f["date_to"] is None or day <= f["date_to"])
    )


def _wanted(case: dict[str, Any], f: dict[str, Any]) -> bool:
    """The cases filters, applied here to one YAML record: the period bounds the request date
    (rule "request"), the resolution date ("resolved") or either ("activity")."""
    opened = _in_period(_request_day(case), f)
    resolved = _in_period(_resolution_day(case), f)
    rule = f["period_rule"]
    parties = {case["complainant"], case["respondent"], *case["third_parties"]}
    return (
        (
            (opened and rule in ("request", "activity"))
            or (resolved and rule in ("resolved", "activity"))
        )
        and (not f["parties"] or bool(parties & set(f["parties"])))
        and (not f["topics"] or bool(set(case["topics"]) & set(f["topics"])))
        and (not f["mechanisms"] or case["mechanism"] in f["mechanisms"])
        and (not f["sectors"] or case["sector"] in f["sectors"])
        and (not f["case_statuses"] or case["status"] in f["case_statuses"])
    )


def _open_at(case: dict[str, Any], end: dt.date | None) -> bool:
    """Whether the case was still open on ``end`` (open today when ``end`` is None): requested
    by then, and not resolved or closed by then."""
    if end is not None and _request_day(case) > end:
        return False
    if case["status"] not in ("resolved", "closed"):
        return True
    resolved = _resolution_day(case)
    return end is not None and resolved is not None and resolved > end


@pytest.mark.parametrize("chosen", FILTERS, ids=str)
def test_cases_list_and_milestones_hold_the_cases_the_filters_choose(  # type: ignore[no-untyped-def]
    con, chosen: dict[str, Any]
) -> None:
    from warehouse.db import run_query

    params = {**NO_FILTER, **chosen}
    cases = {cid: c for cid, c in _cases().items() if _wanted(c, params)}
    assert cases, "each filter here chooses some real case"
    listed = run_query(con, "cases_list", {"case_filters": params})
    order = sorted(cases, key=lambda cid: (_request_day(cases[cid]), cid))
    assert listed["case_id"].to_list() == order
    assert listed.select("third_parties", "topic_codes").rows() == [
        (sorted(cases[cid]["third_parties"]), cases[cid]["topics"]) for cid in order
    ]
    milestones = run_query(con, "cases_milestones", {"case_filters": params})
    assert milestones.select("case_id", "milestone_no", "text").rows() == [
        (cid, n, m["text"])
        for cid in order
        for n, m in enumerate(cases[cid]["milestones"], start=1)
    ]


def test_case_detail_carries_third_parties_and_topics(con) -> None:  # type: ignore[no-untyped-def]
    from warehouse.db import run_query

    for cid, case in _cases().items():
        row = run_query(con, "case_detail", {"case_id": cid}).row(0, named=True)
        assert (row["third_parties"], row["topic_codes"]) == (
            sorted(case["third_parties"]),
            case["topics"],
        ), cid


@pytest.mark.parametrize(
    ("date_from", "date_to"),
    [
        (dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
        (dt.date(2023, 1, 1), dt.date(2024, 6, 30)),
        (None, dt.date(2022, 12, 31)),
        (None, None),
    ],
)
def test_cases_in_period_counts_the_cases_each_rule_selects(  # type: ignore[no-untyped-def]
    con, date_from: dt.date | None, date_to: dt.date | None
) -> None:
    """The Summary's line (cases_in_period) and its exports (cases_list under the rule
    "activity") count the same cases: opened or resolved/closed in the period."""
    from warehouse.db import run_query

    f = {**NO_FILTER, "date_from": date_from, "date_to": date_to}
    # The period rule given is overridden by each count's own.
    row = run_query(con, "cases_in_period", {"case_filters": f}).row(0, named=True)
    every = _cases().values()
    assert row == {
        "n_cases": sum(_wanted(c, {**f, "period_rule": "activity"}) for c in every),
        "n_opened": sum(_wanted(c, {**f, "period_rule": "request"}) for c in every),
        "n_resolved": sum(_wanted(c, {**f, "period_rule": "resolved"}) for c in every),
        "n_open_at_end": sum(_open_at(c, date_to) for c in every),
    }
    listed = run_query(con, "cases_list", {"case_filters": {**f, "period_rule": "activity"}})
    assert listed.height == row["n_cases"]
