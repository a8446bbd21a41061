"""Record text that is not in the interface language is marked, never silently mixed: a
Spanish screen marks English titles, a French screen says that record text is in its sources'
language (records have no French titles)."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.cases.cases import case_text
from dashboard.i18n import t
from dashboard.ui.tables import title_expr, title_text
from textrules.language import ShownText, marks_each_text, notes_record_language, shown_text

ROOT = Path(__file__).resolve().parents[2]
TITLES = pl.DataFrame({"title_en": ["Joint Review", "FTC"], "title_es": [None, "CLC"]})


def test_spanish_marks_an_english_title_and_keeps_a_spanish_one() -> None:
    shown = TITLES.select(title_expr("es"))["title_es"].to_list()
    assert shown == ["Joint Review (en inglés)", "CLC"]
    assert [title_text(en, es, "es") for en, es in TITLES.iter_rows()] == shown


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_english_and_french_show_the_english_title(lang: str) -> None:
    assert TITLES.select(title_expr(lang)).to_series().to_list() == ["Joint Review", "FTC"]


@pytest.mark.parametrize("lang", ["es", "fr"])
def test_event_tables_say_in_which_language_record_text_is(warehouse: Path, lang: str) -> None:
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page("dashboard/views/events.py").run()
    assert not at.exception
    assert t("record_text_language", lang) in [c.value for c in at.caption]


def test_english_screens_have_no_such_note(warehouse: Path) -> None:
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("dashboard/views/events.py").run()
    assert not at.exception
    assert t("record_text_language", "en") not in [c.value for c in at.caption]


@pytest.mark.parametrize("lang", ["es", "fr", "en"])
def test_stated_totals_say_their_sources_speak_their_own_language(
    warehouse: Path, lang: str
) -> None:
    """Publishers' names and details ("citing the Primer Informe…") and the quotations are
    the sources' words: a Spanish or French screen says so beside them."""
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page("dashboard/views/cases.py").run()
    assert not at.exception
    captions = [c.value for c in at.caption]
    assert (t("cases_stated_language", lang) in captions) is (lang != "en")


@pytest.mark.parametrize(
    ("english", "spanish", "lang", "text", "language", "foreign"),
    [
        ("Joint Review", "Revisión Conjunta", "es", "Revisión Conjunta", "es", False),
        ("Joint Review", None, "es", "Joint Review", "en", True),
        ("Joint Review", "Revisión Conjunta", "en", "Joint Review", "en", False),
        ("Joint Review", "Revisión Conjunta", "fr", "Joint Review", "en", True),
        (None, None, "fr", "", "en", False),
    ],
)
def test_one_rule_decides_in_which_language_record_text_is_shown(
    english: str | None, spanish: str | None, lang: str, text: str, language: str, foreign: bool
) -> None:
    assert shown_text(english, spanish, lang) == ShownText(text, language, foreign)
    assert case_text(english, spanish, lang) == (text, foreign)


@pytest.mark.parametrize(
    ("lang", "marks", "notes"), [("es", True, True), ("en", False, False), ("fr", False, True)]
)
def test_spanish_marks_each_text_and_french_says_it_once(
    lang: str, marks: bool, notes: bool
) -> None:
    assert marks_each_text(lang) is marks
    assert notes_record_language(lang) is notes
