"""Named officials in a text: title then name, name then title, or a name the records know."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from etl.drafting.lexicon import (
    CHAIR_CLAUSE,
    HEAD_OF_DELEGATION,
    NAME,
    NOT_NAMES,
    ORGANIZATIONS,
    PARTY_NAME,
    TITLE,
    TITLES,
    party_of,
)
from etl.drafting.mentions import EventSlot, slot_sentences
from etl.records import Event
from textrules.words import fold_aligned


@dataclass(frozen=True, slots=True)
class KnownOfficial:
    name: str
    party: str | None
    organization: str | None
    role: str | None
    level: str


def known_officials(events: Iterable[Event]) -> dict[str, KnownOfficial]:
    """Named participants of the records, by folded name; the latest record's details win."""
    out: dict[str, KnownOfficial] = {}
    for event in sorted(events, key=lambda e: e.start_date):
        for p in event.participants:
            out[fold_aligned(p.name)] = KnownOfficial(
                p.name, p.party, p.organization, p.role, p.level
            )
    return out


def find_officials(
    slot: EventSlot, folded: str, text: str, known: dict[str, KnownOfficial]
) -> list[tuple[dict[str, Any], list[tuple[str, Any, tuple[int, int], float]]]]:
    """Named officials: a title then a name ("el subsecretario de Comercio Exterior de México,
    Alejandro Encinas Nájera"), a name then a title ("Katherine Tai, United States Trade
    Representative"), or a name already known from the records."""
    found: list[tuple[dict[str, Any], list[tuple[str, Any, tuple[int, int], float]]]] = []
    by_name: dict[str, int] = {}
    names = sorted(known, key=len, reverse=True)
    known_names = re.compile(rf"\b(?:{'|'.join(map(re.escape, names))})\b") if names else None
    title_pattern = re.compile(rf"\b(?:(?:{PARTY_NAME})(?:'s)?\s+)?(?:{TITLE})\b")
    chair_spans = [
        (m.end(), folded.find(".", m.end()) if folded.find(".", m.end()) > 0 else len(folded))
        for m in re.finditer(CHAIR_CLAUSE, folded)
    ]

    def add(name: str, name_span: tuple[int, int], title_span: tuple[int, int] | None) -> None:
        key = fold_aligned(name)
        full = next((k for k in known if k == key or k.endswith(" " + key)), None)
        same = next((n for n in by_name if n == key or n.endswith(" " + key)), None)
        if same is not None or (full is not None and full in by_name):
            return
        official = known.get(full) if full else None
        entry: dict[str, Any] = {
            "name": official.name if official else name,
            "party": None,
            "organization": None,
            "role": None,
            "level": "unknown",
            "capacity": "participant",
        }
        ev: list[tuple[str, Any, tuple[int, int], float]] = [
            ("name", entry["name"], name_span, 0.9 if official or title_span else 0.6)
        ]
        if title_span is not None:
            title_text = " ".join(text[title_span[0] : title_span[1]].split()).strip(" ,")
            title_folded = folded[title_span[0] : title_span[1]]
            entry["role"] = title_text
            ev.append(("role", title_text, title_span, 0.8))
            for pattern, level in TITLES:
                bare = re.sub(rf"^(?:{PARTY_NAME})(?:'s)?\s+", "", title_folded.strip())
                if re.match(pattern, bare) or re.match(pattern, title_folded.strip()):
                    entry["level"] = level
                    ev.append(("level", level, title_span, 0.75))
                    break
            party_words = re.findall(rf"\b(?:{PARTY_NAME})\b", title_folded)
            for words in party_words:
                party = party_of(words)
                if party:
                    entry["party"] = party
                    ev.append(("party", party, title_span, 0.8))
                    break
            for pattern, org, org_party in ORGANIZATIONS:
                if re.search(pattern, title_folded):
                    entry["organization"] = org
                    ev.append(("organization", org, title_span, 0.7))
                    if entry["party"] is None:
                        entry["party"] = org_party
                        ev.append(("party", org_party, title_span, 0.7))
                    break
        if official is not None:
            for attr in ("party", "organization", "level"):
                if entry[attr] in (None, "unknown") and getattr(official, attr):
                    entry[attr] = getattr(official, attr)
                    ev.append((attr, entry[attr], name_span, 0.6))
        by_name[fold_aligned(entry["name"])] = len(found)
        found.append((entry, ev))
        inside = [c for c in chair_spans if c[0] <= name_span[0] <= c[1]]
        if inside:
            entry["_chair_clause"] = inside[0]
        elif re.search(
            HEAD_OF_DELEGATION, folded[title_span[0] : title_span[1]] if title_span else ""
        ):
            entry["capacity"] = "head_of_delegation"
            ev.append(("capacity", "head_of_delegation", title_span or name_span, 0.7))

    for span in slot_sentences(slot):
        titles = list(title_pattern.finditer(folded, span.start, span.end))
        first_name = next(
            (n for n in re.finditer(NAME, text[span.start : span.end]) if _is_name(n.group(0))),
            None,
        )
        # "Title, Name, Title, Name, ..." (a list that opens with a title) gives each name the
        # title before it; "Name, Title, Name, Title" the title after it
        title_first = bool(titles) and (
            first_name is None or titles[0].start() <= span.start + first_name.start()
        )
        for m in titles:
            if not title_first and re.search(
                rf"{NAME},\s*(?:the |la |el |le )?$", text[max(0, m.start() - 80) : m.start()]
            ):
                continue  # "Rob Stewart, sous-ministre ..., Alejandro ...": the title is Stewart's
            found_name = _name_after_title(text, m.end(), span.end)
            if found_name is not None:
                title_end, name_start, name_end = found_name
                add(text[name_start:name_end], (name_start, name_end), (m.start(), title_end))
        for name in re.finditer(NAME, text[span.start : span.end]):
            start = span.start + name.start()
            after = folded[span.start + name.end() : span.end]
            title = re.match(
                rf"\s*,\s*(?:the |la |el |le )?(?:(?:{PARTY_NAME})(?:'s)?\s+)?(?P<title>{TITLE})"
                r"[^,;.()]*",
                after,
            )
            if title and _is_name(name.group(0)) and not title_first:
                t0 = span.start + name.end() + title.start("title")
                add(
                    name.group(0),
                    (start, span.start + name.end()),
                    (t0, t0 + len(title.group(0)) - title.start("title")),
                )
        if known_names is not None:
            for hit in known_names.finditer(folded, span.start, span.end):
                add(text[hit.start() : hit.end()], (hit.start(), hit.end()), None)
    clauses = Counter(entry.get("_chair_clause") for entry, _ in found if "_chair_clause" in entry)
    for entry, ev in found:
        clause = entry.pop("_chair_clause", None)
        if clause is not None:
            capacity = "co_chair" if clauses[clause] > 1 else "chair"
            entry["capacity"] = capacity
            ev.append(("capacity", capacity, clause, 0.8))
    return found


def _name_after_title(text: str, start: int, limit: int) -> tuple[int, int, int] | None:
    """After a title, the name it introduces: right after it ("Minister Mary Ng") or after the
    title's qualifier and a comma ("subsecretario de Comercio Exterior de México, Alejandro
    Encinas Nájera"); returns (end of the title with its qualifier, name start, name end)."""
    direct = re.match(rf"\s+({NAME})", text[start:limit])
    if direct and _is_name(direct.group(1)):
        return start, start + direct.start(1), start + direct.end(1)
    qualified = re.match(rf"([^,;.()]{{0,80}}?)\s*,\s*({NAME})", text[start:limit])
    if qualified and _is_name(qualified.group(2)):
        return start + qualified.end(1), start + qualified.start(2), start + qualified.end(2)
    return None


def _is_name(candidate: str) -> bool:
    words = [fold_aligned(w) for w in candidate.split()]
    return not any(w in NOT_NAMES for w in words)
