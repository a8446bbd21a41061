"""Drafts measured two ways: against the curated records they describe (field-level precision
and recall, :func:`draft_eval`), and against what each text states (:func:`stated_eval`: a
document ``<name>.txt`` may have ``<name>.expected.yaml`` beside it listing, for each event it is
about, the fields the text states, with ``null`` for a field it does not state)."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from etl.contracts import EVENT
from etl.documents import SourceDocument, read_documents
from etl.drafting.fields import Draft, draft_document
from etl.drafting.reports import draft_report
from etl.errors import DocumentsRefused, ValidationFailed
from etl.records import Event, Panel, PartialDate, Participant
from etl.recordtypes import REPORTS
from etl.recordtypes.reports import ActivityReport
from etl.search import SearchIndex, link_documents, search_units
from etl.taxonomy import Taxonomy
from etl.validate import validate_dir
from textrules.words import fold_aligned

SCALAR_FIELDS = tuple(f.name for f in EVENT if f.drafted and not f.is_list)
"""The event fields the drafter reads from a text, each scored as one value."""
PARTICIPANT_SCORES = ("participants.party", "participants.level")
"""Participants are also scored on two of their fields, once matched by name."""
LIST_FIELDS = tuple(
    name
    for f in EVENT
    if f.drafted and f.is_list
    for name in (f.name, *(PARTICIPANT_SCORES if f.name == "participants" else ()))
)


@dataclass
class FieldScore:
    predicted: int = 0
    relevant: int = 0
    correct: int = 0

    @property
    def precision(self) -> float | None:
        return self.correct / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.correct / self.relevant if self.relevant else None

    def add(self, predicted: int, relevant: int, correct: int) -> None:
        self.predicted += predicted
        self.relevant += relevant
        self.correct += correct


@dataclass
class EvalReport:
    fields: dict[str, FieldScore]
    pairs: list[tuple[str, str, str]]
    unmatched_drafts: list[tuple[str, str]]
    missed_records: list[tuple[str, str]]

    @property
    def total(self) -> FieldScore:
        total = FieldScore()
        for score in self.fields.values():
            total.add(score.predicted, score.relevant, score.correct)
        return total


def _city_key(city: str | None) -> str | None:
    if not city:
        return None
    key = re.sub(r"[^a-z]", "", fold_aligned(city))
    return {"ciudaddemexico": "mexicocity", "washingtondc": "washington"}.get(key, key)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]{3,}", fold_aligned(text))}


def _panel_match(draft: dict[str, Any], curated: Panel) -> float:
    a, b = _words(draft["title"]), _words(curated.title)
    title = len(a & b) / min(len(a), len(b)) if a and b else 0.0
    ta, tb = set(draft["topics"]), set(curated.topics)
    topics = len(ta & tb) / len(ta | tb) if ta | tb else 0.0
    return max(title, 0.9 * topics)


def _curated_scalars(event: Event) -> dict[str, Any]:
    precision = event.date_precision
    return {
        "body": event.body,
        "edition": event.edition,
        "kind": event.kind,
        "start_date": event.start_date
        if precision == "day"
        else event.start_date.strftime("%Y-%m" if precision == "month" else "%Y"),
        "end_date": event.end_date,
        "status": event.status,
        "format": None if event.format == "unknown" else event.format,
        "city": _city_key(event.city),
        "host_party": event.host_party,
        "chair_party": event.chair_party,
    }


def _all_topics(event: Event) -> set[str]:
    return (
        set(event.topics)
        | {t for p in event.panels for t in p.topics}
        | {t for o in event.outcomes for t in o.topics}
    )


def _same_person(a: str, b: str) -> bool:
    wa, wb = _words(a), _words(b)
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def compare(draft: Draft, event: Event | None, report: EvalReport) -> None:
    """Add one draft's agreement with its curated record (``None``: no record, so everything
    drafted is wrong) to ``report``."""
    rec = draft.record
    scalars = _curated_scalars(event) if event is not None else dict.fromkeys(SCALAR_FIELDS)
    drafted = {**{k: rec.get(k) for k in SCALAR_FIELDS}, "city": _city_key(rec.get("city"))}
    for name in SCALAR_FIELDS:
        d, c = drafted[name], scalars[name]
        report.fields[name].add(d is not None, c is not None, d is not None and d == c)
    refs = set(event.treaty_refs) if event is not None else set()
    topics = _all_topics(event) if event is not None else set()
    for name, d_items, c_items in (
        ("treaty_refs", set(rec["treaty_refs"]), refs),
        ("topics", set(rec["topics"]), topics),
    ):
        report.fields[name].add(len(d_items), len(c_items), len(d_items & c_items))
    remaining = list(event.participants) if event is not None else []
    n_curated = len(remaining)
    matched: list[tuple[dict[str, Any], Participant]] = []
    for person in rec["participants"]:
        hit = next((p for p in remaining if _same_person(person["name"], p.name)), None)
        if hit is not None:
            remaining.remove(hit)
            matched.append((person, hit))
    report.fields["participants"].add(len(rec["participants"]), n_curated, len(matched))
    for attr in ("party", "level"):
        score = report.fields[f"participants.{attr}"]
        for person, hit in matched:
            d = None if person.get(attr) == "unknown" else person.get(attr)
            c = None if getattr(hit, attr) == "unknown" else getattr(hit, attr)
            score.add(d is not None, c is not None, d is not None and d == c)
    pending = list(event.panels) if event is not None else []
    n_panels, good = len(pending), 0
    for panel in rec["panels"]:
        best = max(pending, key=lambda p: _panel_match(panel, p), default=None)
        if best is not None and _panel_match(panel, best) >= 0.5:
            pending.remove(best)
            good += 1
    report.fields["panels"].add(len(rec["panels"]), n_panels, good)


def citing_events(
    events: Sequence[Event], documents: Sequence[SourceDocument]
) -> dict[str, set[str]]:
    """Per document id, the ids of the records whose sources cite it, by the build's rule
    (:func:`etl.search.link_documents`): a source naming a document's id or file cites that
    document, and a ``seed: ...`` source cites only the one document that best matches its
    record, never every document there is."""
    index = SearchIndex(search_units(documents))
    cited: dict[str, set[str]] = defaultdict(set)
    for link in link_documents(events, documents, index):
        cited[link.document_id].add(link.event_id)
    return cited


def matching_record(draft: Draft, events: Sequence[Event]) -> Event | None:
    """The curated record of the drafted event: same body and kind, and the same start date
    (or, when the draft has none, the same edition)."""
    start = draft.record["start_date"]
    candidates = [
        e for e in events if e.body == draft.record["body"] and e.kind == draft.record["kind"]
    ]
    by_date = [e for e in candidates if isinstance(start, dt.date) and e.start_date == start]
    if by_date:
        return by_date[0]
    edition = draft.record["edition"]
    by_edition = [e for e in candidates if edition is not None and e.edition == edition]
    return by_edition[0] if by_edition and not isinstance(start, dt.date) else None


def draft_eval(
    documents: Sequence[SourceDocument], events: Sequence[Event], taxonomy: Taxonomy
) -> EvalReport:
    """Draft every document and compare each draft with the curated record of the same event
    (:func:`matching_record`); records that cite a document but got no draft from it are
    listed as missed.

    The drafts compared are made without the records they are compared with (nor those citing
    the document), so officials are only "already known" from other records. Scalars count as
    drafted when filled and as curated when the record has a value (``unknown`` format counts
    as no value); lists count items: participants by name (then their Party and level),
    panels by title words or topics, and topics against every topic the record carries
    (event, panels and outcomes, as the warehouse counts them).
    """
    report = EvalReport({name: FieldScore() for name in (*SCALAR_FIELDS, *LIST_FIELDS)}, [], [], [])
    citing = citing_events(events, documents)
    for document in documents:
        cited = citing[document.document_id]
        first = draft_document(document, taxonomy, events)
        compared = cited | {m.id for d in first if (m := matching_record(d, events)) is not None}
        others = [e for e in events if e.id not in compared]
        used: set[str] = set()
        for draft in draft_document(document, taxonomy, others):
            match = matching_record(draft, events)
            if match is None:
                report.unmatched_drafts.append((document.file, draft.id))
            else:
                used.add(match.id)
                report.pairs.append((document.file, draft.id, match.id))
            compare(draft, match, report)
        report.missed_records += [(document.file, i) for i in sorted(cited - used)]
    return report


def format_eval(report: EvalReport) -> str:
    """The report as the text ``python -m etl draft-eval`` prints."""

    lines = ["drafts compared with curated records:"]
    lines += [f"  {doc}: {d} ↔ {e}" for doc, d, e in report.pairs]
    lines += [f"  {doc}: {d} (no curated record)" for doc, d in report.unmatched_drafts]
    lines += [f"  {doc}: no draft for {e}, which cites it" for doc, e in report.missed_records]
    lines.append("")
    lines.append(f"{'field':<22} {'precision':>9} {'recall':>7}   correct/drafted/curated")
    for name, score in [*report.fields.items(), ("all fields", report.total)]:
        lines.append(
            f"{name:<22} {_pct(score.precision):>9} {_pct(score.recall):>7}   "
            f"{score.correct}/{score.predicted}/{score.relevant}"
        )
    return "\n".join(lines)


STATED_FIELDS = (*SCALAR_FIELDS, "published")


@dataclass
class StatedReport:
    """Per language (and ``all``): how many stated fields the drafts got right, and how many
    fields they filled among those the answer lists (a field filled where the text states
    nothing is wrong)."""

    stated: dict[str, FieldScore]
    misses: list[str]

    def accuracy(self, language: str = "all") -> float | None:
        return self.stated[language].recall

    def precision(self, language: str = "all") -> float | None:
        return self.stated[language].precision


def expected_of(document_path: Path) -> dict[str, Any] | None:
    """The answers beside a document (``<stem>.expected.yaml``), or ``None``."""
    answers = document_path.with_name(document_path.stem + ".expected.yaml")
    if not answers.is_file():
        return None
    loaded = yaml.safe_load(answers.read_text(encoding="utf-8"))
    return loaded if isinstance(loaded, dict) else None


def _as_stated(value: Any) -> Any:
    if isinstance(value, str) and value and not re.fullmatch(r"\d{4}(?:-\d{2})?", value):
        return _city_key(value)
    return value


def stated_eval(
    documents: Sequence[tuple[SourceDocument, dict[str, Any]]],
    events: Sequence[Event],
    taxonomy: Taxonomy,
) -> StatedReport:
    """Each document's drafts against its answers, in order (the n-th event listed against the
    n-th draft; a listed event with no draft scores every stated field as missed)."""
    report = StatedReport(defaultdict(FieldScore), [])
    for document, answers in documents:
        drafts = draft_document(document, taxonomy, events)
        expected = list(answers.get("events") or [])
        for i, wanted in enumerate(expected):
            record = drafts[i].record if i < len(drafts) else {}
            for name, value in wanted.items():
                got = record.get(name)
                if name == "published":
                    got = document.published
                right = got is not None and _as_stated(got) == _as_stated(value)
                for language in (document.language, "all"):
                    report.stated[language].add(got is not None, value is not None, right)
                if not right and (got is not None or value is not None):
                    report.misses.append(
                        f"{document.file}: {name}: drafted {got!r}, stated {value!r}"
                    )
        for extra in drafts[len(expected) :]:
            report.misses.append(f"{document.file}: draft {extra.id} is no event the text is about")
            for language in (document.language, "all"):
                report.stated[language].add(1, 0, 0)
    return report


def format_stated(report: StatedReport) -> str:
    """The stated-fields figures as ``draft-eval`` prints them, then every miss."""
    lines = ["fields the texts state (documents with an .expected.yaml beside them):"]
    for language in ("es", "en", "fr", "all"):
        score = report.stated.get(language)
        if score is None:
            continue
        lines.append(
            f"  {language:<4} accuracy {_pct(score.recall)} ({score.correct}/{score.relevant} "
            f"stated)   precision {_pct(score.precision)} "
            f"({score.correct}/{score.predicted} drafted)"
        )
    lines += [f"  miss: {m}" for m in report.misses]
    return "\n".join(lines)


@dataclass
class ReportEval:
    """Report drafts against the curated reports their documents correspond to (an answers
    file's ``report: <id>``): (body, claim) pairs per language and in all, bodies alone, the
    quotes (copied verbatim from the text; equal to the curated quote, for bodies both name)
    and the period's two ends."""

    pairs: dict[str, FieldScore]
    bodies: FieldScore
    quotes_verbatim: FieldScore
    quotes_curated: FieldScore
    period: FieldScore
    misses: list[str]


def _period_value(date: PartialDate | None) -> dt.date | str | None:
    if date is None:
        return None
    day, precision = date
    if precision == "day":
        return day
    return day.isoformat()[:7] if precision == "month" else str(day.year)


def report_eval(
    documents: Sequence[tuple[SourceDocument, dict[str, Any]]],
    reports: Sequence[ActivityReport],
    events: Sequence[Event],
    taxonomy: Taxonomy,
) -> ReportEval:
    """Each document whose answers name a curated report, drafted and compared with it."""
    result = ReportEval(
        defaultdict(FieldScore), FieldScore(), FieldScore(), FieldScore(), FieldScore(), []
    )
    by_id = {r.id: r for r in reports}
    for document, answers in documents:
        wanted = answers.get("report")
        if not isinstance(wanted, str):
            continue
        curated = by_id.get(wanted)
        if curated is None:
            result.misses.append(f"{document.file}: report {wanted!r} is not in the data")
            continue
        draft = draft_report(document, taxonomy, events)
        drafted = draft.record["bodies"] if draft is not None else []
        got = {(b["body"], b["claim"]) for b in drafted}
        want = {(b.body, b.claim) for b in curated.bodies}
        for language in (document.language, "all"):
            result.pairs[language].add(len(got), len(want), len(got & want))
        quotes = {b["body"]: b["quote"] for b in drafted}
        curated_quotes = {b.body: b.quote for b in curated.bodies}
        result.bodies.add(len(quotes), len(curated_quotes), len(quotes.keys() & curated_quotes))
        for quote in quotes.values():
            result.quotes_verbatim.add(1, 1, quote in document.text)
        shared = quotes.keys() & curated_quotes
        result.quotes_curated.add(
            len(shared),
            len(shared),
            sum(quotes[b] == curated_quotes[b] for b in shared),
        )
        for pair in sorted(got - want):
            result.misses.append(f"{document.file}: drafted {pair}, not in {wanted}")
        for pair in sorted(want - got):
            result.misses.append(f"{document.file}: missed {pair} of {wanted}")
        record = draft.record if draft is not None else {}
        for name in ("period_start", "period_end"):
            d, c = record.get(name), _period_value(getattr(curated, name))
            result.period.add(d is not None, c is not None, d is not None and d == c)
            if d != c:
                result.misses.append(f"{document.file}: {name}: drafted {d!r}, curated {c!r}")
    return result


def format_report_eval(result: ReportEval) -> str:
    """The report-draft figures as ``draft-eval`` prints them, then every miss."""
    lines = ["activity report drafts vs the curated reports their documents correspond to:"]
    for language in ("es", "en", "fr", "all"):
        score = result.pairs.get(language)
        if score is None:
            continue
        lines.append(
            f"  {language:<4} (body, claim) precision {_pct(score.precision)} "
            f"({score.correct}/{score.predicted})   recall {_pct(score.recall)} "
            f"({score.correct}/{score.relevant})"
        )
    rows = (
        ("bodies alone", result.bodies),
        ("period ends", result.period),
    )
    for name, score in rows:
        lines.append(
            f"  {name:<17} precision {_pct(score.precision)} ({score.correct}/{score.predicted})"
            f"   recall {_pct(score.recall)} ({score.correct}/{score.relevant})"
        )
    lines.append(
        f"  quotes copied verbatim from the text: {result.quotes_verbatim.correct}/"
        f"{result.quotes_verbatim.predicted}; equal to the curated quote: "
        f"{result.quotes_curated.correct}/{result.quotes_curated.predicted}"
    )
    lines += [f"  miss: {m}" for m in result.misses]
    return "\n".join(lines)


def _pct(value: float | None) -> str:
    return "   –  " if value is None else f"{100 * value:5.1f}%"


def run_draft_eval(
    *, data_dir: Path, extra: Sequence[Path] = ()
) -> tuple[EvalReport, StatedReport, ReportEval]:
    """``python -m etl draft-eval``: the documents of ``data_dir/documents`` and of ``extra``
    (e.g. ``tests/documents/corpus``) drafted and compared with the records of ``data_dir``,
    those with answers beside them compared with what they state, and the report drafts of
    those whose answers name a curated report compared with it."""
    result = validate_dir(data_dir)
    if result.taxonomy is None:
        raise ValidationFailed(list(result.problems))
    paths = [data_dir / "documents", *extra]
    documents, errors = read_documents(paths)
    if errors:
        raise DocumentsRefused(errors, outcome="nothing evaluated")
    answered = [
        (document, answers)
        for document in documents
        if (answers := expected_of(Path(document.file))) is not None
    ]
    reports: Sequence[ActivityReport] = result.records.get(REPORTS.name, ())
    return (
        draft_eval(documents, result.events, result.taxonomy),
        stated_eval(answered, result.events, result.taxonomy),
        report_eval(answered, reports, result.events, result.taxonomy),
    )
