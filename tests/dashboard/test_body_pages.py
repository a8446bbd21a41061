"""The Bodies index and the body page: every one of the 34 bodies opens under AppTest in es (a
body of each kind in en too) and shows its own records only (its title, its meetings, the reports
naming it); the evidence functions agree with the records."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import polars as pl
import pytest
import yaml
from streamlit.testing.v1 import AppTest

from dashboard.bodies import evidence, institutions
from dashboard.data import query
from dashboard.i18n import code_labels, t, t_n
from dashboard.state.filters import Filters, sql_struct
from dashboard.state.labels import Labels
from warehouse.db import connect, run_sql

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "streamlit_app.py")
DATA = ROOT / "data"
TAXONOMY: dict[str, Any] = yaml.safe_load((DATA / "taxonomy.yaml").read_text(encoding="utf-8"))
BODIES = list(TAXONOMY["bodies"])
EVENTS = [
    yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((DATA / "events").glob("*.yaml"))
]
REPORTS = [
    yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((DATA / "reports").glob("*.yaml"))
]


def open_body(code: str, lang: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    at.query_params["code"] = code
    at.run()
    at.switch_page("dashboard/views/body.py").run()
    return at


def frame_with(at: AppTest, column: str) -> list[Any]:
    """The values of ``column`` in the page's table that has it (exactly one such table)."""
    found = [df.value for df in at.dataframe if column in df.value.columns]
    assert len(found) == 1, [list(df.value.columns) for df in at.dataframe]
    return list(found[0][column])


def test_there_are_34_bodies() -> None:
    assert len(BODIES) == 34


ACTS = ("decision", "public_consultation")


def _first_body(has: Any) -> str:
    return next(code for code in BODIES if has(code))


EN_BODIES = sorted(
    {
        _first_body(lambda c: any(e["body"] == c and e["kind"] not in ACTS for e in EVENTS)),
        _first_body(lambda c: any(e["body"] == c and e["kind"] in ACTS for e in EVENTS)),
        _first_body(lambda c: any(b["body"] == c for r in REPORTS for b in r["bodies"])),
        _first_body(
            lambda c: (
                not any(e["body"] == c for e in EVENTS)
                and not any(b["body"] == c for r in REPORTS for b in r["bodies"])
            )
        ),
    }
)
"""A body of each kind (with meetings, with dated acts, named by reports, nothing known) to open
in English too: what the page shows of a body does not depend on the language, its words do."""


@pytest.mark.parametrize(
    ("code", "lang"), [(code, "es") for code in BODIES] + [(code, "en") for code in EN_BODIES]
)
def test_every_body_page_shows_its_own_records(warehouse: Path, code: str, lang: str) -> None:
    at = open_body(code, lang)
    assert not at.exception, [e.value for e in at.exception]
    assert not at.warning, [w.value for w in at.warning]
    assert at.title[0].value == TAXONOMY["bodies"][code][lang]
    assert at.query_params["code"] == code
    own_events = sorted(e["id"] for e in EVENTS if e["body"] == code)
    naming = sorted(r["id"] for r in REPORTS if any(b["body"] == code for b in r["bodies"]))
    # Every table with events or reports holds this body's only.
    assert set(frame_with_all(at, "event_id")) <= set(own_events)
    assert set(frame_with_all(at, "report_id")) <= set(naming)
    # data/README.md: a decision or a public consultation is a dated act, not a meeting.
    own_meetings = sorted(e["id"] for e in EVENTS if e["body"] == code and e["kind"] not in ACTS)
    own_acts = sorted(e["id"] for e in EVENTS if e["body"] == code and e["kind"] in ACTS)
    tables = [df.value for df in at.dataframe if "n_follow_ups" in df.value.columns]
    if own_meetings:
        assert sorted(tables[0]["event_id"]) == own_meetings
    if own_acts:
        # The acts are listed apart, after the meetings, as what they are (not "held").
        assert sorted(tables[-1]["event_id"]) == own_acts
        held = code_labels(lang)["statuses"]["held"]
        assert held not in set(tables[-1]["status"])
    if naming:
        assert sorted(frame_with(at, "quote")) == sorted(
            b["quote"] for r in REPORTS for b in r["bodies"] if b["body"] == code
        )
    if not own_events and not naming:
        assert at.info, "a body nothing is known of says so"


@pytest.mark.parametrize("lang", ["es", "en", "fr"])
def test_a_body_known_only_from_multi_year_reports_says_its_span(
    warehouse: Path, lang: str
) -> None:
    # Found in the warehouse, not named here: a body whose every known year is a span.
    with connect(warehouse) as con:
        found = run_sql(
            con,
            "select body_code, any_value(span_claim), min(span_from), max(span_to) "
            "from body_year_evidence group by body_code "
            "having bool_and(evidence in ('reported_span', 'none')) "
            "and bool_or(evidence = 'reported_span') order by body_code limit 1",
        ).rows()
    assert found, "the real data has a body known only from multi-year reports"
    code = found[0][0]
    at = open_body(code, lang)
    assert not at.exception, [e.value for e in at.exception]
    said = " ".join(m.value for m in at.markdown)
    openings = {
        t(key, lang, start="", end="").split(":")[0]
        for key in ("body_latest_span_met", "body_latest_span_work")
    }
    assert any(opening in said for opening in openings), said
    assert "None" not in said


def frame_with_all(at: AppTest, column: str) -> list[Any]:
    """Every value of ``column`` across the page's tables that have it."""
    return [v for df in at.dataframe if column in df.value.columns for v in df.value[column]]


def test_an_unknown_code_is_named_and_the_chooser_shown(warehouse: Path) -> None:
    at = open_body("no_such_body", "en")
    assert not at.exception
    assert [w.value for w in at.warning] == [
        "There is no body with the code “no\\_such\\_body”. Choose one from the list."
    ]
    assert at.selectbox(key="flt_body_code_en").value is None


@pytest.mark.parametrize("lang", ["es", "en", "fr"])
def test_bodies_index_lists_all_34(warehouse: Path, lang: str) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page("dashboard/views/bodies.py").run()
    assert not at.exception, [e.value for e in at.exception]
    index = at.dataframe[0].value
    assert sorted(index["body_code"]) == sorted(BODIES)
    assert all(
        link == f"body?code={c}&lang={lang}"
        for c, link in zip(index["body_code"], index["body_page"], strict=True)
    )


# --- pure functions ----------------------------------------------------------------------------

LABELS = Labels(
    "en",
    {
        "bodies": {"a": "Body A", "b": "Body B"},
        "evidence": {lv: lv.upper() for lv in evidence.LEVELS},
        "claims": {"met": "met", "reported": "reported its work"},
        "confidence": {"high": "High"},
        "outcome_kinds": {"decision": "Decision", "follow_up": "Follow-up"},
    },
)


Span = tuple[str, str, str, int, int] | None
"""claim, span_from, span_to, 'met' span reports, 'reported' span reports."""


def grid(rows: list[tuple[str, int, str, int, int, int, int, Span]]) -> pl.DataFrame:
    """A body_year_evidence frame: body, year, level, meetings held, 'met' and 'work' reports
    of the year, decisions, and the span covering the year (or None)."""

    def ids(prefix: str, n: int) -> list[str]:
        return [f"{prefix}{i}" for i in range(n)]

    out = []
    for b, y, lv, ne, nm, nw, nd, span in rows:
        claim, start, end, nsm, nsw = span or (None, None, None, 0, 0)
        year_part = (b, y, lv, ne, ids("e", ne), nm, ids("m", nm), nw, ids("w", nw))
        span_part = (nsm, ids("sm", nsm), nsw, ids("sw", nsw), claim, start, end)
        out.append((*year_part, nd, ids("d", nd), *span_part))
    return pl.DataFrame(
        out,
        schema={
            "body_code": pl.String,
            "year": pl.Int32,
            "evidence": pl.String,
            "n_held_events": pl.Int32,
            "held_event_ids": pl.List(pl.String),
            "n_reports_met": pl.Int32,
            "met_report_ids": pl.List(pl.String),
            "n_reports_work": pl.Int32,
            "work_report_ids": pl.List(pl.String),
            "n_decisions": pl.Int32,
            "decision_event_ids": pl.List(pl.String),
            "n_span_reports_met": pl.Int32,
            "span_met_report_ids": pl.List(pl.String),
            "n_span_reports_work": pl.Int32,
            "span_work_report_ids": pl.List(pl.String),
            "span_claim": pl.String,
            "span_from": pl.String,
            "span_to": pl.String,
        },
        orient="row",
    )


SPAN_A = ("met", "2020-07", "2021-06", 1, 0)
GRID = grid(
    [
        ("a", 2020, "reported_span", 0, 0, 0, 0, SPAN_A),
        ("a", 2021, "held_event", 2, 1, 0, 0, SPAN_A),
        ("a", 2022, "none", 0, 0, 0, 0, None),
        ("b", 2020, "decision_adopted", 0, 0, 0, 1, None),
        ("b", 2021, "reported_met", 0, 2, 1, 1, None),
        ("b", 2022, "reported_work", 0, 0, 1, 0, None),
    ]
)


def test_active_bodies_count_each_body_once_a_year_and_spans_apart() -> None:
    active = evidence.active_bodies_by_year(GRID)
    counts = {(y, lv): n for y, lv, n in active.rows()}
    assert counts == {
        (y, lv): 0 for y in (2020, 2021, 2022) for lv in evidence.LEVELS if lv != "none"
    } | {
        (2020, "decision_adopted"): 1,
        (2020, "reported_span"): 1,
        (2021, "held_event"): 1,
        (2021, "reported_met"): 1,
        (2022, "reported_work"): 1,
    }


@pytest.mark.parametrize("lang", ["es", "en", "fr"])
def test_the_active_bodies_chart_never_stacks_a_span_as_activity(lang: str) -> None:
    labels = Labels(lang, {"evidence": {lv: lv.upper() for lv in evidence.LEVELS}})
    active = evidence.active_bodies_by_year(GRID)
    span_name = t("active_bodies_span_only", lang)
    fig = evidence.active_bodies_figure(active, labels, title="t", axis={}, span_name=span_name)
    bars = [tr for tr in fig.data if tr.type == "bar"]
    assert [tr.name for tr in bars] == [lv.upper() for lv in evidence.YEAR_LEVELS]
    # 2020: the decision makes one body active; the span is a line of its own, not a bar.
    assert sum(tr.y[0] for tr in bars) == 1
    (line,) = [tr for tr in fig.data if tr.type == "scatter"]
    assert line.name == span_name and list(line.y) == [1, 0, 0]


def test_coverage_frame_orders_bodies_and_labels_levels() -> None:
    frame = evidence.coverage_frame(GRID, LABELS, order=["b", "a"])
    assert frame["body"].to_list() == ["Body B"] * 3 + ["Body A"] * 3
    assert frame["evidence_label"].to_list() == [
        "DECISION_ADOPTED",
        "REPORTED_MET",
        "REPORTED_WORK",
        "REPORTED_SPAN",
        "HELD_EVENT",
        "NONE",
    ]


def test_coverage_figure_has_one_legend_entry_per_level_and_cells_carry_their_key() -> None:
    frame = evidence.coverage_frame(GRID, LABELS, order=["a", "b"])
    words = {c: c for c in evidence.COUNTS}
    fig = evidence.coverage_figure(frame, LABELS, title="t", words=words)
    in_legend = [tr.name for tr in fig.data if tr.showlegend]
    assert in_legend == [lv.upper() for lv in evidence.LEVELS]
    keys = sorted(tuple(k) for tr in fig.data if tr.customdata is not None for k in tr.customdata)
    assert keys == [("a", y) for y in (2020, 2021, 2022)] + [("b", y) for y in (2020, 2021, 2022)]
    assert fig.layout.height >= evidence.ROW_PX * 2
    decision = next(tr for tr in fig.data if tr.name == "DECISION_ADOPTED")
    assert decision.marker.color != evidence.COLORS["held_event"]
    assert decision.marker.symbol != evidence.SYMBOLS["held_event"]


@pytest.mark.parametrize("lang", ["es", "en", "fr"])
def test_a_span_is_drawn_as_a_hatched_band_with_its_words(lang: str) -> None:
    labels = Labels(
        lang,
        {
            "bodies": {"a": "Body A", "b": "Body B"},
            "evidence": {lv: code_labels(lang)["evidence"][lv] for lv in evidence.LEVELS},
        },
    )
    frame = evidence.coverage_frame(GRID, labels, order=["a", "b"])
    words = {c: t(c, lang) for c in evidence.COUNTS}
    for fig in (
        evidence.coverage_figure(frame, labels, title="t", words=words),
        evidence.strip_figure(
            frame.filter(pl.col("body_code") == "a"), labels, title="t", words=words
        ),
    ):
        (band,) = [tr for tr in fig.data if tr.type == "bar"]
        # In the legend with the level's own words, hatched, lighter than a year's evidence.
        assert band.showlegend and band.name == code_labels(lang)["evidence"]["reported_span"]
        assert band.marker.pattern.shape == evidence.SPAN_HATCH
        assert band.marker.color == "white"
        # Across the span's years only (2020 for body A: 2021 has a meeting held).
        assert list(band.y) == ["Body A"]
        assert band.base[0] < 2020 < band.base[0] + band.x[0] < 2021
        span_cell = next(tr for tr in fig.data if tr.type == "scatter" and tr.name == band.name)
        assert not span_cell.showlegend
        hover = span_cell.hovertext[0]
        assert t("evidence_span_met", lang, start="2020-07", end="2021-06", year=2020) in hover
        assert "2020-07" in hover and "2021-06" in hover


def test_consecutive_span_years_make_one_band() -> None:
    rows = grid(
        [
            ("a", 2020, "reported_span", 0, 0, 0, 0, SPAN_A),
            ("a", 2021, "reported_span", 0, 0, 0, 0, SPAN_A),
            ("a", 2022, "held_event", 1, 0, 0, 0, None),
            ("a", 2023, "reported_span", 0, 0, 0, 0, SPAN_A),
        ]
    )
    frame = evidence.coverage_frame(rows, LABELS, order=["a"])
    assert evidence.span_runs(frame) == [("Body A", 2020, 2021), ("Body A", 2023, 2023)]


def test_a_clicked_cell_opens_its_records() -> None:
    selection = {"selection": {"points": [{"customdata": ["b", 2021], "x": "2021"}]}}
    assert evidence.selected_cell(selection) == ("b", 2021)
    assert evidence.selected_cell({"selection": {"points": []}}) is None
    assert evidence.selected_cell(None) is None
    assert evidence.cell_records(GRID, "b", 2021) == {
        "events": [],
        "met": ["m0", "m1"],
        "work": ["w0"],
        "decisions": ["d0"],
        "span_met": [],
        "span_work": [],
    }
    assert evidence.cell_records(GRID, "a", 2020)["span_met"] == ["sm0"]
    assert not any(evidence.cell_records(GRID, "a", 1999).values())


def test_reported_activity_counts_only_reports_within_the_period() -> None:
    rows = pl.DataFrame(
        {
            "report_id": ["r1", "r1", "r2", "r2", "r3", "r4"],
            "body_code": ["a", "b", "b", "c", "d", "e"],
            "claim": ["met", "reported", "met", "reported", "met", "met"],
            "is_within_period": [True, True, True, True, False, False],
        }
    )
    found = evidence.reported_activity(rows)
    # a and b met (b's work is not counted twice), c only reported; d and e are in spans
    # reaching beyond the period: counted apart, never as bodies here.
    assert (found.n_met, found.n_work, found.n_reports, found.n_beyond) == (2, 1, 2, 2)


@pytest.mark.parametrize("lang", ["es", "en", "fr"])
def test_a_body_known_only_from_a_span_says_the_span_not_a_year(lang: str) -> None:
    labels = Labels(lang, {"evidence": {lv: lv for lv in evidence.LEVELS}})
    profile = {
        "latest_evidence": "reported_span",
        "latest_year": None,
        "latest_span_claim": "met",
        "latest_span_from": "2020-07",
        "latest_span_to": "2021-05",
    }
    text = institutions.latest_evidence_text(profile, labels)
    assert text == t("body_latest_span_met", lang, start="2020-07", end="2021-05")
    assert "None" not in text
    held = {**profile, "latest_evidence": "held_event", "latest_year": 2025}
    assert institutions.latest_evidence_text(held, labels) == "held_event (2025)"


def test_report_matches_ignore_accents_and_case() -> None:
    rows = pl.DataFrame(
        {
            "report_id": ["r1", "r1", "r2"],
            "published": [dt.date(2021, 5, 18)] * 3,
            "claim_text": ["Los Comités se reunieron", "Los Comités se reunieron", "Other"],
            "body_code": ["a", "b", "a"],
            "quote": ["Comité de A", "Comité de B", "nothing"],
        }
    )
    found = evidence.report_matches(rows, LABELS, "COMITE de b")
    assert found["report_id"].to_list() == ["r1"]
    assert evidence.report_matches(rows, LABELS, "  ").is_empty()


@pytest.mark.parametrize(
    ("chapter", "article", "expected"),
    [
        (24, "24.26", "Treaty basis: chapter 24, article 24.26"),
        (9, None, "Treaty basis: chapter 9 (article not stated in the sources seen)"),
        (None, None, "Treaty basis: not stated in the sources seen"),
    ],
)
def test_treaty_basis(chapter: int | None, article: str | None, expected: str) -> None:
    assert institutions.treaty_basis(chapter, article, "en") == expected


def test_period_text_keeps_partial_dates_and_says_when_unstated() -> None:
    row = {
        "period_start": dt.date(2024, 10, 1),
        "period_start_precision": "month",
        "period_end": dt.date(2025, 8, 15),
        "period_end_precision": "day",
    }
    assert institutions.period_text(row, "en") == "2024-10 – 2025-08-15"
    empty = dict.fromkeys(row)
    assert institutions.period_text(empty, "fr") == "non précisé"


def test_outcome_kind_counts_keep_every_kind() -> None:
    outcomes = pl.DataFrame({"kind": ["follow_up", "follow_up"]})
    counts = institutions.outcome_kind_counts(outcomes, LABELS, ["decision", "follow_up"])
    assert counts.rows() == [("Decision", 0), ("Follow-up", 2)]


def test_the_chosen_body_survives_a_language_switch_and_the_list_changes_it(
    warehouse: Path,
) -> None:
    at = open_body("sps_committee", "en")
    assert at.title[0].value == TAXONOMY["bodies"]["sps_committee"]["en"]
    at.selectbox(key="app_lang").set_value("fr").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == TAXONOMY["bodies"]["sps_committee"]["fr"]
    at.selectbox(key="flt_body_code_fr").set_value("labor_council").run()
    assert at.title[0].value == TAXONOMY["bodies"]["labor_council"]["fr"]
    assert at.query_params["code"] == "labor_council"
    at.selectbox(key="app_lang").set_value("es").run()
    assert at.title[0].value == TAXONOMY["bodies"]["labor_council"]["es"]


def _meetings(n: int) -> pl.DataFrame:
    statuses = ["held", "announced", "cancelled"]
    return pl.DataFrame(
        {
            "start_date": [dt.date(2020 + i % 6, 1 + i % 12, 1) for i in range(n)],
            "title": [f"meeting {i}" for i in range(n)],
            "status": [statuses[i % 3] for i in range(n)],
        }
    )


def test_timeline_draws_each_meeting_up_to_the_limit() -> None:
    n = institutions.TIMELINE_POINTS
    fig = institutions.meetings_timeline(_meetings(n), "en")
    assert {trace.type for trace in fig.data} == {"scatter"}
    assert sum(len(trace.x) for trace in fig.data) == n


@pytest.mark.parametrize("lang", ["es", "en", "fr"])
def test_timeline_counts_per_year_and_status_beyond_the_limit(lang: str) -> None:
    meetings = _meetings(institutions.TIMELINE_POINTS + 1)
    fig = institutions.meetings_timeline(meetings, lang)
    assert {trace.type for trace in fig.data} == {"bar"}
    drawn = {
        (trace.name, int(year)): int(n)
        for trace in fig.data
        for year, n in zip(trace.x, trace.y, strict=True)
    }
    counted = {
        (row["status"], row["year"]): row["n"]
        for row in meetings.group_by("status", year=pl.col("start_date").dt.year())
        .agg(n=pl.len())
        .iter_rows(named=True)
    }
    assert drawn == counted
    assert str(meetings.height) in fig.layout.title.text
    assert fig.layout.title.text == t_n("body_timeline_per_year", lang, meetings.height)


@pytest.mark.parametrize("copies", [1, 80])
def test_the_body_pages_timeline_plots_real_dates_at_any_size(warehouse: Path, copies: int) -> None:
    """The tables show dates as text as precisely as known ("2025"); the timeline must get
    dates: fed the text, the per-year path (beyond TIMELINE_POINTS meetings, as at 100,000
    events) failed with "year operation not supported for dtype str" and the diamonds path
    drew a category axis."""
    from dashboard import data

    events = data.query("body_events", body_code="free_trade_commission")
    events = pl.concat([events] * copies)
    assert (events.height > institutions.TIMELINE_POINTS) is (copies > 1)
    labels = data.labels("en")
    fig = institutions.meetings_timeline(
        institutions.meeting_rows(events, labels, for_chart=True), "en"
    )
    if copies == 1:
        drawn = [str(x) for trace in fig.data for x in trace.x]
        assert "2025" not in drawn, "ftc-2025 (year only) is drawn on the time axis as a date"
        assert all(len(x) >= 10 and x[4] == "-" and x[7] == "-" for x in drawn), drawn
    else:
        assert sum(sum(trace.y) for trace in fig.data) == events.height
    shown = institutions.meeting_rows(events, labels)
    assert shown.schema["start_date"] == pl.String


def _year(value: Any) -> int:
    return value.year if isinstance(value, dt.date) else int(str(value)[:4])


def _report_span(report: dict[str, Any]) -> tuple[int, int] | None:
    """First and last calendar years of a report's period, by data/README.md's rule."""
    start, end = report.get("period_start"), report.get("period_end")
    anchor = report.get("published")
    events = {e["id"]: e for e in EVENTS}
    if anchor is None and report.get("reported_at") in events:
        anchor = events[report["reported_at"]]["start_date"]
    if end is not None:
        return (_year(start) if start is not None else _year(end)), _year(end)
    if start is not None:
        return _year(start), max(_year(start), _year(anchor))
    return None if anchor is None else (_year(anchor), _year(anchor))


@pytest.mark.parametrize(
    ("first", "last"), [(2020, 2020), (2021, 2021), (2021, 2022), (2020, 2026)]
)
def test_the_summary_counts_only_reports_whose_period_lies_within_the_years(
    warehouse: Path, first: int, last: int
) -> None:
    rows = query(
        "filtered_report_bodies",
        filters=sql_struct(Filters(date_from=dt.date(first, 1, 1), date_to=dt.date(last, 12, 31))),
    )
    found = evidence.reported_activity(rows)
    spans = {r["id"]: span for r in REPORTS if (span := _report_span(r)) is not None}
    within = [r for r in REPORTS if r["id"] in spans and first <= spans[r["id"]][0]]
    within = [r for r in within if spans[r["id"]][1] <= last]
    beyond = {
        rid
        for rid, (a, b) in spans.items()
        if a <= last and b >= first and not (first <= a and b <= last)
    }
    met = {b["body"] for r in within for b in r["bodies"] if b["claim"] == "met"}
    work = {b["body"] for r in within for b in r["bodies"] if b["claim"] == "reported"} - met
    assert (found.n_met, found.n_work, found.n_reports, found.n_beyond) == (
        len(met),
        len(work),
        len(within),
        len(beyond),
    )
    if (first, last) == (2020, 2020):
        # data/README.md's example: July 2020 to June 2021 is no evidence of 2020.
        assert "env-committee-2021-06-17-statement" in beyond
        assert "environment_committee" not in met
