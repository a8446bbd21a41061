"""Drafting records from text: the bulletin's two events field by field, cues in three
languages, evidence offsets, the files written, and the evaluation against curated records."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from etl.documents import SourceDocument, read_document, read_documents
from etl.drafting.evaluation import citing_events, draft_eval, format_eval, run_draft_eval
from etl.drafting.fields import Draft, draft_document, draft_records
from etl.drafting.writing import run_draft, write_drafts
from etl.errors import DocumentsRefused
from etl.records import Event
from etl.taxonomy import Taxonomy
from etl.validate import ValidationResult, check_bytes, validate_dir

ROOT = Path(__file__).resolve().parents[2]
BULLETIN = (
    ROOT / "data" / "documents" / "reporte-tmec-dialogo-pyme-y-comite-medio-ambiente-2023.txt"
)
CORPUS = Path(__file__).resolve().parent / "corpus"


@pytest.fixture(scope="module")
def data() -> ValidationResult:
    return validate_dir(ROOT / "data")


@pytest.fixture(scope="module")
def taxonomy(data: ValidationResult) -> Taxonomy:
    assert data.taxonomy is not None
    return data.taxonomy


@pytest.fixture(scope="module")
def bulletin() -> SourceDocument:
    return read_document(BULLETIN, display=f"data/documents/{BULLETIN.name}")


@pytest.fixture(scope="module")
def drafts(bulletin: SourceDocument, data: ValidationResult, taxonomy: Taxonomy) -> list[Draft]:
    return draft_document(bulletin, taxonomy, data.events)


def _curated(data: ValidationResult, event_id: str) -> Event:
    return next(e for e in data.events if e.id == event_id)


def test_bulletin_yields_the_two_events(drafts: list[Draft]) -> None:
    assert [d.id for d in drafts] == ["sme-dialogue-2023-09-21", "env-committee-2023-09-27"]
    assert [d.known_id for d in drafts] == [d.id for d in drafts]


SCALARS = ("body", "edition", "kind", "start_date", "end_date", "status")
STATED = {
    # what the bulletin states about each event; the rest it does not say (or, for the
    # Dialogue's city, says only in a footnote about another meeting; the Committee's host
    # only by naming the city)
    "sme-dialogue-2023-09-21": (*SCALARS, "host_party", "chair_party"),
    "env-committee-2023-09-27": (*SCALARS, "format", "city", "chair_party"),
}


@pytest.mark.parametrize(
    ("index", "event_id", "field"),
    [(i, e, f) for i, (e, fields) in enumerate(STATED.items()) for f in fields],
)
def test_stated_fields_agree_with_the_curated_record(
    drafts: list[Draft], data: ValidationResult, index: int, event_id: str, field: str
) -> None:
    assert drafts[index].record[field] == getattr(_curated(data, event_id), field)


def test_fields_the_bulletin_does_not_state_stay_empty(drafts: list[Draft]) -> None:
    sme, env = drafts
    assert (sme.record["city"], sme.record["format"]) == (None, None)
    assert {"city", "format", "chair_party"} <= set(sme.unfilled)
    assert env.record["participants"] == []  # the bulletin names no official
    assert env.record["outcomes"] == [] and sme.record["outcomes"] == []


@pytest.mark.parametrize("index", [0, 1])
def test_lists_agree_with_the_curated_record(
    drafts: list[Draft], data: ValidationResult, index: int
) -> None:
    draft = drafts[index]
    event = _curated(data, draft.id)
    assert draft.record["treaty_refs"] == list(event.treaty_refs)
    carried = (
        set(event.topics)
        | {t for p in event.panels for t in p.topics}
        | {t for o in event.outcomes for t in o.topics}
    )
    assert set(draft.record["topics"]) <= carried
    assert len(draft.record["topics"]) >= 0.75 * len(event.topics)
    assert set(draft.record["related"]) <= set(event.related)


def test_dialogue_officials_and_panels(drafts: list[Draft], data: ValidationResult) -> None:
    sme = drafts[0].record
    event = _curated(data, "sme-dialogue-2023-09-21")
    got = [(p["name"], p["party"], p["level"], p["capacity"]) for p in sme["participants"]]
    assert got == [(p.name, p.party, p.level, p.capacity) for p in event.participants]
    assert sme["participants"][0]["role"] == "subsecretario de Comercio Exterior de México"
    numbered = [p for p in sme["panels"] if not p["title"].startswith("El evento")]
    assert [p["title"] for p in numbered] == [p.title for p in event.panels[1:]]
    for drafted, curated in zip(numbered, event.panels[1:], strict=True):
        assert set(drafted["topics"]) & set(curated.topics)
    keynote = next(p for p in sme["panels"] if "panel magistral" in p["title"])
    assert set(keynote["topics"]) == set(event.panels[0].topics)


def test_environment_committee_links_the_postponed_public_session(drafts: list[Draft]) -> None:
    env = drafts[1].record
    # The footnote's "Segunda Reunión del Comité" is the committee's second meeting, which the
    # records of 6 December hold (edition 2): linked by its edition, as the text names it.
    assert env["related"] == ["env-committee-2022-09-23", "env-committee-2023-11-16-public-session"]
    assert env["status"] == "held"  # "se pospuso" is about the public session, not the meeting
    assert env["format"] == "hybrid"  # "virtualmente" is about the public session too


def test_every_field_cites_the_text_that_supports_it(
    drafts: list[Draft], bulletin: SourceDocument
) -> None:
    for draft in drafts:
        assert draft.evidence
        for evidence in draft.evidence:
            assert 0 <= evidence.start < evidence.end <= len(bulletin.text)
            assert evidence.quote == " ".join(bulletin.text[evidence.start : evidence.end].split())
            assert 0 < evidence.confidence <= 1
    quotes = {e.field: e.quote for e in drafts[0].evidence}
    assert quotes["start_date"] == "21 de septiembre de 2023"
    assert quotes["edition"] == "Segundo Diálogo PyME"
    assert quotes["host_party"] == "México fungió como anfitrión"
    assert quotes["treaty_refs[0]"] == "Artículo 25.5"
    env = {e.field: e for e in drafts[1].evidence}
    assert env["city"].quote == "Washington, D.C"
    assert "host_party" not in env  # the bulletin names the city only: no host is inferred


def test_written_drafts_and_evidence(
    drafts: list[Draft], tmp_path: Path, taxonomy: Taxonomy
) -> None:
    paths = write_drafts(drafts, tmp_path, document="data/documents/x.txt")
    assert [p.name for p in paths] == [
        "sme-dialogue-2023-09-21.yaml",
        "env-committee-2023-09-27.yaml",
    ]
    env_path = paths[1]
    record = yaml.safe_load(env_path.read_text(encoding="utf-8"))
    assert record["start_date"] == dt.date(2023, 9, 27)
    assert "&id" not in env_path.read_text(encoding="utf-8")
    result = check_bytes(env_path, env_path.name, env_path.read_bytes(), taxonomy)
    assert [str(p) for p in result.problems] == []  # complete enough to validate as it is
    sme_path = paths[0]
    result = check_bytes(sme_path, sme_path.name, sme_path.read_bytes(), taxonomy)
    assert {p.field for p in result.problems} == {"format"}  # left for the reviewer
    evidence = yaml.safe_load((tmp_path / "sme-dialogue-2023-09-21.evidence.yaml").read_text())
    assert evidence["matches_known_record"] == "sme-dialogue-2023-09-21"
    assert "city" in evidence["unfilled"]
    assert {"field", "value", "start", "end", "confidence", "quote"} == set(evidence["fields"][0])


def test_same_id_twice_gets_a_suffix(drafts: list[Draft], tmp_path: Path) -> None:
    paths = write_drafts([drafts[0], drafts[0]], tmp_path)
    assert [p.name for p in paths] == [
        "sme-dialogue-2023-09-21.yaml",
        "sme-dialogue-2023-09-21-2.yaml",
    ]


def _one(text: str, taxonomy: Taxonomy, known: tuple[Event, ...] = ()) -> dict[str, Any]:
    (draft,) = draft_records(text, taxonomy, known)
    return draft.record


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tercera Reunión del Consejo Laboral\n\nEl 9 de diciembre de 2025 se llevó a cabo la "
            "Tercera Reunión del Consejo Laboral en Ottawa, de manera presencial.",
            {
                "body": "labor_council",
                "edition": 3,
                "kind": "council_session",
                "start_date": dt.date(2025, 12, 9),
                "status": "held",
                "format": "in_person",
                "city": "Ottawa",
                "host_party": None,  # a city is not a host
            },
        ),
        (
            "Second Meeting of the Environment Committee\n\nThe Environment Committee held its "
            "second meeting virtually on September 23, 2022, chaired by Mexico.",
            {
                "body": "environment_committee",
                "edition": 2,
                "start_date": dt.date(2022, 9, 23),
                "status": "held",
                "format": "virtual",
                "chair_party": "MX",
                "city": None,
                "host_party": None,
            },
        ),
        (
            "Deuxième réunion du Comité des PME\n\nLa deuxième réunion du Comité des PME, prévue "
            "le 13 janvier 2021 en format hybride, a été reportée.",
            {
                "body": "sme_committee",
                "edition": 2,
                "start_date": dt.date(2021, 1, 13),
                "status": "postponed",
                "format": "hybrid",
            },
        ),
        (
            "Primer Diálogo PyME\n\nEl Primer Diálogo PyME, pospuesto en marzo, fue reprogramado "
            "para los días 13 y 14 de octubre de 2021 en San Antonio.",
            {
                "edition": 1,
                "kind": "dialogue",
                "start_date": dt.date(2021, 10, 13),
                "end_date": dt.date(2021, 10, 14),
                "status": "rescheduled",
                "city": "San Antonio",
            },
        ),
        (
            "The Free Trade Commission will meet in Mexico City in July 2022.",
            {
                "body": "free_trade_commission",
                "edition": None,
                "start_date": "2022-07",
                "end_date": None,
                "status": "announced",
                "city": "Mexico City",
            },
        ),
        (
            "Quatrième réunion du Comité de l'environnement\n\nLe Comité s'est réuni à Ottawa le "
            "11 décembre 2025 sous la présidence du Canada, conformément à l'article 24.26 et au "
            "chapitre 24.",
            {
                "edition": 4,
                "status": "held",
                "city": "Ottawa",
                "chair_party": "CA",
                "treaty_refs": ["24.26", "ch24"],
            },
        ),
    ],
    ids=["es-council", "en-committee", "fr-postponed", "es-rescheduled", "en-announced", "fr-refs"],
)
def test_fields_from_cues(taxonomy: Taxonomy, text: str, expected: dict[str, Any]) -> None:
    record = _one(text, taxonomy)
    assert {k: record[k] for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "First Meeting of the Free Trade Commission\n\nUnited States Trade Representative "
            "Katherine Tai and Mexican Secretary of Economy Tatiana Clouthier met on May 17, 2021.",
            [("Katherine Tai", "US", "minister"), ("Tatiana Clouthier", "MX", "minister")],
        ),
        (
            "Tercera Reunión del Consejo Laboral\n\nLa reunión fue presidida por Gabriel Tamariz, "
            "jefe de la delegación mexicana.",
            [("Gabriel Tamariz", "MX", "senior_official")],
        ),
        (
            "Première réunion du Comité de l'environnement\n\nLa sous-ministre canadienne, Marie "
            "Tremblay, a ouvert la réunion.",
            [("Marie Tremblay", "CA", "deputy_minister")],
        ),
    ],
    ids=["en", "es", "fr"],
)
def test_officials(taxonomy: Taxonomy, text: str, expected: list[tuple[str, str, str]]) -> None:
    people = _one(text, taxonomy)["participants"]
    assert [(p["name"], p["party"], p["level"]) for p in people] == expected


def test_an_official_known_from_the_records_is_recognised_by_name(
    taxonomy: Taxonomy, data: ValidationResult
) -> None:
    text = "Cuarta Reunión del Consejo Laboral\n\nAsistió Gabriel Tamariz por parte de la STPS."
    (person,) = _one(text, taxonomy, data.events)["participants"]
    assert (person["name"], person["party"], person["level"]) == (
        "Gabriel Tamariz",
        "MX",
        "senior_official",
    )


def test_text_about_no_body_gives_no_draft(taxonomy: Taxonomy) -> None:
    assert draft_records("Un texto sin reuniones ni órganos.", taxonomy, ()) == []


def test_corpus_documents_are_marked_as_test_documents() -> None:
    files = sorted(CORPUS.glob("*.txt"))
    assert len(files) >= 3
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("[") and (
            "not a real source" in first or "no es una" in first or "pas une source" in first
        )


def test_draft_eval(data: ValidationResult, taxonomy: Taxonomy) -> None:
    documents, errors = read_documents([ROOT / "data" / "documents", CORPUS], root=ROOT)
    assert errors == []
    report = draft_eval(documents, data.events, taxonomy)
    assert len(report.pairs) == len(documents) + 1  # the bulletin describes two events
    assert report.unmatched_drafts == []
    # Records that cite the bulletin for what it says in passing (the first SME Dialogue of
    # April 2022, the postponed public session) get no draft of their own from it.
    assert report.missed_records == [
        (f"data/documents/{BULLETIN.name}", "env-committee-2023-11-16-public-session"),
        (f"data/documents/{BULLETIN.name}", "sme-dialogue-2022-04-22"),
    ]
    total = report.total
    assert total.precision is not None and total.precision >= 0.9
    assert total.recall is not None and total.recall >= 0.8
    text = format_eval(report)
    assert "all fields" in text and "precision" in text


def test_run_draft_and_eval_from_paths(tmp_path: Path) -> None:
    written = run_draft(BULLETIN, data_dir=ROOT / "data", out_dir=tmp_path).events
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [f"{d.id}.yaml" for d in written] + [f"{d.id}.evidence.yaml" for d in written]
    )
    report, stated, _ = run_draft_eval(data_dir=ROOT / "data", extra=[CORPUS])
    assert stated.misses == []  # the corpus has no answers beside it: nothing to miss
    assert len(report.pairs) == 1 + len(list(CORPUS.glob("*.txt"))) + 1


def test_a_seed_source_cites_only_the_document_it_comes_from(
    data: ValidationResult, taxonomy: Taxonomy, bulletin: SourceDocument
) -> None:
    """A second Spanish document in the seed folder is not cited by the records whose
    ``seed:`` sources come from the bulletin (it used to be cited by every one of them)."""
    labor = CORPUS / "labor-council-2025-comunicado-es.txt"
    other = read_document(labor, display=f"data/documents/{labor.name}")
    seeded = {e.id for e in data.events if any(s.url.startswith("seed:") for s in e.sources)}
    assert seeded
    citing = citing_events(data.events, [bulletin, other])
    assert seeded <= citing[bulletin.document_id]
    assert not seeded & citing[other.document_id]
    report = draft_eval([bulletin, other], data.events, taxonomy)
    assert [doc for doc, _ in report.missed_records] == [bulletin.file] * 2


def test_draft_eval_refuses_every_bad_document_at_once(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "junk.pdf").write_bytes(b"not a pdf at all")
    with pytest.raises(
        DocumentsRefused, match=r"(?s)empty\.txt: cannot ingest.*junk\.pdf: cannot ingest"
    ) as refused:
        run_draft_eval(data_dir=ROOT / "data", extra=[tmp_path])
    assert len(refused.value.errors) == 2
    assert str(refused.value).endswith("nothing evaluated")
