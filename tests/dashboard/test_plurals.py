"""Count sentences agree with their number in every language: one mechanism (``t_n`` over the
catalogue's ``msgid_plural`` messages, forms chosen by CLDR's rule through ``ngettext``), and
no count sentence outside it."""

from __future__ import annotations

import re
import string

import pytest

from dashboard.i18n import LANGS, messages, plural_form, plurals, t_n
from dashboard.i18n.format import number
from dashboard.summary.summary import cases_line, reported_sentence

PLURAL_KEYS = sorted(plurals("en"))

COUNT_BEFORE_WORD = re.compile(r"\{(n|n_\w+|days|shown|total|value)\}\s+(?:[^\W\d_]|\{)")
"""A number placeholder followed by a word: the word has to agree with the number."""

SINGLE_FORM_ALLOWED = {
    # {shown} is a cap on what a table or chart draws (2,000 rows, 60 cases, the top 12
    # topics): the sentence is only written when there are more, so it is always plural.
    "cases_timeline_capped",
    "chart_truncated",
    "panels_capped",
    "rows_capped",
}


@pytest.mark.parametrize(
    ("lang", "n", "form"),
    [
        ("es", 0, "other"),
        ("es", 1, "one"),
        ("es", 2, "other"),
        ("en", 0, "other"),
        ("en", 1, "one"),
        ("en", 2, "other"),
        ("fr", 0, "one"),
        ("fr", 1, "one"),
        ("fr", 2, "other"),
        ("fr", 1_000, "other"),
        ("fr", 1_000_000, "many"),
        ("es", 2_000_000, "many"),
        ("en", 1_000_000, "other"),
    ],
)
def test_plural_form(lang: str, n: int, form: str) -> None:
    assert plural_form(lang, n) == form


def test_no_count_sentence_outside_the_plural_mechanism() -> None:
    found = {
        key
        for lang in LANGS
        for key, text in messages(lang).items()
        if COUNT_BEFORE_WORD.search(text)
    }
    assert found <= SINGLE_FORM_ALLOWED, sorted(found - SINGLE_FORM_ALLOWED)


def _values(key: str) -> dict[str, str]:
    fields = {f for _, f, _, _ in string.Formatter().parse(plurals("en")[key]["other"]) if f}
    return {f: "x" for f in fields if f != "n"}


@pytest.mark.parametrize("lang", LANGS)
def test_t_n_chooses_the_form_of_n(lang: str) -> None:
    assert PLURAL_KEYS
    for key in PLURAL_KEYS:
        values = _values(key)
        for n in (0, 1, 2, 1_000_000):
            text = t_n(key, lang, n, **values)
            form = plurals(lang)[key][plural_form(lang, n)]
            assert text == form.format(n=number(n, lang), **values), (key, n)
            assert number(n, lang) in text, (key, n)


@pytest.mark.parametrize(
    ("lang", "n", "expected"),
    [
        ("es", 100_000, "100.000 eventos"),
        ("en", 100_000, "100,000 events"),
        ("fr", 100_000, "100\u202f000 événements"),
        ("fr", 1, "1 événement"),
    ],
)
def test_counts_are_written_as_the_language_writes_numbers(
    lang: str, n: int, expected: str
) -> None:
    assert t_n("n_shown", lang, n) == expected


@pytest.mark.parametrize(
    ("lang", "n", "expected"),
    [
        ("es", 0, "0 eventos"),
        ("es", 1, "1 evento"),
        ("es", 2, "2 eventos"),
        ("en", 0, "0 events"),
        ("en", 1, "1 event"),
        ("en", 2, "2 events"),
        ("fr", 0, "0 événement"),
        ("fr", 1, "1 événement"),
        ("fr", 2, "2 événements"),
    ],
)
def test_events_count(lang: str, n: int, expected: str) -> None:
    assert t_n("n_shown", lang, n) == expected


@pytest.mark.parametrize(
    ("lang", "opened", "resolved", "open_end", "expected"),
    [
        (
            "es",
            1,
            2,
            1,
            "Casos de aplicación: 1 iniciado en el periodo, 2 resueltos o cerrados en el "
            "periodo; 1 caso seguía abierto al cierre del periodo.",
        ),
        (
            "en",
            1,
            0,
            12,
            "Enforcement cases: 1 opened in the period, 0 resolved or closed in the period; "
            "12 cases still open at the period's end.",
        ),
        (
            "fr",
            0,
            1,
            1,
            "Affaires d'application : 0 engagée pendant la période, 1 réglée ou close pendant "
            "la période ; 1 affaire encore ouverte à la fin de la période.",
        ),
        (
            "fr",
            2,
            3,
            0,
            "Affaires d'application : 2 engagées pendant la période, 3 réglées ou closes "
            "pendant la période ; 0 affaire encore ouverte à la fin de la période.",
        ),
    ],
)
def test_cases_line(lang: str, opened: int, resolved: int, open_end: int, expected: str) -> None:
    assert cases_line(opened, resolved, open_end, lang) == expected


@pytest.mark.parametrize(
    ("lang", "counts", "expected"),
    [
        (
            "es",
            (1, 2, 1, 0),
            "En el periodo 2021–2023, 1 órgano se reunió en algún momento y 2 más informaron "
            "de su trabajo sin decir que se reunieron, según 1 informe de actividad cuyo "
            "periodo cae por completo dentro de él.",
        ),
        (
            "en",
            (2, 1, 3, 1),
            "In the period 2021–2023, 2 bodies met at some time and 1 more reported its work "
            "without saying it met, according to 3 activity reports whose periods lie wholly "
            "within it. 1 more report covers a period reaching beyond 2021–2023: it is not "
            "counted here.",
        ),
        (
            "fr",
            (0, 2, 1, 2),
            "Sur la période 2021–2023, 0 organe s'est réuni à un moment donné et 2 autres ont "
            "rendu compte de leurs travaux sans dire qu'ils s'étaient réunis, selon 1 rapport "
            "d'activité dont la période s'y inscrit entièrement. 2 autres rapports couvrent des "
            "périodes qui dépassent 2021–2023 : ils ne sont pas comptés ici.",
        ),
        (
            "en",
            (0, 0, 0, 2),
            "No activity report has a period lying wholly within 2021–2023. 2 more reports "
            "cover periods reaching beyond 2021–2023: they are not counted here.",
        ),
    ],
)
def test_reported_sentence(lang: str, counts: tuple[int, int, int, int], expected: str) -> None:
    assert reported_sentence(*counts, years="2021–2023", lang=lang) == expected
