"""Property tests: whatever a record file holds, the validator answers with problems, never
with another exception.

Every example is written as the only file of ``events/`` in a scratch data folder (with a copy
of the real taxonomy) and run through :func:`etl.validate.validate_dir`. Each problem must be a
:class:`etl.errors.Problem` shown as ``data/events/<file>.yaml:<line>: ...`` with a line inside
the file, and a file with no errors must become exactly one typed :class:`etl.records.Event`.
Inputs that once broke the validator are listed at the end as regression cases.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.checking import field_name
from etl.errors import Problem
from etl.records import Event
from etl.validate import (
    KNOWN_FIELDS,
    ValidationResult,
    decode,
    parse_partial_date,
    read_taxonomy,
    validate_dir,
)
from etl.yamlio import parse

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = sorted((ROOT / "tests" / "fixtures" / "mini" / "events").glob("*.yaml"))[0]
BASE_RECORD: dict[str, Any] = parse(FIXTURE.read_text(encoding="utf-8")).data
TAXONOMY, _ = read_taxonomy(ROOT / "data", "data")
assert TAXONOMY is not None

# Reproducible in CI, and quick: the whole file runs in a few seconds.
PROPERTY = settings(derandomize=True, database=None, deadline=None, max_examples=200)


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A scratch data folder whose events/ is rewritten by every example."""
    folder = tmp_path_factory.mktemp("props")
    (folder / "events").mkdir()
    shutil.copy(ROOT / "data" / "taxonomy.yaml", folder / "taxonomy.yaml")
    yield folder


def max_line(raw: bytes) -> int:
    """The last line a problem may point at: one past the last line break, where an editor
    still puts the cursor (a parse error at the end of the file points there). Python's
    ``splitlines`` knows every line break YAML does (CR, LF, CRLF, NEL, LS, PS) and more."""
    return len(raw.decode("utf-8", errors="replace").splitlines()) + 1


def check(data_dir: Path, stem: str, raw: bytes) -> ValidationResult:
    """Validate ``raw`` as the only record file and check the shape of the answer."""
    for old in (data_dir / "events").iterdir():
        old.unlink()
    (data_dir / "events" / f"{stem}.yaml").write_bytes(raw)
    result = validate_dir(data_dir, display_root="data")
    display = f"data/events/{stem}.yaml"
    assert result.n_files == 1
    for problem in result.problems:
        assert isinstance(problem, Problem)
        assert problem.file == display
        assert type(problem.line) is int
        assert 1 <= problem.line <= max_line(raw), (problem, raw[:300])
        assert str(problem).startswith(f"{display}:{problem.line}: "), str(problem)
    assert all(isinstance(event, Event) for event in result.events)
    assert len(result.events) == (0 if result.errors else 1), result.errors
    return result


# --- strategies -------------------------------------------------------------------------------

TEXT = st.text(st.characters(codec="utf-8"), max_size=30)
"""Any Unicode text (no lone surrogates): control characters, right-to-left, emoji."""
SLUGS = st.lists(
    st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8), min_size=1, max_size=4
).map("-".join)
DATE_TEXT = st.one_of(
    st.dates().map(dt.date.isoformat),
    st.dates().map(lambda d: d.isoformat()[:7]),
    st.dates().map(lambda d: d.isoformat()[:4]),
    st.from_regex(r"\A[ ]?-?\d{1,5}(-\d{1,3}){0,2}[ ]?\Z"),
)
"""Dates as text: real full, month and year dates, and date-shaped nonsense (2023-13-45)."""


def codes(list_name: str) -> st.SearchStrategy[str]:
    assert TAXONOMY is not None
    return st.sampled_from(TAXONOMY.codes(list_name))


ANY_CODE = st.sampled_from(
    ["parties", "bodies", "topics", "kinds", "statuses", "formats", "levels", "confidence"]
).flatmap(codes)
ITEM_FIELDS = ("name", "party", "level", "capacity", "title", "text", "url", "published")
"""Field names of participants, panels, outcomes and sources."""
KEYS = st.one_of(TEXT, st.sampled_from(KNOWN_FIELDS + ITEM_FIELDS))
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    TEXT,
    DATE_TEXT,
    st.dates(),
    ANY_CODE,
    SLUGS,
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(KEYS, children, max_size=4)
    ),
    max_leaves=12,
)
"""Any value a YAML document can hold, nested."""


def _items(required: dict[str, Any], optional: dict[str, Any]) -> st.SearchStrategy[Any]:
    item = st.fixed_dictionaries(
        {k: v | VALUES for k, v in required.items()},
        optional={k: v | VALUES for k, v in optional.items()},
    )
    return st.lists(item | VALUES, max_size=3)


OPTIONAL_TEXT = st.none() | TEXT
PLAUSIBLE: dict[str, st.SearchStrategy[Any]] = {
    "id": SLUGS,
    "body": codes("bodies"),
    "edition": st.integers(),
    "kind": codes("kinds"),
    "title_en": TEXT,
    "title_es": OPTIONAL_TEXT,
    "start_date": DATE_TEXT,
    "end_date": st.none() | DATE_TEXT,
    "status": codes("statuses"),
    "format": codes("formats"),
    "city": OPTIONAL_TEXT,
    "host_party": st.none() | codes("parties"),
    "chair_party": st.none() | codes("parties"),
    "treaty_refs": st.lists(TEXT, max_size=3),
    "topics": st.lists(codes("topics"), max_size=3),
    "participants": _items(
        {"name": TEXT, "level": codes("levels"), "capacity": codes("capacities")},
        {"party": codes("parties"), "organization": TEXT, "role": TEXT},
    ),
    "panels": _items({"title": TEXT}, {"topics": st.lists(codes("topics"), max_size=3)}),
    "outcomes": _items(
        {"text": TEXT, "kind": codes("outcome_kinds")},
        {"topics": st.lists(codes("topics"), max_size=3)},
    ),
    "related": st.lists(SLUGS, max_size=3),
    "sources": _items(
        {"url": TEXT},
        {
            "publisher": TEXT,
            "published": st.none() | DATE_TEXT,
            "language": st.from_regex(r"\A[a-z]{2}\Z") | TEXT,
            "supports": TEXT,
        },
    ),
    "confidence": codes("confidence"),
    "notes": OPTIONAL_TEXT,
}
assert set(PLAUSIBLE) == set(KNOWN_FIELDS)


def field_value(name: str) -> st.SearchStrategy[Any]:
    """A value for field ``name``: often one of the right shape, sometimes anything at all."""
    return PLAUSIBLE[name] | VALUES


RECORDS = st.tuples(
    st.fixed_dictionaries({}, optional={name: field_value(name) for name in KNOWN_FIELDS}),
    st.dictionaries(KEYS, VALUES, max_size=2),
).map(lambda pair: {**pair[1], **pair[0]})
"""Mappings holding some or all of the record's fields (and a few others)."""
DOCUMENTS = st.one_of(VALUES, RECORDS)
FLOW_STYLES = st.sampled_from([None, False, True])


def dump(value: Any, flow_style: bool | None = None) -> bytes:
    text = yaml.safe_dump(value, allow_unicode=True, sort_keys=False, default_flow_style=flow_style)
    return text.encode("utf-8")


YAML_SYNTAX = st.text(
    st.sampled_from([*":-?[]{},#&*!|>'\"%@`~ \t\n\r", "\ufeff", "\x85", "\u2028"])
    | st.characters(codec="utf-8"),
    max_size=80,
)
"""Text dense in YAML's syntax characters and line breaks, so it reaches the parser's corners."""
FIELD_LINES = st.lists(
    st.tuples(st.sampled_from(KNOWN_FIELDS), YAML_SYNTAX).map(lambda kv: f"{kv[0]}: {kv[1]}"),
    max_size=6,
).map("\n".join)
"""Lines ``field: <anything>``: a record's shape with broken values."""


# --- documents, text and bytes ----------------------------------------------------------------


@PROPERTY
@given(document=DOCUMENTS, stem=SLUGS, flow_style=FLOW_STYLES)
def test_any_yaml_document_gives_problems_not_exceptions(
    data_dir: Path, document: Any, stem: str, flow_style: bool | None
) -> None:
    check(data_dir, stem, dump(document, flow_style))


@PROPERTY
@given(text=st.one_of(st.text(), YAML_SYNTAX, FIELD_LINES), stem=SLUGS)
def test_any_text_gives_problems_not_exceptions(data_dir: Path, text: str, stem: str) -> None:
    check(data_dir, stem, text.encode("utf-8"))


BYTES = st.one_of(
    st.binary(max_size=200),
    st.text().map(lambda s: s.encode("utf-8")),
    st.text(st.characters(codec="latin-1")).map(lambda s: s.encode("latin-1")),
    st.tuples(st.binary(max_size=3), DOCUMENTS.map(dump), st.binary(max_size=3)).map(
        lambda parts: (
            parts[1][: len(parts[1]) // 2] + parts[0] + parts[1][len(parts[1]) // 2 :] + parts[2]
        )
    ),
    st.binary(max_size=20).map(lambda b: b"\xef\xbb\xbf" + b),
)
"""Raw bytes, UTF-8 and Latin-1 text, YAML with stray bytes spliced in, a BOM before junk."""


@PROPERTY
@given(raw=BYTES, stem=SLUGS)
def test_any_bytes_give_problems_not_exceptions(data_dir: Path, raw: bytes, stem: str) -> None:
    check(data_dir, stem, raw)


# --- one field of a valid record changed ------------------------------------------------------

DELETE = object()
"""Marks a mutation that removes the field instead of replacing its value."""
MUTATIONS = st.sampled_from(KNOWN_FIELDS).flatmap(
    lambda name: st.tuples(st.just(name), field_value(name) | st.just(DELETE))
)


def test_the_unmutated_record_is_valid(data_dir: Path) -> None:
    result = check(data_dir, FIXTURE.stem, dump(BASE_RECORD))
    assert result.ok, [str(p) for p in result.errors]
    assert result.events[0].id == FIXTURE.stem


def _under(field: str, name: str) -> bool:
    return field == name or field.startswith((f"{name}.", f"{name}["))


@PROPERTY
@given(mutation=MUTATIONS, flow_style=FLOW_STYLES)
def test_a_mutated_field_is_the_one_reported(
    data_dir: Path, mutation: tuple[str, Any], flow_style: bool | None
) -> None:
    name, value = mutation
    record = {k: v for k, v in BASE_RECORD.items() if k != name}
    if value is not DELETE:
        record[name] = value
    result = check(data_dir, FIXTURE.stem, dump(record, flow_style))
    assert all(_under(p.field, name) for p in result.errors), (
        name,
        [str(p) for p in result.errors],
    )


# --- issue 12: what would be lost or falsified on the way in ----------------------------------

Path_ = tuple[str | int, ...]


def _mapping_paths(value: Any, path: Path_ = ()) -> list[Path_]:
    """The path of every mapping in ``value``: the record, each participant, source, ..."""
    found: list[Path_] = []
    if isinstance(value, dict):
        found.append(path)
        for key, child in value.items():
            found += _mapping_paths(child, (*path, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            found += _mapping_paths(child, (*path, i))
    return found


MAPPING_PATHS = _mapping_paths(BASE_RECORD)
assert {("participants", 0), ("sources", 0), ()} <= set(MAPPING_PATHS)


def _at(value: Any, path: Path_) -> Any:
    for part in path:
        value = value[part]
    return value


def _node_at(node: yaml.Node, path: Path_) -> yaml.Node:
    for part in path:
        if isinstance(part, int):
            node = node.value[part]
        else:
            node = next(v for k, v in node.value if k.value == part)
    return node


def _value_node(value: Any) -> yaml.Node:
    dumper = yaml.SafeDumper(io.StringIO())
    dumper.ignore_aliases = lambda data: True  # type: ignore[method-assign]
    node: yaml.Node = dumper.represent_data(value)
    return node


REPEATS = st.sampled_from(MAPPING_PATHS).flatmap(
    lambda path: st.tuples(st.just(path), st.sampled_from(sorted(_at(BASE_RECORD, path))), VALUES)
)
"""A mapping of the valid record, one of its keys, and any value to write under it again."""


@PROPERTY
@given(repeat=REPEATS, flow_style=FLOW_STYLES)
def test_a_key_repeated_at_any_depth_is_refused_naming_both_lines(
    data_dir: Path, repeat: tuple[Path_, str, Any], flow_style: bool | None
) -> None:
    path, key, value = repeat
    root = yaml.compose(dump(BASE_RECORD, flow_style), Loader=yaml.SafeLoader)
    mapping = _node_at(root, path)
    assert isinstance(mapping, yaml.MappingNode)
    mapping.value.append((yaml.ScalarNode("tag:yaml.org,2002:str", key), _value_node(value)))
    text = yaml.serialize(root, allow_unicode=True)
    # Both lines as libyaml's composer sees them (it keeps repeated keys).
    again = _node_at(yaml.compose(text, Loader=yaml.SafeLoader), path)
    first_line, second_line = (k.start_mark.line + 1 for k, _ in again.value if k.value == key)
    result = check(data_dir, FIXTURE.stem, text.encode("utf-8"))
    assert [(p.line, p.field, p.message) for p in result.errors] == [
        (
            second_line,
            field_name((*path, key)),
            f"duplicate key (expected each key once, found {key!r} again, "
            f"first on line {first_line})",
        )
    ]


SCHEMES = st.sampled_from(["javascript", "file", "data", "vbscript", "ftp", "mailto", "JavaScript"])


@PROPERTY
@given(scheme=SCHEMES, rest=TEXT)
def test_a_source_url_that_is_no_web_address_nor_document_is_refused(
    data_dir: Path, scheme: str, rest: str
) -> None:
    url = f"{scheme}:{rest}"
    record = {**BASE_RECORD, "sources": [{**BASE_RECORD["sources"][0], "url": url}]}
    result = check(data_dir, FIXTURE.stem, dump(record))
    assert result.errors, url
    assert {p.field for p in result.errors} == {"sources[0].url"}, [str(p) for p in result.errors]


@PROPERTY
@given(host=SLUGS, tail=st.from_regex(r"\A[a-zA-Z0-9/_.?=&%-]{0,30}\Z"), https=st.booleans())
def test_a_web_source_url_is_accepted(data_dir: Path, host: str, tail: str, https: bool) -> None:
    url = f"http{'s' if https else ''}://{host}.org/{tail}"
    record = {**BASE_RECORD, "sources": [{**BASE_RECORD["sources"][0], "url": url}]}
    assert check(data_dir, FIXTURE.stem, dump(record)).ok


TODAY = dt.date.today()


@PROPERTY
@given(day=st.dates(min_value=TODAY + dt.timedelta(days=2)))
def test_an_event_held_after_today_is_refused(data_dir: Path, day: dt.date) -> None:
    record = {**BASE_RECORD, "status": "held", "start_date": day.isoformat(), "end_date": None}
    result = check(data_dir, FIXTURE.stem, dump(record))
    assert [(p.field, p.message.split(" (")[0]) for p in result.errors] == [
        ("start_date", "held in the future")
    ]


@PROPERTY
@given(day=st.dates(min_value=dt.date(1990, 1, 1), max_value=TODAY))
def test_an_event_held_on_or_before_today_is_accepted(data_dir: Path, day: dt.date) -> None:
    record = {**BASE_RECORD, "status": "held", "start_date": day.isoformat(), "end_date": None}
    assert check(data_dir, FIXTURE.stem, dump(record)).ok


@PROPERTY
@given(day=st.dates(min_value=TODAY, max_value=dt.date(9999, 12, 31)))
def test_an_announced_event_is_accepted_and_warned_only_beyond_three_years(
    data_dir: Path, day: dt.date
) -> None:
    record = {**BASE_RECORD, "status": "announced", "start_date": day.isoformat(), "end_date": None}
    result = check(data_dir, FIXTURE.stem, dump(record))
    assert result.ok
    far = [p for p in result.warnings if p.message.startswith("announced far ahead")]
    assert len(far) == (1 if day.year > TODAY.year + 3 else 0)


FILE_NAMES = st.text(st.sampled_from("abcXYZ019-_.~# "), min_size=1, max_size=16).filter(
    lambda name: name not in (".", "..")
)


@PROPERTY
@given(name=st.one_of(FILE_NAMES, FILE_NAMES.map(lambda n: n + ".yaml")))
def test_every_file_in_a_record_folder_is_read_or_refused_by_name(
    data_dir: Path, name: str
) -> None:
    for old in (data_dir / "events").iterdir():
        old.unlink()
    (data_dir / "events" / name).write_bytes(dump(BASE_RECORD))
    result = validate_dir(data_dir, display_root="data")
    refused = [p for p in result.errors if p.file == f"data/events/{name}" and p.field == "file"]
    if result.n_files == 1:
        assert not any(p.message.startswith(("a hidden file", "not a record")) for p in refused)
    else:
        assert result.n_files == 0
        assert len(refused) == 1 and refused[0].line == 1, [str(p) for p in result.problems]


# --- the helpers on their own -----------------------------------------------------------------


@PROPERTY
@given(value=st.one_of(VALUES, st.integers(), DATE_TEXT, st.text(), st.binary()))
def test_parse_partial_date_answers_a_date_or_a_reason(value: Any) -> None:
    parsed = parse_partial_date(value)
    if isinstance(parsed, str):
        assert parsed
    else:
        date, precision = parsed
        assert isinstance(date, dt.date)
        assert precision in ("day", "month", "year")


@PROPERTY
@given(raw=BYTES)
def test_decode_answers_text_or_a_located_reason(raw: bytes) -> None:
    decoded = decode(raw)
    if isinstance(decoded, tuple):
        line, reason = decoded
        assert 1 <= line <= raw.count(b"\n") + 1
        assert reason
    else:
        assert isinstance(decoded, str)


# --- inputs that once broke the validator (regression cases) ---------------------------

BIG_HEX = "0x" + "f" * 4000
"""An integer YAML accepts whose decimal form exceeds Python's 4300-digit str() limit."""
CONSTRUCTOR_BUG = (
    "etl/yamlio.py parse() catches only yaml.YAMLError, but PyYAML's constructors raise plain "
    "Python exceptions for explicitly tagged scalars they cannot build"
)


def _fixed_bug(name: str, text: str, raised: type[BaseException], reason: str) -> Any:
    """An input that once made the validator raise ``raised`` instead of reporting (the reason
    says where); kept as a regression case."""
    return pytest.param(text, id=name)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("title_en: 0x1f\nedition: 0x10\n", id="small-hex-is-fine"),
        pytest.param("edition: !!int 12\nstart_date: !!timestamp 2023-02-03\n", id="tags-fine"),
        pytest.param("topics: " + "[" * 500 + "]" * 500 + "\n", id="nesting-500-is-fine"),
        _fixed_bug("int-tag-abc", "edition: !!int abc\n", ValueError, CONSTRUCTOR_BUG),
        _fixed_bug("int-tag-empty", "edition: !!int\n", IndexError, CONSTRUCTOR_BUG),
        _fixed_bug("float-tag-abc", "edition: !!float abc\n", ValueError, CONSTRUCTOR_BUG),
        _fixed_bug("bool-tag-maybe", "edition: !!bool maybe\n", KeyError, CONSTRUCTOR_BUG),
        _fixed_bug(
            "timestamp-tag-feb-30",
            "start_date: !!timestamp 2023-02-30\n",
            ValueError,
            CONSTRUCTOR_BUG,
        ),
        _fixed_bug(
            "timestamp-tag-soon", "start_date: !!timestamp soon\n", AttributeError, CONSTRUCTOR_BUG
        ),
        _fixed_bug(
            "decimal-5000-digits",
            "edition: " + "9" * 5000 + "\n",
            ValueError,
            "etl/yamlio.py parse(): a decimal integer over 4300 digits makes int() raise "
            "ValueError (Python's int_max_str_digits), which is not a yaml.YAMLError",
        ),
        _fixed_bug(
            "hex-4000-digits-as-title",
            f"title_en: {BIG_HEX}\n",
            ValueError,
            "etl/validate.py _show(): repr() of an integer over 4300 decimal digits raises "
            "ValueError; YAML builds such integers from hex or base-60 without complaint",
        ),
        _fixed_bug(
            "hex-4000-digits-as-date",
            f"start_date: {BIG_HEX}\n",
            ValueError,
            "etl/validate.py parse_partial_date(): str() of an integer over 4300 decimal "
            "digits raises ValueError",
        ),
        _fixed_bug(
            "nesting-5000-as-title",
            "title_en: " + "[" * 5000 + "]" * 5000 + "\n",
            RecursionError,
            "etl/validate.py _show(): repr() of a list nested ~1000 deep raises RecursionError "
            "(a 10 KB file)",
        ),
        _fixed_bug(
            "nesting-5000-as-document",
            "[" * 5000 + "]" * 5000 + "\n",
            RecursionError,
            "etl/validate.py _show(): the top-level 'expected a record' message repr()s a "
            "deeply nested document",
        ),
        _fixed_bug(
            "nesting-5000-under-unknown-item-field",
            "participants:\n  - x: " + "[" * 5000 + "]" * 5000 + "\n",
            RecursionError,
            "etl/yamlio.py _index_lines() recurses once per nesting level when a problem "
            "below the top level needs its line",
        ),
    ],
)
def test_hostile_scalars_and_nesting(data_dir: Path, text: str) -> None:
    result = check(data_dir, "hostile", text.encode("utf-8"))
    assert result.errors


def test_parse_partial_date_of_a_huge_integer() -> None:
    assert isinstance(parse_partial_date(int("f" * 4000, 16)), str)
