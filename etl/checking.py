"""What every record type's checker shares: reading a record file safely, and the helpers
that check one field and record what is wrong with it.

A problem is located as ``<file>:<line>: <field>: <what is wrong> (expected ..., found ...)``;
every problem of a file is collected, never only the first.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from etl.contracts import SHORT_FIELDS, SOURCE, Contract, Field
from etl.errors import Problem
from etl.records import DatePrecision, PartialDate, Source
from etl.taxonomy import Taxonomy
from etl.yamlio import Document, DuplicateKeys, YamlSyntaxError, parse

MAX_RECORD_BYTES = 256 * 1024
"""A record file larger than this is refused: real records are under 10 KiB."""
MAX_TITLE_CHARS = 500
"""Titles, names, roles, organizations, cities and publishers longer than this are refused."""
MAX_TEXT_CHARS = 20_000
"""Any other text (notes, outcomes, URLs, ...) longer than this is refused."""
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""C0/C1 control characters other than tab and line feed: never meant in record text (pasted
from PDFs, they break CSVs and terminals). Format characters such as right-to-left marks are
allowed and kept."""

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LANGUAGE = re.compile(r"^[a-z]{2}$")
FULL_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
MONTH_DATE = re.compile(r"^(\d{4})-(\d{2})$")
YEAR_DATE = re.compile(r"^(\d{4})$")
WEB_URL = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+[^\s]*$", re.IGNORECASE)
DOCUMENT_REF = re.compile(r"^(?:seed:\s*\S.*|documents/[^\s]+)$", re.IGNORECASE)
"""A source names a web page (``http://`` or ``https://`` and a host), or a document stored in
``data/documents/``: ``documents/<file>``, or ``seed: <description>`` for the bulletin the data
set was seeded from. Anything else (``javascript:``, ``file:``, a bare word) is refused: the app
turns source urls into links."""

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
    more_problems: tuple[Problem, ...] = ()
    """Further problems of the same parse (a file that repeats several keys)."""

    @property
    def problems(self) -> tuple[Problem, ...]:
        return () if self.problem is None else (self.problem, *self.more_problems)


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
    except DuplicateKeys as exc:
        repeated = tuple(Problem(display, d.line, field_name(d.path), d.message) for d in exc.found)
        return ParsedFile(display, stem, None, repeated[0], repeated[1:])
    except YamlSyntaxError as exc:
        return ParsedFile(display, stem, None, Problem(display, exc.line, "file", exc.message))
    return ParsedFile(display, stem, document, None)


@dataclass(frozen=True, slots=True)
class Reference:
    """A record's mention of another record by id, checked once every file has been read."""

    record_type: str
    """The registry name of the type the id must belong to (``events``, ...)."""
    record_id: str
    line: int
    field: str


def field_name(path: tuple[str | int, ...]) -> str:
    """``("participants", 0, "name")`` → ``participants[0].name``."""
    field = ""
    for part in path:
        field += f"[{part}]" if isinstance(part, int) else (f".{part}" if field else part)
    return field or "record"


class RecordChecker:
    """Checks one record file's document, collecting every problem; a record type subclasses
    it with :meth:`check`, which returns the typed record or ``None``."""

    record_type: ClassVar[str] = ""
    contract: ClassVar[Contract]
    """The record contract (``etl.contracts``); any key not among its fields is unknown."""

    @property
    def fields(self) -> tuple[str, ...]:
        return self.contract.names

    def __init__(
        self, parsed: ParsedFile, taxonomy: Taxonomy, *, today: dt.date | None = None
    ) -> None:
        assert parsed.document is not None
        self.doc = parsed.document
        self.file = parsed.file
        self.stem = parsed.stem
        self.tax = taxonomy
        self.problems: list[Problem] = []
        self.references: list[Reference] = []
        self.today = today or dt.date.today()
        """The day of the check: facts dated after it cannot have happened yet."""

    def check(self) -> Any:
        """The typed record, or ``None`` when the record has an error."""
        raise NotImplementedError

    def fail(self, path: tuple[str | int, ...], message: str, *, warning: bool = False) -> None:
        self.problems.append(
            Problem(
                self.file, self.doc.line_of(path), field_name(path), message, is_warning=warning
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
        self, value: Any, path: tuple[str | int, ...], contract: Contract
    ) -> dict[Any, Any] | None:
        fields = contract.names
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

    def value(self, obj: dict[Any, Any], path: tuple[str | int, ...], field: Field) -> Any:
        """One field of ``obj`` checked by the rule its declaration gives (kinds whose checks
        say more than the declaration, such as integers and lists of mappings, are checked by
        the record type itself)."""
        kind = field.kind
        if kind == "text":
            return self.text(obj, path, required=field.required)
        if kind == "code":
            assert field.codes is not None
            return self.code(obj, path, field.codes, required=field.required)
        if kind == "codes":
            assert field.codes is not None
            return self.code_list(obj, path, field.codes)
        if kind == "texts":
            return tuple(self.items(obj, path, self.plain_text))
        if kind == "date":
            return self.full_date(obj, path)
        if kind == "partial_date":
            return self.partial_date(obj, path, required=field.required)
        if kind == "language":
            return self.language(obj, path)
        if kind == "url":
            return self.source_url(obj, path)
        raise NotImplementedError(f"{field.name}: a {kind} field is checked by its record type")

    def plain_text(self, value: Any, path: tuple[str | int, ...]) -> str | None:
        text: str | None = self.text({path[-1]: value}, path, required=True)
        return text

    # --- what every record type checks the same way ---

    def mapping_record(self) -> dict[Any, Any] | None:
        """The document as a mapping of fields (unknown fields reported), or ``None``."""
        data = self.doc.data
        if data is None:
            self.fail((), "empty file (expected a record: a mapping of fields, found nothing)")
            return None
        if not isinstance(data, dict):
            self.expect((), "a record: a mapping of fields", data)
            return None
        for key in data:
            if key not in self.fields:
                hint = closest(str(key), self.fields)
                self.fail(
                    (str(key),),
                    "unknown field (expected a field of the record contract"
                    + (f", e.g. {hint!r}" if hint else "")
                    + f"; found {key!r})",
                )
        return data

    def record_id(self, data: dict[Any, Any]) -> Any:
        """The ``id`` field: a slug equal to the file name."""
        record_id = self.text(data, ("id",), required=True)
        if record_id is None:
            return None
        if not SLUG.match(record_id):
            self.fail(
                ("id",),
                "not a slug (expected lower-case letters, digits and "
                f"hyphens, found {record_id!r})",
            )
        elif record_id != self.stem:
            self.fail(
                ("id",),
                f"id differs from the file name (expected {self.stem!r}, found {record_id!r})",
            )
        return record_id

    def partial_date(
        self, obj: dict[Any, Any], path: tuple[str | int, ...], *, required: bool
    ) -> PartialDate | None:
        """A date that may be partial (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``)."""
        value = obj.get(path[-1])
        if value is None:
            if required:
                self.fail(
                    path,
                    "missing required field (expected a date YYYY-MM-DD, "
                    "YYYY-MM or YYYY, found nothing)",
                )
            return None
        parsed = parse_partial_date(value)
        if isinstance(parsed, str):
            self.fail(
                path, f"{parsed} (expected YYYY-MM-DD, YYYY-MM or YYYY, found {_show(value)})"
            )
            return None
        return parsed

    def reference(
        self, value: Any, path: tuple[str | int, ...], record_type: str, *, noun: str
    ) -> str | None:
        """The id of another record (checked against the data set after every file is read)."""
        text = self.plain_text(value, path)
        if text is None:
            return None
        if not SLUG.match(text):
            self.fail(path, f"not an {noun} id (expected a slug, found {text!r})")
            return None
        self.references.append(
            Reference(record_type, text, self.doc.line_of(path), field_name(path))
        )
        return text

    def source_list(
        self, data: dict[Any, Any], each: Callable[[Any, tuple[str | int, ...]], T | None]
    ) -> list[T]:
        """The required, non-empty ``sources`` list."""
        sources = self.items(data, ("sources",), each)
        if "sources" not in data:
            self.fail(
                ("sources",), "missing required field (expected a list of sources, found nothing)"
            )
        elif not sources and not any(p.field.startswith("sources") for p in self.problems):
            self.fail(
                ("sources",), "no sources (expected at least one source, found an empty list)"
            )
        return sources

    def source(self, value: Any, path: tuple[str | int, ...]) -> Source | None:
        """One source, by the one ``sources`` contract every record type shares
        (:data:`etl.contracts.SOURCE`)."""
        item = self.mapping_item(value, path, SOURCE)
        if item is None:
            return None
        values = {f.name: self.value(item, (*path, f.name), f) for f in SOURCE}
        return None if values["url"] is None else Source(**values)

    def language(self, obj: dict[Any, Any], path: tuple[str | int, ...]) -> str | None:
        language: str | None = self.text(obj, path, required=False)
        if language is not None and not LANGUAGE.match(language):
            self.fail(
                path,
                "not a language code (expected two lower-case "
                f"letters such as 'es', found {language!r})",
            )
            return None
        return language

    def source_url(self, obj: dict[Any, Any], path: tuple[str | int, ...]) -> str | None:
        url: str | None = self.text(obj, path, required=True)
        if url is None:
            return None
        if not (WEB_URL.match(url.strip()) or DOCUMENT_REF.match(url.strip())):
            self.fail(
                path,
                "not a source address (expected an http:// or https:// web address, "
                f"documents/<file> or 'seed: ...', found {_show(url)})",
            )
            return None
        return url

    @property
    def has_errors(self) -> bool:
        return any(not p.is_warning for p in self.problems)
