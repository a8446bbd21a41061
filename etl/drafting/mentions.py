"""Where a text names an event, and which paragraphs are about which event."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from etl.documents import DateMention, Passage, find_dates
from etl.drafting.lexicon import (
    BODY_ALIASES,
    DOMAIN_OF_BODY,
    DOMAINS,
    ORDINAL,
    OWNER,
    PUBLIC_SESSION,
    ROMAN,
    UNIT,
    ordinal_value,
)
from etl.taxonomy import Taxonomy
from textrules.words import MONTHS, fold_aligned


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


def sentences(passage: Passage) -> list[Span]:
    """Sentence spans (absolute offsets) of a passage; abbreviations such as "D.C" or "No. 5"
    may split a sentence, which only shortens the context a cue is looked for in; an initial
    ("Michael S. Regan") does not."""
    spans = []
    for match in re.finditer(
        r"(?:[^.!?;]|\.(?=\S)|\.(?=\s+[a-z0-9])|(?<=\b[A-Z])\.)+[.!?;]*", passage.text
    ):
        if match.group(0).strip():
            spans.append(Span(passage.start + match.start(), passage.start + match.end()))
    return spans


# --- furniture: what is about the document, not the meeting ------------------------------

URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+", re.I)
DATELINE_PREFIX = re.compile(
    r"^[^\S\n]*[A-ZÁÉÍÓÚÑÇ][\w .’'()-]{1,40}?,[^\S\n]*(?:(?:le|a|el)[^\S\n]+)?"
    r"[^\n]{0,40}?(?:\.-|[^\S\n][—–-][^\S\n])",
    re.M,
)
"""A dateline that opens a paragraph: "CIUDAD DE MÉXICO, noviembre 28 (EL UNIVERSAL).-",
"Victoria (Canada), le 29 juin 2023 —"."""
DATELINE_LINE_WORDS = 8
DATELINE_ZONE = 1500
"""Datelines stand in the first lines of a text."""


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """URLs and e-mail addresses anywhere, and datelines (a line at the top that is a date
    with at most a place beside it, or a dateline that opens a paragraph): words that say
    where and when the document was issued, or where it lives, not facts about the meeting."""
    spans = [(m.start(), m.end()) for m in URL.finditer(text)]
    offset = 0
    for line in text[:DATELINE_ZONE].splitlines(keepends=True):
        dates = find_dates(line)
        words = re.findall(r"[^\W\d_]+", line)
        if dates and len(words) <= DATELINE_LINE_WORDS:
            spans.append((offset, offset + len(line.rstrip())))
        offset += len(line)
    for m in DATELINE_PREFIX.finditer(text, 0, DATELINE_ZONE):
        if find_dates(m.group(0)) or re.search(r"\d{1,2}", m.group(0)):
            spans.append((m.start(), m.end()))
    return spans


def blank(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with the spans replaced by spaces (offsets kept)."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


YEARLESS = re.compile(
    r"\b(?P<d1>\d{1,2})(?:\s*(?:y|al|et|au|-|–)\s*(?P<d2>\d{1,2}))?\s+(?:de\s+)?"
    r"(?P<m>[a-zéû]+)\b(?!\s*(?:de|del|,)?\s*\d{4})",
    re.I,
)


def yearless_dates(text: str, year: int, *, taken: Sequence[DateMention]) -> list[DateMention]:
    """Day-and-month dates with no year ("los días 9 y 10 de diciembre"), in ``year``; those
    inside a date already found are skipped."""
    found: list[DateMention] = []
    for m in YEARLESS.finditer(text):
        month = MONTHS.get(m.group("m").lower())
        if month is None or any(d.start <= m.start() < d.end for d in taken):
            continue
        try:
            first = dt.date(year, month, int(m.group("d1")))
            last = dt.date(year, month, int(m.group("d2"))) if m.group("d2") else None
        except ValueError:
            continue
        if last is None or last >= first:
            found.append(DateMention(first, last, "day", m.start(), m.end()))
    return found


# --- mentions of events -----------------------------------------------------------------------


LATER_ORDINAL = (
    r"[^.;]{0,40}?\b(?:held|convened|hold|celebro|tuvo|sostuvo|llevo a cabo|lleva a cabo|"
    r"a tenu|tient|tiendra|tendra|will hold)\s+(?:its|their|su|sa|son)\s+"
    rf"(?P<later>{ORDINAL})\s+(?:meeting|session|reunion|sesion|seance)"
)
"""An edition stated after the body: "the Committee convened its first meeting"."""


@dataclass(frozen=True, slots=True)
class Mention:
    """A place where the text names an event: ``body`` (with ``edition`` when an ordinal
    qualifies it); ``public`` for a public session of that body."""

    body: str | None
    edition: int | None
    public: bool
    start: int
    end: int
    unit: str | None = None


def _alias_patterns(taxonomy: Taxonomy) -> dict[str, str]:
    out: dict[str, str] = {}
    for code, body in taxonomy.bodies.items():
        labels = [re.escape(fold_aligned(x)) for x in (body.labels.en, body.labels.es)]
        labels.append(re.escape(fold_aligned(body.labels.fr)))
        out[code] = "|".join([*BODY_ALIASES.get(code, ()), *labels])
    return out


def find_mentions(folded: str, taxonomy: Taxonomy) -> list[Mention]:
    """Every naming of a body (with its ordinal when one qualifies it) and of a public
    session, in text order; a longer naming wins over one inside it."""
    found: list[Mention] = []
    for code, alias in _alias_patterns(taxonomy).items():
        pattern = re.compile(
            rf"(?:\b(?P<ord>{ORDINAL})\s+(?:{UNIT})?{OWNER}"
            rf"|\b(?=[ivx])(?P<roman>{ROMAN})\s+{UNIT.replace('?P<unit>', '?:')}{OWNER})?"
            rf"\b(?:{alias})\b(?:'s)?(?:\s+\(\w+\))?"
            rf"(?:\s+(?P<ord_after>{ORDINAL})\s+(?:meeting|session)|{LATER_ORDINAL})?"
        )
        for m in pattern.finditer(folded):
            ordinal = m.group("ord") or m.group("roman") or m.group("ord_after") or m.group("later")
            found.append(
                Mention(
                    code,
                    ordinal_value(ordinal) if ordinal else None,
                    code == "labor_public_session",
                    m.start(),
                    m.end(),
                    m.group("unit"),
                )
            )
    for m in re.finditer(rf"\b(?:{PUBLIC_SESSION})\b", folded):
        found.append(Mention(None, None, True, m.start(), m.end()))
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    kept: list[Mention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


@dataclass
class EventSlot:
    """One event the text speaks of, and the paragraphs that are about it."""

    body: str
    edition: int | None
    public: bool
    primary: bool
    mentions: list[Mention] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    related_slots: list[EventSlot] = field(default_factory=list)

    def matches(self, mention: Mention, body: str | None) -> bool:
        return (
            body == self.body
            and mention.public == self.public
            and (mention.edition is None or self.edition is None or mention.edition == self.edition)
        )


PASSING = re.compile(
    r"(?:prepare for|preparing for|to prepare|since|followed up on|ahead of|"
    r"desde|rumbo a|en preparacion (?:de|para)|preparatoria (?:de|para)|dio seguimiento a|"
    r"depuis|en vue de|en preparation (?:de|a))(?:\s+[\w'-]+){0,2}\s+$"
)
"""Words before a body's name that make it a meeting the text only mentions ("a mid-year
meeting to prepare for the fourth FTC meeting", "since the third FTC meeting"): not the event
the text is about."""


def _passing(folded: str, mention: Mention) -> bool:
    return bool(PASSING.search(folded, max(0, mention.start - 60), mention.start))


def _is_heading(passage: Passage) -> bool:
    text = passage.text
    return bool(re.match(r"^(?:[IVX]{1,5}|[A-H]|\d{1,2})\.\s+\S", text)) or (
        len(text) <= 100 and not text.rstrip().endswith((".", ":", ";"))
    )


def assign_passages(
    passages: Sequence[Passage], folded: str, taxonomy: Taxonomy
) -> tuple[list[EventSlot], Passage | None]:
    """The events of the text (drafted ones first) with their paragraphs, and the title
    paragraph (which belongs to none)."""
    title = next((p for p in passages if not p.text.startswith("[")), None)
    mentions_of = {
        p.passage_no: [m for m in find_mentions(folded[p.start : p.end], taxonomy)]
        for p in passages
    }
    mentions_of = {
        no: [
            Mention(
                m.body,
                m.edition,
                m.public,
                m.start + passages[no - 1].start,
                m.end + passages[no - 1].start,
                m.unit,
            )
            for m in ms
        ]
        for no, ms in mentions_of.items()
    }
    slots: list[EventSlot] = []

    def slot_for(mention: Mention, body: str, *, primary: bool) -> EventSlot:
        for slot in slots:
            if slot.matches(mention, body) and (slot.primary or not primary):
                if slot.edition is None and mention.edition is not None:
                    slot.edition = mention.edition
                return slot
        slot = EventSlot(body, mention.edition, mention.public, primary)
        slots.append(slot)
        return slot

    headings = [p for p in passages if p is title or _is_heading(p)]
    for passage in headings:
        for mention in mentions_of[passage.passage_no]:
            if mention.body is not None and not mention.public and not _passing(folded, mention):
                slot_for(mention, mention.body, primary=True).mentions.append(mention)
    if not slots:
        first = next(
            (m for p in passages for m in mentions_of[p.passage_no] if m.body and not m.public),
            None,
        )
        if first is None:
            return [], title
        slot_for(first, first.body or "", primary=True)
    current: EventSlot | None = slots[0] if len(slots) == 1 else None
    for passage in passages:
        if passage is title and _is_heading(passage):
            continue
        owners: list[EventSlot] = []
        for mention in mentions_of[passage.passage_no]:
            body = mention.body or (current.body if current else None)
            if body is None:
                continue
            slot = slot_for(mention, body, primary=False)
            slot.mentions.append(mention)
            owners.append(slot)
        primaries = [s for s in owners if s.primary]
        others = [s for s in owners if not s.primary]
        if current is not None:
            current.related_slots += [s for s in others if s not in current.related_slots]
        if primaries:
            owner: EventSlot | None = primaries[0]
            if _is_heading(passage):
                current = primaries[0]
        elif others and find_dates(passage.text):
            # a dated account of another meeting (a footnote, a postponed session) is about it;
            # a passing mention ("prepared the fourth Commission meeting") is not
            owner = others[0]
        else:
            owner = _by_domain(passage, folded, current, [s for s in slots if s.primary])
        if owner is not None:
            owner.passages.append(passage)
    slots.sort(key=lambda s: not s.primary)
    return slots, title


def _by_domain(
    passage: Passage, folded: str, current: EventSlot | None, primaries: list[EventSlot]
) -> EventSlot | None:
    """The section's event, unless the paragraph speaks only of another drafted event's
    subject (interleaved columns)."""
    text = folded[passage.start : passage.end]
    domains = {d for d, pattern in DOMAINS.items() if re.search(pattern, text)}
    if current is not None and DOMAIN_OF_BODY.get(current.body) in domains:
        return current
    others = [s for s in primaries if s is not current and DOMAIN_OF_BODY.get(s.body) in domains]
    if len(others) == 1 and not (current and DOMAIN_OF_BODY.get(current.body) in domains):
        return others[0]
    return current


def slot_sentences(slot: EventSlot) -> list[Span]:
    return [s for p in slot.passages for s in sentences(p)]
