"""Typed records and taxonomy → one polars frame per warehouse table (pure functions)."""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from etl.records import Event
from etl.taxonomy import Taxonomy

TEXT = pl.String()
INT = pl.Int32()

SCHEMAS: dict[str, dict[str, pl.DataType]] = {
    "parties": {"party_code": TEXT, "name_en": TEXT, "name_es": TEXT, "name_fr": TEXT},
    "bodies": {
        "body_code": TEXT,
        "chapter": INT,
        "article": TEXT,
        "name_en": TEXT,
        "name_es": TEXT,
        "name_fr": TEXT,
    },
    "topic_groups": {"group_code": TEXT, "label_en": TEXT, "label_es": TEXT, "label_fr": TEXT},
    "topics": {
        "topic_code": TEXT,
        "group_code": TEXT,
        "label_en": TEXT,
        "label_es": TEXT,
        "label_fr": TEXT,
    },
    "codes": {"list_name": TEXT, "code": TEXT, "position": INT},
    "events": {
        "event_id": TEXT,
        "body_code": TEXT,
        "edition": INT,
        "kind": TEXT,
        "title_en": TEXT,
        "title_es": TEXT,
        "start_date": pl.Date(),
        "date_precision": TEXT,
        "end_date": pl.Date(),
        "year": INT,
        "status": TEXT,
        "format": TEXT,
        "city": TEXT,
        "host_party": TEXT,
        "chair_party": TEXT,
        "confidence": TEXT,
        "notes": TEXT,
        "source_file": TEXT,
    },
    "event_topics": {"event_id": TEXT, "topic_code": TEXT, "rank": INT},
    "event_treaty_refs": {"event_id": TEXT, "ref": TEXT},
    "event_links": {"event_id": TEXT, "related_id": TEXT},
    "participants": {
        "event_id": TEXT,
        "participant_no": INT,
        "name": TEXT,
        "party_code": TEXT,
        "organization": TEXT,
        "role": TEXT,
        "level": TEXT,
        "capacity": TEXT,
    },
    "panels": {"event_id": TEXT, "panel_no": INT, "title": TEXT},
    "panel_topics": {"event_id": TEXT, "panel_no": INT, "topic_code": TEXT},
    "outcomes": {"event_id": TEXT, "outcome_no": INT, "kind": TEXT, "text": TEXT},
    "outcome_topics": {"event_id": TEXT, "outcome_no": INT, "topic_code": TEXT},
    "sources": {
        "event_id": TEXT,
        "source_no": INT,
        "url": TEXT,
        "publisher": TEXT,
        "published": pl.Date(),
        "language": TEXT,
        "supports": TEXT,
    },
}
"""Column order and types of every table the ETL loads (``load_runs`` is written apart)."""


def _frame(table: str, rows: list[tuple[object, ...]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=SCHEMAS[table], orient="row")


def taxonomy_frames(tax: Taxonomy) -> dict[str, pl.DataFrame]:
    return {
        "parties": _frame("parties", [(c, lb.en, lb.es, lb.fr) for c, lb in tax.parties.items()]),
        "bodies": _frame(
            "bodies",
            [
                (b.code, b.chapter, b.article, b.labels.en, b.labels.es, b.labels.fr)
                for b in tax.bodies.values()
            ],
        ),
        "topic_groups": _frame(
            "topic_groups", [(c, lb.en, lb.es, lb.fr) for c, lb in tax.topic_groups.items()]
        ),
        "topics": _frame(
            "topics",
            [
                (t.code, t.group_code, t.labels.en, t.labels.es, t.labels.fr)
                for t in tax.topics.values()
            ],
        ),
        "codes": _frame(
            "codes",
            [
                (name, code, i + 1)
                for name, codes in tax.lists.items()
                for i, code in enumerate(codes)
            ],
        ),
    }


def event_frames(events: Sequence[Event]) -> dict[str, pl.DataFrame]:
    """One frame per event table; rows sorted by event id so builds are reproducible."""
    ordered = sorted(events, key=lambda e: e.id)
    rows: dict[str, list[tuple[object, ...]]] = {
        name: []
        for name in SCHEMAS
        if name not in ("parties", "bodies", "topic_groups", "topics", "codes")
    }
    for e in ordered:
        rows["events"].append(
            (
                e.id,
                e.body,
                e.edition,
                e.kind,
                e.title_en,
                e.title_es,
                e.start_date,
                e.date_precision,
                e.end_date,
                e.start_date.year,
                e.status,
                e.format,
                e.city,
                e.host_party,
                e.chair_party,
                e.confidence,
                e.notes,
                e.file,
            )
        )
        rows["event_topics"] += [(e.id, t, r) for r, t in enumerate(e.topics, start=1)]
        rows["event_treaty_refs"] += [(e.id, ref) for ref in dict.fromkeys(e.treaty_refs)]
        rows["event_links"] += [(e.id, rel) for rel in dict.fromkeys(e.related)]
        rows["participants"] += [
            (e.id, n, p.name, p.party, p.organization, p.role, p.level, p.capacity)
            for n, p in enumerate(e.participants, start=1)
        ]
        for n, panel in enumerate(e.panels, start=1):
            rows["panels"].append((e.id, n, panel.title))
            rows["panel_topics"] += [(e.id, n, t) for t in panel.topics]
        for n, outcome in enumerate(e.outcomes, start=1):
            rows["outcomes"].append((e.id, n, outcome.kind, outcome.text))
            rows["outcome_topics"] += [(e.id, n, t) for t in outcome.topics]
        rows["sources"] += [
            (e.id, n, s.url, s.publisher, s.published, s.language, s.supports)
            for n, s in enumerate(e.sources, start=1)
        ]
    return {name: _frame(name, table_rows) for name, table_rows in rows.items()}
