"""Exports analysts take into briefings: CSV for Excel, a printable HTML report, a zip pack.

Pure functions (no Streamlit): the pages hand their bytes to download buttons, and the tests read
the bytes back, because AppTest cannot.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Final

import plotly.graph_objects as go
import polars as pl
from openpyxl import Workbook
from openpyxl.styles import Font

from dashboard.errors import DashboardError
from dashboard.i18n import file_words, label_value
from textrules.words import ascii_fold

# Excel and LibreOffice evaluate a cell that starts with one of these as a formula.
FORMULA_PREFIXES: Final = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR: Final = " | "
FILENAME_PART_MAX: Final = 60
# Zip cannot store dates before 1980; a fixed stamp makes the same inputs give the same bytes.
ZIP_TIMESTAMP: Final = (1980, 1, 1, 0, 0, 0)

SOURCE_COLUMNS: Final = ("event_id", "url", "publisher", "published")
EVENT_COLUMNS: Final = ("start_date", "body", "title", "key_outcome", "event_id")
"""What the report's table of events shows, one row per event (its sources come from the
sources frame, by event_id)."""
DEFAULT_LABELS: Final[Mapping[str, str]] = {
    "summary": "Summary",
    "events": "Events",
    "date": "Date",
    "body": "Body",
    "title": "Title",
    "key_outcome": "Key outcome",
    "best_source": "Source",
    "reopen": "Reopen this view",
    "headline": "Headline figures",
    "charts": "Charts",
    "filters": "Filters applied",
    "sources": "Sources cited",
    "data_version": "Data version",
    "as_of": "As of",
    "generated": "Generated",
    "events_note": "",
}


class ExportError(DashboardError):
    """An export cannot be built from the inputs given."""


def neutralise(text: str) -> str:
    """Prefix ``'`` to text a spreadsheet would run as a formula; return other text unchanged."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _neutralised(column: pl.Expr) -> pl.Expr:
    """The expression form of :func:`neutralise`, for whole columns."""
    return (
        pl.when(column.str.slice(0, 1).is_in(FORMULA_PREFIXES))
        .then(pl.concat_str([pl.lit("'"), column]))
        .otherwise(column)
    )


def _text_cells(frame: pl.DataFrame) -> list[pl.Expr]:
    """Neutralise text columns (lists joined first); leave numbers, dates and booleans typed."""
    exprs: list[pl.Expr] = []
    for name, dtype in frame.schema.items():
        column = pl.col(name)
        if isinstance(dtype, pl.List):
            text = column.cast(pl.List(pl.String)).list.join(LIST_SEPARATOR)
        elif dtype == pl.String or isinstance(dtype, pl.Categorical | pl.Enum):
            text = column.cast(pl.String)
        else:
            continue
        exprs.append(_neutralised(text).alias(name))
    return exprs


def csv_bytes(frame: pl.DataFrame, *, headers: Mapping[str, str] | None = None) -> bytes:
    """The frame as CSV that Excel opens correctly and safely.

    UTF-8 with a byte-order mark (so accents survive), formula-looking text neutralised in text
    columns only (so numbers stay numbers), list cells joined with ``" | "``, dates as
    ``YYYY-MM-DD``, nulls as empty cells. ``headers`` maps column names to interface labels;
    columns it does not mention keep their name.
    """
    renames = {column: label for column, label in (headers or {}).items() if column in frame}
    final_names = [renames.get(column, column) for column in frame.columns]
    duplicates = sorted({name for name in final_names if final_names.count(name) > 1})
    if duplicates:
        raise ExportError(
            f"CSV headers must be unique; renaming gives {duplicates} more than once. "
            "Give each column its own label."
        )
    out = frame.with_columns(_text_cells(frame)).rename(renames)
    out = out.rename({name: neutralise(name) for name in out.columns})
    buffer = io.BytesIO()
    out.write_csv(
        buffer,
        include_bom=True,
        date_format="%Y-%m-%d",
        datetime_format="%Y-%m-%d %H:%M:%S",
    )
    return buffer.getvalue()


def safe_filename_part(text: str) -> str:
    """``text`` reduced to lower-case ASCII letters, digits and single hyphens; never empty."""
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_fold(text)).strip("-")
    return slug[:FILENAME_PART_MAX].rstrip("-") or "export"


def export_filename(
    what: str,
    *,
    date_from: date | None,
    date_to: date | None,
    ext: str = "csv",
    lang: str = "en",
) -> str:
    """``tmec-<what>-<from>_<to>.<ext>``, the words of ``what`` in ``lang`` (see
    :func:`dashboard.i18n.file_words`), lower-case ASCII. Callers pass the effective period
    (:func:`dashboard.state.url.effective_period`); with no period at all (one case's file) the
    name has none, and a single bound is written ``from-<date>`` or ``to-<date>``."""
    name = safe_filename_part(file_words(what, lang))
    if date_from is not None and date_to is not None:
        name += f"-{date_from.isoformat()}_{date_to.isoformat()}"
    elif date_from is not None or date_to is not None:
        word, day = ("from", date_from) if date_from is not None else ("to", date_to)
        name += f"-{file_words(word, lang)}-{day}"
    return f"tmec-{name}.{safe_filename_part(ext)}"


def _esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _cell_text(value: object) -> str:
    return value.isoformat() if isinstance(value, date) else ("" if value is None else str(value))


_REPORT_CSS: Final = """
body {
  font-family: Georgia, "Times New Roman", Times, serif;
  line-height: 1.5;
  color: #1a1a1a;
  background: #fff;
  max-width: 60rem;
  margin: 0 auto;
  padding: 1.5rem;
}
h1, h2, h3, th, figcaption, .meta, .generated {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
h1 { font-size: 1.7rem; margin-bottom: 0.5rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #bbb; }
h3 { font-size: 1rem; margin: 1rem 0 0.3rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.6rem;
  border-bottom: 1px solid #ddd; }
td.value { font-variant-numeric: tabular-nums; font-weight: bold; }
figure { margin: 1rem 0 2rem; }
figcaption { font-size: 0.95rem; color: #333; margin-top: 0.3rem; }
.meta { display: grid; grid-template-columns: max-content auto; gap: 0.2rem 1rem; }
.meta dt { font-weight: bold; }
.meta dd { margin: 0; }
.sources li { margin-bottom: 0.3rem; overflow-wrap: anywhere; }
table.events td { font-size: 0.92rem; }
.reopen { font-size: 0.9rem; overflow-wrap: anywhere; }
.note { font-size: 0.85rem; color: #444; margin: 0.2rem 0; }
.event-id { color: #555; font-family: ui-monospace, Menlo, Consolas, monospace; }
a { color: #0b4f8a; }
/* A long table breaks between rows, never inside one: kept whole, the events table of a year
   was pushed to a new page and left most of the one before it blank. */
figure, .meta, .sources li, table.headline, table.filters, table.tally, tr {
  page-break-inside: avoid; break-inside: avoid;
}
h1, h2, h3 { page-break-after: avoid; break-after: avoid; }
@page { margin: 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; line-height: 1.3; }
  h1 { font-size: 1.4rem; }
  h2 { margin-top: 0.9rem; }
  figure { margin: 0.3rem 0 0.6rem; }
  table { margin: 0.3rem 0 0.6rem; }
  th, td { padding: 0.15rem 0.4rem; }
  table.events td { font-size: 8.5pt; }
  /* Sources are looked up, not read: small, in two columns. */
  .sources { column-count: 2; column-gap: 1.2rem; font-size: 7pt; line-height: 1.25;
    padding-left: 1.6rem; margin: 0.3rem 0; }
  .sources li { margin-bottom: 0.1rem; }
  /* On paper the events table cites each source by number; the ids citing it are for the
     screen (and the CSV). */
  .sources .event-id { display: none; }
  /* A cited source takes one line: its publisher and date, then as much of its address as
     fits (cut with an ellipsis; the link keeps all of it). Whole, the 76 addresses of 2025
     took a page and a half; on two lines each, the 55 sources of 2025 with the records of
     6 December pushed the year's report to a fourth page. */
  .sources { list-style-position: inside; padding-left: 0; }
  .sources li { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .sources a { display: inline; }
  /* On paper an event's key outcome is its first three lines (the CSV and the screen have
     all of it): whole, a year's twelve outcomes took most of a page. */
  .outcome { display: -webkit-box; -webkit-line-clamp: 3; line-clamp: 3;
    -webkit-box-orient: vertical; overflow: hidden; }
  /* Tallies of a few rows side by side. */
  .tallies { display: flex; gap: 1.2rem; }
  .tallies > div { flex: 1; }
  a { color: inherit; }
  .modebar, .modebar-container { display: none !important; }
}
"""
PRINT_FIGURE_HEIGHT: Final = 230
"""Pixels of a chart in the report: a briefing page holds two of them with their captions."""
PRINT_FIGURE_WIDTH: Final = 680
"""Pixels across an A4 or Letter page inside its 12 mm margins."""


def _pairs_table(pairs: Sequence[tuple[str, str]], *, css_class: str) -> str:
    if not pairs:
        return "<p>—</p>"
    rows = "".join(
        f'<tr><th scope="row">{_esc(label)}</th><td class="value">{_esc(value)}</td></tr>'
        for label, value in pairs
    )
    return f'<table class="{css_class}"><tbody>{rows}</tbody></table>'


def _figures_html(figures: Sequence[tuple[str, go.Figure]]) -> str:
    parts = []
    for number, (caption, shared) in enumerate(figures, start=1):
        # A copy: the page's figure is shared by every session showing it.
        figure = go.Figure(shared)
        # A fixed size that fits the printed page (a figure laid out at screen width is cut at
        # the right when printed), room for the y axis's ticks and title, and the legend far
        # enough down not to sit on the x axis's title.
        figure.update_layout(
            width=PRINT_FIGURE_WIDTH,
            height=PRINT_FIGURE_HEIGHT,
            margin={"t": 40, "b": 10, "l": 60, "r": 10},
            legend={"y": -0.5},
        )
        # The first figure carries plotly.js inline so the page works offline; the rest reuse it.
        plot = figure.to_html(
            full_html=False,
            include_plotlyjs=number == 1,
            div_id=f"figure-{number}",
            config={"displaylogo": False},
        )
        parts.append(f"<figure>{plot}<figcaption>{_esc(caption)}</figcaption></figure>")
    return "".join(parts)


def citations(sources: pl.DataFrame) -> pl.DataFrame:
    """Each cited URL once (citation_no, url, publisher, published, event_ids), numbered in the
    order the frame first cites it; web addresses first-class, other references kept as text."""
    missing = [column for column in SOURCE_COLUMNS if column not in sources]
    if missing:
        raise ExportError(
            f"sources frame must have columns {list(SOURCE_COLUMNS)}; missing {missing} "
            f"(found {sources.columns}). Select them in the query that feeds the report."
        )
    return (
        sources.with_row_index("order")
        .group_by("url", maintain_order=True)
        .agg(
            pl.col("order").min(),
            pl.col("publisher").drop_nulls().first(),
            pl.col("published").drop_nulls().first(),
            pl.col("event_id").unique(maintain_order=True).alias("event_ids"),
        )
        .sort("order")
        .with_row_index("citation_no", offset=1)
        .select("citation_no", "url", "publisher", "published", "event_ids")
    )


def _is_web(url: str) -> bool:
    return url.lower().startswith(("http://", "https://"))


def _source_item(row: Mapping[str, object], lang: str) -> str:
    url = _cell_text(row["url"])
    if _is_web(url):
        link = f'<a href="{_esc(url)}" rel="noopener noreferrer">{_esc(url)}</a>'
    else:
        link = f'<span class="url">{_esc(url)}</span>'
    details = ", ".join(
        _esc(text) for text in (_cell_text(row["publisher"]), _cell_text(row["published"])) if text
    )
    ids = row["event_ids"]
    cited_by = ", ".join(_esc(i) for i in ids) if isinstance(ids, list) else ""
    event = f'<span class="event-id">[{cited_by}]</span>'
    return (
        f'<li id="source-{row["citation_no"]}">'
        f"{label_value(details, link, lang) if details else link} "
        f"{event}</li>"
    )


def _sources_html(cited: pl.DataFrame, lang: str) -> str:
    if cited.is_empty():
        return "<p>—</p>"
    items = "".join(_source_item(row, lang) for row in cited.iter_rows(named=True))
    return f'<ol class="sources">{items}</ol>'


def _events_html(
    events: pl.DataFrame, cited: pl.DataFrame, sources: pl.DataFrame, heading: Callable[[str], str]
) -> str:
    """The events of the view, each with its best source: its first web address cited (else
    its first reference), as the number of that citation in the list of sources."""
    missing = [column for column in EVENT_COLUMNS if column not in events]
    if missing:
        raise ExportError(
            f"events frame must have columns {list(EVENT_COLUMNS)}; missing {missing} "
            f"(found {events.columns})."
        )
    number = dict(zip(cited["url"].to_list(), cited["citation_no"].to_list(), strict=True))
    best: dict[str, str] = {}
    for event_id, url in sources.select("event_id", "url").iter_rows():
        if event_id not in best or (_is_web(url) and not _is_web(best[event_id])):
            best[event_id] = url
    head = "".join(
        f"<th>{heading(k)}</th>" for k in ("date", "body", "title", "key_outcome", "best_source")
    )
    rows = []
    for row in events.iter_rows(named=True):
        url = best.get(str(row["event_id"]))
        no = number[url] if url is not None else None
        cite = f'<a href="#source-{no}">[{no}]</a>' if no else "—"
        rows.append(
            "<tr>"
            + "".join(
                f"<td>{_esc(_cell_text(row[k]))}</td>" for k in ("start_date", "body", "title")
            )
            + f'<td><div class="outcome">{_esc(_cell_text(row["key_outcome"]))}</div></td>'
            + f"<td>{cite}</td></tr>"
        )
    if not rows:
        return "<p>—</p>"
    body = "".join(rows)
    return f'<table class="events"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


@dataclass(frozen=True, slots=True)
class ReportSection:
    """A section of the report beside the events: a title, paragraphs, (caption, rows of
    label and value) tables and a list of sentences each with the address of its source."""

    title: str
    paragraphs: Sequence[str] = ()
    tables: Sequence[tuple[str, Sequence[tuple[str, str]]]] = ()
    list_title: str = ""
    cited: Sequence[tuple[str, str]] = ()


def _section_html(section: ReportSection, lang: str) -> str:
    parts = [f"<section><h2>{_esc(section.title)}</h2>"]
    parts += [f"<p>{_esc(text)}</p>" for text in section.paragraphs]
    tallies = [
        f"<div><h3>{_esc(caption)}</h3>{_pairs_table(pairs, css_class='tally')}</div>"
        for caption, pairs in section.tables
    ]
    if tallies:
        parts.append(f'<div class="tallies">{"".join(tallies)}</div>')
    if section.cited:
        items = []
        for text, url in section.cited:
            link = (
                f'<a href="{_esc(url)}" rel="noopener noreferrer">{_esc(url)}</a>'
                if _is_web(url)
                else f'<span class="url">{_esc(url)}</span>'
            )
            items.append(f"<li>{label_value(_esc(text), link, lang)}</li>")
        title = f"<h3>{_esc(section.list_title)}</h3>" if section.list_title else ""
        parts.append(f'{title}<ul class="sources">{"".join(items)}</ul>')
    return "".join(parts) + "</section>\n"


def report_html(
    *,
    lang: str,
    title: str,
    labels: Mapping[str, str],
    summary: str,
    headline: Sequence[tuple[str, str]],
    figures: Sequence[tuple[str, go.Figure]],
    filters: Sequence[tuple[str, str]],
    data_version: str,
    as_of: str,
    sources: pl.DataFrame,
    generated_at: datetime,
    events: pl.DataFrame | None = None,
    link: str = "",
    sections: Sequence[ReportSection] = (),
) -> str:
    """One self-contained HTML page (plotly.js inline once, no external URLs) that prints to PDF.

    ``events`` (columns :data:`EVENT_COLUMNS`) become a table citing each event's best source
    by number; every source is listed once however many events cite it. ``link`` is the
    address that reopens the view; ``sections`` follow the events (the cases of the view).
    Every piece of record text and every label is
    HTML-escaped. Headings come from ``labels``; a missing key falls back to English.
    """

    def heading(key: str) -> str:
        return _esc(labels.get(key, DEFAULT_LABELS[key]))

    cited = citations(sources)
    note = heading("events_note")
    events_part = (
        f"<section><h2>{heading('events')}</h2>"
        + (f'<p class="note">{note}</p>' if note else "")
        + f"{_events_html(events, cited, sources, heading)}</section>\n"
        if events is not None
        else ""
    )
    reopen = (
        '<p class="reopen">'
        + label_value(
            f'<a href="{_esc(link)}">{heading("reopen")}</a>',
            f'<span class="url">{_esc(link)}</span>',
            lang,
        )
        + "</p>"
        if _is_web(link)
        else ""
    )

    charts = f"<section><h2>{heading('charts')}</h2>{_figures_html(figures)}</section>"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_esc(title)}</title>\n<style>{_REPORT_CSS}</style>\n</head>\n<body>\n"
        f"<header><h1>{_esc(title)}</h1>\n"
        f'<dl class="meta"><dt>{heading("data_version")}</dt><dd>{_esc(data_version)}</dd>'
        f"<dt>{heading('as_of')}</dt><dd>{_esc(as_of)}</dd>"
        f"<dt>{heading('generated')}</dt>"
        f"<dd>{_esc(generated_at.isoformat(sep=' ', timespec='minutes'))}</dd></dl>"
        f"{reopen}</header>\n"
        f"<main>\n<section><h2>{heading('summary')}</h2><p>{_esc(summary)}</p></section>\n"
        f"<section><h2>{heading('headline')}</h2>"
        f"{_pairs_table(headline, css_class='headline')}</section>\n"
        f"{charts if figures else ''}\n{events_part}"
        f"{''.join(_section_html(section, lang) for section in sections)}"
        f"<section><h2>{heading('filters')}</h2>"
        f"{_pairs_table(filters, css_class='filters')}</section>\n"
        f"<section><h2>{heading('sources')}</h2>{_sources_html(cited, lang)}</section>\n</main>\n"
        "</body>\n</html>\n"
    )


SHEET_NAME_MAX: Final = 31
_SHEET_FORBIDDEN: Final = re.compile(r"[\[\]:*?/\\]")
# A fixed creation date makes the same inputs give the same workbook bytes.
WORKBOOK_TIMESTAMP: Final = datetime(2000, 1, 1)


def _sheet_title(name: str, taken: set[str]) -> str:
    r"""An Excel sheet name: at most 31 characters, none of ``[]:*?/\``, unique."""
    base = _SHEET_FORBIDDEN.sub(" ", name).strip()[:SHEET_NAME_MAX] or "Sheet"
    title, n = base, 2
    while title.lower() in taken:
        suffix = f" ({n})"
        title, n = base[: SHEET_NAME_MAX - len(suffix)] + suffix, n + 1
    taken.add(title.lower())
    return title


def _cell_value(value: object) -> object:
    if isinstance(value, list):
        return LIST_SEPARATOR.join("" if v is None else str(v) for v in value)
    return value


def workbook_bytes(
    sheets: Mapping[str, pl.DataFrame],
    *,
    headers: Mapping[str, str] | None = None,
    about: Sequence[tuple[str, str]] = (),
    about_title: str = "About",
) -> bytes:
    """An .xlsx workbook: one sheet per frame (``sheets`` maps sheet titles to frames), headers
    in the interface language (``headers``: column → label), lists joined with ``" | "``,
    dates as dates, numbers as numbers, and a first sheet ``about_title`` of (label, value)
    rows (filters in words, data version, the link that reopens the view).

    Text that a spreadsheet would run as a formula is stored as text, never as a formula.
    """
    book = Workbook()
    book.properties.created = WORKBOOK_TIMESTAMP
    book.properties.modified = WORKBOOK_TIMESTAMP
    book.properties.creator = "T-MEC Observatory"
    taken: set[str] = set()
    front = book.active
    front.title = _sheet_title(about_title, taken)
    bold = Font(bold=True)

    def put(sheet: Any, row: int, column: int, value: object) -> None:
        cell = sheet.cell(row=row, column=column)
        cell.value = _cell_value(value)
        if isinstance(cell.value, str) and cell.value.startswith(FORMULA_PREFIXES):
            cell.data_type = "s"  # stored as text: no spreadsheet evaluates it

    for row, (label, value) in enumerate(about, start=1):
        put(front, row, 1, label)
        put(front, row, 2, value)
        front.cell(row=row, column=1).font = bold
    front.column_dimensions["A"].width = 28
    front.column_dimensions["B"].width = 90
    for title, frame in sheets.items():
        sheet = book.create_sheet(_sheet_title(title, taken))
        names = [(headers or {}).get(c, c) for c in frame.columns]
        for column, name in enumerate(names, start=1):
            put(sheet, 1, column, name)
            sheet.cell(row=1, column=column).font = bold
        for row, values in enumerate(frame.iter_rows(), start=2):
            for column, value in enumerate(values, start=1):
                put(sheet, row, column, value)
        sheet.freeze_panes = "A2"
        for column, name in enumerate(frame.columns, start=1):
            width = max(
                [len(str(names[column - 1]))]
                + [min(len(str(v)), 60) for v in frame[name].head(200).to_list()]
            )
            sheet.column_dimensions[sheet.cell(row=1, column=column).column_letter].width = (
                width + 2
            )
    buffer = io.BytesIO()
    book.save(buffer)
    return _stable_zip(buffer.getvalue())


def _stable_zip(data: bytes) -> bytes:
    """The same zip with every entry stamped :data:`ZIP_TIMESTAMP` (openpyxl stamps now)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            stamped = zipfile.ZipInfo(info.filename, date_time=ZIP_TIMESTAMP)
            stamped.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(stamped, source.read(info.filename))
    return out.getvalue()


def _entry_name(name: str, *, ext: str) -> str:
    """A zip entry name with only ``[a-z0-9_-]`` before ``.ext``: no directories, no ``..``."""
    stem, dot, suffix = name.rpartition(".")
    if not dot or suffix.lower() != ext:
        stem = name
    safe_stem = re.sub(r"[^a-z0-9_-]+", "-", ascii_fold(stem)).strip("-_")
    return f"{safe_stem[:100].rstrip('-_') or 'export'}.{ext}"


def briefing_pack(
    *,
    csvs: Mapping[str, bytes],
    report: str,
    report_name: str = "report.html",
    workbook: tuple[str, bytes] | None = None,
) -> bytes:
    """A deflated zip of the CSVs, the report and (``workbook``: name, bytes) the .xlsx,
    byte-identical for identical inputs."""
    entries: dict[str, bytes] = {}
    named = [(name, _entry_name(name, ext="csv"), data) for name, data in csvs.items()]
    if workbook is not None:
        named.append((workbook[0], _entry_name(workbook[0], ext="xlsx"), workbook[1]))
    named.append((report_name, _entry_name(report_name, ext="html"), report.encode("utf-8")))
    for original, safe, data in named:
        if safe in entries:
            raise ExportError(
                f"two files in the briefing pack would both be named {safe!r} "
                f"(the second is {original!r}). Give them distinct names."
            )
        entries[safe] = data
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as pack:
        for safe in sorted(entries):
            info = zipfile.ZipInfo(safe, date_time=ZIP_TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            pack.writestr(info, entries[safe], compresslevel=9)
    return buffer.getvalue()
