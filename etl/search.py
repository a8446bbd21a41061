"""Offline full-text search over document passages and records: events and activity
reports (BM25).

DuckDB's ``fts`` extension cannot be downloaded here, so the ETL builds the index itself, once
per build, as plain tables (see ``warehouse/schema/04_documents.sql``):

- ``search_docs``: one row per searchable unit (a document passage, an event or a report) with
  its length in terms;
- ``search_terms``: one row per term × unit with the term's frequency in the unit.

A query's terms are made by :mod:`textrules.terms` exactly as the index's were (accents and
case folded, stop words dropped, a light stemmer shared by Spanish, English and French), and
ranked by the named query ``warehouse/queries/search.sql`` (BM25 in SQL over the units that
``warehouse/macros/search_matches.sql`` finds, the same units the Events page lists).
:class:`SearchIndex` ranks the same way in Python, for the ETL (which passages support which
record) and for tests.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl

from etl.documents import SourceDocument, find_dates
from etl.records import Event
from etl.recordtypes import EVENTS, RECORD_TYPES
from etl.tables import schema
from etl.taxonomy import Taxonomy
from textrules.terms import matches, query_terms, terms
from textrules.words import MONTH_NAMES

K1 = 1.2
"""BM25 term-frequency saturation."""
B = 0.75
"""BM25 length normalisation."""
MIN_TERMS = 12
"""A passage with fewer index terms than this counts as a bare heading ("I. Segundo Diálogo
PyME", "Joint Statement on the First Meeting of the USMCA Free Trade Commission", a dateline):
its BM25 score is scaled by ``length / MIN_TERMS`` and it never supports a record. BM25's
length normalisation alone lifts a unit of a few terms above a paragraph that says more with
the same words. Measured on the stored bulletin and the test corpus (six documents): their 14
headings, titles and datelines have 1 to 9 terms, their paragraphs 13 or more but for a
sentence of 7 terms and a list's lead-in of 10. At 10 a 9-term title kept 0.9 of its score
and still ranked above paragraphs matching the same words (18 such pairs over 17 queries);
at 12 one pair is left (that 7-term sentence, tied with a heading). Records are not scaled:
an event's or a case's text is short by nature."""

DOC_KIND_PASSAGE = "passage"
DOC_KIND_EVENT = "event"
DOC_KIND_REPORT = "report"
DOC_KIND_CASE = "case"
SEARCHABLE = tuple(rt for rt in RECORD_TYPES if rt.search_kind is not None)


def search_params(alternatives: Sequence[Sequence[str]], *, limit: int = 50) -> dict[str, object]:
    """The parameters of ``warehouse/queries/search.sql`` for a search's alternatives (see
    :mod:`textrules.terms`; ``[query_terms(text)]`` for a search box's text alone)."""
    return {
        "alternatives": [list(alt) for alt in alternatives],
        "k1": K1,
        "b": B,
        "min_terms": MIN_TERMS,
        "limit": limit,
    }


# --- the index ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SearchUnit:
    """One searchable thing: a document passage or a record (``doc_key`` is then its id)."""

    doc_kind: str
    doc_key: str
    text: str
    document_id: str | None = None
    passage_no: int | None = None


@dataclass(frozen=True, slots=True)
class Hit:
    doc_kind: str
    doc_key: str
    score: float
    matched: tuple[str, ...]


def passage_key(document_id: str, passage_no: int) -> str:
    return f"{document_id}:{passage_no}"


def event_text(event: Event, taxonomy: Taxonomy | None) -> str:
    """What an event is found by besides its registry ``search_text`` (titles, notes,
    outcomes): its city and id, its panels' titles, its people (name, organisation, role) and
    the labels of its topics, its panels' and its outcomes' in Spanish, English and French
    (so "numérisation" finds an event about digitalisation written in Spanish and English)."""
    codes = [*event.topics]
    codes += [code for panel in event.panels for code in panel.topics]
    codes += [code for outcome in event.outcomes for code in outcome.topics]
    topics = taxonomy.topics if taxonomy is not None else {}
    labels = [topics[code].labels for code in dict.fromkeys(codes) if code in topics]
    parts = [event.city or "", event.id]
    parts += [panel.title for panel in event.panels]
    parts += [" ".join(filter(None, (p.name, p.organization, p.role))) for p in event.participants]
    parts += [f"{label.es} {label.en} {label.fr}" for label in labels]
    return "\n".join(p for p in parts if p)


def search_units(
    documents: Sequence[SourceDocument],
    records: Mapping[str, Sequence[Any]] | None = None,
    taxonomy: Taxonomy | None = None,
) -> list[SearchUnit]:
    """The passages of ``documents`` and the searchable records (record type name → records;
    each type's ``search_kind`` and ``search_text`` come from the registry; an event adds
    :func:`event_text`, whose topic labels come from ``taxonomy``)."""
    units = [
        SearchUnit(
            DOC_KIND_PASSAGE,
            passage_key(doc.document_id, p.passage_no),
            p.text,
            document_id=doc.document_id,
            passage_no=p.passage_no,
        )
        for doc in documents
        for p in doc.passages
    ]
    for record_type in RECORD_TYPES:
        if record_type.search_kind is None or record_type.search_text is None:
            continue
        for record in (records or {}).get(record_type.name, ()):
            text = record_type.search_text(record)
            if record_type is EVENTS:
                text += "\n" + event_text(record, taxonomy)
            units.append(SearchUnit(record_type.search_kind, record.id, text))
    return units


class SearchIndex:
    """Term frequencies, document frequencies and lengths of a set of units, ranked by BM25
    exactly as ``warehouse/queries/search.sql`` ranks them."""

    def __init__(self, units: Iterable[SearchUnit]) -> None:
        self.units: dict[tuple[str, str], SearchUnit] = {}
        self.tf: dict[tuple[str, str], Counter[str]] = {}
        self.lengths: dict[tuple[str, str], int] = {}
        self.postings: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for unit in units:
            key = (unit.doc_kind, unit.doc_key)
            counts = Counter(terms(unit.text))
            self.units[key] = unit
            self.tf[key] = counts
            self.lengths[key] = sum(counts.values())
            for term in counts:
                self.postings[term].append(key)
        self.n_docs = len(self.tf)
        total = sum(self.lengths.values())
        self.avg_length = total / self.n_docs if self.n_docs else 0.0

    def length(self, key: tuple[str, str]) -> int:
        return self.lengths[key]

    def is_heading(self, key: tuple[str, str], *, min_terms: int = MIN_TERMS) -> bool:
        """Whether the unit is a passage shorter than ``min_terms`` (see :data:`MIN_TERMS`)."""
        return key[0] == DOC_KIND_PASSAGE and self.lengths[key] < min_terms

    def idf(self, term: str) -> float:
        df = len(self.postings.get(term, ()))
        return math.log(1 + (self.n_docs - df + 0.5) / (df + 0.5))

    def rank(
        self,
        query: Sequence[str],
        *,
        k1: float = K1,
        b: float = B,
        min_terms: int = MIN_TERMS,
        limit: int | None = None,
        only: Collection[tuple[str, str]] | None = None,
        alternatives: Sequence[Sequence[str]] | None = None,
    ) -> list[Hit]:
        """Units matching any of the (normalised) terms, best first; ties by kind and key.
        A passage shorter than ``min_terms`` has its score scaled by ``length / min_terms``.
        ``only`` restricts the units returned, not the statistics; with ``alternatives``,
        only units holding every term of one of them are returned (as a search finds them:
        ``warehouse/macros/search_matches.sql``)."""
        if alternatives is not None:
            found = {key for key, tf in self.tf.items() if matches(tf.keys(), alternatives)}
            only = found if only is None else found & set(only)
        scores: dict[tuple[str, str], float] = defaultdict(float)
        matched: dict[tuple[str, str], list[str]] = defaultdict(list)
        for term in dict.fromkeys(query):
            idf = self.idf(term)
            for key in self.postings.get(term, ()):
                if only is not None and key not in only:
                    continue
                tf = self.tf[key][term]
                norm = 1 - b + b * self.length(key) / self.avg_length
                scores[key] += idf * tf * (k1 + 1) / (tf + k1 * norm)
                matched[key].append(term)
        for key in scores:
            if self.is_heading(key, min_terms=min_terms):
                scores[key] *= self.length(key) / min_terms
        hits = [Hit(k[0], k[1], s, tuple(sorted(matched[k]))) for k, s in scores.items()]
        hits.sort(key=lambda h: (-h.score, h.doc_kind, h.doc_key))
        return hits if limit is None else hits[:limit]


# --- records ↔ documents --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EventDocument:
    event_id: str
    source_no: int
    document_id: str


@dataclass(frozen=True, slots=True)
class SupportingPassage:
    event_id: str
    rank: int
    document_id: str
    passage_no: int
    score: float


HEX_ID = re.compile(r"\b[0-9a-f]{16}\b")


def event_query(event: Event) -> list[str]:
    """The terms that identify an event in a document: its titles, city, participant names and
    its start date written in words (as Spanish, English and French texts write it)."""
    parts = [event.title_es or "", event.title_en, event.city or ""]
    parts += [p.name for p in event.participants]
    if event.date_precision == "day":
        day = event.start_date
        parts += [f"{day.day} {names[day.month - 1]}" for names in MONTH_NAMES.values()]
        parts.append(str(day.year))
    return query_terms(" ".join(parts))


def _event_passages(
    event: Event, index: SearchIndex, document_ids: Collection[str], *, headings: bool
) -> list[Hit]:
    """The passages of the given documents that match the event (BM25 on
    :func:`event_query`), best first; a passage that states the event's start date ranks
    before one that does not. Bare headings only when ``headings``."""
    only = {
        key
        for key, unit in index.units.items()
        if unit.doc_kind == DOC_KIND_PASSAGE
        and unit.document_id in document_ids
        and (headings or not index.is_heading(key))
    }
    hits = index.rank(event_query(event), only=only)
    dated = {
        key
        for key in only
        if any(
            m.start_date == event.start_date and m.precision == "day"
            for m in find_dates(index.units[key].text)
        )
    }
    hits.sort(key=lambda h: ((h.doc_kind, h.doc_key) not in dated, -h.score, h.doc_key))
    return hits


def supporting_passages(
    event: Event,
    index: SearchIndex,
    document_ids: Collection[str],
    *,
    k: int = 3,
) -> list[SupportingPassage]:
    """The ``k`` passages of the given documents that best match the event (BM25 on
    :func:`event_query`), best first; a passage that states the event's start date ranks
    before one that does not. A bare heading (a passage shorter than :data:`MIN_TERMS`) never
    supports a record: when only headings match, there are none."""
    hits = _event_passages(event, index, document_ids, headings=False)
    out: list[SupportingPassage] = []
    for rank, hit in enumerate(hits[:k], start=1):
        unit = index.units[(hit.doc_kind, hit.doc_key)]
        assert unit.document_id is not None and unit.passage_no is not None
        out.append(SupportingPassage(event.id, rank, unit.document_id, unit.passage_no, hit.score))
    return out


def link_documents(
    events: Sequence[Event], documents: Sequence[SourceDocument], index: SearchIndex
) -> list[EventDocument]:
    """Which stored document each record's sources cite.

    A source cites a document when its url is the document's id, contains it, or names its
    file; a ``seed: ...`` source that names none of them cites the stored document that best
    matches the record (BM25 of :func:`event_query` over each document's passages, headings
    included since a title names what a document is about, in the source's language when it
    gives one). Sources with ordinary URLs cite no stored document.
    """
    by_id = {d.document_id: d for d in documents}
    by_name: dict[str, str] = {}
    for d in documents:
        by_name[d.file.rsplit("/", 1)[-1]] = d.document_id
    links: list[EventDocument] = []
    for event in events:
        for source_no, source in enumerate(event.sources, start=1):
            url = source.url.strip()
            named = [h for h in HEX_ID.findall(url.lower()) if h in by_id]
            named += [i for n, i in by_name.items() if n and n in url]
            if named:
                links.append(EventDocument(event.id, source_no, named[0]))
                continue
            if not url.lower().startswith("seed:"):
                continue
            candidates = [
                d.document_id
                for d in documents
                if source.language is None or d.language == source.language
            ]
            best = _event_passages(event, index, candidates, headings=True)
            if best:
                unit = index.units[(best[0].doc_kind, best[0].doc_key)]
                assert unit.document_id is not None
                links.append(EventDocument(event.id, source_no, unit.document_id))
    return links


# --- frames for the warehouse ---------------------------------------------------------------

SEARCH_TABLES = (
    "documents",
    "passages",
    "search_docs",
    "search_terms",
    "event_documents",
    "event_passages",
)
"""The tables of ``warehouse/schema/04_documents.sql``, which :func:`search_frames` fills."""


def _frame(table: str, rows: list[dict[str, object]]) -> pl.DataFrame:
    columns = schema(table)
    return pl.DataFrame(rows, schema=columns) if rows else pl.DataFrame(schema=columns)


def document_frames(documents: Sequence[SourceDocument]) -> dict[str, pl.DataFrame]:
    """The ``documents`` and ``passages`` tables."""
    return {
        "documents": _frame(
            "documents",
            [
                {
                    "document_id": d.document_id,
                    "file": d.file,
                    "kind": d.kind,
                    "title": d.title,
                    "language": d.language,
                    "published": d.published,
                    "n_passages": len(d.passages),
                    "text": d.text,
                }
                for d in documents
            ],
        ),
        "passages": _frame(
            "passages",
            [
                {
                    "document_id": d.document_id,
                    "passage_no": p.passage_no,
                    "start_offset": p.start,
                    "end_offset": p.end,
                    "text": p.text,
                }
                for d in documents
                for p in d.passages
            ],
        ),
    }


def index_frames(units: Iterable[SearchUnit]) -> dict[str, pl.DataFrame]:
    """The ``search_docs`` and ``search_terms`` rows of ``units``: each unit's terms are
    counted on its own (the collection statistics are computed by the search query), so the
    index can be built a chunk of records at a time. Columns are filled directly and terms
    interned, since a large build has millions of term rows."""
    docs: dict[str, list[object]] = {c: [] for c in schema("search_docs")}
    term_columns: dict[str, list[object]] = {c: [] for c in schema("search_terms")}
    interned: dict[str, str] = {}
    for unit in units:
        counts = Counter(terms(unit.text))
        for column, value in (
            ("doc_kind", unit.doc_kind),
            ("doc_key", unit.doc_key),
            ("document_id", unit.document_id),
            ("passage_no", unit.passage_no),
            ("length", sum(counts.values())),
        ):
            docs[column].append(value)
        # One id column per searchable record type (its key column), from the registry: the
        # unit's id in its own type's column, null in the others.
        for rt in SEARCHABLE:
            docs[rt.key_column].append(unit.doc_key if unit.doc_kind == rt.search_kind else None)
        for term, tf in sorted(counts.items()):
            term_columns["term"].append(interned.setdefault(term, term))
            term_columns["doc_kind"].append(unit.doc_kind)
            term_columns["doc_key"].append(unit.doc_key)
            term_columns["tf"].append(tf)
    return {
        "search_docs": pl.DataFrame(docs, schema=schema("search_docs")),
        "search_terms": pl.DataFrame(term_columns, schema=schema("search_terms")),
    }


def link_frames(
    events: Sequence[Event],
    documents: Sequence[SourceDocument],
    passages_only: SearchIndex,
    *,
    k: int = 3,
) -> dict[str, pl.DataFrame]:
    """The ``event_documents`` and ``event_passages`` rows of ``events``: which stored
    document each cites and the ``k`` passages that best support it. Passages are ranked
    against the documents alone (``passages_only``), so an event's rows do not depend on
    which other events are in the build (an incremental build reuses the rows of unchanged
    events) and events can be linked a chunk at a time."""
    links = link_documents(events, documents, passages_only)
    linked: dict[str, set[str]] = defaultdict(set)
    for link in links:
        linked[link.event_id].add(link.document_id)
    support = [
        passage
        for event in events
        if event.id in linked
        for passage in supporting_passages(event, passages_only, linked[event.id], k=k)
    ]
    return {
        "event_documents": _frame(
            "event_documents",
            [
                {"event_id": x.event_id, "source_no": x.source_no, "document_id": x.document_id}
                for x in links
            ],
        ),
        "event_passages": _frame(
            "event_passages",
            [
                {
                    "event_id": s.event_id,
                    "rank": s.rank,
                    "document_id": s.document_id,
                    "passage_no": s.passage_no,
                    "score": s.score,
                }
                for s in support
            ],
        ),
    }


def search_frames(
    documents: Sequence[SourceDocument],
    records: Mapping[str, Sequence[Any]],
    taxonomy: Taxonomy | None = None,
    *,
    k: int = 3,
) -> dict[str, pl.DataFrame]:
    """One polars frame per table of ``warehouse/schema/04_documents.sql``: the documents and
    their passages, the search index over passages and records, the record → document links
    and the ``k`` passages that best support each linked record. (A build makes the same
    frames a chunk of records at a time, with the functions above.)"""
    events: Sequence[Event] = records.get(EVENTS.name, ())
    passages_only = SearchIndex(search_units(documents))
    return {
        **document_frames(documents),
        **index_frames(search_units(documents, records, taxonomy)),
        **link_frames(events, documents, passages_only, k=k),
    }
