"""The leadership summary: headline facts and the paragraph that states them (pure)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dashboard.labels import Labels


@dataclass(frozen=True, slots=True)
class TopicMove:
    label: str
    n_events: int
    n_previous: int


@dataclass(frozen=True, slots=True)
class SummaryFacts:
    n_events: int
    n_bodies: int
    hosted: dict[str, int]
    """Party label → events hosted, in display order."""
    top_topics: tuple[TopicMove, ...]
    date_from: dt.date | None
    date_to: dt.date | None
    previous: tuple[dt.date, dt.date] | None
    held_only: bool


def _join(items: list[str], lang: str) -> str:
    word = {"es": "y", "en": "and", "fr": "et"}[lang]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def _period(facts: SummaryFacts, lang: str) -> str:
    start = facts.date_from.isoformat() if facts.date_from else "…"
    end = facts.date_to.isoformat() if facts.date_to else "…"
    return {
        "es": f"Entre {start} y {end}",
        "en": f"Between {start} and {end}",
        "fr": f"Entre le {start} et le {end}",
    }[lang]


def _move(move: TopicMove, lang: str) -> str:
    diff = move.n_events - move.n_previous
    sign = f"+{diff}" if diff > 0 else str(diff)
    return {
        "es": f"{move.label} ({move.n_events}; {sign} frente al periodo anterior)",
        "en": f"{move.label} ({move.n_events}; {sign} on the previous period)",
        "fr": f"{move.label} ({move.n_events} ; {sign} par rapport à la période précédente)",
    }[lang]


def summary_paragraph(facts: SummaryFacts, labels: Labels) -> str:
    """A short paragraph in the interface language stating the headline facts."""
    lang = labels.lang
    one = facts.n_events == 1
    what = {
        ("es", True): "evento celebrado" if one else "eventos celebrados",
        ("es", False): "evento registrado" if one else "eventos registrados",
        ("en", True): "event was held" if one else "events were held",
        ("en", False): "event was recorded" if one else "events were recorded",
        ("fr", True): "événement a été tenu" if one else "événements ont été tenus",
        ("fr", False): "événement a été recensé" if one else "événements ont été recensés",
    }[(lang, facts.held_only)]
    single_body = facts.n_bodies == 1
    bodies = {
        "es": f"en {facts.n_bodies} {'órgano' if single_body else 'órganos'}",
        "en": f"across {facts.n_bodies} {'body' if single_body else 'bodies'}",
        "fr": f"dans {facts.n_bodies} {'organe' if single_body else 'organes'}",
    }[lang]
    if facts.n_events == 0:
        none = {
            "es": "no hay eventos que coincidan con los filtros.",
            "en": "no event matches the filters.",
            "fr": "aucun événement ne correspond aux filtres.",
        }[lang]
        return f"{_period(facts, lang)}, {none}"
    head = {
        "es": f"{_period(facts, lang)} hubo {facts.n_events} {what} {bodies}.",
        "en": f"{_period(facts, lang)}, {facts.n_events} {what} {bodies}.",
        "fr": f"{_period(facts, lang)}, {facts.n_events} {what} {bodies}.",
    }[lang]
    sentences = [head]
    hosts = [f"{party} {n}" for party, n in facts.hosted.items() if n]
    if hosts:
        sentences.append(
            {"es": "Anfitriones: ", "en": "Hosts: ", "fr": "Hôtes : "}[lang]
            + _join(hosts, lang)
            + "."
        )
    if facts.top_topics:
        lead = {
            "es": "Temas más frecuentes: ",
            "en": "Most frequent topics: ",
            "fr": "Thèmes les plus fréquents : ",
        }[lang]
        if facts.previous is None:
            items = [f"{m.label} ({m.n_events})" for m in facts.top_topics]
        else:
            items = [_move(m, lang) for m in facts.top_topics]
        sentences.append(lead + _join(items, lang) + ".")
    return " ".join(sentences)
