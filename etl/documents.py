"""Source documents (bulletins, joint statements, press releases) as repaired text and passages.

Pure functions from bytes to a :class:`SourceDocument`: the text of a ``.txt``, ``.html`` or
``.pdf`` file, repaired of the damage PDF extraction does (words hyphenated across lines,
sentences broken by line ends and column breaks, URLs split and repeated, footnote markers
glued to words, page numbers and running headers), then split into paragraph passages whose
character offsets point into the stored repaired text.

A document that cannot be read this way raises :class:`DocumentError`, whose message names the
file, what was expected and what was found.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Literal

from etl.errors import EtlError
from textrules.words import LANGUAGES, MEETING_WORDS, MONTHS, STOPWORDS, Language

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
"""A file larger than this is refused. Reporte T-MEC bulletins and joint statements are under
5 MiB as PDF and under 100 KiB as text; a bigger file is most likely not one document."""

MAX_TEXT_CHARS = 2_000_000
"""Extracted text longer than this is refused (about 600 pages of a bulletin)."""

SUFFIXES: dict[str, str] = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html"}
SUFFIXES[".pdf"] = "pdf"

DocKind = Literal["txt", "html", "pdf"]
Precision = Literal["day", "month"]


class DocumentError(EtlError):
    """A document cannot be ingested: the message says which file, what was expected, what was
    found (and the ingest changes nothing)."""

    def __init__(self, file: str, expected: str, found: str) -> None:
        self.file = file
        self.expected = expected
        self.found = found
        super().__init__(f"{file}: cannot ingest (expected {expected}; found {found})")


@dataclass(frozen=True, slots=True)
class Passage:
    """One paragraph of a document: ``text == document.text[start:end]``."""

    passage_no: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class SourceDocument:
    document_id: str
    file: str
    kind: DocKind
    title: str
    language: Language
    published: dt.date | None
    text: str
    passages: tuple[Passage, ...]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in a text: ``text[start:end]`` says ``start_date``
    (to ``end_date`` for a range), to the day or only to the month."""

    start_date: dt.date
    end_date: dt.date | None
    precision: Precision
    start: int
    end: int


# --- reading bytes --------------------------------------------------------------------------


def document_id(raw: bytes) -> str:
    """The stable id of a document: the first 16 hex digits of the SHA-256 of its bytes."""
    return hashlib.sha256(raw).hexdigest()[:16]


def _sniff(raw: bytes) -> str:
    """What the bytes look like, in words for an error message."""
    head = raw[:1024].lstrip()
    if head.startswith(b"%PDF-"):
        return "a PDF file"
    if head[:1] == b"<" and re.search(rb"<(!doctype|html|head|body|p|div)\b", head, re.I):
        return "an HTML file"
    if raw.startswith((b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x7fELF")):
        return "a binary file (archive, image or program)"
    return "text" if _decode(raw) is not None else "binary data"


def _decode(raw: bytes) -> str | None:
    """Text from bytes: UTF-8 (with or without BOM), else Windows-1252 when the bytes hold no
    control characters; ``None`` for binary data."""
    if b"\x00" in raw:
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            return None
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f")
    return None if controls > max(2, len(text) // 1000) else text


class _HtmlText(HTMLParser):
    """Collects the visible text of an HTML page, one block element per line."""

    BLOCKS = frozenset(
        [
            "p",
            "div",
            "br",
            "li",
            "ul",
            "ol",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "tr",
            "table",
            "section",
            "article",
            "header",
            "footer",
            "blockquote",
            "pre",
            "title",
            "dt",
            "dd",
        ]
    )
    HIDDEN = frozenset({"script", "style", "noscript", "template", "head"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.title: list[str] = []
        self.in_title = False
        self.n_tags = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.n_tags += 1
        if tag == "title":
            self.in_title = True
        elif tag in self.HIDDEN:
            self.hidden += 1
        if tag in self.BLOCKS:
            self.parts.append("\n\n" if tag in {"p", "div", "li", "tr"} or tag[0] == "h" else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in self.HIDDEN and self.hidden:
            self.hidden -= 1
        if tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.hidden:
            self.parts.append(re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> str:
    """The visible text of an HTML page (scripts, styles and the head left out), with the
    page ``<title>`` first when it has one."""
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    title = " ".join("".join(parser.title).split())
    body = "".join(parser.parts)
    return f"{title}\n\n{body}" if title and not body.lstrip().startswith(title) else body


def pdf_to_text(raw: bytes, file: str) -> str:
    """The text layer of a PDF, pages separated by form feeds."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            raise DocumentError(file, "an unencrypted PDF", "an encrypted PDF")
        pages = [page.extract_text() or "" for page in reader.pages]
    except DocumentError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DocumentError(file, "a readable PDF", f"a damaged PDF ({exc})") from exc
    if not pages:
        raise DocumentError(file, "a PDF with at least one page", "a PDF with no pages")
    text = "\f".join(pages)
    if len(re.findall(r"\w", text)) < 20:
        raise DocumentError(
            file,
            "a PDF with a text layer",
            f"{len(pages)} page(s) with no extractable text (a scanned PDF needs OCR first)",
        )
    return text


def extract_text(raw: bytes, file: str, kind: DocKind) -> str:
    """The raw text of a document's bytes, checked against what its extension promises."""
    if not raw.strip():
        raise DocumentError(file, f"a non-empty {kind} document", "an empty file")
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise DocumentError(
            file,
            f"a document of at most {MAX_DOCUMENT_BYTES // (1024 * 1024)} MiB",
            f"{len(raw) / (1024 * 1024):.1f} MiB",
        )
    found = _sniff(raw)
    if kind == "pdf":
        if found != "a PDF file":
            raise DocumentError(file, "a PDF file (starting with %PDF-)", found)
        text = pdf_to_text(raw, file)
    else:
        if found not in {"text", "an HTML file"}:
            raise DocumentError(file, f"a {kind} file (UTF-8 text)", found)
        decoded = _decode(raw)
        assert decoded is not None
        if kind == "html":
            parser_check = _HtmlText()
            parser_check.feed(decoded)
            if parser_check.n_tags == 0:
                raise DocumentError(file, "an HTML file (with tags)", "plain text without tags")
            text = html_to_text(decoded)
        else:
            text = decoded
    if len(text) > MAX_TEXT_CHARS:
        raise DocumentError(
            file, f"at most {MAX_TEXT_CHARS:,} characters of text", f"{len(text):,} characters"
        )
    if not re.search(r"[^\W\d_]{2,}", text):
        raise DocumentError(file, "a document with words in it", "no words")
    return text


# --- text repair ----------------------------------------------------------------------------

LIGATURES = str.maketrans(
    {
        "ﬁ": "fi",
        "ﬂ": "fl",
        "ﬀ": "ff",
        "ﬃ": "ffi",
        "ﬄ": "ffl",
        "\u00ad": None,
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u200b": None,
        "\ufeff": None,
        "\u2010": "-",
        "\u2011": "-",
    }
)
SUPERSCRIPT_MARKERS = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
URL = re.compile(r"(?:https?://|www\.)[^\s<>\"“”]+", re.I)
URL_PART_END = ("/", "-", "_", "=", "&", "?", ".", "%")
PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–—]\s*)?(?:(?:p[áa]gina|page|p\.)\s*)?\d{1,4}(?:\s*(?:/|de|of|sur)\s*\d{1,4})?"
    r"(?:\s*[-–—])?\s*$",
    re.I,
)
ROMAN_HEADING = re.compile(r"^\s*(?:[IVX]{1,5}|[A-H])\.\s+\S")
LIST_ITEM = re.compile(r"^\s*(?:\d{1,2}[\).]|[a-h]\)|[•▪◦·●■*–-])\s+")
FOOTNOTE_START = re.compile(r"^\s*(\d{1,2})\s+(?=[A-ZÁÉÍÓÚÑÀÂÈÊÎÔÛÇ¿(])")
LOWER_START = re.compile(r"^[a-záéíóúñüàâçèêëîïôûùœ(|,;]")
SENTENCE_END = re.compile(r"[.!?:…»”\")]$")
# A footnote marker: one or two digits glued to the end of a word that has a lower-case letter
# (so "PyME3" and "Ambiente2" lose theirs, "G20" and "COVID19" keep theirs), or to a closing
# bracket or quote, before a space, punctuation or the line end.
GLUED_MARKER = re.compile(
    r"(?<![\w-])(?P<word>(?:[^\W\d_]+-)*[^\W\d_]{2,})(?P<n>\d{1,2})(?=[\s,.;:)”»\"]|$)"
    r"|(?<=[)”»\"])(?P<m>\d{1,2})(?=[\s,.;:]|$)"
)


def _drop_marker(match: re.Match[str]) -> str:
    word = match.group("word")
    if word is None:
        return ""
    return word if any(ch.islower() for ch in word) else match.group(0)


def _protect_urls(line: str) -> tuple[str, list[str]]:
    urls: list[str] = []

    def keep(match: re.Match[str]) -> str:
        urls.append(match.group(0))
        return f"\x00{len(urls) - 1}\x00"

    return URL.sub(keep, line), urls


def _restore_urls(line: str, urls: list[str]) -> str:
    return re.sub(r"\x00(\d+)\x00", lambda m: urls[int(m.group(1))], line)


def remove_footnote_markers(line: str) -> str:
    """``"(Diálogo PyME)1, el cual"`` → ``"(Diálogo PyME), el cual"``; URLs are left alone."""
    protected, urls = _protect_urls(SUPERSCRIPT_MARKERS.sub("", line))
    cleaned = GLUED_MARKER.sub(_drop_marker, protected)
    return _restore_urls(cleaned, urls)


def _furniture(pages: list[list[str]]) -> set[str]:
    """Running headers and footers: short lines repeated at the top or bottom of several pages
    (or, without page breaks, short lines repeated three times or more)."""
    if len(pages) >= 2:
        edges: Counter[str] = Counter()
        for lines in pages:
            content = [ln.strip() for ln in lines if ln.strip()]
            edges.update({*content[:2], *content[-2:]})
        return {line for line, n in edges.items() if n >= 2 and len(line) <= 100}
    counts = Counter(ln.strip() for ln in pages[0] if ln.strip())
    return {line for line, n in counts.items() if n >= 3 and len(line) <= 60}


def _clean_lines(raw_text: str) -> list[str]:
    """Lines with page furniture dropped, markers removed, URLs split across lines re-joined."""
    text = unicodedata.normalize("NFC", raw_text.translate(LIGATURES))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    pages = [page.split("\n") for page in text.split("\f")]
    furniture = _furniture(pages)
    lines: list[str] = []
    for page in pages:
        for line in page:
            stripped = line.strip()
            if stripped in furniture or PAGE_NUMBER.match(line):
                lines.append("")
                continue
            lines.append(re.sub(r"[ \t]+", " ", remove_footnote_markers(stripped)))
        lines.append("")
    joined: list[str] = []
    seen_urls: set[str] = set()
    for line in lines:
        if URL.fullmatch(line.strip("() ")) and line.strip("() ").rstrip(".,;") in seen_urls:
            line = ""
        previous = joined[-1] if joined else ""
        last_url = URL.search(previous.split(" ")[-1]) if previous else None
        if (
            last_url
            and previous.endswith(URL_PART_END)
            and line
            and " " not in line.split(")")[0]
            and LOWER_START.match(line) is not None
        ):
            joined[-1] = previous + line
        else:
            joined.append(line)
        seen_urls.update(u.rstrip(").,;") for u in URL.findall(joined[-1]))
    return joined


def _is_heading(line: str) -> bool:
    return bool(ROMAN_HEADING.match(line)) and len(line) <= 120


def _starts_block(line: str) -> bool:
    return _is_heading(line) or bool(LIST_ITEM.match(line)) or bool(FOOTNOTE_START.match(line))


def _join(paragraph: str, line: str) -> str:
    if not paragraph:
        return line
    if re.search(r"[^\W\d_]-$", paragraph) and not paragraph.endswith(" -"):
        if LOWER_START.match(line) and not line.startswith(("(", "|", ",", ";")):
            return paragraph[:-1] + line
        return paragraph + line
    return f"{paragraph} {line}"


def _paragraphs(lines: list[str]) -> list[str]:
    """Re-flow lines into paragraphs: a blank line, a heading, a list item or a footnote ends a
    paragraph, except a blank line inside a sentence (a column break), which is skipped."""
    widths = sorted(len(line) for line in lines if len(line) >= 20)
    short = 0.6 * widths[len(widths) // 2] if widths else 0.0
    paragraphs: list[str] = []
    current = ""
    pending_break = False
    last_line = ""
    for line in lines:
        if not line:
            pending_break = bool(current)
            continue
        if (
            current
            and not pending_break
            and len(last_line) < short
            and not SENTENCE_END.search(last_line)
            and not LOWER_START.match(line)
            and not last_line.endswith((",", ";", "-"))
            and not _starts_block(line)
        ):
            pending_break = True
        last_line = line
        if current and pending_break:
            inside_sentence = not SENTENCE_END.search(current) and LOWER_START.match(line)
            if not inside_sentence or _starts_block(line):
                paragraphs.append(current)
                current = ""
        elif (
            current
            and (_starts_block(line) or _is_heading(current))
            and not (_is_heading(current) and LOWER_START.match(line))
        ):
            paragraphs.append(current)
            current = ""
        pending_break = False
        if not current:
            line = FOOTNOTE_START.sub("", line)
        current = _join(current, line)
    if current:
        paragraphs.append(current)
    return paragraphs


def _collapse_urls(paragraphs: list[str]) -> list[str]:
    """Drop a paragraph that is only a URL already given, and a URL repeated in a row."""
    seen: set[str] = set()
    out: list[str] = []
    for paragraph in paragraphs:
        urls = [u.rstrip(").,;") for u in URL.findall(paragraph)]
        bare = paragraph.strip("() ")
        if urls and bare.rstrip(".,;") == urls[0] and urls[0] in seen:
            continue
        for url in set(urls):
            paragraph = re.sub(f"({re.escape(url)})(?:\\s+{re.escape(url)})+", r"\1", paragraph)
        seen.update(urls)
        out.append(re.sub(r"\(\s+", "(", paragraph))
    return out


def repair_paragraphs(raw_text: str) -> list[str]:
    """The paragraphs of extracted text, repaired (see the module docstring)."""
    return _collapse_urls(_paragraphs(_clean_lines(raw_text)))


def repair_text(raw_text: str) -> str:
    """Extracted text repaired of PDF damage, one paragraph per block, blocks separated by a
    blank line."""
    return "\n\n".join(repair_paragraphs(raw_text))


def split_passages(text: str) -> tuple[Passage, ...]:
    """The paragraphs of repaired text with their offsets into it, numbered from 1."""
    passages: list[Passage] = []
    for match in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text):
        block = match.group(0)
        lead = len(block) - len(block.lstrip())
        body = block.strip()
        if body:
            start = match.start() + lead
            passages.append(Passage(len(passages) + 1, start, start + len(body), body))
    return tuple(passages)


# --- metadata -------------------------------------------------------------------------------


def detect_language(text: str) -> Language:
    """``es``, ``en`` or ``fr``: the language whose common words the text uses most (ties go
    to the earlier of es, en, fr, so the answer is deterministic)."""
    words = Counter(w.lower() for w in re.findall(r"[^\W\d_]+", text[:20_000]))
    scores = {
        lang: sum(words[w] for w in STOPWORDS[lang] | MEETING_WORDS[lang]) for lang in LANGUAGES
    }
    return max(LANGUAGES, key=lambda lang: (scores[lang], -LANGUAGES.index(lang)))


def document_title(text: str) -> str:
    """The first meaningful paragraph or line: not a page number, a URL, a bracketed editorial
    note or a lone date; cut at 200 characters."""
    for block in split_passages(text):
        for line in (block.text, *block.text.splitlines()):
            candidate = " ".join(line.split())
            if (
                len(re.findall(r"[^\W\d_]", candidate)) >= 3
                and not URL.fullmatch(candidate)
                and not (candidate.startswith("[") and candidate.endswith("]"))
                and len(candidate) <= 200
            ):
                return candidate
            if len(candidate) > 200 and not candidate.startswith("["):
                return candidate[:197].rsplit(" ", 1)[0] + "..."
    return ""


_MONTH = r"(?P<{}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<{}>\d{{1,2}}|1er|1o\.?|1º|1°)"
DATE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.I)
    for p in (
        # "del 20 al 22 de septiembre de 2023", "20 y 21 de septiembre de 2023",
        # "du 20 au 22 septembre 2023", "20 et 21 septembre 2023", "20-21 September 2023"
        r"(?:del?\s+|du\s+)?" + _DAY.format("d1") + r"\s*(?:al|y|au|et|-|–|to|and)\s*"
        r"(?:el\s+|le\s+)?"
        + _DAY.format("d2")
        + r"\s+(?:de\s+)?"
        + _MONTH.format("m2")
        + r"(?:\s+de|\s+del|,)?\s+(?P<y>\d{4})",
        # "21 de septiembre de 2023", "21 septembre 2023", "21 September 2023"
        r"(?:le\s+)?"
        + _DAY.format("d1")
        + r"\s+(?:de\s+)?"
        + _MONTH.format("m1")
        + r"(?:\s+de|\s+del|,)?\s+(?P<y>\d{4})",
        # "September 20-21, 2023", "September 20 and 21, 2023"
        _MONTH.format("m1") + r"\s+" + _DAY.format("d1") + r"(?:st|nd|rd|th)?\s*"
        r"(?:-|–|to|and|through)\s*" + _DAY.format("d2") + r"(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})",
        # "September 21, 2023"
        _MONTH.format("m1") + r"\s+" + _DAY.format("d1") + r"(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})",
        # "septiembre de 2023", "September 2023", "septembre 2023"
        r"(?<![\w-])" + _MONTH.format("m1") + r"(?:\s+de|\s+del|,)?\s+(?P<y>\d{4})",
    )
)


def _day(value: str) -> int:
    return 1 if value.lower().startswith("1") and not value[1:2].isdigit() else int(value)


def find_dates(text: str) -> list[DateMention]:
    """Every Spanish, English or French date expression in ``text``, in order, each once
    (the longest reading of overlapping expressions wins)."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            groups = {k: v for k, v in match.groupdict().items() if v is not None}
            month = MONTHS[(groups.get("m1") or groups["m2"]).lower().rstrip(".")]
            year = int(groups["y"])
            try:
                if "d1" not in groups:
                    mention = DateMention(
                        dt.date(year, month, 1), None, "month", match.start(), match.end()
                    )
                else:
                    first = dt.date(year, month, _day(groups["d1"]))
                    last = dt.date(year, month, _day(groups["d2"])) if "d2" in groups else None
                    if last is not None and last < first:
                        continue
                    mention = DateMention(first, last, "day", match.start(), match.end())
            except ValueError:
                taken.append((match.start(), match.end()))
                continue
            found.append(mention)
            taken.append((match.start(), match.end()))
    return sorted(found, key=lambda m: m.start)


PUBLISHED_CUE = re.compile(
    r"(publicad[oa]|fecha de publicaci[oó]n|published|release date|date of release|"
    r"publi[ée]e?|date de publication|comunicado|communiqué|news release|press release)"
    r"[^\n]{0,40}$",
    re.I,
)


def publication_date(text: str) -> dt.date | None:
    """The publication date the text states: a full date after a cue such as "Publicado el",
    "Published", "Publié le", or a dateline in the first 300 characters ("Ottawa, le
    21 septembre 2023", "WASHINGTON, September 21, 2023"). ``None`` when there is none."""
    for mention in find_dates(text):
        if mention.precision != "day":
            continue
        before = text[max(0, mention.start - 60) : mention.start]
        if PUBLISHED_CUE.search(before):
            return mention.start_date
        line_start = text.rfind("\n", 0, mention.start) + 1
        if mention.start < 300 and re.fullmatch(
            r"\s*[A-ZÁÉÍÓÚÇ][\w .,’'-]{1,40},\s*(?:(?:a|le|el)\s+)?",
            text[line_start : mention.start],
        ):
            return mention.start_date
    return None


# --- documents --------------------------------------------------------------------------------


def kind_of(path: Path) -> DocKind:
    """The document kind its extension promises; :class:`DocumentError` for another one."""
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise DocumentError(
            path.as_posix(),
            f"a file ending in {', '.join(sorted(SUFFIXES))}",
            f"{path.suffix or 'no extension'!r}",
        )
    return kind  # type: ignore[return-value]


def parse_document(raw: bytes, file: str, kind: DocKind) -> SourceDocument:
    """A document from its bytes: id, title, language, publication date, repaired text,
    passages."""
    text = repair_text(extract_text(raw, file, kind))
    if not text:
        raise DocumentError(file, "a document with text", "nothing left after repair")
    return SourceDocument(
        document_id=document_id(raw),
        file=file,
        kind=kind,
        title=document_title(text),
        language=detect_language(text),
        published=publication_date(text),
        text=text,
        passages=split_passages(text),
    )


def read_document(path: Path, *, display: str | None = None) -> SourceDocument:
    """Read and parse one document file; ``display`` is the name errors and rows use."""
    file = display if display is not None else path.as_posix()
    kind = kind_of(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DocumentError(file, "a readable file", str(exc)) from exc
    if size > MAX_DOCUMENT_BYTES:
        raise DocumentError(
            file,
            f"a document of at most {MAX_DOCUMENT_BYTES // (1024 * 1024)} MiB",
            f"{size / (1024 * 1024):.1f} MiB",
        )
    return parse_document(path.read_bytes(), file, kind)


def document_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The document files named or contained (recursively) in ``paths``, in sorted order;
    files in folders without a document extension (and hidden ones) are skipped, files named
    directly are kept so that reading them reports the wrong extension."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith(".")
            )
        else:
            yield path


def read_documents(
    paths: Iterable[Path], *, root: Path | None = None
) -> tuple[list[SourceDocument], list[DocumentError]]:
    """Every readable document under ``paths`` and an error for each bad one. Identical bytes
    under two names are kept once (the first name)."""
    documents: list[SourceDocument] = []
    errors: list[DocumentError] = []
    seen: set[str] = set()
    for path in document_files(paths):
        display = path.relative_to(root).as_posix() if root is not None else path.as_posix()
        try:
            document = read_document(path, display=display)
        except DocumentError as exc:
            errors.append(exc)
            continue
        if document.document_id not in seen:
            seen.add(document.document_id)
            documents.append(document)
    return documents, errors
