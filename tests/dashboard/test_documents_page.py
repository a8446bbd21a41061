"""The Documents page: search over stored documents and records, filtered by the sidebar, and
the supporting passages on an event's detail."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.views.documents import highlighted

APP = str(Path(__file__).resolve().parents[2] / "streamlit_app.py")


def search(text: str, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "en"
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page("dashboard/views/documents.py").run()
    at.text_input(key="doc_q").set_value(text).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def n_results(at: AppTest) -> int:
    for caption in at.caption:
        if " results for " in caption.value:
            return int(caption.value.split()[0])
    return 0


def test_the_page_lists_the_stored_documents(warehouse: Path) -> None:
    at = search("")
    assert at.title[0].value == "Documents"
    assert len(at.dataframe[0].value) == 1


@pytest.mark.parametrize(
    ("query", "same_as"),
    [("dialogo", "Diálogo"), ("COMITES", "comité"), ("pymes", "PyME")],
)
def test_search_ignores_accents_case_and_word_forms(
    warehouse: Path, query: str, same_as: str
) -> None:
    found = n_results(search(query))
    assert found > 0
    assert found == n_results(search(same_as))


def test_snippets_highlight_the_matched_words(warehouse: Path) -> None:
    at = search("diálogo pyme")
    assert any("**Diálogo**" in m.value for m in at.markdown)


def test_sidebar_filters_apply_to_results(warehouse: Path) -> None:
    everything = n_results(search("comité"))
    # No TBT Committee event cites the bulletin nor mentions a committee of the environment.
    narrowed = n_results(search("comité", body="tbt_committee"))
    assert narrowed < everything


@pytest.mark.parametrize(
    "hostile", ["' OR 1=1 --", "<script>alert(1)</script>", "%_%", "x" * 300, "\u202e\u0645"]
)
def test_hostile_search_text_is_harmless(warehouse: Path, hostile: str) -> None:
    search(hostile)


def test_event_detail_shows_the_passages_that_support_it(warehouse: Path) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "en"
    at.query_params["event"] = "sme-dialogue-2023-09-21"
    at.run()
    at.switch_page("dashboard/views/events.py").run()
    assert not at.exception
    headings = [s.value for s in at.subheader]
    assert "Passages that support this record" in headings
    assert any(m.value.startswith("> ") and "PyME" in m.value for m in at.markdown)


@pytest.mark.parametrize(
    ("text", "terms", "expected"),
    [
        ("Segundo Diálogo PyME", ["dialog"], "Segundo **Diálogo** PyME"),
        ("<b>Diálogo</b> [x](http://e.x)", ["dialog"], "\\<b\\>**Diálogo**\\</b\\> \\[x\\]"),
    ],
)
def test_highlighted_snippets_keep_record_text_inert(
    text: str, terms: list[str], expected: str
) -> None:
    assert highlighted(text, terms).startswith(expected)
