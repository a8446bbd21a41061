"""Activity reports (``data/reports/``): what the validator refuses, with the exact message and
the warehouse left byte-identical; what it accepts; and, for any file content, problems rather
than exceptions (property tests).

Every case adds one file to ``reports/`` in a copy of the fixture records, whose warehouse was
built first (with one clean report).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.build import build
from etl.errors import Problem, ValidationFailed
from etl.recordtypes.reports import KNOWN_FIELDS, ActivityReport, last_day
from etl.validate import validate_dir
from tests.conftest import copy_built

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini"
NAME = "fixture-report-2024-02-07.yaml"
FILE = f"data/reports/{NAME}"

REPORT = """\
id: fixture-report-2024-02-07
reported_at: fixture-ftc-2024-02-06
published: 2024-02-07
period_start: 2023-09-21
period_end: 2024-02-06
bodies:
- body: sme_committee
  claim: met
  quote: the Committee on Small and Medium-Sized Enterprises
- body: labor_council
  claim: reported
  quote: the Labor Council reported on its work
  quote_source: https://example.org/fixture/report-fr
n_bodies_stated: null
claim_text: The committees have continued to meet
sources:
- url: https://example.org/fixture/report
  publisher: Fixture Publisher
  published: 2024-02-07
  language: en
- url: https://example.org/fixture/report-fr
  publisher: Fixture Publisher
  published: 2024-02-07
  language: fr
confidence: high
notes: "Test fixture, not a real report."
"""


def edit(old: str, new: str, text: str = REPORT) -> bytes:
    assert old in text, old
    return text.replace(old, new, 1).encode()


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass(frozen=True)
class Case:
    id: str
    content: bytes
    expected: list[str]
    file_name: str = NAME


CASES = [
    Case(
        "unknown-body-code",
        edit("- body: sme_committee", "- body: sme_comittee"),
        [
            f"{FILE}:7: bodies[0].body: unknown code (expected a code from taxonomy bodies, "
            "e.g. 'sme_committee'; found 'sme_comittee')"
        ],
    ),
    Case(
        "claim-not-met-or-reported",
        edit("  claim: met", "  claim: convened"),
        [
            f"{FILE}:8: bodies[0].claim: unknown claim (expected one of met, reported; "
            "found 'convened')"
        ],
    ),
    Case(
        "empty-quote",
        edit("  quote: the Committee on Small and Medium-Sized Enterprises", '  quote: ""'),
        [f"{FILE}:9: bodies[0].quote: empty text (expected text, found '')"],
    ),
    Case(
        "missing-quote",
        edit("  quote: the Committee on Small and Medium-Sized Enterprises\n", ""),
        [f"{FILE}:7: bodies[0].quote: missing required field (expected text, found nothing)"],
    ),
    Case(
        "period-end-before-start",
        edit("period_end: 2024-02-06", "period_end: 2023-01-31"),
        [
            f"{FILE}:5: period_end: period_end before period_start (expected on or after "
            "2023-09-21, found 2023-01-31)"
        ],
    ),
    Case(
        "partial-period-end-before-start",
        edit("period_end: 2024-02-06", 'period_end: "2023-08"'),
        [
            f"{FILE}:5: period_end: period_end before period_start (expected on or after "
            "2023-09-21, found 2023-08)"
        ],
    ),
    Case(
        "impossible-date",
        edit("period_start: 2023-09-21", 'period_start: "2023-02-30"'),
        [
            f"{FILE}:4: period_start: no such date: day is out of range for month "
            "(expected YYYY-MM-DD, YYYY-MM or YYYY, found '2023-02-30')"
        ],
    ),
    Case(
        "not-a-date",
        edit("published: 2024-02-07\nperiod", 'published: "early 2024"\nperiod'),
        [
            f"{FILE}:3: published: not a date (expected YYYY-MM-DD, YYYY-MM or YYYY, "
            "found 'early 2024')"
        ],
    ),
    Case(
        "published-in-the-future",
        edit("published: 2024-02-07\nperiod", "published: 2999-01-01\nperiod"),
        [
            f"{FILE}:3: published: published in the future (expected on or before today, "
            f"{dt.date.today()}, found 2999-01-01)"
        ],
    ),
    Case(
        "id-differs-from-file-name",
        edit("id: fixture-report-2024-02-07", "id: fixture-report-2024-02-08"),
        [
            f"{FILE}:1: id: id differs from the file name (expected "
            "'fixture-report-2024-02-07', found 'fixture-report-2024-02-08')"
        ],
    ),
    Case(
        "duplicate-id",
        edit("id: fixture-report-2024-02-07", "id: fixture-report-clean"),
        [
            "data/reports/fixture-report-copy.yaml:1: id: id differs from the file name "
            "(expected 'fixture-report-copy', found 'fixture-report-clean')",
            "data/reports/fixture-report-copy.yaml:1: id: duplicate id (expected a unique id, "
            "found 'fixture-report-clean', already used by "
            "data/reports/fixture-report-clean.yaml)",
        ],
        file_name="fixture-report-copy.yaml",
    ),
    Case(
        "unknown-field",
        edit("confidence: high", "confidence: high\nperiod: 2023"),
        [
            f"{FILE}:26: period: unknown field (expected a field of the record contract, "
            "e.g. 'period_end'; found 'period')"
        ],
    ),
    Case(
        "unknown-body-field",
        edit("  claim: met", "  claim: met\n  date: 2023-10-01"),
        [
            f"{FILE}:9: bodies[0].date: unknown field (expected one of body, claim, quote, "
            "quote_source; found 'date')"
        ],
    ),
    Case(
        "body-named-twice",
        edit("- body: labor_council", "- body: sme_committee"),
        [
            f"{FILE}:10: bodies[1].body: body named twice (expected each body once, found "
            "'sme_committee' again, first at bodies[0])"
        ],
    ),
    Case(
        "quote-source-not-a-source",
        edit(
            "  quote_source: https://example.org/fixture/report-fr",
            "  quote_source: https://example.org/elsewhere",
        ),
        [
            f"{FILE}:13: bodies[1].quote_source: not one of the report's sources (expected "
            "the url of one of its 2 sources, found 'https://example.org/elsewhere')"
        ],
    ),
    Case(
        "no-bodies",
        edit(REPORT[REPORT.index("- body: sme") : REPORT.index("n_bodies_stated")], "").replace(
            b"bodies:\n", b"bodies: []\n"
        ),
        [f"{FILE}:6: bodies: no bodies (expected at least one body, found an empty list)"],
    ),
    Case(
        "missing-claim-text",
        edit("claim_text: The committees have continued to meet\n", ""),
        [f"{FILE}:1: claim_text: missing required field (expected text, found nothing)"],
    ),
    Case(
        "javascript-source",
        edit("- url: https://example.org/fixture/report\n", "- url: javascript:alert(1)\n"),
        [
            f"{FILE}:17: sources[0].url: not a source address (expected an http:// or "
            "https:// web address, documents/<file> or 'seed: ...', found 'javascript:alert(1)')"
        ],
    ),
    Case(
        "negative-count",
        edit("n_bodies_stated: null", "n_bodies_stated: -3"),
        [
            f"{FILE}:14: n_bodies_stated: not a count (expected a positive integer or null, "
            "found integer -3)"
        ],
    ),
    Case(
        "file-source",
        edit("- url: https://example.org/fixture/report\n", "- url: file:///etc/passwd\n"),
        [
            f"{FILE}:17: sources[0].url: not a source address (expected an http:// or "
            "https:// web address, documents/<file> or 'seed: ...', found 'file:///etc/passwd')"
        ],
    ),
    Case(
        "duplicate-key-in-the-report",
        edit("confidence: high\n", "confidence: high\nperiod_start: 2020-07-01\n"),
        [
            f"{FILE}:26: period_start: duplicate key (expected each key once, found "
            "'period_start' again, first on line 4)"
        ],
    ),
    Case(
        "duplicate-key-in-a-body",
        edit(
            "  quote: the Committee on Small and Medium-Sized Enterprises\n",
            "  quote: the Committee on Small and Medium-Sized Enterprises\n  claim: reported\n",
        ),
        [
            f"{FILE}:10: bodies[0].claim: duplicate key (expected each key once, found "
            "'claim' again, first on line 8)"
        ],
    ),
    Case(
        "duplicate-key-in-a-source",
        edit("  language: en\n", "  language: en\n  language: fr\n"),
        [
            f"{FILE}:21: sources[0].language: duplicate key (expected each key once, found "
            "'language' again, first on line 20)"
        ],
    ),
    Case(
        "report-saved-as-yml",
        REPORT.encode(),
        [
            "data/reports/fixture-report-2024-02-07.yml:1: file: not a record file (expected "
            "<id>.yaml, found .yml extension; rename it to fixture-report-2024-02-07.yaml)"
        ],
        file_name="fixture-report-2024-02-07.yml",
    ),
]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture records with one clean report, and their warehouse: built once a module."""
    folder = tmp_path_factory.mktemp("reports_template")
    data = Path(shutil.copytree(MINI, folder / "data"))
    (data / "reports").mkdir()
    clean = REPORT.replace("fixture-report-2024-02-07", "fixture-report-clean")
    (data / "reports" / "fixture-report-clean.yaml").write_text(clean, encoding="utf-8")
    build(data, folder / "tmec.duckdb", display_root="data")
    return folder


@pytest.fixture
def data_and_db(template: Path, tmp_path: Path) -> tuple[Path, Path, str]:
    data, db = copy_built(template, tmp_path)
    return data, db, sha(db)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_report_is_refused_with_its_exact_error(
    data_and_db: tuple[Path, Path, str], case: Case
) -> None:
    data, db, before = data_and_db
    (data / "reports" / case.file_name).write_bytes(case.content)
    with pytest.raises(ValidationFailed) as failure:
        build(data, db, display_root="data")
    assert sha(db) == before, "the previous warehouse changed"
    assert [str(p) for p in failure.value.problems if not p.is_warning] == case.expected


def test_a_clean_report_is_accepted_and_loaded(data_and_db: tuple[Path, Path, str]) -> None:
    data, db, _ = data_and_db
    (data / "reports" / NAME).write_bytes(REPORT.encode())
    report = build(data, db, display_root="data")
    assert report.n_records == {"events": 5, "reports": 2, "cases": 0}
    assert report.row_counts["report_bodies"] == 4
    assert report.row_counts["report_sources"] == 4


def test_a_reported_at_naming_no_event_is_a_warning(tmp_path: Path) -> None:
    data = Path(shutil.copytree(MINI, tmp_path / "data"))
    (data / "reports").mkdir()
    (data / "reports" / NAME).write_bytes(
        edit("reported_at: fixture-ftc-2024-02-06", "reported_at: fixture-ftc-1999-01-01")
    )
    result = validate_dir(data, display_root="data")
    assert result.ok
    assert [str(w) for w in result.warnings if w.file == FILE] == [
        f"{FILE}:2: reported_at: names an event not in the data set "
        "(found 'fixture-ftc-1999-01-01'); kept as a link"
    ]
    (loaded,) = result.records["reports"]
    assert loaded.reported_at == "fixture-ftc-1999-01-01"


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ((dt.date(2025, 8, 1), "month"), dt.date(2025, 8, 31)),
        ((dt.date(2024, 2, 1), "month"), dt.date(2024, 2, 29)),
        ((dt.date(2025, 12, 1), "month"), dt.date(2025, 12, 31)),
        ((dt.date(2025, 1, 1), "year"), dt.date(2025, 12, 31)),
        ((dt.date(2025, 3, 9), "day"), dt.date(2025, 3, 9)),
    ],
)
def test_last_day_of_a_partial_date(date: Any, expected: dt.date) -> None:
    assert last_day(date) == expected


# --- property tests ---------------------------------------------------------------------------

PROPERTY = settings(derandomize=True, database=None, deadline=None, max_examples=150)
BASE: dict[str, Any] = yaml.safe_load(REPORT)
TEXT = st.text(st.characters(codec="utf-8"), max_size=20)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    TEXT,
    st.dates(),
    st.sampled_from(["met", "reported", "sme_committee", "2023-02-30", "2024-13", "high"]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(KNOWN_FIELDS), inner)
    ),
    max_leaves=8,
)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = Path(shutil.copytree(MINI, tmp_path_factory.mktemp("props") / "data"))
    (folder / "reports").mkdir()
    yield folder


def check(data: Path, raw: bytes) -> None:
    """Validate ``raw`` as the only report and check the shape of the answer."""
    for old in (data / "reports").iterdir():
        old.unlink()
    (data / "reports" / NAME).write_bytes(raw)
    result = validate_dir(data, display_root="data")
    n_lines = len(raw.decode("utf-8", errors="replace").splitlines()) + 1
    for problem in result.problems:
        assert isinstance(problem, Problem)
        if problem.file == FILE:
            assert 1 <= problem.line <= n_lines, problem
            assert str(problem).startswith(f"{FILE}:{problem.line}: ")
    reports = result.records["reports"]
    report_errors = [p for p in result.errors if p.file == FILE]
    assert len(reports) == (0 if report_errors else 1), report_errors
    assert all(isinstance(r, ActivityReport) for r in reports)


@PROPERTY
@given(field=st.sampled_from(KNOWN_FIELDS), value=VALUES)
def test_any_value_in_any_field_gives_problems_not_exceptions(
    scratch: Path, field: str, value: Any
) -> None:
    record = {**BASE, field: value}
    check(scratch, yaml.safe_dump(record, allow_unicode=True, sort_keys=False).encode())


@PROPERTY
@given(
    index=st.integers(0, 1),
    field=st.sampled_from(["body", "claim", "quote", "quote_source", "extra"]),
    value=VALUES,
)
def test_any_value_in_a_body_entry_gives_problems_not_exceptions(
    scratch: Path, index: int, field: str, value: Any
) -> None:
    bodies = [dict(b) for b in BASE["bodies"]]
    bodies[index][field] = value
    record = {**BASE, "bodies": bodies}
    check(scratch, yaml.safe_dump(record, allow_unicode=True, sort_keys=False).encode())


@PROPERTY
@given(raw=st.binary(max_size=200))
def test_any_bytes_give_problems_not_exceptions(scratch: Path, raw: bytes) -> None:
    check(scratch, raw)


@PROPERTY
@given(
    where=st.sampled_from([("bodies", 0), ("bodies", 1), ("sources", 0), ("sources", 1)]),
    data=st.data(),
    value=SCALARS,
)
def test_a_key_repeated_in_a_body_or_source_is_refused_naming_both_lines(
    scratch: Path, where: tuple[str, int], data: st.DataObject, value: Any
) -> None:
    folder, index = where
    key = data.draw(st.sampled_from(sorted(BASE[folder][index])))
    root = yaml.compose(yaml.safe_dump(BASE, allow_unicode=True, sort_keys=False))
    item = root.value[[k.value for k, _ in root.value].index(folder)][1].value[index]
    item.value.append(
        (yaml.ScalarNode("tag:yaml.org,2002:str", key), yaml.SafeDumper(None).represent_data(value))
    )
    text = yaml.serialize(root, allow_unicode=True)
    again = yaml.compose(text).value[[k.value for k, _ in root.value].index(folder)][1]
    first, second = (k.start_mark.line + 1 for k, _ in again.value[index].value if k.value == key)
    check(scratch, text.encode())
    result = validate_dir(scratch, display_root="data")
    assert [str(p) for p in result.errors] == [
        f"{FILE}:{second}: {folder}[{index}].{key}: duplicate key (expected each key once, "
        f"found {key!r} again, first on line {first})"
    ]
