"""The first page a session sees is in the language of its link, else of its browser
(``st.context.locale``), else Spanish; the sidebar's choice wins after that."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.state.url import first_language

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("url_lang", "locale", "expected"),
    [
        (None, "fr-FR", ("fr", False)),
        (None, "fr-CA", ("fr", False)),
        (None, "en-US", ("en", False)),
        (None, "EN_gb", ("en", False)),
        (None, "es-419", ("es", False)),
        (None, "de-DE", ("es", False)),
        (None, "", ("es", False)),
        (None, None, ("es", False)),
        ("en", "fr-FR", ("en", False)),
        ("es", "en-US", ("es", False)),
        ("xx", "fr-FR", ("fr", True)),
        ("xx", None, ("es", True)),
        ("", "en-US", ("en", True)),
    ],
)
def test_first_language(
    url_lang: str | None, locale: str | None, expected: tuple[str, bool]
) -> None:
    assert first_language(url_lang, locale) == expected


@pytest.mark.parametrize(
    ("locale", "params", "expected"),
    [
        ("fr-CA", {}, "fr"),
        ("en-US", {}, "en"),
        ("de-DE", {}, "es"),
        ("fr-FR", {"lang": "en"}, "en"),
    ],
)
def test_a_first_visit_follows_the_browser(
    warehouse: Path, locale: str, params: dict[str, str], expected: str
) -> None:
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    at.context["locale"] = locale
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception
    assert at.session_state["app_lang"] == expected
    assert at.sidebar.selectbox(key="app_lang").value == expected
    at.sidebar.selectbox(key="app_lang").select("es").run()  # the sidebar's choice wins
    assert at.session_state["app_lang"] == "es"
