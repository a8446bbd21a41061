"""The bad-input corpus: each hostile or broken record file, the exact error it must produce,
and proof that the warehouse built before it is left byte-identical.

Every case adds one file, ``data/events/<name>``, to a copy of the fixture records, whose
warehouse was built first; the build must fail with exactly the expected lines and leave that
warehouse as it was. The accepted cases (a BOM, right-to-left and combining characters) must
build and keep the text intact.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from etl.build import build
from etl.errors import EtlError, ValidationFailed
from etl.validate import MAX_RECORD_BYTES, MAX_TEXT_CHARS, MAX_TITLE_CHARS
from tests.conftest import copy_of
from warehouse.db import connect, run_sql

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini"
NAME = "fixture-bad-2024-01-01.yaml"
FILE = f"data/events/{NAME}"

RECORD = """\
id: fixture-bad-2024-01-01
body: sme_dialogue
edition: null
kind: dialogue
title_en: "Fixture record for the bad-input corpus"
title_es: null
start_date: 2024-01-01
end_date: null
status: held
format: virtual
city: null
host_party: MX
chair_party: null
treaty_refs: []
topics: [smes]
participants:
  - name: Fixture Person
    party: MX
    organization: Fixture Org
    role: Fixture role
    level: official
    capacity: participant
panels: []
outcomes: []
related: []
sources:
  - url: https://example.org/fixture/bad
    publisher: Fixture Publisher
    published: null
    language: en
    supports: everything
confidence: low
notes: "Test fixture, not a real event."
"""


def swap(field: str, value: str) -> bytes:
    """The record with one top-level field's value (and its indented block) replaced."""
    lines: list[str] = []
    skipping = False
    for line in RECORD.splitlines():
        if line.startswith(f"{field}:"):
            lines.append(f"{field}: {value}")
            skipping = True
        elif skipping and line.startswith(" "):
            continue
        else:
            skipping = False
            lines.append(line)
    return ("\n".join(lines) + "\n").encode("utf-8")


def line_of(field: str) -> int:
    return next(i for i, line in enumerate(RECORD.splitlines(), 1) if line.startswith(f"{field}:"))


BILLION_LAUGHS = b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + b"".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n".encode()
    for i in range(8)
)


def insert_after(line: str, new: str) -> bytes:
    """The record with ``new`` (a whole line) inserted after its first line ``line``."""
    assert f"{line}\n" in RECORD, line
    return RECORD.replace(f"{line}\n", f"{line}\n{new}\n", 1).encode("utf-8")


TODAY = dt.date.today()
"""The day the build checks against (a run that crosses midnight may see the next one)."""
URL_REFUSED = (
    "not a source address (expected an http:// or https:// web address, documents/<file> or "
    "'seed: ...', found {!r})"
)


@dataclass(frozen=True)
class Case:
    id: str
    content: bytes
    expected: list[str]
    """Every error line the build must report, exactly."""
    file_name: str = NAME


CASES = [
    Case(
        "malformed_yaml",
        swap("title_en", '"unclosed quote'),
        [
            f"{FILE}:33: file: invalid YAML: while parsing a block mapping did not find expected "
            "key (the mapping starts at line 1); line 5 opens a double quote that it does not "
            "close"
        ],
    ),
    Case(
        "tab_indented",
        RECORD.replace("  - name:", "\t- name:").encode(),
        [
            f"{FILE}:17: file: invalid YAML: while scanning for the next token found character "
            "that cannot start any token; the line is indented with a tab: YAML indents with "
            "spaces only"
        ],
    ),
    Case(
        "empty_file",
        b"",
        [f"{FILE}:1: record: empty file (expected a record: a mapping of fields, found nothing)"],
    ),
    Case(
        "binary_file",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        [f"{FILE}:3: file: binary file (contains NUL bytes)"],
    ),
    Case(
        "not_utf8",
        swap("title_en", '"Diálogo PyME"').decode().encode("cp1252"),
        [
            f"{FILE}:5: file: not UTF-8 (byte 0xe1 at offset 88; encoding guessed: "
            "cp1252/latin-1; save the file as UTF-8)"
        ],
    ),
    Case(
        "too_large",
        swap("notes", '"' + "x" * MAX_RECORD_BYTES + '"'),
        [
            f"{FILE}:1: file: file too large (expected at most {MAX_RECORD_BYTES} bytes, found "
            f"{len(swap('notes', chr(34) * 2 + 'x' * MAX_RECORD_BYTES))})"
        ],
    ),
    Case(
        "alias_bomb",
        BILLION_LAUGHS,
        [
            f"{FILE}:2: file: YAML aliases (*name) are not allowed in records (expected plain "
            "values, found an alias)"
        ],
    ),
    Case(
        "python_tag",
        swap("notes", '!!python/object/apply:os.system ["echo owned"]'),
        [
            f"{FILE}:{line_of('notes')}: file: invalid YAML: could not determine a constructor "
            "for the tag "
            "'tag:yaml.org,2002:python/object/apply:os.system'"
        ],
    ),
    Case(
        "date_that_does_not_exist",
        swap("start_date", "2023-02-30"),
        [
            f"{FILE}:7: start_date: no such date: day is out of range for month (expected "
            "YYYY-MM-DD, YYYY-MM or YYYY, found '2023-02-30')"
        ],
    ),
    Case(
        "unknown_code",
        swap("body", "sme_dialog"),
        [
            f"{FILE}:2: body: unknown code (expected a code from taxonomy bodies, e.g. "
            "'sme_dialogue'; found 'sme_dialog')"
        ],
    ),
    Case(
        "id_differs_from_file_name",
        swap("id", "fixture-something-else"),
        [
            f"{FILE}:1: id: id differs from the file name (expected "
            "'fixture-bad-2024-01-01', found 'fixture-something-else')"
        ],
    ),
    Case(
        "duplicate_id_across_files",
        swap("id", "fixture-ftc-2024"),
        [
            f"{FILE}:1: id: id differs from the file name (expected 'fixture-bad-2024-01-01', "
            "found 'fixture-ftc-2024')",
            f"{FILE}:1: id: duplicate id (expected a unique id, found 'fixture-ftc-2024', already "
            "used by data/events/fixture-ftc-2024.yaml)",
        ],
    ),
    Case(
        "related_to_itself",
        swap("related", "[fixture-bad-2024-01-01]"),
        [
            f"{FILE}:25: related: an event cannot be related to itself (expected other event "
            "ids, found 'fixture-bad-2024-01-01')"
        ],
    ),
    Case(
        "extremely_long_title",
        swap("title_en", '"' + "T" * 100_000 + '"'),
        [
            f"{FILE}:5: title_en: text too long (expected at most {MAX_TITLE_CHARS} characters, "
            "found 100000)"
        ],
    ),
    Case(
        "extremely_long_notes",
        swap("notes", '"' + "n" * 200_000 + '"'),
        [
            f"{FILE}:{line_of('notes')}: notes: text too long (expected at most "
            f"{MAX_TEXT_CHARS} characters, "
            "found 200000)"
        ],
    ),
    Case(
        "control_character",
        swap("title_en", '"Bell\\a and escape\\e in a title"'),
        [
            f"{FILE}:5: title_en: control character U+0007 at position 5 (expected printable "
            "text, found 'Bell\\x07 and escape\\x1b in a title')"
        ],
    ),
    # Issue 12: YAML that would lose a value without a sound (PyYAML keeps the last of two).
    Case(
        "duplicate_key_in_the_record",
        (RECORD + "body: ftc\n").encode(),
        [
            f"{FILE}:34: body: duplicate key (expected each key once, found 'body' again, "
            "first on line 2)"
        ],
    ),
    Case(
        "duplicate_key_in_a_participant",
        insert_after("    capacity: participant", "    level: minister"),
        [
            f"{FILE}:23: participants[0].level: duplicate key (expected each key once, found "
            "'level' again, first on line 21)"
        ],
    ),
    Case(
        "duplicate_key_in_a_source",
        insert_after("    supports: everything", "    url: https://example.org/other"),
        [
            f"{FILE}:32: sources[0].url: duplicate key (expected each key once, found 'url' "
            "again, first on line 27)"
        ],
    ),
    Case(
        "duplicate_keys_at_two_depths_both_reported",
        (
            RECORD.replace("status: held\n", "status: held\nstatus: announced\n")
            .replace("    party: MX\n", "    party: MX\n    party: US\n")
            .encode()
        ),
        [
            f"{FILE}:10: status: duplicate key (expected each key once, found 'status' again, "
            "first on line 9)",
            f"{FILE}:20: participants[0].party: duplicate key (expected each key once, found "
            "'party' again, first on line 19)",
        ],
    ),
    # Issue 12: source urls the app would turn into links that are not web pages or documents.
    Case(
        "javascript_source_url",
        swap("sources", "\n  - url: javascript:alert(1)\n    publisher: X"),
        [f"{FILE}:27: sources[0].url: {URL_REFUSED.format('javascript:alert(1)')}"],
    ),
    Case(
        "file_source_url",
        swap("sources", "\n  - url: file:///etc/passwd\n    publisher: X"),
        [f"{FILE}:27: sources[0].url: {URL_REFUSED.format('file:///etc/passwd')}"],
    ),
    # Issue 12: a fact that cannot be true on the day of the build.
    Case(
        "held_in_the_future",
        swap("start_date", "2999-01-01"),
        [
            f"{FILE}:7: start_date: held in the future (expected a start on or before today, "
            f"{TODAY}, for status 'held', found 2999-01-01)"
        ],
    ),
    Case(
        "held_in_a_future_year",
        swap("start_date", "2999"),
        [
            f"{FILE}:7: start_date: held in the future (expected a start on or before today, "
            f"{TODAY}, for status 'held', found 2999)"
        ],
    ),
    # Issue 12: a file the ETL would not read is refused by name, never skipped.
    Case(
        "record_saved_as_yml",
        RECORD.encode(),
        [
            "data/events/fixture-bad-2024-01-01.yml:1: file: not a record file (expected "
            "<id>.yaml, found .yml extension; rename it to fixture-bad-2024-01-01.yaml)"
        ],
        file_name="fixture-bad-2024-01-01.yml",
    ),
    Case(
        "editor_backup",
        RECORD.encode(),
        [
            "data/events/fixture-bad-2024-01-01.yaml~:1: file: not a record file (expected "
            "<id>.yaml, found .yaml~ extension)"
        ],
        file_name="fixture-bad-2024-01-01.yaml~",
    ),
    Case(
        "hidden_record_file",
        RECORD.encode(),
        [
            "data/events/.fixture-bad-2024-01-01.yaml:1: file: a hidden file (expected only "
            "<id>.yaml files here)"
        ],
        file_name=".fixture-bad-2024-01-01.yaml",
    ),
]

WRONG_TYPES = {
    "id": "5",
    "body": "[sme_dialogue]",
    "edition": '"second"',
    "kind": "3",
    "title_en": "[a, title]",
    "title_es": "{es: titulo}",
    "start_date": "[2023]",
    "end_date": "true",
    "status": "1",
    "format": "true",
    "city": "[Mexico]",
    "host_party": "1",
    "chair_party": "[MX]",
    "treaty_refs": '"24.26"',
    "topics": "smes",
    "participants": '"Fixture Person"',
    "panels": '"a panel"',
    "outcomes": "3",
    "related": "fixture-ftc-2024",
    "sources": "https://example.org",
    "confidence": "0.9",
    "notes": "[a, note]",
}


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def data_and_db(tmp_path: Path, mini_warehouse: Path) -> tuple[Path, Path, str]:
    data = Path(shutil.copytree(MINI, tmp_path / "data"))
    db = copy_of(mini_warehouse, tmp_path)  # built from the same records, once per session
    return data, db, sha(db)


def _fail_with(data: Path, db: Path, before: str, file_name: str, content: bytes) -> list[str]:
    (data / "events" / file_name).write_bytes(content)
    with pytest.raises(ValidationFailed) as failure:
        build(data, db, display_root="data")
    assert sha(db) == before, "the previous warehouse changed"
    return [str(p) for p in failure.value.problems if not p.is_warning]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input_is_refused_with_its_exact_error(
    data_and_db: tuple[Path, Path, str], case: Case
) -> None:
    data, db, before = data_and_db
    assert _fail_with(data, db, before, case.file_name, case.content) == case.expected


@pytest.mark.parametrize("field", sorted(WRONG_TYPES))
def test_a_wrong_type_in_any_field_is_refused(
    data_and_db: tuple[Path, Path, str], field: str
) -> None:
    data, db, before = data_and_db
    errors = _fail_with(data, db, before, NAME, swap(field, WRONG_TYPES[field]))
    assert errors, field
    assert errors[0].startswith(f"{FILE}:{line_of(field)}: {field}"), errors
    assert "expected" in errors[0] and "found" in errors[0], errors


def _warehouse_text(db: Path, sql: str) -> list[tuple[object, ...]]:
    con = connect(db)
    try:
        return run_sql(con, sql).rows()
    finally:
        con.close()


def test_a_clean_file_is_still_accepted(data_and_db: tuple[Path, Path, str]) -> None:
    """The corpus's record itself builds: each case above fails for its change alone."""
    data, db, _ = data_and_db
    (data / "events" / NAME).write_bytes(RECORD.encode())
    report = build(data, db, display_root="data")
    assert [p for p in report.validation.problems if p.file == FILE] == []
    rows = _warehouse_text(
        db,
        "select e.status, e.start_date, s.url, p.level from events e join sources s "
        f"using (event_id) join participants p using (event_id) where event_id = '{NAME[:-5]}'",
    )
    assert rows == [("held", dt.date(2024, 1, 1), "https://example.org/fixture/bad", "official")]


@pytest.mark.parametrize(
    "url",
    ["https://example.org/x", "http://example.org", "documents/bulletin.pdf", "seed: bulletin"],
)
def test_web_and_document_source_urls_are_accepted(
    data_and_db: tuple[Path, Path, str], url: str
) -> None:
    data, db, _ = data_and_db
    (data / "events" / NAME).write_bytes(swap("sources", f"\n  - url: {url!r}\n    publisher: X"))
    build(data, db, display_root="data")
    assert _warehouse_text(db, f"select url from sources where event_id = '{NAME[:-5]}'") == [
        (url,)
    ]


@pytest.mark.parametrize(("years_ahead", "warned"), [(0, False), (3, False), (4, True), (40, True)])
def test_an_event_announced_far_ahead_is_a_warning_and_is_kept(
    data_and_db: tuple[Path, Path, str], years_ahead: int, warned: bool
) -> None:
    data, db, _ = data_and_db
    year = TODAY.year + years_ahead
    record = swap("start_date", f"{year}-12-31").replace(b"status: held", b"status: announced")
    (data / "events" / NAME).write_bytes(record)
    report = build(data, db, display_root="data")
    warnings = [str(p) for p in report.validation.warnings if p.file == FILE]
    assert warnings == (
        [
            f"{FILE}:7: start_date: announced far ahead (expected within 3 years of "
            f"{TODAY.year}, found {year}-12-31); check the date"
        ]
        if warned
        else []
    )
    assert _warehouse_text(db, f"select status from events where event_id = '{NAME[:-5]}'") == [
        ("announced",)
    ]


def test_a_utf8_bom_is_accepted(data_and_db: tuple[Path, Path, str]) -> None:
    data, db, _ = data_and_db
    (data / "events" / NAME).write_bytes(b"\xef\xbb\xbf" + swap("title_en", '"Diálogo PyME"'))
    build(data, db, display_root="data")
    rows = _warehouse_text(db, f"select title_en from events where event_id = '{NAME[:-5]}'")
    assert rows == [("Diálogo PyME",)]


RTL_NAME = "\u0645\u0631\u064a\u0645 \u200f\u0627\u0644\u0639\u0644\u064a"  # Arabic, with RLM
COMBINING = "Jose\u0301 Mari\u0301a Nu\u0303n\u0303ez"  # e + U+0301, n + U+0303: not NFC


def test_right_to_left_and_combining_characters_are_kept_intact(
    data_and_db: tuple[Path, Path, str],
) -> None:
    data, db, _ = data_and_db
    text = RECORD.replace("Fixture Person", RTL_NAME).replace(
        '"Fixture record for the bad-input corpus"', f'"{COMBINING}"'
    )
    (data / "events" / NAME).write_text(text, encoding="utf-8")
    build(data, db, display_root="data")
    event_id = NAME[:-5]
    assert _warehouse_text(db, f"select title_en from events where event_id = '{event_id}'") == [
        (COMBINING,)
    ]
    assert _warehouse_text(db, f"select name from participants where event_id = '{event_id}'") == [
        (RTL_NAME,)
    ]


def test_an_alias_bomb_is_refused_in_a_bounded_time(tmp_path: Path) -> None:
    """Run in a child process with a hard timeout: a bomb that got expanded would hang or eat
    memory instead of failing this test."""
    data = Path(shutil.copytree(MINI, tmp_path / "data"))
    (data / "events" / NAME).write_bytes(BILLION_LAUGHS)
    done = subprocess.run(
        [sys.executable, "-m", "etl", "validate", "--data", str(data)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "YAML aliases (*name) are not allowed" in done.stderr


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.txt", b"", "empty"),
        ("scan.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        ("junk.txt", bytes(range(256)) * 8, "binary"),
        ("notes.docx", b"PK\x03\x04 not a document we read", ".docx"),
    ],
)
def test_a_bad_document_stops_the_build_and_changes_nothing(
    data_and_db: tuple[Path, Path, str], name: str, content: bytes, expected: str
) -> None:
    data, db, before = data_and_db
    (data / "documents").mkdir(exist_ok=True)
    (data / "documents" / name).write_bytes(content)
    with pytest.raises(EtlError, match=rf"{re.escape(name)}.*{re.escape(expected)}"):
        build(data, db, display_root="data")
    assert sha(db) == before
