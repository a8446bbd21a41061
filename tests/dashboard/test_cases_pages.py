"""The Cases page and every case page under AppTest (every case in Spanish, two in English), the
tallies against counts made here from the YAML."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl
import pytest
import yaml
from streamlit.testing.v1 import AppTest

from dashboard.cases import cases
from dashboard.i18n import t
from dashboard.state.labels import Labels
from dashboard.summary.summary import cases_line

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "streamlit_app.py")
DATA = ROOT / "data"
CASES = {
    p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))
    for p in sorted((DATA / "cases").glob("*.yaml"))
}
STATED = yaml.safe_load((DATA / "stated-counts.yaml").read_text(encoding="utf-8"))["counts"]


def open_page(params: dict[str, str], page: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(f"dashboard/views/{page}.py").run()
    return at


def texts(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown) + "\n".join(c.value for c in at.caption)


def unescape(text: str) -> str:
    return text.replace("\\", "").replace("\u2060", "")


@pytest.mark.parametrize("lang", ["es", "en"])
def test_cases_page_counts_every_case(warehouse: Path, lang: str) -> None:
    """(Stated totals are drawn and tabled beside the records: tests/dashboard/test_stated.py.)"""
    at = open_page({"lang": lang}, "cases")
    assert not at.exception, [e.value for e in at.exception]
    assert [m.value for m in at.metric] == [str(len(CASES))]


def test_page_filters_are_in_the_url_and_narrow_the_cases(warehouse: Path) -> None:
    at = open_page({"lang": "en", "mechanism": "ch31", "case_status": "open,nonsense"}, "cases")
    assert not at.exception
    expected = sum(c["mechanism"] == "ch31" and c["status"] == "open" for c in CASES.values())
    assert [m.value for m in at.metric] == [str(expected)]
    assert at.query_params["mechanism"] == "ch31"
    assert at.query_params["case_status"] == "open"
    assert any("case_status=nonsense" in w.value for w in at.warning)
    at.multiselect(key="cs_sector").set_value(["auto_parts"]).run()
    assert at.query_params["sector"] == "auto_parts"


def test_global_party_filter_applies_to_cases(warehouse: Path) -> None:
    at = open_page({"lang": "en", "party": "CA"}, "cases")
    expected = sum(
        "CA" in (c["complainant"], c["respondent"], *c["third_parties"]) for c in CASES.values()
    )
    assert [m.value for m in at.metric] == [str(expected)]


EN_CASES = sorted(
    {
        next(c for c in sorted(CASES) if CASES[c]["subject_es"]),
        next(c for c in sorted(CASES) if not CASES[c]["subject_es"]),
    }
)
"""Cases to open in English too (one with a Spanish subject, one without): the milestones,
sources and facility a case page shows do not depend on the language, its title does."""


@pytest.mark.parametrize(
    ("case_id", "lang"),
    [(case_id, "es") for case_id in sorted(CASES)] + [(case_id, "en") for case_id in EN_CASES],
)
def test_every_case_page(warehouse: Path, case_id: str, lang: str) -> None:
    at = open_page({"lang": lang, "id": case_id}, "case")
    assert not at.exception, [e.value for e in at.exception]
    assert not at.warning, [w.value for w in at.warning]
    case = CASES[case_id]
    title = case["subject_es"] if lang == "es" and case["subject_es"] else case["subject_en"]
    assert unescape(at.title[0].value) == title
    assert at.query_params["id"] == case_id
    shown = unescape(texts(at))
    if case["facility"]:
        assert case["facility"] in shown
    frames = [df.value for df in at.dataframe]
    milestones = frames[0]
    assert list(milestones["text"]) == [m["text"] for m in case["milestones"]]
    sources = frames[-1]
    assert list(sources["url"]) == [s["url"] for s in case["sources"]]
    if lang == "es":
        assert t("cases_english_only", "es") in shown


def test_unknown_case_warns(warehouse: Path) -> None:
    at = open_page({"lang": "en", "id": "rrm-1999-nowhere"}, "case")
    assert not at.exception
    assert any("rrm-1999-nowhere" in unescape(w.value) for w in at.warning)


def test_opening_a_case_from_the_cases_page(warehouse: Path) -> None:
    at = open_page({"lang": "en"}, "cases")
    at.selectbox(key="cs_pick").set_value("rrm-2021-tridonex").run()
    assert not at.exception
    assert unescape(at.title[0].value) == CASES["rrm-2021-tridonex"]["subject_en"]


def _resolution(case: dict[str, Any]) -> Any:
    if case["status"] not in ("resolved", "closed"):
        return None
    return next(m["date"] for m in case["milestones"] if m["step"] in ("resolved", "closed"))


@pytest.mark.parametrize(("year", "lang"), [("2024", "en"), ("2025", "es"), ("2025", "fr")])
def test_summary_states_cases_opened_resolved_and_open_at_the_end(
    warehouse: Path, year: str, lang: str
) -> None:
    """Opened in the period, resolved or closed in the period, and open at its end: three
    counts, recounted from the YAML, each with its own words."""
    at = open_page({"lang": lang, "from": f"{year}-01-01", "to": f"{year}-12-31"}, "summary")
    end = f"{year}-12-31"
    opened = {cid for cid, c in CASES.items() if str(_request(c))[:4] == year}
    resolved = {cid for cid, c in CASES.items() if str(_resolution(c))[:4] == year}
    open_at_end = {
        cid
        for cid, c in CASES.items()
        if str(_request(c)) <= end
        and (
            c["status"] not in ("resolved", "closed")
            or (_resolution(c) is not None and str(_resolution(c)) > end)
        )
    }
    line = cases_line(len(opened), len(resolved), len(open_at_end), lang)
    assert line in [m.value for m in at.markdown]


def _request(case: dict[str, Any]) -> Any:
    opening = [
        m
        for m in case["milestones"]
        if m["step"] in ("request", "consultations", "panel_requested")
    ]
    return (opening or case["milestones"])[0]["date"]


# --- pure functions --------------------------------------------------------------------------

LABELS = Labels("en", {"mechanisms": {"rrm": "RRM"}, "parties": {}, "sectors": {}})


def _listed() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "case_id": [cid for cid in CASES],
            "mechanism_code": [c["mechanism"] for c in CASES.values()],
            "complainant_party": [c["complainant"] for c in CASES.values()],
            "respondent_party": [c["respondent"] for c in CASES.values()],
            "sector_code": [c["sector"] for c in CASES.values()],
            "status": [c["status"] for c in CASES.values()],
            "request_year": [int(str(_request(c))[:4]) for c in CASES.values()],
        }
    )


@pytest.mark.parametrize(
    ("name", "field"),
    [
        ("mechanism", "mechanism"),
        ("complainant", "complainant"),
        ("respondent", "respondent"),
        ("sector", "sector"),
        ("status", "status"),
    ],
)
def test_tally_agrees_with_a_count_from_the_yaml(name: str, field: str) -> None:
    frame = cases.tally(_listed(), name, LABELS)
    # A case with no value recorded (no sector) is its own row, coded null.
    expected = Counter(None if c.get(field) is None else str(c[field]) for c in CASES.values())
    assert dict(zip(frame["code"], frame["n_cases"], strict=True)) == expected
    assert frame["n_cases"].sum() == len(CASES)


def test_tally_by_year_agrees_with_the_yaml() -> None:
    frame = cases.tally(_listed(), "year", LABELS)
    expected = Counter(str(_request(c))[:4] for c in CASES.values())
    assert dict(zip(frame["code"], frame["n_cases"], strict=True)) == expected


def test_tally_of_the_warehouse_agrees_with_the_yaml(warehouse: Path) -> None:
    from warehouse.db import connect, run_query

    con = connect(warehouse)
    try:
        listed = run_query(
            con,
            "cases_list",
            {
                "case_filters": {
                    "date_from": None,
                    "date_to": None,
                    "period_rule": "request",
                    "parties": [],
                    "topics": [],
                    "mechanisms": [],
                    "sectors": [],
                    "case_statuses": [],
                }
            },
        )
    finally:
        con.close()
    frame = cases.tally(listed, "mechanism", LABELS)
    assert dict(zip(frame["code"], frame["n_cases"], strict=True)) == Counter(
        c["mechanism"] for c in CASES.values()
    )


def test_parse_codes_keeps_known_codes_and_names_the_rest() -> None:
    assert cases.parse_codes("rrm, ch31,,bogus,rrm", ["rrm", "ch31"]) == (
        ["rrm", "ch31"],
        ["bogus", "rrm"],
    )


def test_case_text_marks_english_shown_in_another_language() -> None:
    assert cases.case_text("Subject", None, "es") == ("Subject", True)
    assert cases.case_text("Subject", "Asunto", "es") == ("Asunto", False)
    assert cases.case_text("Subject", "Asunto", "en") == ("Subject", False)
    assert cases.case_text("Subject", None, "fr") == ("Subject", True)


@pytest.mark.parametrize(
    ("code", "chapter"), [("labor_council", 23), ("environment_committee", 24)]
)
def test_body_pages_list_the_cases_of_their_chapter(
    warehouse: Path, code: str, chapter: int
) -> None:
    at = open_page({"lang": "en", "code": code}, "body")
    assert not at.exception, [e.value for e in at.exception]
    heading = t("cases_of_chapter", "en", chapter=chapter)
    n_rrm = sum(c["mechanism"] == "rrm" for c in CASES.values())
    if chapter == 23:
        assert heading in [s.value for s in at.subheader]
        table = next(df.value for df in at.dataframe if "case_id" in df.value.columns)
        assert len(table) == n_rrm
    else:
        # No case carries an environment topic yet: the section is absent, not empty.
        assert heading not in [s.value for s in at.subheader]


def test_data_page_shows_the_cases_each_load_run_loaded(warehouse: Path) -> None:
    at = open_page({"lang": "en"}, "data_page")
    assert not at.exception, [e.value for e in at.exception]
    runs = next(df.value for df in at.dataframe if "run_id" in df.value.columns)
    assert list(runs["n_cases"]) == [len(CASES)]
    assert list(runs["n_reports"]) == [len(list((DATA / "reports").glob("*.yaml")))]


def test_the_timeline_draws_the_cases_with_the_newest_steps() -> None:
    milestones = pl.DataFrame(
        {
            "case_id": ["a", "a", "b", "c", "c"],
            "milestone_date": [
                date(2021, 1, 1),
                date(2024, 5, 1),
                date(2023, 1, 1),
                date(2022, 1, 1),
                date(2022, 6, 1),
            ],
            "step_code": ["request", "resolved", "request", "request", "panel"],
        }
    )
    drawn = cases.timeline_cases(milestones, limit=2)
    assert set(drawn["case_id"]) == {"a", "b"}
    assert drawn.height == 3  # every milestone of a drawn case
    assert cases.timeline_cases(milestones, limit=3).equals(milestones)


# --- the case page's link and related meetings; filters that apply to cases ----------------


def test_case_page_gives_its_full_link_and_opens_related_meetings(warehouse: Path) -> None:
    at = open_page({"lang": "fr", "id": "rrm-2021-gm-silao"}, "case")
    assert not at.exception, [e.value for e in at.exception]
    label = t("label_value", "fr", label=t("cases_case_link", "fr"), value="")
    assert label == "Lien vers cette affaire : "
    [link] = [c.value for c in at.caption if c.value.startswith(label)]
    # The address the event page gives (components.view_link): path, id and language.
    assert "/case?" in link and "id=rrm-2021-gm-silao" in link and "lang=fr" in link
    assert "/events?event=" not in texts(at)
    [button] = [b for b in at.button if b.key == "case_event_labor-public-session-2021-06-29"]
    assert "2021-06-29" in unescape(button.label)
    button.click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["ev_selected"] == "labor-public-session-2021-06-29"
    assert any("Labor Council" in unescape(h.value) for h in at.header)


def _active_filters(at: AppTest, lang: str) -> str:
    head = t("active_filters", lang, filters="")
    return next(c.value for c in at.caption if c.value.startswith(head))


@pytest.mark.parametrize("page", ["cases", "case"])
def test_the_filters_line_of_the_case_pages_names_only_what_applies_to_cases(
    warehouse: Path, page: str
) -> None:
    params = {"lang": "fr", "party": "CA", "from": "2022-01-01", "mechanism": "ch31"}
    if page == "case":
        params["id"] = "ch31-2022-dairy-trq-2"
    at = open_page(params, page)
    assert not at.exception, [e.value for e in at.exception]
    line = _active_filters(at, "fr")
    assert t("statuses", "fr") + " :" not in line  # the events' status does not apply
    assert t("label_value", "fr", label=t("parties", "fr"), value="Canada") in line
    assert t("cases_rule_request", "fr") in line
    if page == "cases":  # the page's own filter, read from its URL before the line is drawn
        assert t("cases_filter_mechanism", "fr") + " :" in line
    events = open_page({"lang": "fr"}, "events")
    assert t("statuses", "fr") + " :" in _active_filters(events, "fr")


def test_cases_captions_speak_to_users_not_in_column_names(warehouse: Path) -> None:
    at = open_page({"lang": "fr"}, "cases")
    shown = texts(at)
    assert "built_on" not in shown
    assert "jusqu'au" in shown


# --- charts ---------------------------------------------------------------------------------


def test_tallies_are_horizontal_bars_with_every_label_in_full() -> None:
    from dashboard.ui import charts

    long = "Mécanisme de réaction rapide en matière de travail"
    frame = pl.DataFrame({"label": [long, "Différend entre Parties (chapitre 31)"], "n": [28, 9]})
    fig = charts.tally_bar(frame, label="label", value="n", title="Par mécanisme", lang="fr")
    [bar] = fig.data
    assert bar.orientation == "h"
    assert bar.hovertemplate == "%{customdata} : %{x}<extra></extra>"
    assert [y.replace("<br>", " ") for y in bar.y] == frame["label"].to_list()
    assert all(len(line) <= charts.TICK_LABEL_WIDTH for y in bar.y for line in y.split("<br>"))
    assert fig.layout.yaxis.automargin is True
    # The first row (most cases) at the top.
    assert list(fig.layout.yaxis.categoryarray) == list(bar.y)[::-1]


def test_every_step_has_its_own_colour_and_symbol_on_the_timeline() -> None:
    taxonomy = yaml.safe_load((DATA / "taxonomy.yaml").read_text(encoding="utf-8"))
    steps = list(taxonomy["case_steps"])
    assert set(cases.STEP_STYLES) == set(steps)
    colours = [c.lower() for c, _ in cases.STEP_STYLES.values()]
    symbols = [s for _, s in cases.STEP_STYLES.values()]
    assert len(set(colours)) == len(colours) and len(set(symbols)) == len(symbols)
    milestones = pl.DataFrame(
        {
            "case_id": ["a"] * len(steps),
            "milestone_date": [date(2021, 1, 1 + i) for i in range(len(steps))],
            "step_code": steps[::-1],
        }
    )
    fig = cases.timeline_figure(milestones, Labels("en", {}))
    assert [trace.name for trace in fig.data] == steps  # in the order of a case's life
    assert len({(tr.marker.color, tr.marker.symbol) for tr in fig.data}) == len(steps)
