"""Filling a draft record's fields, each with the evidence that supports it."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from etl.contracts import EVENT
from etl.documents import DateMention, SourceDocument, detect_language, find_dates, split_passages
from etl.drafting.lexicon import (
    CHAIR_PATTERNS,
    CITIES,
    DATE_SLUG,
    FORMAT_CUES,
    HOST_PATTERNS,
    KEYNOTE,
    KIND_OF_BODY,
    LIST_ITEM,
    NOT_AFTER_PUBLIC_SESSION,
    PUBLIC_SESSION,
    STATUS_CUES,
    TOPIC_CUES,
    TREATY_REF,
    party_of,
)
from etl.drafting.mentions import (
    EventSlot,
    Mention,
    Span,
    assign_passages,
    blank,
    furniture_spans,
    slot_sentences,
    yearless_dates,
)
from etl.drafting.officials import KnownOfficial, find_officials, known_officials
from etl.records import Event
from etl.taxonomy import Taxonomy
from textrules.words import ORDINAL_NAMES, fold_aligned

# --- drafts -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a field has its value: ``text[start:end]`` (``quote``) says so, with ``confidence``
    between 0 and 1."""

    field: str
    value: Any
    start: int
    end: int
    confidence: float
    quote: str


@dataclass(frozen=True, slots=True)
class Draft:
    id: str
    record: dict[str, Any]
    evidence: tuple[Evidence, ...]
    unfilled: tuple[str, ...]
    known_id: str | None = None


class _Builder:
    """Collects one draft's fields with their evidence."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.values: dict[str, Any] = {}
        self.evidence: list[Evidence] = []

    def put(self, name: str, value: Any, span: tuple[int, int], confidence: float) -> None:
        self.values[name] = value
        self.note(name, value, span, confidence)

    def note(self, name: str, value: Any, span: tuple[int, int], confidence: float) -> None:
        start, end = span
        quote = " ".join(self.text[start:end].split())
        self.evidence.append(Evidence(name, value, start, end, round(confidence, 2), quote))


def _first(pattern: str, folded: str, spans: Iterable[Span]) -> re.Match[str] | None:
    """The first match of ``pattern`` in the given sentences of the folded text."""
    compiled = re.compile(pattern)
    for span in spans:
        match = compiled.search(folded, span.start, span.end)
        if match:
            return match
    return None


SINCE = re.compile(
    r"(?:since|desde|depuis|until|hasta|jusqu'|entry into force|entrada en vigor|"
    r"entree en vigueur|prevu \w+ pour|rumbo a|prepare for|preparar)[^.;]{0,60}$"
)
"""Words before a date that make it another moment than the meeting's ("since July 2020")."""


def _dates(ctx: _Context) -> tuple[DateMention, float] | None:
    """The event's date: the best-placed date of its sentences (one naming the event, beside
    its name, with a status cue), never one after "since"/"desde"/"depuis"; a day and month
    without a year take the year of the text's other dates."""
    held = "|".join(p for _, p in STATUS_CUES)
    candidates: list[tuple[float, int, DateMention]] = []
    year = _year_of(ctx)
    for span in ctx.spans:
        cue = re.search(held, ctx.folded[span.start : span.end])
        names_event = [m for m in ctx.slot.mentions if span.start <= m.start < span.end]
        segment = ctx.masked[span.start : span.end]
        found = find_dates(segment)
        if year is not None:
            found += yearless_dates(segment, year, taken=found)
        for mention in found:
            start, end = mention.start + span.start, mention.end + span.start
            score = (0.5 if names_event else 0.0) + (0.3 if cue else 0.0)
            score += 0.15 if mention.precision == "day" else 0.0
            if any(-60 < start - m.end < 60 for m in names_event):
                score += 0.2
            if SINCE.search(ctx.folded[max(0, start - 90) : start]):
                score -= 1.0
            absolute = DateMention(
                mention.start_date, mention.end_date, mention.precision, start, end
            )
            candidates.append((score, start, absolute))
    candidates = [c for c in candidates if c[0] > 0.2]
    if not candidates:
        return None
    score, _, best = max(candidates, key=lambda c: (c[0], -c[1]))
    return best, min(0.95, 0.4 + score / 2)


def _year_of(ctx: _Context) -> int | None:
    years = [m.start_date.year for m in find_dates(ctx.masked)]
    if years:
        return Counter(years).most_common(1)[0][0]
    return ctx.published.year if ctx.published else None


def _panel_title(item: str) -> str:
    body = LIST_ITEM.sub("", item)
    cut = re.search(r"\.\s+(?=[A-ZÁÉÍÓÚÑ¿¡])", body)
    title = body[: cut.start()] if cut else body
    return " ".join(title.split()).rstrip(".")


def _topics(
    folded: str, spans: Iterable[tuple[int, int]], taxonomy: Taxonomy
) -> list[tuple[str, tuple[int, int]]]:
    """Topics whose cues occur in the spans: most often first, then first seen; each with its
    first cue's span."""
    counts: Counter[str] = Counter()
    first: dict[str, tuple[int, int]] = {}
    for start, end in spans:
        for code, pattern in TOPIC_CUES.items():
            if code not in taxonomy.topics:
                continue
            for m in re.finditer(pattern, folded[start:end]):
                counts[code] += 1
                first.setdefault(code, (start + m.start(), start + m.end()))
    return [(c, first[c]) for c in sorted(counts, key=lambda c: (-counts[c], first[c][0]))]


def id_prefixes(events: Iterable[Event]) -> dict[str, str]:
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for event in events:
        match = DATE_SLUG.match(event.id)
        if match:
            votes[event.body][match.group(1)] += 1
    return {body: c.most_common(1)[0][0] for body, c in votes.items()}


def _titles(slot: EventSlot, taxonomy: Taxonomy, text: str, language: str) -> tuple[str, str]:
    body = taxonomy.bodies[slot.body].labels
    n = slot.edition
    unit = next((m.unit for m in slot.mentions if m.unit), None)
    unit_en = {"sesion": "Session", "session": "Session", "seance": "Session"}.get(
        unit or "", "Meeting"
    )
    unit_es = "Sesión" if unit_en == "Session" else "Reunión"
    dialogue = KIND_OF_BODY.get(slot.body) == "dialogue"
    if body.en.endswith("Meeting") or body.es.startswith("Reunión"):
        # the body is itself "a meeting of ...": "Third Deputies (Vice-Ministers) Meeting"
        ordinal = ((n is not None and n <= 10) and n) or 0
        title_en = f"{ORDINAL_NAMES['en'][ordinal - 1]} {body.en}" if ordinal else body.en
        title_es = f"{ORDINAL_NAMES['es_f'][ordinal - 1]} {body.es}" if ordinal else body.es
    elif n is None or n > 10:
        title_en = body.en if dialogue else f"Meeting of the {body.en}"
        title_es = body.es if dialogue else f"{unit_es} del {body.es}"
    elif dialogue:
        title_en = f"{ORDINAL_NAMES['en'][n - 1]} {body.en}"
        title_es = f"{ORDINAL_NAMES['es_m'][n - 1]} {body.es}"
    else:
        title_en = f"{ORDINAL_NAMES['en'][n - 1]} {unit_en} of the {body.en}"
        of = "de la" if body.es.startswith(("Comisión", "Revisión")) else "del"
        title_es = f"{ORDINAL_NAMES['es_f'][n - 1]} {unit_es} {of} {body.es}"
    named = [m for m in slot.mentions if m.edition is not None]
    if named:
        written = " ".join(text[named[0].start : named[0].end].split())
        if language == "es":
            title_es = written[:1].upper() + written[1:]
        elif language == "en":
            title_en = written[:1].upper() + written[1:]
    return title_en, title_es


def draft_records(
    text: str,
    taxonomy: Taxonomy,
    known_events: Sequence[Event],
    *,
    source: str | None = None,
    published: dt.date | None = None,
) -> list[Draft]:
    """One draft per event ``text`` describes (see the module docstring). ``source`` is the
    url the drafts cite (``seed: <file>`` or a document id); offsets in the evidence are
    offsets into ``text``."""
    passages = split_passages(text)
    masked = blank(text, furniture_spans(text))
    folded = fold_aligned(masked)
    language = detect_language(text)
    slots, _ = assign_passages(passages, folded, taxonomy)
    known = known_officials(known_events)
    prefixes = id_prefixes(known_events)
    return [
        _draft_one(
            _Context(
                text,
                folded,
                masked,
                slot,
                slot_sentences(slot),
                taxonomy,
                tuple(m for other in slots if other is not slot for m in other.mentions),
                published,
            ),
            known_events,
            known,
            prefixes,
            language,
            source,
            published,
        )
        for slot in slots
        if slot.primary
    ]


@dataclass(frozen=True, slots=True)
class _Context:
    """What every field filler reads: the text, its folded twin with URLs and datelines blanked
    (``folded``, offsets kept), the same blanking of the text itself (``masked``), the event's
    sentences and the places the text names other events."""

    text: str
    folded: str
    masked: str
    slot: EventSlot
    spans: list[Span]
    taxonomy: Taxonomy
    others: tuple[Mention, ...]
    published: dt.date | None

    def focused(self) -> list[Span]:
        """The event's sentences that name it, then those that name no other event: where a
        cue about this event (status, format, city, host) may be taken from."""
        naming = [
            s for s in self.spans if any(s.start <= m.start < s.end for m in self.slot.mentions)
        ]
        clean = [
            s
            for s in self.spans
            if s not in naming and not any(s.start <= m.start < s.end for m in self.others)
        ]
        return naming + clean


def _fill_identity(b: _Builder, ctx: _Context) -> str:
    slot = ctx.slot
    anchor = max(slot.mentions, key=lambda m: (m.edition is not None, -m.start), default=None)
    anchor_span = (anchor.start, anchor.end) if anchor else (0, 0)
    b.put("body", slot.body, anchor_span, 0.95 if anchor and anchor.edition else 0.8)
    if slot.edition is not None:
        ed = next(m for m in slot.mentions if m.edition == slot.edition)
        b.put("edition", slot.edition, (ed.start, ed.end), 0.9)
    kind = "public_session" if slot.public else KIND_OF_BODY.get(slot.body, "committee_meeting")
    b.put("kind", kind, anchor_span, 0.8)
    return kind


def _fill_when(b: _Builder, ctx: _Context) -> None:
    dates = _dates(ctx)
    if dates is not None:
        mention, confidence = dates
        where = (mention.start, mention.end)
        if mention.precision == "day":
            b.put("start_date", mention.start_date, where, confidence)
            b.put("end_date", mention.end_date or mention.start_date, where, confidence)
        else:
            b.put("start_date", mention.start_date.strftime("%Y-%m"), where, confidence - 0.2)
    spans = ctx.focused()
    for status, pattern in STATUS_CUES:
        hit = _first(pattern, ctx.folded, spans)
        if hit:
            confidence = 0.6 if status == "announced" else 0.85
            b.put("status", status, (hit.start(), hit.end()), confidence)
            break
    for fmt, pattern in FORMAT_CUES:
        # "a virtual public session" / "una sesión pública virtual" says how the public session
        # met, not the event
        hit = _first(
            rf"{NOT_AFTER_PUBLIC_SESSION}\b(?:{pattern})(?!\s+(?:{PUBLIC_SESSION}))",
            ctx.folded,
            spans,
        )
        if hit:
            b.put("format", fmt, (hit.start(), hit.end()), 0.85)
            break


def _party_cue(patterns: Sequence[str], ctx: _Context) -> tuple[str, re.Match[str]] | None:
    for pattern in patterns:
        hit = _first(pattern, ctx.folded, ctx.focused())
        party = party_of(hit.group("p")) if hit else None
        if hit and party:
            return party, hit
    return None


def _fill_where(b: _Builder, ctx: _Context) -> None:
    """City, host and chair as the text states them; a host is never inferred from the city
    (a meeting in Washington may be hosted by another Party's embassy or be trilateral)."""
    cities = "|".join(f"(?P<c{i}>{pattern})" for i, (pattern, _) in enumerate(CITIES))
    hit = _first(rf"\b(?:en|in|a|at)\s+(?:la\s+)?(?:{cities})\b", ctx.folded, ctx.focused())
    if hit:
        index = next(i for i in range(len(CITIES)) if hit.group(f"c{i}"))
        group = f"c{index}"
        b.put("city", CITIES[index][1], (hit.start(group), hit.end(group)), 0.8)
    host = _party_cue(HOST_PATTERNS, ctx)
    if host is not None:
        b.put("host_party", host[0], (host[1].start(), host[1].end()), 0.9)
    chair = _party_cue(CHAIR_PATTERNS, ctx)
    if chair is not None:
        b.put("chair_party", chair[0], (chair[1].start(), chair[1].end()), 0.85)


def _fill_people(b: _Builder, ctx: _Context, known: dict[str, KnownOfficial]) -> None:
    participants: list[dict[str, Any]] = []
    for i, (entry, notes) in enumerate(find_officials(ctx.slot, ctx.folded, ctx.text, known)):
        participants.append(entry)
        for name, value, where, confidence in notes:
            b.note(f"participants[{i}].{name}", value, where, confidence)
    if not participants:
        return
    b.values["participants"] = participants
    chairs = [(i, p["party"]) for i, p in enumerate(participants) if p["capacity"] == "chair"]
    if "chair_party" not in b.values and len(chairs) == 1 and chairs[0][1]:
        i, party = chairs[0]
        cited = next(e for e in b.evidence if e.field == f"participants[{i}].name")
        b.put("chair_party", party, (cited.start, cited.end), 0.7)


def _fill_content(b: _Builder, ctx: _Context) -> None:
    """Treaty references, panels (numbered lists, keynote panels) and topics."""
    refs: list[str] = []
    for span in ctx.spans:
        for m in TREATY_REF.finditer(ctx.text, span.start, span.end):
            ref = m.group(1) or f"ch{m.group(2)}"
            if ref not in refs:
                refs.append(ref)
                b.note(f"treaty_refs[{len(refs) - 1}]", ref, (m.start(), m.end()), 0.9)
    if refs:
        b.values["treaty_refs"] = refs
    panels: list[dict[str, Any]] = []
    items = [(p.start, p.end, _panel_title(p.text), 0.75) for p in ctx.slot.passages]
    items = [
        item for item, p in zip(items, ctx.slot.passages, strict=True) if LIST_ITEM.match(p.text)
    ]
    items += [
        (s.start, s.end, " ".join(ctx.text[s.start : s.end].split()).rstrip("."), 0.6)
        for s in ctx.spans
        if KEYNOTE.search(ctx.folded, s.start, s.end)
    ]
    for start, end, title, confidence in items:
        codes = [c for c, _ in _topics(ctx.folded, [(start, end)], ctx.taxonomy)]
        b.note(f"panels[{len(panels)}].title", title, (start, end), confidence)
        panels.append({"title": title, "topics": codes})
    if panels:
        b.values["panels"] = panels
    topics = _topics(ctx.folded, [(s.start, s.end) for s in ctx.spans], ctx.taxonomy)
    if topics:
        b.values["topics"] = [code for code, _ in topics]
        for i, (code, where) in enumerate(topics):
            b.note(f"topics[{i}]", code, where, 0.7)


def _draft_one(
    ctx: _Context,
    known_events: Sequence[Event],
    known: dict[str, KnownOfficial],
    prefixes: dict[str, str],
    language: str,
    source: str | None,
    published: dt.date | None,
) -> Draft:
    slot = ctx.slot
    b = _Builder(ctx.text)
    kind = _fill_identity(b, ctx)
    _fill_when(b, ctx)
    _fill_where(b, ctx)
    _fill_people(b, ctx, known)
    _fill_content(b, ctx)
    related = _related(slot, known_events)
    if related:
        b.values["related"] = [event_id for event_id, _ in related]
        for i, (event_id, where) in enumerate(related):
            b.note(f"related[{i}]", event_id, where, 0.7)
    title_en, title_es = _titles(slot, ctx.taxonomy, ctx.text, language)
    start = b.values.get("start_date")
    stamp = start.isoformat() if isinstance(start, dt.date) else (start or "undated")
    prefix = prefixes.get(slot.body, slot.body.replace("_", "-"))
    draft_id = f"{prefix}-{stamp}" + ("-public-session" if slot.public else "")
    supports = ", ".join(dict.fromkeys(e.field.split("[")[0] for e in b.evidence))
    given: dict[str, Any] = {
        "id": draft_id,
        "body": slot.body,
        "kind": kind,
        "title_en": title_en,
        "title_es": title_es,
        "sources": [
            {
                "url": source or "seed: (the drafted document)",
                "publisher": None,
                "published": published,
                "language": language,
                "supports": supports,
            }
        ],
        "confidence": "low",
        "notes": "Drafted automatically from the source's text; every filled field is backed by "
        f"the passage cited in {draft_id}.evidence.yaml. Review each field, set confidence, "
        "write outcomes as paraphrases, then move the record into data/events/.",
    }
    # every field of the contract, in its order; a list the text gave nothing for is empty
    record = {
        f.name: given.get(f.name, b.values.get(f.name, [] if f.is_list else None)) for f in EVENT
    }
    unfilled = tuple(name for name in EVENT.drafted if record[name] in (None, []))
    known_id = next(
        (
            e.id
            for e in known_events
            if e.body == slot.body
            and e.kind == kind
            and isinstance(start, dt.date)
            and e.start_date == start
        ),
        None,
    )
    return Draft(draft_id, record, tuple(b.evidence), unfilled, known_id)


def _related(slot: EventSlot, known_events: Sequence[Event]) -> list[tuple[str, tuple[int, int]]]:
    """Known events that the paragraphs of this event's section speak of."""
    out: list[tuple[str, tuple[int, int]]] = []
    for other in slot.related_slots:
        dates = [
            DateMention(m.start_date, m.end_date, m.precision, m.start + p.start, m.end + p.start)
            for p in other.passages
            for m in find_dates(p.text)
        ]
        kind = (
            "public_session" if other.public else KIND_OF_BODY.get(other.body, "committee_meeting")
        )
        for event in known_events:
            if event.body != other.body or event.kind != kind:
                continue
            same_date = [
                d for d in dates if d.start_date == event.start_date and d.precision == "day"
            ]
            same_edition = (
                other.edition is not None and event.edition == other.edition and not other.public
            )
            if same_date or same_edition:
                anchor = other.mentions[0]
                out.append((event.id, (anchor.start, anchor.end)))
                break
    return out


def draft_document(
    document: SourceDocument, taxonomy: Taxonomy, known_events: Sequence[Event]
) -> list[Draft]:
    """The drafts of a stored document, citing it as ``seed: <file>``."""
    return draft_records(
        document.text,
        taxonomy,
        known_events,
        source=f"seed: {document.file} ({document.document_id})",
        published=document.published,
    )
