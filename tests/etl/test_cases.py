"""Enforcement cases (``data/cases/``) and stated counts (``stated-counts.yaml``): what the
validator refuses, with the exact message and the warehouse left byte-identical; what it
accepts; and, for any file content, problems rather than exceptions (property tests).

Every case adds one file to ``cases/`` in a copy of the fixture records, whose warehouse was
built first (with one clean case and a clean stated-counts file).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import subprocess
import sys
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
from etl.recordtypes.cases import KNOWN_FIELDS, MILESTONE_FIELDS, Case
from etl.validate import validate_dir
from tests.conftest import copy_built

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini"
NAME = "rrm-2023-fixture-plant.yaml"
FILE = f"data/cases/{NAME}"
COUNTS_FILE = "data/stated-counts.yaml"

CASE = """\
id: rrm-2023-fixture-plant
mechanism: rrm
complainant: US
respondent: MX
third_parties: []
subject_en: Alleged denial of freedom of association at a fixture plant
subject_es: null
facility: Fixture Plant, Monterrey
sector: auto_parts
topics: [labor_rights, dispute_settlement]
milestones:
- date: 2023-05-10
  step: request
  text: USTR asked Mexico to review the plant.
  source: 1
- date: "2023-05"
  step: review_accepted
  text: Mexico accepted the review in May.
  source: 1
- date: 2023-08-01
  step: resolved
  text: The case was resolved.
  source: 2
status: resolved
outcome_en: Resolved by agreement.
sources:
- url: https://example.org/fixture/request
  publisher: Fixture Publisher
  published: "2023-05"
  language: en
  supports: milestones
- url: https://example.org/fixture/resolution
  publisher: Fixture Publisher
  published: 2023-08-01
  language: en
  supports: milestones, outcome
confidence: high
notes: "Test fixture, not a real case."
"""

COUNTS = """\
counts:
- kind: rrm_requests
  value: 3
  scope: fixture requests
  claim: three requests
  as_of: "2023-12"
  published: 2024-01-02
  url: https://example.org/fixture/count
  publisher: Fixture Publisher
  language: en
notes: Test fixture.
"""


def edit(old: str, new: str, text: str = CASE) -> bytes:
    assert old in text, old
    return text.replace(old, new, 1).encode()


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass(frozen=True)
class Bad:
    id: str
    content: bytes
    expected: list[str]
    file_name: str = NAME


BAD_CASES = [
    Bad(
        "unknown-mechanism",
        edit("mechanism: rrm", "mechanism: rmm"),
        [
            f"{FILE}:2: mechanism: unknown code (expected a code from taxonomy mechanisms, "
            "e.g. 'rrm'; found 'rmm')"
        ],
    ),
    Bad(
        "unknown-step",
        edit("  step: review_accepted", "  step: accepted"),
        [
            f"{FILE}:17: milestones[1].step: unknown code (expected a code from taxonomy "
            "case_steps, e.g. 'review_accepted'; found 'accepted')"
        ],
    ),
    Bad(
        "unknown-sector",
        edit("sector: auto_parts", "sector: autoparts"),
        [
            f"{FILE}:9: sector: unknown code (expected a code from taxonomy sectors, "
            "e.g. 'auto_parts'; found 'autoparts')"
        ],
    ),
    Bad(
        "unknown-status",
        edit("status: resolved", "status: settled"),
        [
            f"{FILE}:24: status: unknown code (expected a code from taxonomy case_statuses, "
            "e.g. 'resolved'; found 'settled')"
        ],
    ),
    Bad(
        "unknown-party",
        edit("respondent: MX", "respondent: MEX"),
        [
            f"{FILE}:4: respondent: unknown code (expected a code from taxonomy parties, "
            "e.g. 'MX'; found 'MEX')"
        ],
    ),
    Bad(
        "complainant-is-respondent",
        edit("respondent: MX", "respondent: US"),
        [
            f"{FILE}:4: respondent: same Party as the complainant (expected a Party other "
            "than 'US', found 'US')"
        ],
    ),
    Bad(
        "disputing-party-as-third-party",
        edit("third_parties: []", "third_parties: [MX]"),
        [
            f"{FILE}:5: third_parties[0]: a disputing Party cannot be a third party (expected "
            "a Party other than the complainant and the respondent, found 'MX')"
        ],
    ),
    Bad(
        "milestone-source-not-a-source",
        edit("  source: 2", "  source: 3"),
        [
            f"{FILE}:23: milestones[2].source: not one of the case's sources (expected a "
            "source number from 1 to 2, found 3)"
        ],
    ),
    Bad(
        "milestone-source-zero",
        edit("  source: 2", "  source: 0"),
        [
            f"{FILE}:23: milestones[2].source: not one of the case's sources (expected a "
            "source number from 1 to 2, found 0)"
        ],
    ),
    Bad(
        "milestone-source-a-url",
        edit("  source: 2", "  source: https://example.org/fixture/resolution"),
        [
            f"{FILE}:23: milestones[2].source: not a source number (expected the number of "
            "one of the case's sources, 1 to 2, found text "
            "'https://example.org/fixture/resolution')"
        ],
    ),
    Bad(
        "milestones-out-of-order",
        edit("- date: 2023-08-01", "- date: 2023-04-30"),
        [
            f"{FILE}:20: milestones[2].date: milestones out of order (expected on or after "
            "2023-05-10, the date of milestones[0], found 2023-04-30)"
        ],
    ),
    Bad(
        "month-only-date-before-its-predecessor-month",
        edit('- date: "2023-05"', '- date: "2023-04"'),
        [
            f"{FILE}:16: milestones[1].date: milestones out of order (expected on or after "
            "2023-05-10, the date of milestones[0], found 2023-04)"
        ],
    ),
    Bad(
        "day-before-a-month-only-date-that-follows-a-later-day",
        # 2023-05 may stand for 2023-05-10..31, so a 2023-05-09 after it is out of order.
        edit("- date: 2023-08-01", "- date: 2023-05-09"),
        [
            f"{FILE}:20: milestones[2].date: milestones out of order (expected on or after "
            "2023-05-10, the date of milestones[0], found 2023-05-09)"
        ],
    ),
    Bad(
        "resolved-without-a-resolving-step",
        edit("  step: resolved", "  step: other"),
        [
            f"{FILE}:24: status: status not supported by the milestones (expected a "
            "milestone with step 'resolved' for status 'resolved', found steps request, "
            "review_accepted, other)"
        ],
    ),
    Bad(
        "open-with-a-resolving-step",
        edit("status: resolved", "status: open"),
        [
            f"{FILE}:24: status: status contradicted by the milestones (expected no "
            "'resolved' or 'closed' step for status 'open', found 'resolved' at "
            "milestones[2])"
        ],
    ),
    Bad(
        "impossible-date",
        edit("- date: 2023-08-01", '- date: "2023-02-30"'),
        [
            f"{FILE}:20: milestones[2].date: no such date: day is out of range for month "
            "(expected YYYY-MM-DD, YYYY-MM or YYYY, found '2023-02-30')"
        ],
    ),
    Bad(
        "year-only-milestone",
        edit("- date: 2023-08-01", "- date: 2023"),
        [
            f"{FILE}:20: milestones[2].date: incomplete date (expected YYYY-MM-DD or "
            "YYYY-MM, found 2023)"
        ],
    ),
    Bad(
        "milestone-in-the-future",
        edit("- date: 2023-08-01", "- date: 2999-01-01"),
        [
            f"{FILE}:20: milestones[2].date: dated in the future (expected on or before "
            f"today, {dt.date.today()}, found 2999-01-01)"
        ],
    ),
    Bad(
        "no-milestones",
        edit(CASE[CASE.index("milestones:") : CASE.index("status:")], "milestones: []\n"),
        [
            f"{FILE}:11: milestones: no milestones (expected at least one milestone, "
            "found an empty list)"
        ],
    ),
    Bad(
        "id-does-not-name-the-mechanism",
        edit("mechanism: rrm", "mechanism: ch31"),
        [
            f"{FILE}:1: id: id does not name the mechanism (expected an id starting 'ch31-', "
            "found 'rrm-2023-fixture-plant')"
        ],
    ),
    Bad(
        "unknown-milestone-field",
        edit("  step: request", "  step: request\n  when: soon"),
        [
            f"{FILE}:14: milestones[0].when: unknown field (expected one of date, step, text, "
            "source; found 'when')"
        ],
    ),
    Bad(
        "missing-subject",
        edit("subject_en: Alleged denial of freedom of association at a fixture plant\n", ""),
        [f"{FILE}:1: subject_en: missing required field (expected text, found nothing)"],
    ),
    Bad(
        "javascript-source",
        edit("- url: https://example.org/fixture/request", "- url: javascript:alert(1)"),
        [
            f"{FILE}:27: sources[0].url: not a source address (expected an http:// or "
            "https:// web address, documents/<file> or 'seed: ...', found 'javascript:alert(1)')"
        ],
    ),
    Bad(
        "duplicate-id",
        edit("id: rrm-2023-fixture-plant", "id: rrm-2023-fixture-clean"),
        [
            "data/cases/rrm-2023-fixture-copy.yaml:1: id: id differs from the file name "
            "(expected 'rrm-2023-fixture-copy', found 'rrm-2023-fixture-clean')",
            "data/cases/rrm-2023-fixture-copy.yaml:1: id: duplicate id (expected a unique id, "
            "found 'rrm-2023-fixture-clean', already used by "
            "data/cases/rrm-2023-fixture-clean.yaml)",
        ],
        file_name="rrm-2023-fixture-copy.yaml",
    ),
]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture records with one clean case and stated counts, and their warehouse: built
    once a module."""
    folder = tmp_path_factory.mktemp("cases_template")
    data = Path(shutil.copytree(MINI, folder / "data"))
    (data / "cases").mkdir()
    clean = CASE.replace("rrm-2023-fixture-plant", "rrm-2023-fixture-clean")
    (data / "cases" / "rrm-2023-fixture-clean.yaml").write_text(clean, encoding="utf-8")
    (data / "stated-counts.yaml").write_text(COUNTS, encoding="utf-8")
    build(data, folder / "tmec.duckdb", display_root="data")
    return folder


@pytest.fixture
def data_and_db(template: Path, tmp_path: Path) -> tuple[Path, Path, str]:
    data, db = copy_built(template, tmp_path)
    return data, db, sha(db)


@pytest.mark.parametrize("bad", BAD_CASES, ids=[c.id for c in BAD_CASES])
def test_bad_case_is_refused_with_its_exact_error(
    data_and_db: tuple[Path, Path, str], bad: Bad
) -> None:
    data, db, before = data_and_db
    (data / "cases" / bad.file_name).write_bytes(bad.content)
    with pytest.raises(ValidationFailed) as failure:
        build(data, db, display_root="data")
    assert sha(db) == before, "the previous warehouse changed"
    assert [str(p) for p in failure.value.problems if not p.is_warning] == bad.expected


def test_bad_case_exits_2_and_writes_nothing(data_and_db: tuple[Path, Path, str]) -> None:
    data, db, before = data_and_db
    (data / "cases" / NAME).write_bytes(edit("respondent: MX", "respondent: US"))
    done = subprocess.run(
        [sys.executable, "-m", "etl", "build", "--data", str(data), "--db", str(db)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 2
    assert "respondent: same Party as the complainant" in done.stdout + done.stderr
    assert sha(db) == before


def test_a_clean_case_is_accepted_and_loaded(data_and_db: tuple[Path, Path, str]) -> None:
    data, db, _ = data_and_db
    (data / "cases" / NAME).write_bytes(CASE.encode())
    report = build(data, db, display_root="data")
    assert report.n_records == {"events": 5, "reports": 0, "cases": 2}
    assert report.row_counts["case_milestones"] == 6
    assert report.row_counts["case_sources"] == 4
    assert report.row_counts["stated_counts"] == 1


def test_month_only_date_may_stand_anywhere_in_its_month(tmp_path: Path) -> None:
    data = Path(shutil.copytree(MINI, tmp_path / "data"))
    (data / "cases").mkdir()
    # 2023-05 after 2023-05-10 stands for a day from the 10th on; 2023-05-31 may follow it,
    # and a 2023-05 may stand before a 2023-05-02 that follows it.
    text = edit("- date: 2023-08-01", "- date: 2023-05-31").decode()
    text = text.replace("- date: 2023-05-10", '- date: "2023-05"', 1)
    text = text.replace('- date: "2023-05"\n  step: review', "- date: 2023-05-02\n  step: review")
    (data / "cases" / NAME).write_text(text, encoding="utf-8")
    result = validate_dir(data, display_root="data")
    assert [str(p) for p in result.errors] == []
    (case,) = result.records["cases"]
    assert [m.date for m in case.milestones] == [
        (dt.date(2023, 5, 1), "month"),
        (dt.date(2023, 5, 2), "day"),
        (dt.date(2023, 5, 31), "day"),
    ]


COUNT_BAD = [
    (
        "unknown-kind",
        COUNTS.replace("kind: rrm_requests", "kind: rrm_request"),
        f"{COUNTS_FILE}:2: counts[0].kind: unknown kind (expected one of rrm_requests, "
        "rrm_panels, rrm_resolutions, rrm_workers, usmca_disputes, other, e.g. "
        "'rrm_requests'; found 'rrm_request')",
    ),
    (
        "value-not-a-count",
        COUNTS.replace("value: 3", "value: three"),
        f"{COUNTS_FILE}:3: counts[0].value: not a count (expected a whole number, 0 or more, "
        "found text 'three')",
    ),
    (
        "bad-as-of",
        COUNTS.replace('as_of: "2023-12"', 'as_of: "2023-13"'),
        f"{COUNTS_FILE}:6: counts[0].as_of: no such date: month must be in 1..12 (expected "
        "YYYY-MM-DD, YYYY-MM or YYYY, found '2023-13')",
    ),
    (
        "missing-url",
        COUNTS.replace("  url: https://example.org/fixture/count\n", ""),
        f"{COUNTS_FILE}:2: counts[0].url: missing required field (expected text, found nothing)",
    ),
]


@pytest.mark.parametrize(
    ("content", "expected"), [c[1:] for c in COUNT_BAD], ids=[c[0] for c in COUNT_BAD]
)
def test_bad_stated_count_is_refused(
    data_and_db: tuple[Path, Path, str], content: str, expected: str
) -> None:
    data, db, before = data_and_db
    (data / "stated-counts.yaml").write_text(content, encoding="utf-8")
    with pytest.raises(ValidationFailed) as failure:
        build(data, db, display_root="data")
    assert sha(db) == before
    assert [str(p) for p in failure.value.problems if not p.is_warning] == [expected]


# --- property tests ---------------------------------------------------------------------------

PROPERTY = settings(derandomize=True, database=None, deadline=None, max_examples=150)
BASE: dict[str, Any] = yaml.safe_load(CASE)
TEXT = st.text(st.characters(codec="utf-8"), max_size=20)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    TEXT,
    st.dates(),
    st.sampled_from(["rrm", "US", "MX", "resolved", "request", "2023-02-30", "2024-13", "2023"]),
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
    (folder / "cases").mkdir()
    yield folder


def check(data: Path, raw: bytes) -> None:
    """Validate ``raw`` as the only case and check the shape of the answer."""
    for old in (data / "cases").iterdir():
        old.unlink()
    (data / "cases" / NAME).write_bytes(raw)
    result = validate_dir(data, display_root="data")
    n_lines = len(raw.decode("utf-8", errors="replace").splitlines()) + 1
    for problem in result.problems:
        assert isinstance(problem, Problem)
        if problem.file == FILE:
            assert 1 <= problem.line <= n_lines, problem
            assert str(problem).startswith(f"{FILE}:{problem.line}: ")
    cases = result.records["cases"]
    errors = [p for p in result.errors if p.file == FILE]
    assert len(cases) == (0 if errors else 1), errors
    assert all(isinstance(c, Case) for c in cases)
    for case in cases:
        assert len(case.milestones) >= 1
        assert all(1 <= m.source_no <= len(case.sources) for m in case.milestones)
        assert case.complainant != case.respondent


@PROPERTY
@given(field=st.sampled_from(KNOWN_FIELDS), value=VALUES)
def test_any_value_in_any_field_gives_problems_not_exceptions(
    scratch: Path, field: str, value: Any
) -> None:
    record = {**BASE, field: value}
    check(scratch, yaml.safe_dump(record, allow_unicode=True, sort_keys=False).encode())


@PROPERTY
@given(
    index=st.integers(0, 2),
    field=st.sampled_from([*MILESTONE_FIELDS, "extra"]),
    value=VALUES,
)
def test_any_value_in_a_milestone_gives_problems_not_exceptions(
    scratch: Path, index: int, field: str, value: Any
) -> None:
    milestones = [dict(m) for m in BASE["milestones"]]
    milestones[index][field] = value
    record = {**BASE, "milestones": milestones}
    check(scratch, yaml.safe_dump(record, allow_unicode=True, sort_keys=False).encode())


@PROPERTY
@given(order=st.permutations(range(3)))
def test_any_order_of_milestones_is_accepted_only_when_oldest_first(
    scratch: Path, order: list[int]
) -> None:
    milestones = [BASE["milestones"][i] for i in order]
    record = {**BASE, "milestones": milestones}
    check(scratch, yaml.safe_dump(record, allow_unicode=True, sort_keys=False).encode())
    result = validate_dir(scratch, display_root="data")
    # The month-only "2023-05" may stand before or after 2023-05-10, so two orders hold.
    assert bool(result.records["cases"]) == (order in ([0, 1, 2], [1, 0, 2]))


@PROPERTY
@given(raw=st.binary(max_size=200))
def test_any_bytes_give_problems_not_exceptions(scratch: Path, raw: bytes) -> None:
    check(scratch, raw)
