"""Every count sentence says what it counts: a status word ("open", "resolved", "held") comes
with its time ("in the period", "at the period's end"), so "39 abiertos" (39 opened in the
period) cannot be read as 39 open cases. Checked over the whole catalogue, in es, en and fr."""

from __future__ import annotations

import re

import pytest

from dashboard.i18n import LANGS, messages, plurals

STATUS_WORDS = {
    "es": r"abiert|iniciad|resuelt|cerrad|celebrad|concluid|pendiente",
    "en": r"\bopen|resolved|closed|\bheld\b|concluded|pending",
    "fr": r"ouvert|engagé|réglé|clos\b|closes?\b|tenue?s?\b|conclue?s?\b|en cours",
}
TIME_WORDS = {
    "es": r"en el periodo|al cierre del periodo|\bal \{|a la fecha|\{period\}|\{built_on\}",
    "en": r"in the period|at the period's end|\bas of\b|\{period\}|\{built_on\}",
    "fr": (
        r"pendant la période|dans la période|à la fin de la période|\bau \{|\{period\}"
        r"|\{built_on\}"
    ),
}

# Count fragments whose time is stated by the sentence they are put into (its {period}).
TIMED_BY = {
    "summary_held": "summary_head",
    "summary_recorded": "summary_head",
}
# What a source states (stated-counts.yaml): its time is the statement's as-of date, shown
# beside it, or unknown when the source gives none; the fragment names the source's own unit.
STATED_UNITS = {f"cases_count_{kind}" for kind in ("rrm_resolutions",)}


def count_sentences() -> list[str]:
    return sorted(plurals("en"))


@pytest.mark.parametrize("lang", LANGS)
def test_a_status_in_a_count_sentence_comes_with_its_time(lang: str) -> None:
    untimed = []
    for key in count_sentences():
        for form, text in plurals(lang)[key].items():
            if not re.search(STATUS_WORDS[lang], text, flags=re.IGNORECASE):
                continue
            if key in STATED_UNITS:
                continue
            if key in TIMED_BY:
                assert "{period}" in messages(lang)[TIMED_BY[key]], key
                continue
            if not re.search(TIME_WORDS[lang], text):
                untimed.append(f"{key}#{form}: {text}")
    assert not untimed, "count sentences naming a status without its time:\n" + "\n".join(untimed)


def test_the_rule_catches_the_sentence_that_misled_readers() -> None:
    """The Summary's old case fragments ("39 abiertos", "39 ouvertes") fail the rule."""
    for lang, old in (("es", "{n} abiertos"), ("fr", "{n} ouvertes"), ("en", "{n} opened")):
        assert re.search(STATUS_WORDS[lang], old)
        assert not re.search(TIME_WORDS[lang], old)


# "Abiertos en el periodo" / "ouvertes pendant la période" reads as "open during the period":
# a case opened in the period is "iniciado" / "engagée", whatever the sentence.
OPEN_IN_PERIOD = {
    "es": r"abiert\w*[^.;:]*en el periodo",
    "fr": r"ouvert\w*[^.;:]*(pendant|dans) la période",
}


@pytest.mark.parametrize("lang", sorted(OPEN_IN_PERIOD))
def test_no_sentence_says_open_in_the_period(lang: str) -> None:
    texts = list(messages(lang).items())
    texts += [(key, text) for key, forms in plurals(lang).items() for text in forms.values()]
    found = [
        f"{key}: {text}"
        for key, text in texts
        if re.search(OPEN_IN_PERIOD[lang], text, flags=re.IGNORECASE)
    ]
    assert not found, "\n".join(found)
