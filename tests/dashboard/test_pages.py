"""Every page under AppTest, in Spanish and English, for several filter sets.

What a page shows is checked against counts computed here, straight from the warehouse tables
(not through the app's queries). AppTest cannot decode plotly 7 figures nor download bytes:
charts and exports are counted here and checked for content in test_charts / test_export.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from dashboard.i18n import t
from dashboard.ui.components import plain
from tests.dashboard.conftest import finds, searchable_terms
from warehouse import db

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "streamlit_app.py")
PAGES = ("summary", "trends", "topics", "parties", "events", "data_page")
LANGS = ("es", "en")
TITLES = {
    "summary": {"es": "Resumen", "en": "Summary"},
    "trends": {"es": "Tendencias", "en": "Trends"},
    "topics": {"es": "Temas", "en": "Topics"},
    "parties": {"es": "Partes", "en": "Parties"},
    "events": {"es": "Eventos", "en": "Events"},
    "data_page": {"es": "Datos", "en": "Data"},
}
SHOWN = {"es": re.compile(r"^(\d+) eventos?$"), "en": re.compile(r"^(\d+) events?$")}
EVENT_ID = "sme-dialogue-2023-09-21"


@dataclass(frozen=True)
class FilterSet:
    params: dict[str, str]
    where: str
    """The same restriction as SQL over ``events e`` (held events only is added)."""


FILTER_SETS = {
    "default": FilterSet({}, "true"),
    "restrictive": FilterSet({"body": "sme_dialogue"}, "e.body_code = 'sme_dialogue'"),
    "nothing": FilterSet(
        {"body": "tbt_committee", "from": "2025-01-01"},
        "e.body_code = 'tbt_committee' and e.start_date >= date '2025-01-01'",
    ),
}


@dataclass(frozen=True)
class Expected:
    n_events: int
    n_meetings: int
    """Held events that are meetings (data/README.md: a decision or a consultation is not)."""
    n_bodies: int
    """Bodies with a held meeting."""
    n_hosted: int
    n_chaired: int
    n_with_officials: int
    n_with_topics: int


@dataclass(frozen=True)
class Truth:
    """What the warehouse holds, computed independently of the app's queries."""

    by_filter: dict[str, Expected]
    n_bodies_with_records: int
    search_matches: int
    """Held events a search for "dialogo" finds (accents ignored)."""


def _truth(path: Path) -> Truth:
    con = db.connect(path)
    try:

        def scalar(sql: str) -> int:
            [(value,)] = con.sql(sql).fetchall()
            return int(value)

        by_filter = {}
        for name, fs in FILTER_SETS.items():
            held = f"from events e where e.status = 'held' and ({fs.where})"
            meeting = f"{held} and e.kind not in ('decision', 'public_consultation')"
            by_filter[name] = Expected(
                n_events=scalar(f"select count(*) {held}"),
                n_meetings=scalar(f"select count(*) {meeting}"),
                n_bodies=scalar(f"select count(distinct e.body_code) {meeting}"),
                # Hosting, chairing and presence are of meetings (a Party that conducts a
                # consultation hosts no meeting).
                n_hosted=scalar(f"select count(*) {meeting} and e.host_party is not null"),
                n_chaired=scalar(f"select count(*) {meeting} and e.chair_party is not null"),
                n_with_officials=scalar(
                    f"select count(*) {held} and exists (select 1 from participants p "
                    "where p.event_id = e.event_id and p.party_code is not null)"
                ),
                n_with_topics=scalar(
                    f"select count(*) {held} and e.event_id in ("
                    "select event_id from event_topics union select event_id from panel_topics "
                    "union select event_id from outcome_topics)"
                ),
            )
        held_terms = searchable_terms(con).values()
        return Truth(
            by_filter=by_filter,
            n_bodies_with_records=scalar("select count(distinct body_code) from events"),
            search_matches=sum(finds("dialogo", held) for held in held_terms),
        )
    finally:
        con.close()


@pytest.fixture(scope="module")
def truth(warehouse: Path) -> Truth:
    facts = _truth(warehouse)
    assert facts.by_filter["default"].n_events > facts.by_filter["restrictive"].n_events > 0
    assert facts.by_filter["nothing"].n_events == 0
    return facts


@pytest.fixture(scope="module")
def record() -> dict[str, Any]:
    with open(ROOT / "data" / "events" / f"{EVENT_ID}.yaml", encoding="utf-8") as handle:
        loaded: dict[str, Any] = yaml.safe_load(handle)
    return loaded


def open_app(params: dict[str, str], page: str = "summary") -> AppTest:
    """Open the app with ``params`` in the URL, then go to ``page`` within the session."""
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    if page != "summary":
        at.switch_page(f"dashboard/views/{page}.py").run()
    return at


def errors(at: AppTest) -> list[str]:
    return [e.value for e in at.exception]


def metric(at: AppTest, index: int) -> int:
    return int(at.metric[index].value)


def shown_count(at: AppTest, lang: str) -> int:
    counts = [int(m[1]) for c in at.caption if (m := SHOWN[lang].match(c.value))]
    assert len(counts) == 1, [c.value for c in at.caption]
    return counts[0]


def n_charts(at: AppTest) -> int:
    return len(at.get("plotly_chart"))


def n_downloads(at: AppTest) -> int:
    return len(at.get("download_button"))


def expected_widgets(page: str, e: Expected) -> tuple[int, int]:
    """(plotly charts, download buttons) the page shows for these expected counts."""
    if page == "summary":
        return 0, 3  # top-topics CSV, Excel workbook, briefing pack
    if page == "trends":
        return (3, 3) if e.n_meetings else (0, 0)  # events, topics, active bodies
    if page == "topics":
        # two heatmaps with their CSVs and the panels' CSV; a cell's CSV once one is chosen
        return (2, 3) if e.n_with_topics else (0, 0)
    if page == "parties":
        n = sum(bool(x) for x in (e.n_hosted, e.n_chaired, e.n_with_officials, e.n_meetings))
        return n, n
    if page == "events":
        return 0, 3  # events CSV, Excel workbook, briefing pack
    return 2, 2  # data: evidence coverage and confidence mix, each with its CSV


# --- every page × language × filter set -------------------------------------------------------

# Every filter set in English; in Spanish the sets whose page says something in words (the
# default one and the empty one): a filter set changes counts, which the language does not.
CASES = [(fset, "en") for fset in sorted(FILTER_SETS)] + [("default", "es"), ("nothing", "es")]


@pytest.mark.parametrize(("fset", "lang"), CASES)
@pytest.mark.parametrize("page", PAGES)
def test_page(warehouse: Path, truth: Truth, page: str, lang: str, fset: str) -> None:
    at = open_app({**FILTER_SETS[fset].params, "lang": lang}, page)
    expected = truth.by_filter[fset]
    assert not at.exception, errors(at)
    assert not at.warning, [w.value for w in at.warning]
    assert at.title[0].value == TITLES[page][lang]
    assert (n_charts(at), n_downloads(at)) == expected_widgets(page, expected)

    if page == "summary":
        # Meetings, dated acts and bodies with meetings: a decision is never a meeting.
        assert metric(at, 0) == expected.n_meetings
        assert metric(at, 1) == expected.n_events - expected.n_meetings
        assert metric(at, 2) == expected.n_bodies
        paragraph = at.markdown[0].value
        if expected.n_meetings:
            assert re.search(rf"\b{expected.n_meetings}\b", paragraph), paragraph
        elif not expected.n_events:
            none = t("summary_none", lang, period="").strip(" ,")
            assert paragraph.replace("\\", "").endswith(none), paragraph
    elif page == "events":
        assert shown_count(at, lang) == expected.n_events
        if expected.n_events:
            assert len(at.dataframe[0].value) == expected.n_events
        else:  # no grid with Streamlit's English "empty": the catalogue's words instead
            assert not at.dataframe
            assert t("no_results", lang) in [c.value for c in at.caption]
    elif page == "data_page":
        coverage_title = {
            "es": "Evidencia de actividad por órgano y año",
            "en": "Evidence of activity by body and year",
        }
        assert at.subheader[0].value == coverage_title[lang]
    elif page in ("trends", "topics") and not expected.n_meetings:
        assert at.info, "an empty result says so"


# --- Events: detail, unknown id, search -------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_event_deep_link_opens_detail(warehouse: Path, lang: str, record: dict[str, Any]) -> None:
    at = open_app({"event": EVENT_ID, "lang": lang}, "events")
    assert not at.exception, errors(at)
    title = record["title_es"] if lang == "es" else record["title_en"]
    assert at.header[0].value == plain(title)
    [sources] = [df.value for df in at.dataframe if "publisher" in df.value.columns]
    assert len(sources) == len(record["sources"])
    assert at.query_params["event"] == EVENT_ID


def test_unknown_event_warns(warehouse: Path) -> None:
    at = open_app({"event": "nope", "lang": "en"}, "events")
    assert not at.exception, errors(at)
    assert [w.value for w in at.warning] == ["There is no event with id nope."]


def test_search_ignores_accents(warehouse: Path, truth: Truth) -> None:
    at = open_app({"lang": "es"}, "events")
    counts = {}
    for text in ("diálogo", "dialogo", "DIÁLOGO"):
        at.text_input(key="ev_q").input(text).run()
        assert not at.exception, errors(at)
        counts[text] = shown_count(at, "es")
        assert len(at.dataframe[0].value) == counts[text]
        assert at.query_params["q"] == text
    assert set(counts.values()) == {truth.search_matches}
    assert truth.search_matches > 0


# --- hostile URLs -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("param", "value"),
    [
        ("body", "';drop"),
        ("body", "';drop table events;--"),
        ("lang", "xx"),
        ("from", "notadate"),
        ("topic", "t" * 3000),
        ("kind", "<script>alert(1)</script>"),
    ],
)
def test_hostile_url_value_is_ignored_with_a_warning(
    warehouse: Path, truth: Truth, param: str, value: str
) -> None:
    at = open_app({param: value})
    assert not at.exception, errors(at)
    [warning] = [w.value for w in at.warning]
    assert f"{param}=" in warning
    assert len(warning) < 200, "long values are clipped in the notice"
    assert metric(at, 0) == truth.by_filter["default"].n_meetings
    assert at.title[0].value == "Resumen"
    # The link now carries only what was kept.
    assert param not in at.query_params or param == "lang"


def test_unknown_code_beside_a_valid_one_keeps_the_valid_one(warehouse: Path, truth: Truth) -> None:
    at = open_app({"body": "sme_dialogue,nope", "lang": "en"})
    assert not at.exception, errors(at)
    assert [w.value for w in at.warning] == [
        "A value in the link was ignored: body=nope (unknown)."
    ]
    assert metric(at, 0) == truth.by_filter["restrictive"].n_meetings
    assert at.multiselect(key="flt_bodies_en").value == ["sme_dialogue"]
    assert at.query_params["body"] == "sme_dialogue"


@pytest.mark.parametrize("params", [{"from": "1900-01-01"}, {"to": "2999-01-01"}])
def test_date_outside_the_data_span_does_not_crash(
    warehouse: Path, truth: Truth, params: dict[str, str]
) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, errors(at)
    assert metric(at, 0) == truth.by_filter["default"].n_meetings


def test_period_before_the_data_gives_no_inverted_previous_period(
    warehouse: Path, truth: Truth
) -> None:
    at = open_app({"to": "2020-01-01", "lang": "en"})
    assert not at.exception, errors(at)
    # A 'to' before the first event would leave the date picker's range: dropped, with a notice.
    assert any("to=2020-01-01" in w.value for w in at.warning)
    assert metric(at, 0) == truth.by_filter["default"].n_meetings
    for caption in at.caption:
        found = re.search(r"\((\d{4}-\d\d-\d\d) – (\d{4}-\d\d-\d\d)\)", caption.value)
        if found:
            assert found[1] <= found[2], caption.value


def test_unknown_page_value_warns_on_first_render(warehouse: Path) -> None:
    at = open_app({"grain": "bogus", "lang": "en"}, "trends")
    assert not at.exception, errors(at)
    assert any("grain=bogus" in w.value for w in at.warning)


# --- state across page switches and languages -------------------------------------------------


def test_filters_survive_page_switch(warehouse: Path, truth: Truth) -> None:
    restrictive = truth.by_filter["restrictive"]
    at = open_app({"lang": "en"})
    at.multiselect(key="flt_bodies_en").set_value(["sme_dialogue"]).run()
    assert not at.exception, errors(at)
    assert metric(at, 0) == restrictive.n_meetings
    assert at.query_params["body"] == "sme_dialogue"

    # A real browser drops the query string on a page switch; the session must restore it.
    at.query_params.clear()
    at.switch_page("dashboard/views/events.py").run()
    assert not at.exception, errors(at)
    assert at.multiselect(key="flt_bodies_en").value == ["sme_dialogue"]
    assert shown_count(at, "en") == restrictive.n_events
    assert len(at.dataframe[0].value) == restrictive.n_events
    assert at.query_params["body"] == "sme_dialogue"
    assert at.query_params["lang"] == "en"

    at.switch_page("dashboard/views/summary.py").run()
    assert metric(at, 0) == restrictive.n_meetings
    assert metric(at, 2) == restrictive.n_bodies


def test_language_switch_changes_titles(warehouse: Path, truth: Truth) -> None:
    at = open_app({})
    assert at.title[0].value == "Resumen"
    at.selectbox(key="app_lang").set_value("en").run()
    assert not at.exception, errors(at)
    assert at.title[0].value == "Summary"
    assert at.query_params["lang"] == "en"
    assert metric(at, 0) == truth.by_filter["default"].n_meetings
    at.switch_page("dashboard/views/events.py").run()
    assert at.title[0].value == "Events"
    assert shown_count(at, "en") == truth.by_filter["default"].n_events


@pytest.mark.parametrize("langs", [("en", "fr", "en"), ("es", "en", "fr")], ids="-".join)
def test_language_switches_keep_filters_as_codes(
    warehouse: Path, truth: Truth, langs: tuple[str, ...]
) -> None:
    at = open_app({"lang": langs[0]})
    at.multiselect(key=f"flt_bodies_{langs[0]}").set_value(["sme_dialogue"]).run()
    expected = truth.by_filter["restrictive"].n_meetings
    for lang in langs[1:]:
        at.selectbox(key="app_lang").set_value(lang).run()
        assert not at.exception, errors(at)
        assert metric(at, 0) == expected, lang
        assert at.multiselect(key=f"flt_bodies_{lang}").value == ["sme_dialogue"]
        assert at.query_params["body"] == "sme_dialogue"
        assert at.query_params["lang"] == lang
        # A rerun for another reason afterwards keeps them too.
        at.run()
        assert metric(at, 0) == expected


def test_page_choices_survive_language_switch_and_leaving_the_page(warehouse: Path) -> None:
    at = open_app({"lang": "en", "grain": "quarter", "measure": "shares"}, "trends")
    assert at.radio(key="flt_page_grain_en").value == "quarter"
    at.radio(key="flt_page_stack_en").set_value("kind").run()
    at.selectbox(key="app_lang").set_value("fr").run()
    assert not at.exception, errors(at)
    assert at.radio(key="flt_page_grain_fr").value == "quarter"
    assert at.radio(key="flt_page_stack_fr").value == "kind"
    assert at.radio(key="flt_page_measure_fr").value == "shares"
    at.query_params.clear()
    at.switch_page("dashboard/views/summary.py").run()
    assert "grain" not in at.query_params, "page choices belong to their page's URL"
    at.switch_page("dashboard/views/trends.py").run()
    assert at.radio(key="flt_page_grain_fr").value == "quarter"
    assert at.query_params["grain"] == "quarter"
    assert at.query_params["stack"] == "kind"
    assert at.query_params["measure"] == "shares"


def test_period_preset_sets_the_period_in_state_widget_and_link(warehouse: Path) -> None:
    at = open_app({"lang": "en"})
    [presets] = [b for b in at.get("button_group") if b.proto.label == "Common periods"]
    presets.set_value("last_year").run()
    assert not at.exception, errors(at)
    year = dt.date.today().year - 1
    assert at.query_params["from"] == f"{year}-01-01"
    assert at.query_params["to"] == f"{year}-12-31"
    assert at.date_input(key="flt_period_en").value == (
        dt.date(year, 1, 1),
        dt.date(year, 12, 31),
    )
    at.selectbox(key="app_lang").set_value("fr").run()
    assert at.query_params["from"] == f"{year}-01-01", "the preset's period survives a switch"


def _cell_truth(warehouse: Path) -> tuple[str, int, int]:
    """The most frequent (topic, year) cell of held events, and its count, from the tables."""
    con = db.connect(warehouse)
    try:
        [(topic, year, n)] = con.sql(
            "select l.topic_code, year(e.start_date) as y, count(distinct e.event_id) as n "
            "from events e join event_topic_links l using (event_id) where e.status = 'held' "
            "group by all order by n desc, l.topic_code, y limit 1"
        ).fetchall()
    finally:
        con.close()
    return str(topic), int(year), int(n)


def test_topic_cell_from_the_link_lists_its_events_and_survives_a_switch(warehouse: Path) -> None:
    topic, year, n = _cell_truth(warehouse)
    at = open_app({"lang": "en", "cell_topic": topic, "cell_year": str(year)}, "topics")
    assert at.selectbox(key="flt_page_choice_cell_topic_en").value == topic
    assert shown_count(at, "en") == n
    at.selectbox(key="app_lang").set_value("fr").run()
    assert not at.exception, errors(at)
    assert at.selectbox(key="flt_page_choice_cell_topic_fr").value == topic
    assert at.selectbox(key="flt_page_choice_cell_year_fr").value == str(year)
    assert at.query_params["cell_topic"] == topic, "the URL holds the code, not a label"
    assert at.query_params["cell_year"] == str(year)
    at.selectbox(key="flt_page_choice_cell_year_fr").set_value(None).run()
    assert "cell_year" not in at.query_params


def test_topic_cell_with_an_unknown_code_warns_and_lists_nothing(warehouse: Path) -> None:
    at = open_app({"lang": "en", "cell_topic": "no_such_topic"}, "topics")
    assert at.selectbox(key="flt_page_choice_cell_topic_en").value is None
    assert any("no_such_topic" in w.value for w in at.warning), [w.value for w in at.warning]


def test_summary_tables_put_the_title_first_for_phones_and_french_filters_spaced(
    warehouse: Path,
) -> None:
    at = open_app({"lang": "fr", "party": "CA"})
    tables = [df.value for df in at.dataframe if "title" in df.value.columns]
    assert tables, "the Summary lists events"
    for frame in tables:
        assert list(frame.columns[:2]) == ["start_date", "title"], list(frame.columns)
    [stated] = [c.value for c in at.caption if c.value.startswith("Filtres")]
    assert "Parties : Canada" in stated, stated
