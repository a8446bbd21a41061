"""The failure patterns of issue 11, one test document each (written for these tests, in the
language the pattern was seen in), checked against the answers beside it; the no-event text;
the command's exit status and messages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from etl.documents import read_document
from etl.drafting.evaluation import expected_of, stated_eval
from etl.drafting.fields import draft_document
from etl.drafting.writing import drafts_of
from etl.errors import NothingToDraft
from etl.validate import ValidationResult, validate_dir

ROOT = Path(__file__).resolve().parents[2]
PATTERNS = Path(__file__).resolve().parent / "patterns"
ANSWERED = sorted(p for p in PATTERNS.glob("*.txt") if expected_of(p) is not None)


@pytest.fixture(scope="module")
def data() -> ValidationResult:
    return validate_dir(ROOT / "data")


def test_every_pattern_document_is_marked_and_answered() -> None:
    files = sorted(PATTERNS.glob("*.txt"))
    assert len(ANSWERED) == len(files) - 1  # all but the no-event text
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert "not a real source" in first or "no es una" in first or "pas une source" in first


@pytest.mark.parametrize("path", ANSWERED, ids=[p.stem for p in ANSWERED])
def test_pattern_document_gives_the_stated_fields(path: Path, data: ValidationResult) -> None:
    assert data.taxonomy is not None
    answers = expected_of(path)
    assert answers is not None
    drafts = draft_document(read_document(path), data.taxonomy, data.events)
    assert len(drafts) == len(answers["events"])  # mentioned meetings are not drafted
    for draft, wanted in zip(drafts, answers["events"], strict=True):
        got: dict[str, Any] = {name: draft.record[name] for name in wanted}
        assert got == wanted


def test_officials_with_initials_and_titles_in_a_list(data: ValidationResult) -> None:
    assert data.taxonomy is not None
    (draft,) = draft_document(read_document(PATTERNS / "officials-list-en.txt"), data.taxonomy, ())
    people = [(p["name"], p["party"], p["level"]) for p in draft.record["participants"]]
    assert people == [
        ("Cara Morrow", "US", "senior_official"),
        ("Rob Stewart", "CA", "deputy_minister"),
        ("Alejandro Encinas N.", "MX", "deputy_minister"),
    ]


def test_dateline_and_url_are_not_facts_about_the_meeting(data: ValidationResult) -> None:
    assert data.taxonomy is not None
    (draft,) = draft_document(read_document(PATTERNS / "dateline-url-fr.txt"), data.taxonomy, ())
    quotes = {e.field: e.quote for e in draft.evidence}
    assert quotes["start_date"] == "le 7 juillet 2023"  # not the dateline, 13 juillet
    assert draft.record["city"] is None and draft.record["format"] is None


def test_stated_eval_over_the_pattern_documents(data: ValidationResult) -> None:
    assert data.taxonomy is not None
    answered = [(read_document(p), expected_of(p) or {}) for p in ANSWERED]
    report = stated_eval(answered, data.events, data.taxonomy)
    for language in ("es", "en", "fr"):
        accuracy, precision = report.accuracy(language), report.precision(language)
        assert accuracy is not None and accuracy >= 0.85
        assert precision is not None and precision >= 0.95
    assert report.misses == []


def test_a_text_with_no_body_raises_naming_the_file(data: ValidationResult) -> None:
    assert data.taxonomy is not None
    document = read_document(PATTERNS / "no-event-es.txt", display="no-event-es.txt")
    with pytest.raises(NothingToDraft, match=r"^no-event-es\.txt: nothing drafted \(no USMCA body"):
        drafts_of(document, data.taxonomy, data.events)


def test_a_body_without_date_or_status_is_no_event(data: ValidationResult, tmp_path: Path) -> None:
    assert data.taxonomy is not None
    path = tmp_path / "mention.txt"
    path.write_text("La Comisión de Libre Comercio es el órgano principal del Tratado.\n")
    with pytest.raises(NothingToDraft, match=r"names free_trade_commission but states no date"):
        drafts_of(read_document(path), data.taxonomy, data.events)


def _etl(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "etl", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_draft_command_exits_1_with_a_message_for_no_event(tmp_path: Path) -> None:
    done = _etl("draft", str(PATTERNS / "no-event-es.txt"), "--out", str(tmp_path))
    assert done.returncode == 1
    assert "no-event-es.txt: nothing drafted (no USMCA body named" in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_draft_command_lists_the_fields_left_empty(tmp_path: Path) -> None:
    done = _etl("draft", str(PATTERNS / "main-event-en.txt"), "--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert "left empty (the text does not say): edition, start_date, end_date" in done.stdout
