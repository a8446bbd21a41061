"""The leadership summary: headline facts and the paragraph that states them (pure)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dashboard.i18n import t, t_n
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
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {t('summary_and', lang)} " + items[-1]


def _period(facts: SummaryFacts, lang: str) -> str:
    start = facts.date_from.isoformat() if facts.date_from else "…"
    end = facts.date_to.isoformat() if facts.date_to else "…"
    return t("summary_period", lang, start=start, end=end)


def _move(move: TopicMove, lang: str) -> str:
    diff = move.n_events - move.n_previous
    sign = f"+{diff}" if diff > 0 else str(diff)
    return t("summary_move", lang, label=move.label, n=move.n_events, sign=sign)


def summary_paragraph(facts: SummaryFacts, labels: Labels) -> str:
    """A short paragraph in the interface language stating the headline facts; every event is
    accounted for in the hosting sentence, those without a recorded host included."""
    lang = labels.lang
    period = _period(facts, lang)
    if facts.n_events == 0:
        return t("summary_none", lang, period=period)
    what = t_n("summary_held" if facts.held_only else "summary_recorded", lang, facts.n_events)
    bodies = t_n("summary_bodies", lang, facts.n_bodies)
    sentences = [t("summary_head", lang, period=period, n=facts.n_events, what=what, bodies=bodies)]
    hosts = [t("summary_hosted", lang, party=party, n=n) for party, n in facts.hosted.items() if n]
    without = facts.n_events - sum(facts.hosted.values())
    if hosts:
        if without > 0:
            hosts.append(t_n("summary_no_host", lang, without))
        sentences.append(t("summary_hosts", lang, hosts=_join(hosts, lang)))
    else:
        sentences.append(t("summary_no_hosts", lang))
    if facts.top_topics:
        if facts.previous is None:
            items = [
                t("summary_topic_count", lang, label=m.label, n=m.n_events)
                for m in facts.top_topics
            ]
        else:
            items = [_move(m, lang) for m in facts.top_topics]
        sentences.append(t("summary_topics", lang, topics=_join(items, lang)))
    return " ".join(sentences)


def reported_sentence(n_met: int, n_work: int, n_reports: int, *, period: str, lang: str) -> str:
    """What the activity reports covering ``period`` say: bodies that met, bodies that reported
    their work, and how many reports say so, each count with its own singular or plural."""
    return t(
        "summary_reported",
        lang,
        met=t_n("summary_reported_met", lang, n_met),
        work=t_n("summary_reported_work", lang, n_work),
        reports=t_n("summary_reported_reports", lang, n_reports),
        period=period,
    )


def cases_line(opened: int, resolved: int, lang: str) -> str:
    """Enforcement cases opened and resolved or closed in the period, in one sentence."""
    return t(
        "cases_summary_line",
        lang,
        opened=t_n("cases_opened", lang, opened),
        resolved=t_n("cases_resolved", lang, resolved),
    )
