"""The Bodies index and the body page: every one of the 34 bodies opens under AppTest, in es
and en, and shows its own records only (its title, its meetings, the reports naming it); the
evidence functions agree with the records."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import polars as pl
import pytest
import yaml
from streamlit.testing.v1 import AppTest

from dashboard import evidence, institutions
from dashboard.i18n import CODE_LABELS, t_n
from dashboard.labels import Labels

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


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("code", BODIES)
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
    acts = ("decision", "public_consultation")
    own_meetings = sorted(e["id"] for e in EVENTS if e["body"] == code and e["kind"] not in acts)
    own_acts = sorted(e["id"] for e in EVENTS if e["body"] == code and e["kind"] in acts)
    tables = [df.value for df in at.dataframe if "n_follow_ups" in df.value.columns]
    if own_meetings:
        assert sorted(tables[0]["event_id"]) == own_meetings
    if own_acts:
        # The acts are listed apart, after the meetings, as what they are (not "held").
        assert sorted(tables[-1]["event_id"]) == own_acts
        held = CODE_LABELS["statuses"]["held"][lang]
        assert held not in set(tables[-1]["status"])
    if naming:
        assert sorted(frame_with(at, "quote")) == sorted(
            b["quote"] for r in REPORTS for b in r["bodies"] if b["body"] == code
        )
    if not own_events and not naming:
        assert at.info, "a body nothing is known of says so"


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


def grid(rows: list[tuple[str, int, str, int, int, int]]) -> pl.DataFrame:
    return pl.DataFrame(
        [
            (
                b,
                y,
                lv,
                ne,
                [f"e{i}" for i in range(ne)],
                nm,
                [f"m{i}" for i in range(nm)],
                nw,
                [f"w{i}" for i in range(nw)],
            )
            for b, y, lv, ne, nm, nw in rows
        ],
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
        },
        orient="row",
    )


GRID = grid(
    [
        ("a", 2020, "held_event", 2, 1, 0),
        ("a", 2021, "none", 0, 0, 0),
        ("b", 2020, "reported_work", 0, 0, 1),
        ("b", 2021, "reported_met", 0, 2, 1),
    ]
)


def test_active_bodies_count_each_body_once_a_year_and_keep_zeros() -> None:
    active = evidence.active_bodies_by_year(GRID)
    assert active.rows() == [
        (2020, "held_event", 1),
        (2020, "reported_met", 0),
        (2020, "reported_work", 1),
        (2021, "held_event", 0),
        (2021, "reported_met", 1),
        (2021, "reported_work", 0),
    ]


def test_coverage_frame_orders_bodies_and_labels_levels() -> None:
    frame = evidence.coverage_frame(GRID, LABELS, order=["b", "a"])
    assert frame["body"].to_list() == ["Body B", "Body B", "Body A", "Body A"]
    assert frame["evidence_label"].to_list() == [
        "REPORTED_WORK",
        "REPORTED_MET",
        "HELD_EVENT",
        "NONE",
    ]


def test_coverage_figure_has_one_trace_per_level_and_cells_carry_their_key() -> None:
    frame = evidence.coverage_frame(GRID, LABELS, order=["a", "b"])
    words = {c: c for c in evidence.COUNTS}
    fig = evidence.coverage_figure(frame, LABELS, title="t", words=words)
    assert [tr.name for tr in fig.data] == [lv.upper() for lv in evidence.LEVELS]
    keys = sorted(tuple(k) for tr in fig.data for k in tr.customdata)
    assert keys == [("a", 2020), ("a", 2021), ("b", 2020), ("b", 2021)]
    assert fig.layout.height >= evidence.ROW_PX * 2


def test_a_clicked_cell_opens_its_records() -> None:
    selection = {"selection": {"points": [{"customdata": ["b", 2021], "x": "2021"}]}}
    assert evidence.selected_cell(selection) == ("b", 2021)
    assert evidence.selected_cell({"selection": {"points": []}}) is None
    assert evidence.selected_cell(None) is None
    assert evidence.cell_records(GRID, "b", 2021) == {
        "events": [],
        "met": ["m0", "m1"],
        "work": ["w0"],
    }
    assert evidence.cell_records(GRID, "a", 1999) == {"events": [], "met": [], "work": []}


def test_reported_activity_counts_work_only_when_not_met() -> None:
    rows = pl.DataFrame(
        {
            "report_id": ["r1", "r1", "r2", "r2"],
            "body_code": ["a", "b", "b", "c"],
            "claim": ["met", "reported", "met", "reported"],
        }
    )
    assert evidence.reported_activity(rows) == (2, 1, 2)


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
