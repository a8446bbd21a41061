"""The code lists every record is checked against (``taxonomy.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import polars as pl

from etl.errors import Problem
from etl.tables import Rows, frames
from etl.yamlio import Document

LANGS = ("en", "es", "fr")
CODE_LISTS = ("kinds", "statuses", "formats", "levels", "capacities", "outcome_kinds", "confidence")
LABELLED_LISTS = ("mechanisms", "case_steps", "sectors", "case_statuses")
"""Code lists with labels (en/es/fr), beside parties, bodies and topics: the enforcement cases'
lists. A taxonomy without them is valid (it then has no such codes, and any case using one is
refused); one that has them malformed is not."""
ACT_KINDS = frozenset({"decision", "public_consultation"})
"""Event kinds that are dated acts, not meetings (data/README.md, "Meetings and other dated
acts"): shown, searched and exported like every event, never counted as a meeting held nor as
evidence that a body met. The one place the rule is written: the ETL stores it per event as
``events.is_meeting`` and every query counts meetings through that column. A taxonomy that
lists event kinds must list these (a renamed act kind would otherwise count as a meeting)."""
ALL_LISTS = ("parties", "bodies", "topic_groups", "topics", *CODE_LISTS, *LABELLED_LISTS)


@dataclass(frozen=True, slots=True)
class Labels:
    en: str
    es: str
    fr: str


@dataclass(frozen=True, slots=True)
class Body:
    code: str
    chapter: int | None
    article: str | None
    labels: Labels


@dataclass(frozen=True, slots=True)
class Topic:
    code: str
    group_code: str
    labels: Labels


@dataclass(frozen=True, slots=True)
class Taxonomy:
    parties: dict[str, Labels]
    bodies: dict[str, Body]
    topic_groups: dict[str, Labels]
    topics: dict[str, Topic]
    lists: dict[str, tuple[str, ...]]
    labelled: dict[str, dict[str, Labels]] = field(default_factory=dict)
    """Each list of :data:`LABELLED_LISTS` → code → labels, in file order."""
    code_sets: dict[str, frozenset[str]] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        self.code_sets.update({name: frozenset(self.codes(name)) for name in ALL_LISTS})

    def codes(self, name: str) -> tuple[str, ...]:
        """The valid codes of one list (``bodies``, ``topics``, ``kinds``, ...), in file order."""
        match name:
            case "parties":
                return tuple(self.parties)
            case "bodies":
                return tuple(self.bodies)
            case "topic_groups":
                return tuple(self.topic_groups)
            case "topics":
                return tuple(self.topics)
            case _ if name in LABELLED_LISTS:
                return tuple(self.labelled.get(name, {}))
            case _:
                return self.lists[name]

    def is_code(self, name: str, value: str) -> bool:
        """Whether ``value`` is a valid code of list ``name`` (a set lookup)."""
        return value in self.code_sets[name]


def parse_taxonomy(doc: Document, file: str) -> tuple[Taxonomy | None, list[Problem]]:
    """Read the taxonomy document; return it with the problems found (``None`` if any)."""
    problems: list[Problem] = []

    def fail(path: tuple[str | int, ...], field: str, message: str) -> None:
        problems.append(Problem(file, doc.line_of(path), field, message))

    data = doc.data
    if not isinstance(data, dict):
        fail((), "taxonomy", f"expected a mapping of code lists, found {type(data).__name__}")
        return None, problems

    def labels(section: str, code: str, value: Any) -> Labels:
        for lang in LANGS:
            if not isinstance(value.get(lang), str) or not value[lang].strip():
                fail(
                    (section, code),
                    f"{section}.{code}.{lang}",
                    f"missing label (expected text, found {value.get(lang)!r})",
                )
        return Labels(*(str(value.get(lang, "")) for lang in LANGS))

    def mapping(section: str) -> dict[str, dict[str, Any]]:
        value = data.get(section)
        if not isinstance(value, dict) or not value:
            fail((section,), section, f"expected a mapping of codes, found {value!r}")
            return {}
        out: dict[str, dict[str, Any]] = {}
        for code, entry in value.items():
            if not isinstance(entry, dict):
                fail((section, code), f"{section}.{code}", f"expected a mapping, found {entry!r}")
                continue
            out[str(code)] = entry
        return out

    parties = {c: labels("parties", c, v) for c, v in mapping("parties").items()}
    groups = {c: labels("topic_groups", c, v) for c, v in mapping("topic_groups").items()}
    bodies: dict[str, Body] = {}
    for code, entry in mapping("bodies").items():
        chapter, article = entry.get("chapter"), entry.get("article")
        if chapter is not None and (not isinstance(chapter, int) or isinstance(chapter, bool)):
            fail(
                ("bodies", code),
                f"bodies.{code}.chapter",
                f"expected int or null, found {chapter!r}",
            )
            chapter = None
        bodies[code] = Body(
            code, chapter, None if article is None else str(article), labels("bodies", code, entry)
        )
    topics: dict[str, Topic] = {}
    for code, entry in mapping("topics").items():
        group = entry.get("group")
        if group not in groups:
            fail(
                ("topics", code),
                f"topics.{code}.group",
                f"unknown topic group (expected one of {sorted(groups)}, found {group!r})",
            )
        topics[code] = Topic(code, str(group), labels("topics", code, entry))
    lists: dict[str, tuple[str, ...]] = {}
    for name in CODE_LISTS:
        value = data.get(name)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value) or not value:
            fail((name,), name, f"expected a list of codes, found {value!r}")
            lists[name] = ()
        else:
            lists[name] = tuple(value)
    missing_acts = sorted(ACT_KINDS - set(lists.get("kinds", ()))) if lists.get("kinds") else []
    if missing_acts:
        fail(
            ("kinds",),
            "kinds",
            f"missing the kinds of dated acts that are not meetings (expected {missing_acts} "
            f"in the list, found {list(lists['kinds'])})",
        )
    labelled = {
        name: {c: labels(name, c, v) for c, v in mapping(name).items()}
        for name in LABELLED_LISTS
        if name in data
    }
    if problems:
        return None, problems
    return Taxonomy(parties, bodies, groups, topics, lists, labelled), problems


REFERENCE_TABLES = ("parties", "bodies", "topic_groups", "topics", "codes", "code_labels")
"""The tables loaded from the taxonomy (``warehouse/schema/01_reference.sql``)."""


def taxonomy_frames(tax: Taxonomy) -> dict[str, pl.DataFrame]:
    """One frame per reference table."""
    rows = {table: Rows(table) for table in REFERENCE_TABLES}
    for code, lb in tax.parties.items():
        rows["parties"].add(party_code=code, name_en=lb.en, name_es=lb.es, name_fr=lb.fr)
    for b in tax.bodies.values():
        rows["bodies"].add(
            body_code=b.code,
            chapter=b.chapter,
            article=b.article,
            name_en=b.labels.en,
            name_es=b.labels.es,
            name_fr=b.labels.fr,
        )
    for code, lb in tax.topic_groups.items():
        rows["topic_groups"].add(group_code=code, label_en=lb.en, label_es=lb.es, label_fr=lb.fr)
    for t in tax.topics.values():
        rows["topics"].add(
            topic_code=t.code,
            group_code=t.group_code,
            label_en=t.labels.en,
            label_es=t.labels.es,
            label_fr=t.labels.fr,
        )
    for name, codes in tax.lists.items():
        for position, code in enumerate(codes, start=1):
            rows["codes"].add(list_name=name, code=code, position=position)
    for name, entries in tax.labelled.items():
        for position, (code, lb) in enumerate(entries.items(), start=1):
            rows["codes"].add(list_name=name, code=code, position=position)
            rows["code_labels"].add(
                list_name=name, code=code, label_en=lb.en, label_es=lb.es, label_fr=lb.fr
            )
    return frames(*rows.values())
