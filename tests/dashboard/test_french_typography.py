"""French typography: a space before a colon (« Date : »), in the catalogue and in every
label-and-value the code puts together; ``de`` elided before a vowel (« de l'Examen »)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from dashboard.exports.export import report_html
from dashboard.i18n import code_labels, fr_elide_de, label_value, messages, plurals, t

ROOT = Path(__file__).resolve().parents[2]

COLON_WITHOUT_SPACE = re.compile(r"(?<=[^\s\d])(?<!https)(?<!http):(?!//)")
"""A colon glued to the word before it; a URL's scheme and a time (10:30) are not."""

LABEL_COLON = re.compile(r"^(\*\*|</a>)?: |\*\*: |%\{\w+\}: ")
"""A string in the code that puts a colon right after a label it was joined to (or after a
placeholder: a plotly hover template's ``%{customdata}: %{x}``)."""

BUILT_COLON_ALLOWED = {
    # An exception's message for developers, not interface text.
    "dashboard/drafts/drafts.py",
}


def _french() -> list[tuple[str, str]]:
    texts = list(messages("fr").items())
    texts += [
        (f"{key}#{form}", text)
        for key, forms in plurals("fr").items()
        for form, text in forms.items()
    ]
    texts += [
        (f"{name}.{code}", label)
        for name, labels in code_labels("fr").items()
        for code, label in labels.items()
    ]
    return texts


def test_french_catalogue_puts_a_space_before_every_colon() -> None:
    glued = [(key, text) for key, text in _french() if COLON_WITHOUT_SPACE.search(text)]
    assert glued == []


@pytest.mark.parametrize(
    ("text", "glued"),
    [
        ("Date: 2024", True),
        ("Date : 2024", False),
        ("à 10:30", False),
        ("voir https://ustr.gov", False),
        ("{label}: {value}", True),
    ],
)
def test_the_colon_rule(text: str, glued: bool) -> None:
    assert bool(COLON_WITHOUT_SPACE.search(text)) is glued


def test_no_label_colon_is_built_in_code() -> None:
    found = []
    for path in sorted((ROOT / "dashboard").rglob("*.py")):
        name = str(path.relative_to(ROOT))
        if path.parent.name == "i18n" or name in BUILT_COLON_ALLOWED:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and LABEL_COLON.search(node.value)
            ):
                found.append(f"{name}:{node.lineno}")
    assert found == [], "join a label and its value with i18n.label_value"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("es", "Fecha: 2024"), ("en", "Date: 2024"), ("fr", "Date : 2024")],
)
def test_label_value(lang: str, expected: str) -> None:
    assert label_value(t("date", lang), "2024", lang) == expected


def test_the_reports_reopen_link_spaces_the_colon_in_french() -> None:
    import datetime as dt

    import polars as pl

    html = report_html(
        lang="fr",
        title="x",
        labels={"reopen": "Rouvrir cette vue"},
        summary="",
        headline=[],
        figures=[],
        filters=[],
        data_version="v",
        as_of="",
        sources=pl.DataFrame(
            schema={
                "event_id": pl.String,
                "url": pl.String,
                "publisher": pl.String,
                "published": pl.Date,
            }
        ),
        generated_at=dt.datetime(2024, 1, 1),
        link="https://example.org/summary",
    )
    assert "Rouvrir cette vue</a> : " in html


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Examen conjoint", "Ouvrir la page de l'Examen conjoint"),
        ("Accord", "Ouvrir la page de l'Accord"),
        ("Élevage", "Ouvrir la page de l'Élevage"),
        ("Comité des PME", "Ouvrir la page de Comité des PME"),
    ],
)
def test_de_is_elided_before_a_vowel(body: str, expected: str) -> None:
    assert t("open_body_page", "fr", body=body) == expected


def test_elision_is_french_only_and_only_before_a_filled_in_vowel() -> None:
    assert t("open_body_page", "es", body="Examen conjunto") == "Abrir la página de Examen conjunto"
    assert fr_elide_de("Événements de {period}", {"period": "2024"}) == "Événements de {period}"
    assert fr_elide_de("de {x}", {"x": " Usine"}) == "de l'{x}"
