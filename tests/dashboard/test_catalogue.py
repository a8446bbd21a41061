"""The catalogue check (dashboard/i18n/check.py) over the three .po files, one test per
language, and proof that it fails on each kind of broken translation (catalogues changed in
memory); the compiled .mo files say what their .po files say."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable

import pytest
from babel.messages.catalog import Catalog

from dashboard.i18n import LANGS, messages, plurals, translations
from dashboard.i18n.check import problems, read_catalogues


@pytest.fixture(scope="module")
def catalogues() -> dict[str, Catalog]:
    return read_catalogues()


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_is_translated(catalogues: dict[str, Catalog], lang: str) -> None:
    found = [p for p in problems(catalogues) if p.startswith(f"{lang}:")]
    assert found == [], "\n".join(found)


def _drop(catalog: Catalog) -> None:
    del catalog["no_rows"]


def _rename_placeholder(catalog: Catalog) -> None:
    catalog["url_notice"].string = "Se ignoró un valor del enlace: {param}={valor} ({reason})."


def _stray_brace(catalog: Catalog) -> None:
    catalog["active_filters"].string = "Filtres : {filters"


def _empty(catalog: Catalog) -> None:
    catalog["no_rows"].string = ""


def _fuzzy(catalog: Catalog) -> None:
    catalog["no_rows"].flags.add("fuzzy")


def _one_plural_form_short(catalog: Catalog) -> None:
    message = catalog["n_shown"]
    message.string = tuple(message.string)[:2]


def _plural_made_plain(catalog: Catalog) -> None:
    message = catalog["n_shown"]
    message.id, message.string = "n_shown", message.string[0]


def _old_plural_rule(catalog: Catalog) -> None:
    catalog.mime_headers = [("Plural-Forms", "nplurals=2; plural=(n > 1);")]


def _wrong_plural_rule(catalog: Catalog) -> None:
    catalog.mime_headers = [("Plural-Forms", "nplurals=3; plural=(n == 1 ? 0 : n > 9 ? 1 : 2);")]


def _extra(catalog: Catalog) -> None:
    catalog.add("only_here", "Seulement ici")


@pytest.mark.parametrize(
    ("lang", "damage", "reported"),
    [
        ("fr", _drop, r"^fr: no_rows is missing$"),
        (
            "es",
            _rename_placeholder,
            r"^es: url_notice has placeholders \['param', 'reason', 'valor'\]",
        ),
        ("fr", _stray_brace, r"^fr: active_filters does not format"),
        ("en", _empty, r"^en: no_rows has no translation$"),
        ("es", _fuzzy, r"^es: no_rows is fuzzy$"),
        ("fr", _one_plural_form_short, r"^fr: n_shown has 2 plural forms, expected 3$"),
        ("es", _plural_made_plain, r"^es: n_shown is a count sentence in English"),
        ("fr", _old_plural_rule, r"^fr: Plural-Forms has nplurals=2, expected 3"),
        ("fr", _wrong_plural_rule, r"^fr: Plural-Forms gives 0 the form 'other', CLDR says 'one'"),
        ("fr", _extra, r"^fr: only_here is not in the English catalogue$"),
    ],
)
def test_the_check_reports_a_broken_translation(
    catalogues: dict[str, Catalog],
    lang: str,
    damage: Callable[[Catalog], None],
    reported: str,
) -> None:
    damaged = {code: copy.deepcopy(catalog) for code, catalog in catalogues.items()}
    damage(damaged[lang])
    found = problems(damaged)
    assert found, f"{damage.__name__} went unnoticed"
    assert any(re.search(reported, p) for p in found), found


def test_a_key_missing_in_english_is_missing_everywhere(catalogues: dict[str, Catalog]) -> None:
    damaged = {code: copy.deepcopy(catalog) for code, catalog in catalogues.items()}
    del damaged["en"]["no_rows"]
    assert {"es: no_rows is not in the English catalogue"} <= set(problems(damaged))


@pytest.mark.parametrize("lang", LANGS)
def test_the_compiled_catalogue_says_what_the_po_says(lang: str) -> None:
    """A .mo older than its .po (a .po edited without `make install`) fails here."""
    compiled = translations(lang)
    stale = [key for key, text in messages(lang).items() if compiled.gettext(key) != text]
    for key, forms in plurals(lang).items():
        for i, text in enumerate(forms.values()):
            n = {"one": 1, "many": 1_000_000}.get(list(forms)[i], 5)
            if compiled.ngettext(key, key, n) != text:
                stale.append(f"{key}[{i}]")
    assert stale == [], "run `make install` to compile the catalogues"
