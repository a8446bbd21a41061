"""The leadership paragraph states exactly the numbers it is given, in es, en and fr."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from dashboard.i18n import code_labels, hosted_by, t
from dashboard.state.labels import Labels
from dashboard.summary.summary import SummaryFacts, TopicMove, summary_paragraph

LANGS = ("es", "en", "fr")


def labels(lang: str) -> Labels:
    """Labels that name the Parties FACTS counts by code (as the taxonomy would)."""
    return Labels(
        lang=lang, names={"parties": {"MX": "México", "US": "Estados Unidos", "CA": "Canadá"}}
    )


FACTS = SummaryFacts(
    n_meetings=12,
    n_bodies=4,
    hosted={"MX": 5, "US": 0, "CA": 3},
    top_topics=(
        TopicMove("PyMEs", 6, 2),
        TopicMove("Trabajo", 3, 3),
        TopicMove("Energía", 1, 4),
    ),
    date_from=dt.date(2023, 1, 1),
    date_to=dt.date(2023, 12, 31),
    previous=(dt.date(2022, 1, 1), dt.date(2022, 12, 31)),
    held_only=True,
)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "es",
            "Entre 2023-01-01 y 2023-12-31 hubo 12 reuniones celebradas en 4 órganos. "
            "Anfitriones: México 5, Canadá 3 y 4 sin anfitrión registrado. "
            "Temas más frecuentes: PyMEs (6; +4 frente al periodo anterior), "
            "Trabajo (3; 0 frente al periodo anterior) y "
            "Energía (1; -3 frente al periodo anterior).",
        ),
        (
            "en",
            "Between 2023-01-01 and 2023-12-31, 12 meetings were held across 4 bodies. "
            "Hosts: México 5, Canadá 3 and 4 without a recorded host. "
            "Most frequent topics: PyMEs (6; +4 on the previous period), "
            "Trabajo (3; 0 on the previous period) and "
            "Energía (1; -3 on the previous period).",
        ),
        (
            "fr",
            "Entre le 2023-01-01 et le 2023-12-31, 12 réunions ont été tenues dans 4 organes. "
            "Hôtes : México 5, Canadá 3 et 4 sans hôte enregistré. "
            "Thèmes les plus fréquents : PyMEs (6 ; +4 par rapport à la période précédente), "
            "Trabajo (3 ; 0 par rapport à la période précédente) et "
            "Energía (1 ; -3 par rapport à la période précédente).",
        ),
    ],
)
def test_paragraph_states_the_facts(lang: str, expected: str) -> None:
    assert summary_paragraph(FACTS, labels(lang)) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "es",
            "Entre 2023-01-01 y 2023-12-31, ninguna reunión ni acto fechado coincide con los "
            "filtros.",
        ),
        (
            "en",
            "Between 2023-01-01 and 2023-12-31, no meeting and no dated act matches the filters.",
        ),
        (
            "fr",
            "Entre le 2023-01-01 et le 2023-12-31, aucune réunion ni aucun acte daté ne "
            "correspond aux filtres.",
        ),
    ],
)
def test_paragraph_with_zero_events(lang: str, expected: str) -> None:
    facts = replace(FACTS, n_meetings=0, n_bodies=0, hosted={"MX": 0}, top_topics=(), previous=None)
    assert summary_paragraph(facts, labels(lang)) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("es", "Entre … y …, ninguna reunión ni acto fechado coincide con los filtros."),
        ("en", "Between … and …, no meeting and no dated act matches the filters."),
        ("fr", "Entre le … et le …, aucune réunion ni aucun acte daté ne correspond aux filtres."),
    ],
)
def test_paragraph_open_period(lang: str, expected: str) -> None:
    facts = replace(FACTS, n_meetings=0, date_from=None, date_to=None, previous=None)
    assert summary_paragraph(facts, labels(lang)) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "es",
            "Entre 2023-01-01 y 2023-12-31 hubo 12 reuniones registradas en 4 órganos. "
            "Ningún evento tiene anfitrión registrado. Temas más frecuentes: PyMEs (6).",
        ),
        (
            "en",
            "Between 2023-01-01 and 2023-12-31, 12 meetings were recorded across 4 bodies. "
            "No event has a recorded host. Most frequent topics: PyMEs (6).",
        ),
        (
            "fr",
            "Entre le 2023-01-01 et le 2023-12-31, 12 réunions ont été recensées dans 4 organes. "
            "Aucun événement n'a d'hôte enregistré. Thèmes les plus fréquents : PyMEs (6).",
        ),
    ],
)
def test_paragraph_all_statuses_no_hosts_no_previous(lang: str, expected: str) -> None:
    facts = replace(
        FACTS,
        hosted={"MX": 0, "CA": 0},
        top_topics=(TopicMove("PyMEs", 6, 99),),
        previous=None,
        held_only=False,
    )
    assert summary_paragraph(facts, labels(lang)) == expected


@pytest.mark.parametrize("lang", LANGS)
def test_paragraph_without_topics_or_hosts(lang: str) -> None:
    facts = replace(FACTS, hosted={}, top_topics=())
    text = summary_paragraph(facts, labels(lang))
    assert text.count(".") == 2, "the events and that none has a recorded host"
    assert "12" in text
    assert "4" in text


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "es",
            "Además, 2 actos fechados que no son reuniones: decisión (1) y consulta pública (1).",
        ),
        (
            "en",
            "Besides, 2 dated acts that are not meetings: decision (1) and public consultation "
            "(1).",
        ),
        (
            "fr",
            "En outre, 2 actes datés qui ne sont pas des réunions : décision (1) et consultation "
            "publique (1).",
        ),
    ],
)
def test_acts_are_counted_apart_from_meetings(lang: str, expected: str) -> None:
    """A decision and a consultation are never meetings: the head sentence keeps its 12
    meetings and the acts get their own sentence, each kind named."""
    kinds = code_labels(lang)["kinds"]
    facts = replace(FACTS, acts={kinds[k]: 1 for k in ("decision", "public_consultation")})
    text = summary_paragraph(facts, labels(lang))
    assert expected in text
    assert text.startswith(summary_paragraph(FACTS, labels(lang)).split(".")[0])


# --- never a number that is not in the facts --------------------------------------------------

NUMBER = re.compile(r"[+-]?\d+")


def stated_numbers(text: str, facts: SummaryFacts) -> list[str]:
    """Every integer the text states, with its sign, once the period's own dates are removed."""
    for day in (facts.date_from, facts.date_to):
        if day is not None:
            text = text.replace(day.isoformat(), " ")
    return NUMBER.findall(text)


def allowed_numbers(facts: SummaryFacts) -> set[str]:
    allowed = {str(facts.n_meetings), str(facts.n_bodies), str(facts.n_acts)}
    allowed |= {str(n) for n in facts.acts.values()}
    allowed |= {str(n) for n in facts.hosted.values()}
    allowed.add(str(facts.n_meetings - sum(facts.hosted.values())))  # meetings without a host
    for move in facts.top_topics:
        allowed.add(str(move.n_events))
        if facts.previous is not None:
            diff = move.n_events - move.n_previous
            allowed.add(f"+{diff}" if diff > 0 else str(diff))
    return allowed


NAME = (
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzáéíóúñ ", min_size=1, max_size=12)
    .map(str.strip)
    .filter(bool)
)
COUNT = st.integers(min_value=0, max_value=500)


@st.composite
def facts_strategy(draw: st.DrawFn) -> SummaryFacts:
    date_from = draw(st.one_of(st.none(), st.dates(dt.date(2019, 1, 1), dt.date(2030, 1, 1))))
    date_to = draw(st.one_of(st.none(), st.dates(dt.date(2019, 1, 1), dt.date(2030, 1, 1))))
    has_previous = draw(st.booleans())
    return SummaryFacts(
        n_meetings=draw(COUNT),
        acts=draw(st.dictionaries(NAME, st.integers(min_value=1, max_value=9), max_size=2)),
        n_bodies=draw(st.integers(min_value=0, max_value=20)),
        hosted=draw(st.dictionaries(NAME, COUNT, max_size=3)),
        top_topics=tuple(draw(st.lists(st.builds(TopicMove, NAME, COUNT, COUNT), max_size=5))),
        date_from=date_from,
        date_to=date_to,
        previous=(dt.date(2018, 1, 1), dt.date(2018, 12, 31)) if has_previous else None,
        held_only=draw(st.booleans()),
    )


@pytest.mark.parametrize("lang", LANGS)
@given(facts=facts_strategy())
def test_paragraph_mentions_only_numbers_from_the_facts(lang: str, facts: SummaryFacts) -> None:
    text = summary_paragraph(facts, labels(lang))
    stated = stated_numbers(text, facts)
    if facts.n_meetings == 0 and facts.n_acts == 0:
        assert stated == []
        return
    assert set(stated) <= allowed_numbers(facts)
    if facts.n_meetings == 0:
        # No meeting: no body or host is counted, only the acts.
        assert stated[0] == str(facts.n_acts)
        return
    # The head sentence states the meeting and body counts, in that order.
    assert stated[:2] == [str(facts.n_meetings), str(facts.n_bodies)]
    if facts.n_acts:
        assert stated[2] == str(facts.n_acts), "the acts are counted apart, after the meetings"
    for party, n in facts.hosted.items():
        assert (f"{party} {n}" in text) == (n > 0)
    without = facts.n_meetings - sum(facts.hosted.values())
    if any(facts.hosted.values()) and without > 0:
        assert str(without) in text, "the events without a recorded host are counted"
    for move in facts.top_topics:
        assert f"{move.label} ({move.n_events}" in text


def _taxonomy_parties() -> list[str]:
    doc = yaml.safe_load((Path(__file__).parents[2] / "data" / "taxonomy.yaml").read_text())
    return list(doc["parties"])


@pytest.mark.parametrize("lang", LANGS)
def test_every_party_has_its_hosted_by_phrase(lang: str) -> None:
    """A Party added to the taxonomy needs its phrase with the country's article in each
    catalogue; a missing one is a KeyError, not an article dropped by code."""
    for party in _taxonomy_parties():
        assert hosted_by(party, lang).strip()


@pytest.mark.parametrize(
    ("lang", "party", "headline"),
    [
        ("fr", "MX", "Réunions accueillies par le Mexique"),
        ("fr", "US", "Réunions accueillies par les États-Unis"),
        ("en", "US", "Meetings hosted by the United States"),
        ("es", "CA", "Reuniones organizadas por Canadá"),
    ],
)
def test_hosting_headline_names_the_party_with_its_article(
    lang: str, party: str, headline: str
) -> None:
    assert t("headline_hosting", lang, hosted_by=hosted_by(party, lang)) == headline
