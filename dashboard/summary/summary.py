"""The leadership summary: headline facts and the paragraph that states them (pure)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from dashboard.i18n import t, t_n
from dashboard.state.labels import Labels


@dataclass(frozen=True, slots=True)
class TopicMove:
    label: str
    n_events: int
    n_previous: int


@dataclass(frozen=True, slots=True)
class SummaryFacts:
    n_meetings: int
    """Meetings among the filtered events (a decision or a consultation is not one)."""
    n_bodies: int
    """Bodies with a meeting among them."""
    hosted: dict[str, int]
    """Party code → meetings hosted, in display order (named at display: a label or, in a
    headline, the catalogue's "hosted by" phrase with its article)."""
    top_topics: tuple[TopicMove, ...]
    date_from: dt.date | None
    date_to: dt.date | None
    previous: tuple[dt.date, dt.date] | None
    held_only: bool
    acts: dict[str, int] = field(default_factory=dict)
    """Kind label → dated acts that are not meetings (decisions, public consultations)."""

    @property
    def n_acts(self) -> int:
        return sum(self.acts.values())


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
    """A short paragraph in the interface language stating the headline facts. Meetings and
    dated acts are counted apart (data/README.md): the head sentence and the hosts speak of
    meetings only, every one accounted for, those without a recorded host included; the acts
    (decisions, public consultations) get their own sentence, each kind named."""
    lang = labels.lang
    period = _period(facts, lang)
    if facts.n_meetings == 0 and facts.n_acts == 0:
        return t("summary_none", lang, period=period)
    sentences = []
    if facts.n_meetings:
        what = t_n(
            "summary_held" if facts.held_only else "summary_recorded", lang, facts.n_meetings
        )
        bodies = t_n("summary_bodies", lang, facts.n_bodies)
        sentences.append(
            t("summary_head", lang, period=period, n=facts.n_meetings, what=what, bodies=bodies)
        )
    else:
        sentences.append(t("summary_no_meetings", lang, period=period))
    if facts.n_acts:
        # A kind is a common noun mid-sentence: "decision (1)", never "Decision (1)".
        kinds = [
            t("summary_act_kind", lang, kind=kind[:1].lower() + kind[1:], n=n)
            for kind, n in facts.acts.items()
        ]
        sentences.append(
            t(
                "summary_acts",
                lang,
                acts=t_n("summary_n_acts", lang, facts.n_acts),
                kinds=_join(kinds, lang),
            )
        )
    if not facts.n_meetings:
        return " ".join(sentences)
    hosts = [
        t("summary_hosted", lang, party=labels("parties", party), n=n)
        for party, n in facts.hosted.items()
        if n
    ]
    without = facts.n_meetings - sum(facts.hosted.values())
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


def reported_sentence(
    n_met: int, n_work: int, n_reports: int, n_beyond: int, *, years: str, lang: str
) -> str:
    """What the activity reports whose period lies wholly within ``years`` (e.g. "2021–2023")
    say: bodies that met at some time in those years, bodies that only reported their work,
    and how many reports say so; then, apart, the reports reaching beyond those years, which
    are not counted (data/README.md: a span is no evidence of a year in it)."""
    if n_reports:
        sentence = t(
            "summary_reported_within",
            lang,
            years=years,
            met=t_n("summary_reported_within_met", lang, n_met),
            work=t_n("summary_reported_within_work", lang, n_work),
            reports=t_n("summary_reported_within_reports", lang, n_reports),
        )
    else:
        sentence = t("summary_reported_none_within", lang, years=years)
    if n_beyond:
        sentence += " " + t_n("summary_reported_beyond", lang, n_beyond, years=years)
    return sentence


def cases_line(opened: int, resolved: int, open_at_end: int, lang: str) -> str:
    """Enforcement cases opened, and resolved or closed, in the period, and those still open at
    its end, in one sentence: each count names its status and its time, so "opened in the
    period" cannot be read as "open"."""
    return t(
        "cases_summary_line",
        lang,
        opened=t_n("cases_opened", lang, opened),
        resolved=t_n("cases_resolved", lang, resolved),
        open_end=t_n("cases_open_at_end", lang, open_at_end),
    )
