"""Validate event records against the record contract and the taxonomy, in one pass.

Every problem is collected (never only the first) and located as
``data/events/<file>.yaml:<line>: <field>: <what is wrong> (expected ..., found ...)``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import multiprocessing
import os
import re
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Any, Protocol, TypeVar

from etl.errors import DataDirError, Problem
from etl.records import DatePrecision, Event, Outcome, Panel, Participant, Source
from etl.taxonomy import Taxonomy, parse_taxonomy
from etl.yamlio import Document, YamlSyntaxError, parse

MAX_RECORD_BYTES = 256 * 1024
"""A record file larger than this is refused: real records are under 10 KiB."""
MAX_TITLE_CHARS = 500
"""Titles, names, roles, organizations, cities and publishers longer than this are refused."""
MAX_TEXT_CHARS = 20_000
"""Any other text (notes, outcomes, URLs, ...) longer than this is refused."""
SHORT_FIELDS = frozenset(
    {"title_en", "title_es", "city", "name", "organization", "role", "title", "publisher"}
)
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""C0/C1 control characters other than tab and line feed: never meant in record text (pasted
from PDFs, they break CSVs and terminals). Format characters such as right-to-left marks are
allowed and kept."""

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LANGUAGE = re.compile(r"^[a-z]{2}$")
FULL_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
MONTH_DATE = re.compile(r"^(\d{4})-(\d{2})$")
YEAR_DATE = re.compile(r"^(\d{4})$")

REQUIRED = (
    "id",
    "body",
    "kind",
    "title_en",
    "start_date",
    "status",
    "format",
    "sources",
    "confidence",
)
OPTIONAL = (
    "edition",
    "title_es",
    "end_date",
    "city",
    "host_party",
    "chair_party",
    "treaty_refs",
    "topics",
    "participants",
    "panels",
    "outcomes",
    "related",
    "notes",
)
KNOWN_FIELDS = REQUIRED + OPTIONAL

T = TypeVar("T")


def _show(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        return f"an integer of {value.bit_length()} bits"
    try:
        text = repr(value)
    except (RecursionError, ValueError):
        return f"a deeply nested {_type_name(value)}"
    return text if len(text) <= 60 else text[:57] + "..."


def _type_name(value: Any) -> str:
    names = {
        str: "text",
        int: "integer",
        float: "number",
        bool: "boolean",
        list: "list",
        dict: "mapping",
        type(None): "null",
    }
    return names.get(type(value), type(value).__name__)


def closest(value: str, choices: Iterable[str]) -> str | None:
    """The valid code nearest to a misspelt one, for the error's hint."""
    matches = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.5)
    return matches[0] if matches else None


def parse_partial_date(value: Any) -> tuple[dt.date, DatePrecision] | str:
    """A start date as the first day of its period, or the reason it is not one."""
    if isinstance(value, bool):
        return "a date is not a boolean"
    if isinstance(value, int):
        if not 1 <= value <= 9999:
            return "not a year"
        value = str(value)
    if not isinstance(value, str):
        return f"a date cannot be a {_type_name(value)}"
    text = value.strip()
    for pattern, precision in ((FULL_DATE, "day"), (MONTH_DATE, "month"), (YEAR_DATE, "year")):
        match = pattern.match(text)
        if match:
            parts = [int(p) for p in match.groups()] + [1] * (3 - len(match.groups()))
            try:
                return dt.date(parts[0], parts[1], parts[2]), precision  # type: ignore[return-value]
            except ValueError as exc:
                return f"no such date: {exc}"
    return "not a date"


def decode(raw: bytes) -> str | tuple[int, str]:
    """UTF-8 text (a BOM is accepted), or the line and reason it cannot be read as text."""
    if b"\x00" in raw:
        return raw[: raw.index(b"\x00")].count(b"\n") + 1, "binary file (contains NUL bytes)"
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        guess = "cp1252/latin-1" if _latin1_like(raw) else "unknown"
        return line, (
            f"not UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}; "
            f"encoding guessed: {guess}; save the file as UTF-8)"
        )


def _latin1_like(raw: bytes) -> bool:
    text = raw.decode("latin-1")
    return sum(ch in "áéíóúñüÁÉÍÓÚÑÜçàèâêôœ" for ch in text) > 0


@dataclass(frozen=True, slots=True)
class ParsedFile:
    """One record file read and parsed, or the problem that stopped it."""

    file: str
    stem: str
    document: Document | None
    problem: Problem | None


def read_record_file(path: Path, display: str) -> ParsedFile:
    """Read one file safely: size, encoding and YAML syntax are checked here."""
    size = path.stat().st_size
    if size > MAX_RECORD_BYTES:
        return ParsedFile(display, path.stem, None, _too_large(display, size))
    return parse_record_bytes(path.read_bytes(), display, path.stem)


def _too_large(display: str, size: int) -> Problem:
    return Problem(
        display,
        1,
        "file",
        f"file too large (expected at most {MAX_RECORD_BYTES} bytes, found {size})",
    )


def parse_record_bytes(raw: bytes, display: str, stem: str) -> ParsedFile:
    """Decode and parse one file's bytes; a problem instead of a document if either fails."""
    if len(raw) > MAX_RECORD_BYTES:
        return ParsedFile(display, stem, None, _too_large(display, len(raw)))
    text = decode(raw)
    if isinstance(text, tuple):
        return ParsedFile(display, stem, None, Problem(display, text[0], "file", text[1]))
    try:
        document = parse(text)
    except YamlSyntaxError as exc:
        return ParsedFile(display, stem, None, Problem(display, exc.line, "file", exc.message))
    return ParsedFile(display, stem, document, None)


class _RecordChecker:
    """Checks one record, collecting every problem; builds the typed :class:`Event`."""

    def __init__(self, parsed: ParsedFile, taxonomy: Taxonomy) -> None:
        assert parsed.document is not None
        self.doc = parsed.document
        self.file = parsed.file
        self.stem = parsed.stem
        self.tax = taxonomy
        self.problems: list[Problem] = []

    def fail(self, path: tuple[str | int, ...], message: str, *, warning: bool = False) -> None:
        field = ""
        for part in path:
            field += f"[{part}]" if isinstance(part, int) else (f".{part}" if field else part)
        self.problems.append(
            Problem(
                self.file, self.doc.line_of(path), field or "record", message, is_warning=warning
            )
        )

    def expect(self, path: tuple[str | int, ...], expected: str, value: Any) -> None:
        self.fail(
            path, f"wrong type (expected {expected}, found {_type_name(value)} {_show(value)})"
        )

    # --- scalar helpers; each returns a usable value (or None) and records what is wrong ---

    def text(self, obj: dict[Any, Any], path: tuple[str | int, ...], *, required: bool) -> Any:
        key = path[-1]
        if key not in obj or obj[key] is None:
            if required:
                what = "missing required field" if key not in obj else "required field is null"
                self.fail(path, f"{what} (expected text, found nothing)")
            return None
        value = obj[key]
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.expect(path, "text", value)
            return None
        if not isinstance(value, str):
            self.expect(path, "text (quote it)", value)
            return None
        if required and not value.strip():
            self.fail(path, "empty text (expected text, found '')")
            return None
        limit = MAX_TITLE_CHARS if path[-1] in SHORT_FIELDS else MAX_TEXT_CHARS
        if len(value) > limit:
            self.fail(
                path, f"text too long (expected at most {limit} characters, found {len(value)})"
            )
            return None
        control = CONTROL.search(value)
        if control:
            self.fail(
                path,
                f"control character U+{ord(control.group()):04X} at position "
                f"{control.start() + 1} (expected printable text, found "
                f"{_show(value)})",
            )
            return None
        return value

    def code(
        self, obj: dict[Any, Any], path: tuple[str | int, ...], list_name: str, *, required: bool
    ) -> Any:
        value = self.text(obj, path, required=required)
        if value is None:
            return None
        if not self.tax.is_code(list_name, value):
            hint = closest(value, self.tax.codes(list_name))
            expected = f"a code from taxonomy {list_name}" + (f", e.g. {hint!r}" if hint else "")
            self.fail(path, f"unknown code (expected {expected}; found {value!r})")
            return None
        return value

    def code_list(
        self, obj: dict[Any, Any], path: tuple[str | int, ...], list_name: str
    ) -> tuple[str, ...]:
        def item(value: Any, p: tuple[str | int, ...]) -> str | None:
            code: str | None = self.code({p[-1]: value}, p, list_name, required=True)
            return code

        codes = self.items(obj, path, item)
        seen: set[str] = set()
        for i, c in enumerate(codes):
            if c in seen:
                self.fail(
                    (*path, i), f"duplicate code (expected each code once, found {c!r} again)"
                )
            seen.add(c)
        return tuple(dict.fromkeys(codes))

    def items(
        self,
        obj: dict[Any, Any],
        path: tuple[str | int, ...],
        each: Callable[[Any, tuple[str | int, ...]], T | None],
    ) -> list[T]:
        value = obj.get(path[-1])
        if value is None:
            return []
        if not isinstance(value, list):
            self.expect(path, "a list", value)
            return []
        out = []
        for i, element in enumerate(value):
            result = each(element, (*path, i))
            if result is not None:
                out.append(result)
        return out

    def mapping_item(
        self, value: Any, path: tuple[str | int, ...], fields: tuple[str, ...]
    ) -> dict[Any, Any] | None:
        if not isinstance(value, dict):
            self.expect(path, "a mapping with " + ", ".join(fields), value)
            return None
        for key in value:
            if key not in fields:
                hint = closest(str(key), fields)
                self.fail(
                    (*path, key),
                    f"unknown field (expected one of {', '.join(fields)}"
                    + (f", e.g. {hint!r}" if hint else "")
                    + f"; found {key!r})",
                )
        return value

    # --- the record ---

    def check(self) -> Event | None:
        data = self.doc.data
        if data is None:
            self.fail((), "empty file (expected a record: a mapping of fields, found nothing)")
            return None
        if not isinstance(data, dict):
            self.expect((), "a record: a mapping of fields", data)
            return None
        for key in data:
            if key not in KNOWN_FIELDS:
                hint = closest(str(key), KNOWN_FIELDS)
                self.fail(
                    (str(key),),
                    "unknown field (expected a field of the record contract"
                    + (f", e.g. {hint!r}" if hint else "")
                    + f"; found {key!r})",
                )

        event_id = self.text(data, ("id",), required=True)
        if event_id is not None:
            if not SLUG.match(event_id):
                self.fail(
                    ("id",),
                    "not a slug (expected lower-case letters, digits and "
                    f"hyphens, found {event_id!r})",
                )
            elif event_id != self.stem:
                self.fail(
                    ("id",),
                    f"id differs from the file name (expected {self.stem!r}, found {event_id!r})",
                )
        body = self.code(data, ("body",), "bodies", required=True)
        edition = data.get("edition")
        if edition is not None and (
            isinstance(edition, bool) or not isinstance(edition, int) or edition < 1
        ):
            self.fail(
                ("edition",),
                f"not an edition number (expected a positive integer or "
                f"null, found {_type_name(edition)} {_show(edition)})",
            )
            edition = None
        kind = self.code(data, ("kind",), "kinds", required=True)
        title_en = self.text(data, ("title_en",), required=True)
        title_es = self.text(data, ("title_es",), required=False)

        start: tuple[dt.date, DatePrecision] | None = None
        if data.get("start_date") is None:
            self.fail(
                ("start_date",),
                "missing required field (expected a date YYYY-MM-DD, "
                "YYYY-MM or YYYY, found nothing)",
            )
        else:
            parsed = parse_partial_date(data["start_date"])
            if isinstance(parsed, str):
                self.fail(
                    ("start_date",),
                    f"{parsed} (expected YYYY-MM-DD, YYYY-MM or YYYY, "
                    f"found {_show(data['start_date'])})",
                )
            else:
                start = parsed
        end_date = self.full_date(data, ("end_date",))
        if start is not None and end_date is not None and end_date < start[0]:
            self.fail(
                ("end_date",),
                f"end before start (expected on or after {start[0]}, found {end_date})",
            )

        status = self.code(data, ("status",), "statuses", required=True)
        fmt = self.code(data, ("format",), "formats", required=True)
        city = self.text(data, ("city",), required=False)
        host = self.code(data, ("host_party",), "parties", required=False)
        chair = self.code(data, ("chair_party",), "parties", required=False)
        treaty_refs = self.items(data, ("treaty_refs",), self.plain_text)
        topics = self.code_list(data, ("topics",), "topics")
        participants = self.items(data, ("participants",), self.participant)
        panels = self.items(data, ("panels",), self.panel)
        outcomes = self.items(data, ("outcomes",), self.outcome)
        related = self.items(data, ("related",), self.related_id)
        if event_id is not None and event_id in related:
            self.fail(
                ("related",),
                f"an event cannot be related to itself (expected other "
                f"event ids, found {event_id!r})",
            )
        sources = self.items(data, ("sources",), self.source)
        if (
            "sources" in data
            and not sources
            and not any(p.field.startswith("sources") for p in self.problems)
        ):
            self.fail(
                ("sources",), "no sources (expected at least one source, found an empty list)"
            )
        elif "sources" not in data:
            self.fail(
                ("sources",), "missing required field (expected a list of sources, found nothing)"
            )
        confidence = self.code(data, ("confidence",), "confidence", required=True)
        notes = self.text(data, ("notes",), required=False)

        if any(not p.is_warning for p in self.problems):
            return None
        assert start is not None
        return Event(
            id=event_id,
            body=body,
            edition=edition,
            kind=kind,
            title_en=title_en,
            title_es=title_es,
            start_date=start[0],
            date_precision=start[1],
            end_date=end_date,
            status=status,
            format=fmt,
            city=city,
            host_party=host,
            chair_party=chair,
            treaty_refs=tuple(treaty_refs),
            topics=topics,
            participants=tuple(participants),
            panels=tuple(panels),
            outcomes=tuple(outcomes),
            related=tuple(related),
            sources=tuple(sources),
            confidence=confidence,
            notes=notes,
            file=self.file,
        )

    def full_date(self, obj: dict[Any, Any], path: tuple[str | int, ...]) -> dt.date | None:
        value = obj.get(path[-1])
        if value is None:
            return None
        parsed = parse_partial_date(value)
        if isinstance(parsed, str) or parsed[1] != "day":
            reason = parsed if isinstance(parsed, str) else "incomplete date"
            self.fail(path, f"{reason} (expected YYYY-MM-DD or null, found {_show(value)})")
            return None
        return parsed[0]

    def plain_text(self, value: Any, path: tuple[str | int, ...]) -> str | None:
        text: str | None = self.text({path[-1]: value}, path, required=True)
        return text

    def related_id(self, value: Any, path: tuple[str | int, ...]) -> str | None:
        text = self.plain_text(value, path)
        if text is not None and not SLUG.match(text):
            self.fail(path, f"not an event id (expected a slug, found {text!r})")
            return None
        return text

    def participant(self, value: Any, path: tuple[str | int, ...]) -> Participant | None:
        fields = ("name", "party", "organization", "role", "level", "capacity")
        item = self.mapping_item(value, path, fields)
        if item is None:
            return None
        name = self.text(item, (*path, "name"), required=True)
        party = self.code(item, (*path, "party"), "parties", required=False)
        org = self.text(item, (*path, "organization"), required=False)
        role = self.text(item, (*path, "role"), required=False)
        level = self.code(item, (*path, "level"), "levels", required=True)
        capacity = self.code(item, (*path, "capacity"), "capacities", required=True)
        if name is None or level is None or capacity is None:
            return None
        return Participant(name, party, org, role, level, capacity)

    def panel(self, value: Any, path: tuple[str | int, ...]) -> Panel | None:
        item = self.mapping_item(value, path, ("title", "topics"))
        if item is None:
            return None
        title = self.text(item, (*path, "title"), required=True)
        topics = self.code_list(item, (*path, "topics"), "topics")
        return None if title is None else Panel(title, topics)

    def outcome(self, value: Any, path: tuple[str | int, ...]) -> Outcome | None:
        item = self.mapping_item(value, path, ("text", "topics", "kind"))
        if item is None:
            return None
        text = self.text(item, (*path, "text"), required=True)
        topics = self.code_list(item, (*path, "topics"), "topics")
        kind = self.code(item, (*path, "kind"), "outcome_kinds", required=True)
        return None if text is None or kind is None else Outcome(text, topics, kind)

    def source(self, value: Any, path: tuple[str | int, ...]) -> Source | None:
        fields = ("url", "publisher", "published", "language", "supports")
        item = self.mapping_item(value, path, fields)
        if item is None:
            return None
        url = self.text(item, (*path, "url"), required=True)
        publisher = self.text(item, (*path, "publisher"), required=False)
        published = self.full_date(item, (*path, "published"))
        language = self.text(item, (*path, "language"), required=False)
        if language is not None and not LANGUAGE.match(language):
            self.fail(
                (*path, "language"),
                "not a language code (expected two lower-case "
                f"letters such as 'es', found {language!r})",
            )
        supports = self.text(item, (*path, "supports"), required=False)
        return None if url is None else Source(url, publisher, published, language, supports)


@dataclass(frozen=True)
class FileResult:
    """What checking one record file on its own found; reusable while its bytes, its name,
    the taxonomy and the ETL code stay the same.

    ``event`` is the typed record when the file was checked in this run; a result reused from
    an earlier build keeps only ``event_id`` (its rows are then copied from that build's
    warehouse) and what the cross-file checks need.
    """

    path: Path
    file: str
    digest: str
    event: Event | None
    problems: tuple[Problem, ...]
    written_id: str | None
    id_line: int = 1
    related_lines: tuple[int, ...] = ()
    event_id: str | None = None
    related: tuple[str, ...] = ()

    def without_event(self) -> FileResult:
        """The part worth keeping between builds (the event's rows live in the warehouse)."""
        return replace(self, event=None)


@dataclass(frozen=True, slots=True)
class ValidationResult:
    """Everything one validation pass learnt: the typed events and every problem."""

    taxonomy: Taxonomy | None
    events: tuple[Event, ...]
    """The events checked in this run (all of them unless earlier results were reused)."""
    problems: tuple[Problem, ...]
    n_files: int
    files: tuple[FileResult, ...] = ()

    @property
    def event_ids(self) -> list[str]:
        """Every valid event, checked now or reused."""
        return [r.event_id for r in self.files if r.event_id is not None]

    @property
    def reused_ids(self) -> list[str]:
        """Valid events whose results came from an earlier build."""
        return [r.event_id for r in self.files if r.event_id is not None and r.event is None]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.is_warning]

    @property
    def ok(self) -> bool:
        return not self.errors


def check_layout(data_dir: Path) -> None:
    """Raise :class:`DataDirError` unless ``data_dir`` has ``events/`` and ``taxonomy.yaml``."""
    if not (data_dir / "events").is_dir() or not (data_dir / "taxonomy.yaml").is_file():
        found = sorted(p.name for p in data_dir.iterdir()) if data_dir.is_dir() else "no folder"
        raise DataDirError(
            f"{data_dir}: not a data folder (expected events/ and taxonomy.yaml inside, "
            f"found {found})"
        )


def event_files(data_dir: Path) -> list[Path]:
    return sorted((data_dir / "events").glob("*.yaml"))


def display_path(path: Path, data_dir: Path, display_root: str) -> str:
    return f"{display_root}/{path.relative_to(data_dir).as_posix()}"


def digest_of(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _written_id(document: Document | None) -> str | None:
    data = document.data if document is not None else None
    value = data.get("id") if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


def check_bytes(path: Path, display: str, raw: bytes, taxonomy: Taxonomy) -> FileResult:
    """Check one record file's bytes on its own (the cross-file checks come after)."""
    try:
        return _check_bytes(path, display, raw, taxonomy)
    except RecursionError:
        problem = Problem(
            display,
            1,
            "file",
            "nested too deeply (expected a record of fields "
            "and short lists, found deeply nested values)",
        )
        return FileResult(path, display, digest_of(raw), None, (problem,), None)


def _check_bytes(path: Path, display: str, raw: bytes, taxonomy: Taxonomy) -> FileResult:
    parsed = parse_record_bytes(raw, display, path.stem)
    if parsed.problem is not None:
        return FileResult(path, display, digest_of(raw), None, (parsed.problem,), None)
    document = parsed.document
    assert document is not None
    checker = _RecordChecker(parsed, taxonomy)
    event = checker.check()
    related = event.related if event is not None else ()
    return FileResult(
        path,
        display,
        digest_of(raw),
        event,
        tuple(checker.problems),
        _written_id(document),
        document.line_of(("id",)),
        tuple(document.line_of(("related", i)) for i in range(len(related))),
        event.id if event is not None else None,
        related,
    )


def _check_chunk(chunk: list[tuple[Path, str, bytes]], taxonomy: Taxonomy) -> list[FileResult]:
    return [check_bytes(path, display, raw, taxonomy) for path, display, raw in chunk]


PARALLEL_MIN_FILES = 2000
"""Below this many files to check, a process pool costs more than it saves."""


def check_files(
    items: Sequence[tuple[Path, str, bytes]], taxonomy: Taxonomy, *, workers: int | None = None
) -> list[FileResult]:
    """Check many files, in parallel processes when there are enough of them."""
    n_workers = workers if workers is not None else (os.cpu_count() or 1)
    if n_workers <= 1 or len(items) < PARALLEL_MIN_FILES:
        return _check_chunk(list(items), taxonomy)
    size = -(-len(items) // (n_workers * 4))
    chunks = [list(items[i : i + size]) for i in range(0, len(items), size)]
    # fork: workers need no re-import of __main__ (which may be stdin or a notebook) and only
    # run the pure-Python checks, none of the threaded libraries the parent may have loaded.
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=n_workers, mp_context=context) as pool:
        results = pool.map(_check_chunk, chunks, [taxonomy] * len(chunks))
        return [r for chunk in results for r in chunk]


def cross_check(results: Sequence[FileResult]) -> list[Problem]:
    """Problems that need the whole set: duplicate ids, related ids not in the set.

    Duplicates are sought among the ids as written in every parsed file, not among the valid
    events only: a copied record whose id was left unchanged is invalid (its id differs from
    its file name), never becomes an event, and would otherwise never be reported as a
    duplicate. The file named after the id claims it first, so the copy is the one reported.
    """
    problems: list[Problem] = []
    first_seen: dict[str, str] = {}
    written = sorted(
        (r for r in results if r.written_id is not None),
        key=lambda r: PurePosixPath(r.file).stem != r.written_id,
    )
    for result in written:
        event_id = result.written_id
        assert event_id is not None
        if event_id in first_seen:
            problems.append(
                Problem(
                    result.file,
                    result.id_line,
                    "id",
                    f"duplicate id (expected a unique id, found {event_id!r}, "
                    f"already used by {first_seen[event_id]})",
                )
            )
        else:
            first_seen[event_id] = result.file
    for result in results:
        if result.event_id is None:
            continue
        for i, related in enumerate(result.related):
            if related not in first_seen:
                problems.append(
                    Problem(
                        result.file,
                        result.related_lines[i],
                        f"related[{i}]",
                        f"names an event not in the data set (found {related!r}); kept as a link",
                        is_warning=True,
                    )
                )
    return problems


class ResultStore(Protocol):
    """Where earlier per-file results are kept between runs (see etl.cache)."""

    def get(self, file: str, digest: str) -> FileResult | None: ...


def read_taxonomy(data_dir: Path, root: str) -> tuple[Taxonomy | None, list[Problem]]:
    tax_display = display_path(data_dir / "taxonomy.yaml", data_dir, root)
    tax_file = read_record_file(data_dir / "taxonomy.yaml", tax_display)
    if tax_file.problem is not None:
        return None, [tax_file.problem]
    assert tax_file.document is not None
    return parse_taxonomy(tax_file.document, tax_display)


def validate_dir(
    data_dir: Path,
    *,
    display_root: str | None = None,
    store: ResultStore | None = None,
    workers: int | None = None,
) -> ValidationResult:
    """Validate a folder laid out like ``data/``: all problems, in one pass.

    Files whose bytes ``store`` has already checked (under the same name) are not parsed again.
    """
    check_layout(data_dir)
    root = display_root if display_root is not None else data_dir.as_posix().rstrip("/")
    taxonomy, problems = read_taxonomy(data_dir, root)
    if taxonomy is None:
        return ValidationResult(None, (), tuple(problems), 0)
    results: dict[int, FileResult] = {}
    to_check: list[tuple[int, tuple[Path, str, bytes]]] = []
    for i, path in enumerate(event_files(data_dir)):
        display = display_path(path, data_dir, root)
        size = path.stat().st_size
        if size > MAX_RECORD_BYTES:
            results[i] = FileResult(path, display, "", None, (_too_large(display, size),), None)
            continue
        raw = path.read_bytes()
        cached = store.get(display, digest_of(raw)) if store is not None else None
        if cached is not None:
            results[i] = replace(cached, path=path)
        else:
            to_check.append((i, (path, display, raw)))
    fresh = check_files([item for _, item in to_check], taxonomy, workers=workers)
    results.update(zip((i for i, _ in to_check), fresh, strict=True))
    ordered = [results[i] for i in sorted(results)]
    return assemble(taxonomy, ordered)


def assemble(taxonomy: Taxonomy, results: Sequence[FileResult]) -> ValidationResult:
    """Join per-file results with the cross-file checks into one result."""
    problems = [p for r in results for p in r.problems]
    problems.extend(cross_check(results))
    events = tuple(r.event for r in results if r.event is not None)
    return ValidationResult(taxonomy, events, tuple(problems), len(results), tuple(results))
