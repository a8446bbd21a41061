"""Validation of event records: every bad record says where and what, all in one pass."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from etl.__main__ import main
from etl.build import build_lock
from etl.validate import ValidationResult, validate_dir

ROOT = Path(__file__).resolve().parents[2]

# A valid record; every bad case below is this text with one thing changed, so the line
# numbers in the expected messages are the lines of this text.
BASE = """\
id: fixture-base
body: sme_dialogue
edition: 2
kind: dialogue
title_en: "Fixture base record"
title_es: null
start_date: 2023-09-21
end_date: 2023-09-22
status: held
format: hybrid
city: Mexico City
host_party: MX
chair_party: MX
treaty_refs: ["25.5"]
topics: [smes, digitalization]
participants:
  - name: Fixture Person
    party: MX
    organization: Secretaría de Economía
    role: Undersecretary
    level: deputy_minister
    capacity: chair
panels:
  - title: Fixture panel
    topics: [financing]
outcomes:
  - text: Fixture outcome.
    topics: [smes]
    kind: commitment
related: []
sources:
  - url: https://example.org/fixture
    publisher: Fixture Publisher
    published: 2023-09-22
    language: es
    supports: dates
confidence: high
notes: "Test fixture, not a real event."
"""
BASE_FILE = "fixture-base.yaml"
SOURCES_BLOCK = BASE[BASE.index("sources:\n") : BASE.index("confidence:")]
P = f"data/events/{BASE_FILE}"

Files = dict[str, str | bytes]
Mutation = Callable[[str], Files]


def edit(old: str, new: str) -> Mutation:
    """The base record with ``old`` (which must occur exactly once) replaced by ``new``."""

    def mutate(base: str) -> Files:
        assert base.count(old) == 1, f"{old!r} must occur once in the base record"
        return {BASE_FILE: base.replace(old, new)}

    return mutate


def whole(text: str) -> Mutation:
    return lambda base: {BASE_FILE: text}


def latin1(base: str) -> Files:
    return {BASE_FILE: base.encode("latin-1")}


def copied_as(name: str) -> Mutation:
    """The base record and a copy of it under another file name, id unchanged."""
    return lambda base: {BASE_FILE: base, name: base}


@pytest.fixture
def write_data(tmp_path: Path, real_data_dir: Path) -> Callable[[Files], Path]:
    """Write record files into a fresh data folder with a copy of data/taxonomy.yaml."""

    def write(files: Files) -> Path:
        root = tmp_path / "data"
        (root / "events").mkdir(parents=True)
        shutil.copy(real_data_dir / "taxonomy.yaml", root / "taxonomy.yaml")
        for name, content in files.items():
            path = root / "events" / name
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return root

    return write


def validate(root: Path) -> ValidationResult:
    return validate_dir(root, display_root="data")


def case(mutation: Mutation, prefix: str, rest: str, *, id: str, n_errors: int = 1) -> object:
    return pytest.param(mutation, prefix, rest, n_errors, id=id)


BAD_RECORDS = [
    case(
        edit("status: held\n", "status: held: yes\n"),
        f"{P}:9: file: ",
        r"invalid YAML: mapping values are not allowed (here|in this context)",
        id="yaml-syntax-error",
    ),
    case(
        edit("    party: MX\n", "\tparty: MX\n"),
        f"{P}:18: file: ",
        r"invalid YAML: .*found a tab character that violates indentation .*indented with a tab: "
        r"YAML indents with spaces only",
        id="yaml-tab-indentation",
    ),
    case(
        whole(""),
        f"{P}:1: record: ",
        r"empty file \(expected a record: a mapping of fields, found nothing\)",
        id="empty-file",
    ),
    case(
        whole("# to be written\n"),
        f"{P}:1: record: ",
        r"empty file \(expected a record: a mapping of fields, found nothing\)",
        id="comments-only-file",
    ),
    case(
        whole("- a\n- b\n"),
        f"{P}:1: record: ",
        r"wrong type \(expected a record: a mapping of fields, found list \['a', 'b'\]\)",
        id="record-not-a-mapping",
    ),
    case(
        latin1,
        f"{P}:19: file: ",
        r"not UTF-8 \(byte 0xed at offset \d+; encoding guessed: cp1252/latin-1; "
        r"save the file as UTF-8\)",
        id="not-utf8",
    ),
    case(
        edit("kind: dialogue\n", ""),
        f"{P}:1: kind: ",
        r"missing required field \(expected text, found nothing\)",
        id="missing-required-field",
    ),
    case(
        edit("start_date: 2023-09-21\n", ""),
        f"{P}:1: start_date: ",
        r"missing required field \(expected a date YYYY-MM-DD, YYYY-MM or YYYY, found nothing\)",
        id="missing-start-date",
    ),
    case(
        edit(SOURCES_BLOCK, ""),
        f"{P}:1: sources: ",
        r"missing required field \(expected a list of sources, found nothing\)",
        id="missing-sources",
    ),
    case(
        edit(SOURCES_BLOCK, "sources: []\n"),
        f"{P}:31: sources: ",
        r"no sources \(expected at least one source, found an empty list\)",
        id="empty-sources",
    ),
    case(
        edit('title_en: "Fixture base record"', "title_en: null"),
        f"{P}:5: title_en: ",
        r"required field is null \(expected text, found nothing\)",
        id="null-required-field",
    ),
    case(
        edit("edition: 2\n", "edition: second\n"),
        f"{P}:3: edition: ",
        r"not an edition number \(expected a positive integer or null, found text 'second'\)",
        id="edition-as-text",
    ),
    case(
        edit("edition: 2\n", "edition: true\n"),
        f"{P}:3: edition: ",
        r"not an edition number \(expected a positive integer or null, found boolean True\)",
        id="edition-boolean",
    ),
    case(
        edit("edition: 2\n", "edition: 0\n"),
        f"{P}:3: edition: ",
        r"not an edition number \(expected a positive integer or null, found integer 0\)",
        id="edition-zero",
    ),
    case(
        edit("topics: [smes, digitalization]", "topics: smes"),
        f"{P}:15: topics: ",
        r"wrong type \(expected a list, found text 'smes'\)",
        id="topics-as-string",
    ),
    case(
        edit('title_en: "Fixture base record"', "title_en: [a, b]"),
        f"{P}:5: title_en: ",
        r"wrong type \(expected text, found list \['a', 'b'\]\)",
        id="title-as-list",
    ),
    case(
        edit('title_en: "Fixture base record"', "title_en: 2023"),
        f"{P}:5: title_en: ",
        r"wrong type \(expected text \(quote it\), found integer 2023\)",
        id="title-as-number",
    ),
    case(
        edit("body: sme_dialogue", "body: sme_dialog"),
        f"{P}:2: body: ",
        r"unknown code \(expected a code from taxonomy bodies, e\.g\. 'sme_dialogue'; "
        r"found 'sme_dialog'\)",
        id="unknown-body",
    ),
    case(
        edit("[smes, digitalization]", "[smes, digitalisation]"),
        f"{P}:15: topics[1]: ",
        r"unknown code \(expected a code from taxonomy topics, e\.g\. 'digitalization'; "
        r"found 'digitalisation'\)",
        id="unknown-topic",
    ),
    case(
        edit("topics: [financing]", "topics: [financin]"),
        f"{P}:25: panels[0].topics[0]: ",
        r"unknown code \(expected a code from taxonomy topics, e\.g\. 'financing'; "
        r"found 'financin'\)",
        id="unknown-panel-topic",
    ),
    case(
        edit("host_party: MX", "host_party: MEX"),
        f"{P}:12: host_party: ",
        r"unknown code \(expected a code from taxonomy parties, e\.g\. 'MX'; found 'MEX'\)",
        id="unknown-party",
    ),
    case(
        edit("level: deputy_minister", "level: deputy_ministre"),
        f"{P}:21: participants[0].level: ",
        r"unknown code \(expected a code from taxonomy levels, e\.g\. 'deputy_minister'; "
        r"found 'deputy_ministre'\)",
        id="unknown-level",
    ),
    case(
        edit("kind: dialogue", "kind: dialog"),
        f"{P}:4: kind: ",
        r"unknown code \(expected a code from taxonomy kinds, e\.g\. 'dialogue'; "
        r"found 'dialog'\)",
        id="unknown-kind",
    ),
    case(
        edit("status: held", "status: postpone"),
        f"{P}:9: status: ",
        r"unknown code \(expected a code from taxonomy statuses, e\.g\. 'postponed'; "
        r"found 'postpone'\)",
        id="unknown-status",
    ),
    case(
        edit("start_date: 2023-09-21", "start_date: 2023-02-30"),
        f"{P}:7: start_date: ",
        r"no such date: .+ \(expected YYYY-MM-DD, YYYY-MM or YYYY, found '2023-02-30'\)",
        id="invalid-date-unquoted",
    ),
    case(
        edit("start_date: 2023-09-21", 'start_date: "2023-02-30"'),
        f"{P}:7: start_date: ",
        r"no such date: .+ \(expected YYYY-MM-DD, YYYY-MM or YYYY, found '2023-02-30'\)",
        id="invalid-date-quoted",
    ),
    case(
        edit("start_date: 2023-09-21", "start_date: next week"),
        f"{P}:7: start_date: ",
        r"not a date \(expected YYYY-MM-DD, YYYY-MM or YYYY, found 'next week'\)",
        id="start-date-not-a-date",
    ),
    case(
        edit("end_date: 2023-09-22", 'end_date: "2023-09"'),
        f"{P}:8: end_date: ",
        r"incomplete date \(expected YYYY-MM-DD or null, found '2023-09'\)",
        id="end-date-partial",
    ),
    case(
        edit("end_date: 2023-09-22", "end_date: 2023-09-20"),
        f"{P}:8: end_date: ",
        r"end before start \(expected on or after 2023-09-21, found 2023-09-20\)",
        id="end-before-start",
    ),
    case(
        # The copy sorts before the original; the copy is still the one reported.
        copied_as("fixture-base-copy.yaml"),
        "data/events/fixture-base-copy.yaml:1: id: ",
        r"duplicate id \(expected a unique id, found 'fixture-base', "
        r"already used by data/events/fixture-base\.yaml\)",
        id="duplicate-id-across-files",
        n_errors=2,  # the copy's id also differs from its file name
    ),
    case(
        edit("id: fixture-base", "id: fixture-other"),
        f"{P}:1: id: ",
        r"id differs from the file name \(expected 'fixture-base', found 'fixture-other'\)",
        id="id-differs-from-file-name",
    ),
    case(
        edit("id: fixture-base", "id: Fixture_Base"),
        f"{P}:1: id: ",
        r"not a slug \(expected lower-case letters, digits and hyphens, found 'Fixture_Base'\)",
        id="id-not-a-slug",
    ),
    case(
        edit("topics: [smes, digitalization]", "topcis: [smes, digitalization]"),
        f"{P}:15: topcis: ",
        r"unknown field \(expected a field of the record contract, e\.g\. 'topics'; "
        r"found 'topcis'\)",
        id="unknown-field",
    ),
    case(
        edit("    role: Undersecretary", "    rol: Undersecretary"),
        f"{P}:20: participants[0].rol: ",
        r"unknown field \(expected one of name, party, organization, role, level, capacity, "
        r"e\.g\. 'role'; found 'rol'\)",
        id="unknown-participant-field",
    ),
    case(
        edit("    language: es", "    language: Spanish"),
        f"{P}:35: sources[0].language: ",
        r"not a language code \(expected two lower-case letters such as 'es', "
        r"found 'Spanish'\)",
        id="source-language-not-a-code",
    ),
    case(
        edit("related: []", "related: [fixture-base]"),
        f"{P}:30: related: ",
        r"an event cannot be related to itself \(expected other event ids, "
        r"found 'fixture-base'\)",
        id="related-to-itself",
    ),
    case(
        edit("related: []", "related: [Fixture Base]"),
        f"{P}:30: related[0]: ",
        r"not an event id \(expected a slug, found 'Fixture Base'\)",
        id="related-not-an-id",
    ),
    case(
        edit(
            'title_en: "Fixture base record"\ntitle_es: null',
            'title_en: &title "Fixture base record"\ntitle_es: *title',
        ),
        f"{P}:6: file: ",
        r"YAML aliases \(\*name\) are not allowed in records "
        r"\(expected plain values, found an alias\)",
        id="alias-refused",
    ),
]


def test_base_record_is_valid(write_data: Callable[[Files], Path]) -> None:
    result = validate(write_data({BASE_FILE: BASE}))
    assert result.problems == ()
    assert [e.id for e in result.events] == ["fixture-base"]


@pytest.mark.parametrize(("mutation", "prefix", "rest", "n_errors"), BAD_RECORDS)
def test_bad_record_is_reported_with_file_line_and_field(
    write_data: Callable[[Files], Path], mutation: Mutation, prefix: str, rest: str, n_errors: int
) -> None:
    result = validate(write_data(mutation(BASE)))
    messages = [str(p) for p in result.errors]
    matching = [
        m for m in messages if m.startswith(prefix) and re.fullmatch(rest, m[len(prefix) :])
    ]
    assert len(matching) == 1, messages
    assert len(messages) == n_errors, messages
    assert not result.ok


def test_every_problem_of_a_file_is_collected_in_one_pass(
    write_data: Callable[[Files], Path],
) -> None:
    text = (
        BASE.replace("edition: 2\n", "edition: second\n")
        .replace("kind: dialogue", "kind: dialog")
        .replace("status: held", "status: postpone")
    )
    result = validate(write_data({BASE_FILE: text}))
    assert [(p.file, p.line, p.field) for p in result.errors] == [
        (P, 3, "edition"),
        (P, 4, "kind"),
        (P, 9, "status"),
    ]


def test_problems_of_every_file_are_reported(write_data: Callable[[Files], Path]) -> None:
    other = BASE.replace("id: fixture-base", "id: fixture-other")
    result = validate(
        write_data(
            {
                BASE_FILE: BASE.replace("body: sme_dialogue", "body: sme_dialog"),
                "fixture-other.yaml": other.replace("status: held", "status: postpone"),
                "fixture-good.yaml": BASE.replace("id: fixture-base", "id: fixture-good"),
            }
        )
    )
    assert [(p.file, p.field) for p in result.errors] == [
        (P, "body"),
        ("data/events/fixture-other.yaml", "status"),
    ]
    assert result.n_files == 3
    assert [e.id for e in result.events] == ["fixture-good"]


def test_related_id_not_in_the_data_set_is_a_warning(
    write_data: Callable[[Files], Path],
) -> None:
    text = BASE.replace("related: []", "related: [fixture-absent]")
    result = validate(write_data({BASE_FILE: text}))
    assert result.ok
    assert result.errors == []
    assert [str(p) for p in result.warnings] == [
        f"{P}:30: related[0]: names an event not in the data set (found 'fixture-absent'); "
        "kept as a link"
    ]
    assert result.events[0].related == ("fixture-absent",)


def test_related_id_in_the_data_set_is_no_warning(write_data: Callable[[Files], Path]) -> None:
    other = BASE.replace("id: fixture-base", "id: fixture-other")
    result = validate(
        write_data(
            {
                BASE_FILE: BASE,
                "fixture-other.yaml": other.replace("related: []", "related: [fixture-base]"),
            }
        )
    )
    assert result.problems == ()


@pytest.mark.parametrize(
    ("written", "start", "precision"),
    [
        pytest.param('"2024-05"', dt.date(2024, 5, 1), "month", id="month-quoted"),
        pytest.param("2024-05", dt.date(2024, 5, 1), "month", id="month-unquoted"),
        pytest.param('"2024"', dt.date(2024, 1, 1), "year", id="year-quoted"),
        pytest.param("2024", dt.date(2024, 1, 1), "year", id="year-unquoted-int"),
        pytest.param("2024-05-17", dt.date(2024, 5, 17), "day", id="day-unquoted"),
        pytest.param('"2024-05-17"', dt.date(2024, 5, 17), "day", id="day-quoted"),
    ],
)
def test_start_date_becomes_first_day_of_its_period(
    write_data: Callable[[Files], Path], written: str, start: dt.date, precision: str
) -> None:
    text = BASE.replace(
        "start_date: 2023-09-21\nend_date: 2023-09-22\n",
        f"start_date: {written}\nend_date: null\n",
    )
    result = validate(write_data({BASE_FILE: text}))
    assert result.problems == ()
    (event,) = result.events
    assert (event.start_date, event.date_precision, event.end_date) == (start, precision, None)


def test_full_dates_have_day_precision(write_data: Callable[[Files], Path]) -> None:
    (event,) = validate(write_data({BASE_FILE: BASE})).events
    assert (event.start_date, event.date_precision, event.end_date) == (
        dt.date(2023, 9, 21),
        "day",
        dt.date(2023, 9, 22),
    )


def test_display_root_defaults_to_the_data_folder(write_data: Callable[[Files], Path]) -> None:
    root = write_data({BASE_FILE: BASE.replace("kind: dialogue", "kind: dialog")})
    (problem,) = validate_dir(root).errors
    assert str(problem).startswith(f"{root.as_posix()}/events/{BASE_FILE}:4: kind: ")


# --- command line: call main() in-process, read its output with capsys ---


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_cli_validate_prints_every_problem_and_exits_2(
    write_data: Callable[[Files], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    other = BASE.replace("id: fixture-base", "id: fixture-other")
    root = write_data(
        {
            BASE_FILE: BASE.replace("body: sme_dialogue", "body: sme_dialog"),
            "fixture-other.yaml": other.replace("edition: 2\n", "edition: true\n"),
        }
    )
    assert main(["validate", "--data", str(root)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        f"{root.as_posix()}/events/{BASE_FILE}:2: body: unknown code (expected a code from "
        "taxonomy bodies, e.g. 'sme_dialogue'; found 'sme_dialog')",
        f"{root.as_posix()}/events/fixture-other.yaml:3: edition: not an edition number "
        "(expected a positive integer or null, found boolean True)",
        "2 error(s) in 2 file(s); nothing written",
    ]


def test_cli_validate_ok_exits_0(mini_data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--data", str(mini_data_dir)]) == 0
    out, err = capsys.readouterr()
    assert out == "ok: 5 events in 5 files are valid (1 warning(s))\n"
    assert err.startswith("warning: ")


def test_cli_build_on_bad_data_exits_2_and_creates_no_warehouse(
    write_data: Callable[[Files], Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_data({BASE_FILE: BASE.replace("kind: dialogue", "kind: dialog")})
    db = tmp_path / "warehouse" / "tmec.duckdb"
    assert main(["build", "--data", str(root), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert f"{root.as_posix()}/events/{BASE_FILE}:4: kind: unknown code" in err
    assert "1 error(s); nothing written, the previous warehouse is untouched" in err
    assert not db.exists()
    assert [p.name for p in db.parent.iterdir() if p.name != "tmec.duckdb.lock"] == []


def test_cli_build_on_bad_data_leaves_existing_warehouse_byte_identical(
    mini_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "tmec.duckdb"
    assert main(["build", "--data", str(mini_copy), "--db", str(db)]) == 0
    before = sha256(db)
    (mini_copy / "events" / BASE_FILE).write_text(
        BASE.replace("kind: dialogue", "kind: dialog"), encoding="utf-8"
    )
    capsys.readouterr()
    assert main(["build", "--data", str(mini_copy), "--db", str(db)]) == 2
    assert f"/events/{BASE_FILE}:4: kind: unknown code" in capsys.readouterr().err
    assert sha256(db) == before


def test_cli_build_refuses_at_once_when_another_build_holds_the_lock(
    mini_data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "tmec.duckdb"
    with build_lock(db, wait=False):
        code = main(["build", "--data", str(mini_data_dir), "--db", str(db), "--no-wait"])
    assert code == 2
    assert "another build is running" in capsys.readouterr().err
    assert not db.exists()


def test_cli_build_writes_to_tmec_db_by_default(
    mini_data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = tmp_path / "from-env.duckdb"
    monkeypatch.setenv("TMEC_DB", str(db))
    assert main(["build", "--data", str(mini_data_dir)]) == 0
    assert capsys.readouterr().out.startswith(f"built {db}: 5 events from 5 files")
    assert db.is_file()


def test_python_m_etl_build_smoke(mini_data_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "tmec.duckdb"
    done = subprocess.run(
        [sys.executable, "-m", "etl", "build", "--data", str(mini_data_dir), "--db", str(db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(
        f"built {db}: 5 events from 5 files (0 unchanged since the last build, not re-checked), "
        "data version "
    )
    assert db.is_file()
