"""Activity report drafts: which bodies a statement says met or reported, with the words naming
them copied exactly, the claim sentence, the period and the event it was made at; checked on
small texts, against the curated reports the committed statements in ``reports/`` correspond
to, by the ETL's own checker, and through ``etl draft`` and ``etl validate``."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from etl.documents import SourceDocument, parse_document, read_document
from etl.drafting.evaluation import expected_of, format_report_eval, report_eval
from etl.drafting.reports import ReportDraft, draft_report
from etl.drafting.writing import record_yaml
from etl.recordtypes import REPORTS
from etl.validate import ValidationResult, check_bytes, validate_dir

ROOT = Path(__file__).resolve().parents[2]
STATEMENTS = Path(__file__).resolve().parent / "reports"
ANSWERED = sorted(STATEMENTS.glob("*.txt"))


@pytest.fixture(scope="module")
def data() -> ValidationResult:
    return validate_dir(ROOT / "data")


def _document(text: str, name: str = "statement.txt") -> SourceDocument:
    return parse_document(text.encode("utf-8"), name, "txt")


def _draft(text: str, data: ValidationResult) -> ReportDraft | None:
    assert data.taxonomy is not None
    return draft_report(_document(text), data.taxonomy, data.events)


def _pairs(draft: ReportDraft | None) -> list[tuple[str, str, str]]:
    assert draft is not None
    return [(b["body"], b["claim"], b["quote"]) for b in draft.record["bodies"]]


def test_met_and_reported_with_short_names_in_a_list(data: ValidationResult) -> None:
    draft = _draft(
        "Joint statement\n\nMarch 3, 2022\n\n"
        "The committees that have convened since entry into force include the Committees on "
        "Trade Facilitation and Financial Services.\n\n"
        "The Ministers took note of readouts from the Committee on Trade in Goods and vowed to "
        "protect the environment.\n",
        data,
    )
    assert _pairs(draft) == [
        ("trade_facilitation_committee", "met", "Trade Facilitation"),
        ("financial_services_committee", "met", "Financial Services"),
        ("trade_in_goods_committee", "reported", "Committee on Trade in Goods"),
    ]  # "the environment" is a word here, not a committee in a list
    assert draft is not None
    assert draft.record["period_start"] == dt.date(2020, 7, 1)
    assert draft.record["period_end"] == dt.date(2022, 3, 3)  # until the statement
    assert draft.record["published"] == dt.date(2022, 3, 3)
    assert draft.record["claim_text"].startswith("The committees that have convened since")


def test_a_landmark_meeting_and_a_working_group_are_no_entries(data: ValidationResult) -> None:
    draft = _draft(
        "Déclaration commune\n\nNous avons reçu les mises à jour de onze comités et groupes de "
        "travail qui se sont réunis depuis la deuxième réunion de la Commission du "
        "libre-échange, notamment les comités sur la compétitivité et l'environnement.\n",
        data,
    )
    assert _pairs(draft) == [
        ("competitiveness_committee", "met", "compétitivité"),
        ("environment_committee", "met", "environnement"),
    ]  # not the FTC (named after "depuis") nor Labour ("groupes de travail")
    assert draft is not None
    assert draft.record["n_bodies_stated"] == 11
    assert draft.record["period_start"] == dt.date(2022, 7, 7)  # the second FTC, a known event


def test_a_text_with_no_claim_sentence_gives_no_report(data: ValidationResult) -> None:
    assert _draft("The Labor Council is a body of the Agreement.\n", data) is None
    assert _draft("We received updates from committees that have met.\n", data) is None


def test_every_quote_and_the_claim_text_are_copied_from_the_text(data: ValidationResult) -> None:
    assert data.taxonomy is not None
    for path in ANSWERED:
        document = read_document(path)
        draft = draft_report(document, data.taxonomy, data.events)
        assert draft is not None, path.name
        assert draft.record["claim_text"] in document.text
        for body in draft.record["bodies"]:
            assert body["quote"] in document.text
        for evidence in draft.evidence:
            assert " ".join(document.text[evidence.start : evidence.end].split()) == evidence.quote


@pytest.mark.parametrize("path", ANSWERED, ids=[p.stem for p in ANSWERED])
def test_statement_gives_the_curated_reports_bodies_and_claims(
    path: Path, data: ValidationResult
) -> None:
    assert data.taxonomy is not None
    answers = expected_of(path)
    assert answers is not None
    curated = next(r for r in data.records[REPORTS.name] if r.id == answers["report"])
    draft = draft_report(read_document(path), data.taxonomy, data.events)
    assert draft is not None
    drafted = {(b["body"], b["claim"]) for b in draft.record["bodies"]}
    assert drafted == {(b.body, b.claim) for b in curated.bodies}


@pytest.mark.parametrize("path", ANSWERED, ids=[p.stem for p in ANSWERED])
def test_drafted_report_passes_the_reports_checker(path: Path, data: ValidationResult) -> None:
    assert data.taxonomy is not None
    draft = draft_report(read_document(path), data.taxonomy, data.events)
    assert draft is not None
    raw = record_yaml(draft.record).encode("utf-8")
    result = check_bytes(
        Path(f"{draft.id}.yaml"), f"reports/{draft.id}.yaml", raw, data.taxonomy, REPORTS
    )
    assert [str(p) for p in result.problems if not p.is_warning] == []
    assert result.record is not None and result.record.id == draft.id


def test_reported_at_and_id_name_the_meeting_of_the_statement(data: ValidationResult) -> None:
    assert data.taxonomy is not None
    midyear = draft_report(
        read_document(STATEMENTS / "midyear-2024-statement-en.txt"), data.taxonomy, data.events
    )
    assert midyear is not None
    assert midyear.id == "deputies-2024-01-25-statement"
    assert midyear.record["reported_at"] == "deputies-2024-01-24"  # the third mid-year meeting
    informe = draft_report(
        read_document(STATEMENTS / "se-2025-reuniones-es.txt"), data.taxonomy, data.events
    )
    assert informe is not None
    assert informe.id == "report-2025-09-29-statement" and informe.record["reported_at"] is None
    assert (informe.record["period_start"], informe.record["period_end"]) == ("2024-10", "2025-08")


def test_report_eval_figures(data: ValidationResult) -> None:
    assert data.taxonomy is not None
    answered = [(read_document(p), expected_of(p) or {}) for p in ANSWERED]
    result = report_eval(answered, data.records[REPORTS.name], data.events, data.taxonomy)
    assert {lang for lang in result.pairs} == {"es", "en", "fr", "all"}
    assert result.pairs["all"].precision == 1.0 and result.pairs["all"].recall == 1.0
    assert result.quotes_verbatim.correct == result.quotes_verbatim.predicted > 0
    assert 0 < result.quotes_curated.correct < result.quotes_curated.predicted  # fr, es wordings
    text = format_report_eval(result)
    assert "(body, claim) precision 100.0% (31/31)" in text
    assert "quotes copied verbatim from the text: 31/31" in text


def _etl(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "etl", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_draft_command_writes_the_report_and_validate_accepts_it(tmp_path: Path) -> None:
    out = tmp_path / "drafts"
    done = _etl("draft", str(STATEMENTS / "ftc-2024-statement-en.txt"), "--out", str(out))
    assert done.returncode == 0, done.stderr
    report = out / "reports" / "ftc-2024-05-23-statement.yaml"
    assert f"wrote activity report {report}" in done.stdout
    assert (out / "reports" / "ftc-2024-05-23-statement.evidence.yaml").is_file()
    data = Path(shutil.copytree(ROOT / "data", tmp_path / "data"))
    (data / "reports" / "ftc-2024-05-23-statement.yaml").unlink()  # the curated one, same id
    shutil.copy(report, data / "reports" / report.name)
    checked = _etl("validate", "--data", str(data))
    assert checked.returncode == 0, checked.stderr


def test_a_report_alone_is_written_and_says_no_event(tmp_path: Path) -> None:
    done = _etl("draft", str(STATEMENTS / "se-2025-reuniones-es.txt"), "--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == [
        "report-2025-09-29-statement.evidence.yaml",
        "report-2025-09-29-statement.yaml",
    ]
