"""The Drafts page: its pure functions (reading an upload in memory, drafting, editing,
checking with the ETL's checker, the downloads, the highlighted evidence), the page flow under
AppTest, and that nothing is written while a document is drafted.

AppTest cannot upload a file: the page flow is driven by its test hook, a ``(name, bytes)``
pair in ``st.session_state["drafts_injected"]`` that stands in for the upload; the upload
widget itself is exercised in Chromium (tests/e2e/test_drafts_browser.py). AppTest cannot
read a download button's bytes either: those bytes come from ``record_bytes``, tested here.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from dashboard.drafts import drafts
from etl.documents import document_id
from etl.recordtypes import REPORTS
from etl.taxonomy import Taxonomy
from etl.validate import ValidationResult, check_bytes, validate_dir
from tests.documents.pdfmaker import make_pdf

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "streamlit_app.py")
STATEMENT = ROOT / "tests" / "documents" / "reports" / "ftc-2024-statement-en.txt"
REPORT_ONLY = ROOT / "tests" / "documents" / "reports" / "se-2025-reuniones-es.txt"


@pytest.fixture(scope="module")
def data() -> ValidationResult:
    return validate_dir(ROOT / "data")


@pytest.fixture(scope="module")
def taxonomy(data: ValidationResult) -> Taxonomy:
    assert data.taxonomy is not None
    return data.taxonomy


# --- pure functions ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "raw", "key"),
    [
        ("big.txt", b"a" * (drafts.MAX_UPLOAD_BYTES + 1), "drafts_too_large"),
        ("statement.docx", b"PK\x03\x04", "drafts_bad_type"),
        ("empty.txt", b"   ", "drafts_unreadable"),
        ("fake.pdf", b"not a pdf at all", "drafts_unreadable"),
    ],
)
def test_refused_uploads_name_the_reason(name: str, raw: bytes, key: str) -> None:
    with pytest.raises(drafts.UploadRefused, match=rf"^{key}: ") as refused:
        drafts.read_upload(name, raw)
    assert refused.value.key == key


def test_too_large_message_says_size_and_limit() -> None:
    with pytest.raises(drafts.UploadRefused) as refused:
        drafts.read_upload("big.txt", b"a" * (3 * 1024 * 1024))
    assert refused.value.values == {"name": "big.txt", "size": "3.0", "limit": 2}


def test_a_pdf_upload_is_read_in_memory(taxonomy: Taxonomy, data: ValidationResult) -> None:
    text = STATEMENT.read_text(encoding="utf-8")
    document = drafts.read_upload("statement.pdf", make_pdf([text.splitlines()]))
    made = drafts.draft_upload(document, taxonomy, data.events)
    assert made.report is not None and len(made.report.record["bodies"]) == 6


def test_drafting_edit_and_check(taxonomy: Taxonomy, data: ValidationResult) -> None:
    document = drafts.read_upload(STATEMENT.name, STATEMENT.read_bytes())
    made = drafts.draft_upload(document, taxonomy, data.events)
    assert made.nothing is None and len(made.events) == 1 and made.report is not None
    event = made.events[0].record
    (unstated,) = drafts.check_record(event, taxonomy)  # the text does not say how it met
    assert unstated.field == "format" and unstated.file == f"data/events/{event['id']}.yaml"
    broken = drafts.edited(event, {"body": "free_trade_comission", "city": "  "})
    assert broken["city"] is None
    problems = drafts.check_record(broken, taxonomy)
    assert [p.field for p in problems] == ["body", "format"]
    assert "free_trade_commission" in problems[0].message  # the closest code as a hint
    fixed = drafts.edited(event, {"confidence": "medium", "format": "in_person"})
    assert drafts.check_record(fixed, taxonomy) == []
    loaded = yaml.safe_load(drafts.record_bytes(fixed))
    assert loaded["confidence"] == "medium" and loaded["format"] == "in_person"


def test_an_edited_report_is_checked_as_a_report(
    taxonomy: Taxonomy, data: ValidationResult
) -> None:
    document = drafts.read_upload(REPORT_ONLY.name, REPORT_ONLY.read_bytes())
    made = drafts.draft_upload(document, taxonomy, data.events)
    assert made.report is not None
    report = made.report.record
    assert drafts.record_type_of(report) is REPORTS
    assert drafts.check_record(report, taxonomy) == []
    bad = drafts.edited(
        report, {"bodies": [{"body": "sme_committee", "claim": "held", "quote": "x"}]}
    )
    (problem,) = drafts.check_record(bad, taxonomy)
    assert problem.field == "bodies[0].claim" and problem.file.startswith("data/reports/")
    raw = drafts.record_bytes(report)
    name = drafts.download_name(report)
    result = check_bytes(Path(name), f"reports/{name}", raw, taxonomy, REPORTS)
    assert result.problems == () and name == "report-2025-09-29-statement.yaml"


def test_partial_dates_and_download_names() -> None:
    assert drafts.partial_date("2024-05-22") == dt.date(2024, 5, 22)
    assert drafts.partial_date("2024-05") == "2024-05"
    assert drafts.partial_date(" ") is None
    assert drafts.partial_date("2024-02-30") == "2024-02-30"  # left for the checker to name
    assert drafts.download_name({"id": "../../etc/Passwd"}) == "etc-passwd.yaml"
    assert drafts.download_name({"id": "x-1"}, evidence=True) == "x-1.evidence.yaml"


def test_highlighted_text_marks_merged_spans_and_stays_inert() -> None:
    text = "Hello **world** <b>and</b> [x](javascript:1)"
    out = drafts.highlighted_text(text, [(0, 5), (3, 8), (16, 19)])
    assert out.startswith(":orange-background[**Hello \\*\\***]")
    assert "<b>" not in out.replace("\\<b\\>", "") and "](" not in out
    assert drafts.merged([(5, 9), (0, 2), (2, 3), (8, 12)]) == [(0, 3), (5, 12)]


# --- nothing is written -----------------------------------------------------------------------


WRITE_EVENTS = {"os.remove", "os.rename", "os.mkdir", "os.rmdir", "shutil.copyfile", "os.truncate"}


@pytest.fixture
def file_writes() -> Iterator[list[tuple[str, Any]]]:
    """Every file opened for writing, and every remove/rename/mkdir, while the test runs
    (audit hooks cannot be removed, so this one is switched off at the end)."""
    seen: list[tuple[str, Any]] = []
    active = [True]

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if not active[0]:
            return
        if event == "open" and len(args) >= 2:
            mode, flags = args[1], args[2] if len(args) > 2 else 0
            writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
                isinstance(flags, int) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)
            )
            if writing:
                seen.append((event, args[0]))
        elif event in WRITE_EVENTS:
            seen.append((event, args[0] if args else None))

    sys.addaudithook(hook)
    yield seen
    active[0] = False


def test_drafting_an_upload_writes_no_file(
    taxonomy: Taxonomy, data: ValidationResult, file_writes: list[tuple[str, Any]]
) -> None:
    text = STATEMENT.read_text(encoding="utf-8")
    for name, raw in (
        (STATEMENT.name, STATEMENT.read_bytes()),
        ("statement.pdf", make_pdf([text.splitlines()])),
        ("statement.html", f"<html><body><p>{text}</p></body></html>".encode()),
    ):
        document = drafts.read_upload(name, raw)
        made = drafts.draft_upload(document, taxonomy, data.events)
        assert made.report is not None
        for record in (made.events[0].record, made.report.record):
            drafts.check_record(drafts.edited(record, {"confidence": "high"}), taxonomy)
            drafts.record_bytes(record)
        drafts.evidence_bytes(made.report.record, made.report.evidence, (), document.file)
    assert file_writes == []


def _tree(*roots: Path) -> set[Path]:
    return {p for root in roots for p in root.rglob("*") if ".pytest_cache" not in p.parts}


# --- the page under AppTest -------------------------------------------------------------------


def _page(lang: str, document: tuple[str, bytes] | None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    if document is not None:
        at.session_state["drafts_injected"] = document
    at.switch_page("dashboard/views/drafts.py").run()
    assert not at.exception, [e.message for e in at.exception]
    return at


@pytest.mark.parametrize(
    ("lang", "title"), [("es", "Borradores"), ("en", "Drafts"), ("fr", "Ébauches")]
)
def test_page_without_a_document_asks_for_one(warehouse: Path, lang: str, title: str) -> None:
    at = _page(lang, None)
    assert at.title[0].value == title
    assert len(at.info) == 1 and not at.error


def test_page_flow_draft_edit_and_see_problems_live(
    warehouse: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    file_writes: list[tuple[str, Any]],
) -> None:
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    file_writes.clear()  # the test's own folder; from here on the app runs
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    before = _tree(ROOT / "data", ROOT / "dashboard")
    at = _page("en", (STATEMENT.name, STATEMENT.read_bytes()))
    choices = at.radio(key="drafts_choice").options
    assert len(choices) == 2 and choices[1].startswith("Activity report · ftc-2024-05-23")
    assert any(":orange-background[**" in m.value for m in at.markdown)
    assert at.error and "format: required field is null" in at.code[0].value
    key = f"drafts_{document_id(STATEMENT.read_bytes())}_event_0_city"
    assert at.text_input(key=key).value == "Phoenix"
    at.selectbox(key=key.replace("_city", "_format")).set_value("in_person").run()
    assert not at.error and "data/events/ftc-2024-05-22.yaml" in at.success[0].value
    at.selectbox(key=key.replace("_city", "_body")).set_value("sme_dialogue").run()
    assert not at.error  # a valid code: the checker has nothing to say
    at.selectbox(key=key.replace("_city", "_kind")).set_value("public_session").run()
    at.text_input(key=key.replace("_city", "_id")).set_value("Bad Id").run()
    assert at.error and ": id: " in at.code[0].value
    at.radio(key="drafts_choice").set_value(at.radio(key="drafts_choice").options[1]).run()
    assert not at.exception
    report_key = f"drafts_{document_id(STATEMENT.read_bytes())}_report_0_claim_0"
    assert at.selectbox(key=report_key).value == "reported"
    at.text_input(key=report_key.replace("_claim_0", "_quote_0")).set_value("").run()
    assert at.error and "bodies[0].quote" in at.code[0].value
    assert _tree(ROOT / "data", ROOT / "dashboard") == before
    assert list(private_tmp.iterdir()) == []
    assert file_writes == []


def test_page_says_why_nothing_was_drafted(warehouse: Path) -> None:
    no_event = ROOT / "tests" / "documents" / "patterns" / "no-event-es.txt"
    at = _page("es", (no_event.name, no_event.read_bytes()))
    assert at.warning and "No se redactó nada" in at.warning[0].value
    big = _page("fr", ("gros.txt", b"a" * (drafts.MAX_UPLOAD_BYTES + 1)))
    assert big.error and "la limite est de 2 Mo" in big.error[0].value


def test_the_servers_upload_limit_is_the_pages_own() -> None:
    """The uploader prints the server's limit ("2MB per file") beside the page's caption: they
    must be the same number (it said 10 MB beside our 2 MB)."""
    import tomllib
    from pathlib import Path

    from dashboard.drafts.drafts import MAX_UPLOAD_BYTES

    config = tomllib.loads(
        (Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml").read_text("utf-8")
    )
    assert config["server"]["maxUploadSize"] * 1024 * 1024 == MAX_UPLOAD_BYTES
