"""Exports are checked by reading their bytes back, as Excel, a browser or unzip would."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import date, datetime
from html.parser import HTMLParser
from typing import Any

import plotly.graph_objects as go
import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.exports.export import (
    ExportError,
    briefing_pack,
    csv_bytes,
    export_filename,
    neutralise,
    report_html,
    safe_filename_part,
    workbook_bytes,
)
from dashboard.i18n import FILE_NAME, LANGS, in_context

BOM = b"\xef\xbb\xbf"
HEADERS = {"title": "Título", "country": "País", "n_attendees": "Asistentes", "event_date": "Fecha"}


def read_rows(data: bytes) -> list[list[str]]:
    """The CSV as a spreadsheet would split it into cells."""
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


@pytest.fixture
def events() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "event_id": ["e1", "e2", "e3"],
            "title": ["Diálogo PyME", "Comisión de Libre Comercio", None],
            "country": ["Canadá", "México", "Canadá"],
            "ministry": ["Économie", None, "Commerce"],
            "n_attendees": [-5, 12, None],
            "score": [3.5, -0.25, None],
            "event_date": [date(2023, 1, 9), None, date(2024, 12, 31)],
            "topics": [["pyme", "aduanas"], [], None],
        },
        schema_overrides={"n_attendees": pl.Int64, "score": pl.Float64},
    )


# --- neutralise -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=SUM(A1:A2)", "'=SUM(A1:A2)"),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@cmd", "'@cmd"),
        ("\tTAB", "'\tTAB"),
        ("\rCR", "'\rCR"),
        ("Canadá", "Canadá"),
        ("5-3", "5-3"),
        (" =not a formula", " =not a formula"),
        ("'=already quoted", "'=already quoted"),
        ("", ""),
    ],
)
def test_neutralise(text: str, expected: str) -> None:
    assert neutralise(text) == expected


# --- csv_bytes --------------------------------------------------------------------------------


def test_csv_starts_with_bom(events: pl.DataFrame) -> None:
    data = csv_bytes(events)
    assert data.startswith(BOM)
    assert not data[len(BOM) :].startswith(BOM)


def test_csv_headers_translated_and_others_kept(events: pl.DataFrame) -> None:
    header = read_rows(csv_bytes(events, headers={**HEADERS, "not_a_column": "Nada"}))[0]
    assert header == [
        "event_id",
        "Título",
        "País",
        "ministry",
        "Asistentes",
        "score",
        "Fecha",
        "topics",
    ]


def test_csv_headers_must_stay_unique(events: pl.DataFrame) -> None:
    with pytest.raises(ExportError, match=r"unique.*\['País'\]"):
        csv_bytes(events, headers={"country": "País", "ministry": "País"})


def test_csv_keeps_accents(events: pl.DataFrame) -> None:
    text = csv_bytes(events, headers=HEADERS).decode("utf-8-sig")
    for word in ("Diálogo PyME", "Canadá", "México", "Économie", "Título", "País"):
        assert word in text


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_neutralises_formula_cells_in_text_columns(prefix: str) -> None:
    frame = pl.DataFrame({"note": [f'{prefix}HYPERLINK("x")', "plain"], "n": [1, 2]})
    rows = read_rows(csv_bytes(frame))
    assert rows[1] == [f'\'{prefix}HYPERLINK("x")', "1"]
    assert rows[2] == ["plain", "2"]


@pytest.mark.parametrize(
    ("dtype", "values"),
    [
        (pl.Categorical, ["=1+1", "ok"]),
        (pl.Enum(["=1+1", "ok"]), ["=1+1", "ok"]),
    ],
)
def test_csv_neutralises_categorical_text(dtype: pl.DataType, values: list[str]) -> None:
    frame = pl.DataFrame({"label": pl.Series(values, dtype=dtype)})
    assert read_rows(csv_bytes(frame))[1:] == [["'=1+1"], ["ok"]]


def test_csv_numbers_stay_numbers(events: pl.DataFrame) -> None:
    data = csv_bytes(events)
    rows = read_rows(data)
    assert [row[4] for row in rows[1:]] == ["-5", "12", ""]
    assert [row[5] for row in rows[1:]] == ["3.5", "-0.25", ""]
    text = data.decode("utf-8-sig")
    assert ",-5,3.5," in text
    assert "'-5" not in text
    assert "'-0.25" not in text
    assert '"-5"' not in text


def test_csv_dates_iso_and_nulls_empty(events: pl.DataFrame) -> None:
    rows = read_rows(csv_bytes(events))
    assert [row[6] for row in rows[1:]] == ["2023-01-09", "", "2024-12-31"]
    assert rows[3][1] == ""
    assert rows[2][3] == ""


def test_csv_datetimes_readable() -> None:
    frame = pl.DataFrame({"loaded_at": [datetime(2024, 5, 6, 7, 8, 9)]})
    assert read_rows(csv_bytes(frame))[1] == ["2024-05-06 07:08:09"]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([["pyme", "aduanas"]], "pyme | aduanas"),
        ([["=cmd", "x"]], "'=cmd | x"),
        ([[]], ""),
        ([None], ""),
        ([[1, -2]], "1 | -2"),
        ([[-1, 2]], "'-1 | 2"),
    ],
)
def test_csv_joins_list_cells(values: list[list[object] | None], expected: str) -> None:
    frame = pl.DataFrame({"items": values, "n": [1]})
    assert read_rows(csv_bytes(frame))[1] == [expected, "1"]


def test_csv_round_trips_through_polars(events: pl.DataFrame) -> None:
    back = pl.read_csv(io.BytesIO(csv_bytes(events, headers=HEADERS)), try_parse_dates=True)
    expected = events.rename(HEADERS).with_columns(pl.col("topics").list.join(" | "))
    assert back.columns == expected.columns
    assert back["Asistentes"].dtype == pl.Int64
    assert back["score"].dtype == pl.Float64
    assert back["Fecha"].dtype == pl.Date
    assert back.equals(expected)


# --- filenames --------------------------------------------------------------------------------


def test_export_filename_example() -> None:
    name = export_filename("events", date_from=date(2023, 1, 1), date_to=date(2024, 12, 31))
    assert name == "tmec-events-2023-01-01_2024-12-31.csv"


@pytest.mark.parametrize(
    ("date_from", "date_to", "expected"),
    [
        (None, date(2024, 12, 31), "tmec-events-to-2024-12-31.csv"),
        (date(2023, 1, 1), None, "tmec-events-from-2023-01-01.csv"),
        (None, None, "tmec-events.csv"),
    ],
)
def test_export_filename_open_bounds(
    date_from: date | None, date_to: date | None, expected: str
) -> None:
    assert export_filename("events", date_from=date_from, date_to=date_to) == expected


@pytest.mark.parametrize(
    ("what", "part"),
    [
        ("Diálogo PyME", "dialogo-pyme"),
        ("Économie & Commerce", "economie-commerce"),
        ("Canadá / México", "canada-mexico"),
        ("../../etc/passwd", "etc-passwd"),
        ("..\\windows\\system32", "windows-system32"),
        ("  many   spaces  ", "many-spaces"),
        ("Straße", "strasse"),
        ("", "export"),
        ("../", "export"),
        ("日本", "export"),
    ],
)
def test_export_filename_makes_what_safe(what: str, part: str) -> None:
    assert export_filename(what, date_from=None, date_to=None) == f"tmec-{part}.csv"


def test_export_filename_ext_made_safe() -> None:
    name = export_filename("report", date_from=None, date_to=None, ext=".HTML")
    assert name == "tmec-report.html"


@pytest.mark.parametrize(
    ("what", "lang", "expected"),
    [
        ("events", "es", "tmec-eventos-2020-07-02_2026-07-20.csv"),
        ("events", "en", "tmec-events-2020-07-02_2026-07-20.csv"),
        ("events", "fr", "tmec-evenements-2020-07-02_2026-07-20.csv"),
        ("briefing-events", "es", "tmec-nota-eventos-2020-07-02_2026-07-20.csv"),
        ("events-over-time", "fr", "tmec-evenements-dans-le-temps-2020-07-02_2026-07-20.csv"),
        (
            "topic_group-over-time",
            "es",
            "tmec-grupo-de-temas-en-el-tiempo-2020-07-02_2026-07-20.csv",
        ),
        (
            "case-rrm-2021-001-milestones",
            "fr",
            "tmec-affaire-rrm-2021-001-jalons-2020-07-02_2026-07-20.csv",
        ),
    ],
)
def test_export_filename_in_the_interface_language(what: str, lang: str, expected: str) -> None:
    name = export_filename(what, date_from=date(2020, 7, 2), date_to=date(2026, 7, 20), lang=lang)
    assert name == expected


def test_file_words_are_lower_case_ascii_and_hyphens() -> None:
    for lang in LANGS:
        for key, words in in_context(FILE_NAME, lang).items():
            assert re.fullmatch(r"[a-z]+(-[a-z]+)*", words), (key, lang, words)


def test_safe_filename_part_is_at_most_60_chars() -> None:
    part = safe_filename_part("a" * 59 + " b" * 10)
    assert len(part) <= 60
    assert part == "a" * 59
    assert len(safe_filename_part("x" * 200)) == 60


@given(st.text())
def test_safe_filename_part_only_safe_characters(text: str) -> None:
    part = safe_filename_part(text)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", part)
    assert len(part) <= 60


# --- report_html ------------------------------------------------------------------------------

XSS = "<script>alert(1)</script>"


class Page(HTMLParser):
    """Collects start tags with their attributes and checks that elements nest properly."""

    VOID = frozenset({"meta", "link", "br", "img", "hr", "input", "col", "source", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.open: list[str] = []
        self.problems: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.open[-1:]}")
            return
        self.open.pop()

    def handle_data(self, data: str) -> None:
        if self.open and self.open[-1] not in ("script", "style"):
            self.text.append(data)


def parse(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    parser.close()
    return parser


def bar(title: str) -> go.Figure:
    return go.Figure(go.Bar(x=["2023", "2024"], y=[3, 5]), layout={"title": {"text": title}})


SOURCES = pl.DataFrame(
    {
        "event_id": ["fcc-2023-07", "pyme-2024-02", "x-1"],
        "url": ["https://ustr.gov/fcc-2023", "seed: entrada manual", "javascript:alert(1)"],
        "publisher": ["USTR", "Secretaría de Economía", None],
        "published": [date(2023, 7, 7), None, date(2024, 1, 2)],
    }
)


def build_report(*, sources: pl.DataFrame = SOURCES, n_figures: int = 3) -> str:
    return report_html(
        lang="es",
        title=XSS,
        labels={
            "summary": "Resumen",
            "headline": "Cifras clave",
            "charts": "Gráficos",
            "filters": "Filtros aplicados",
            "sources": "Fuentes citadas",
            "data_version": "Versión de datos",
            "as_of": "Datos al",
        },
        summary="Diálogo PyME & Comisión: 14 eventos <en total>.",
        headline=[("Eventos", "1 234"), ("Órganos", "7")],
        figures=[
            (f"Figura {n}: eventos por año", bar(f"Fig {n}")) for n in range(1, n_figures + 1)
        ],
        filters=[("Periodo", "2023-01-01 – 2024-12-31"), ("País", "Canadá")],
        data_version="v2024.12-abc123",
        as_of="2024-12-31",
        sources=sources,
        generated_at=datetime(2025, 1, 15, 9, 30),
    )


@pytest.fixture(scope="module")
def report() -> str:
    return build_report()


@pytest.fixture(scope="module")
def page(report: str) -> Page:
    return parse(report)


def test_report_is_well_formed(page: Page) -> None:
    assert page.problems == []
    assert page.open == []
    assert page.tags[0] == ("html", {"lang": "es"})


def test_report_escapes_record_text(report: str, page: Page) -> None:
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in report
    assert "<script>alert" not in report
    assert "&lt;en total&gt;" in report
    assert XSS in "".join(page.text)
    title = report.split("<title>", 1)[1].split("</title>", 1)[0]
    assert title == "&lt;script&gt;alert(1)&lt;/script&gt;"


def test_report_escapes_labels() -> None:
    page = report_html(
        lang='es" onload="x',
        title="t",
        labels={"summary": "<b>Resumen</b>"},
        summary="s",
        headline=[("<i>Eventos</i>", "<u>3</u>")],
        figures=[],
        filters=[("<em>País</em>", "Canadá")],
        data_version="v",
        as_of="a",
        sources=SOURCES.head(0),
        generated_at=datetime(2025, 1, 15, 9, 30),
    )
    for raw in ("<b>", "<i>", "<u>", "<em>", '" onload="'):
        assert raw not in page
    assert "&lt;b&gt;Resumen&lt;/b&gt;" in page
    assert parse(page).problems == []


def test_report_shows_summary_headline_filters_and_versions(page: Page) -> None:
    text = " ".join(page.text)
    for expected in (
        "Diálogo PyME & Comisión",
        "Cifras clave",
        "Eventos",
        "1 234",
        "Órganos",
        "Filtros aplicados",
        "Periodo",
        "2023-01-01 – 2024-12-31",
        "País",
        "Canadá",
        "Versión de datos",
        "v2024.12-abc123",
        "Datos al",
        "2024-12-31",
        "Figura 1: eventos por año",
        "Figura 3: eventos por año",
    ):
        assert expected in text


def test_report_missing_labels_fall_back_to_english(page: Page) -> None:
    text = " ".join(page.text)
    assert "Generated" in text and "2025-01-15 09:30" in text


def test_report_embeds_plotly_once(report: str, page: Page) -> None:
    assert report.count("* plotly.js v") == 1
    assert report.count("Plotly.newPlot(") == 3
    figure_divs = [attrs for tag, attrs in page.tags if attrs.get("class") == "plotly-graph-div"]
    assert len(figure_divs) == 3


def test_report_loads_nothing_from_the_network(page: Page) -> None:
    for tag, attrs in page.tags:
        if tag in ("script", "img", "iframe"):
            assert not (attrs.get("src") or "").startswith(("http", "//")), (tag, attrs)
        if tag == "link":
            assert not (attrs.get("href") or "").startswith(("http", "//")), (tag, attrs)
    assert "@import" not in " ".join(page.text)


def test_report_links_only_web_urls(report: str, page: Page) -> None:
    links = [attrs["href"] for tag, attrs in page.tags if tag == "a"]
    assert links == ["https://ustr.gov/fcc-2023"]
    text = " ".join(page.text)
    assert "seed: entrada manual" in text
    assert "javascript:alert(1)" in text
    assert "Secretaría de Economía" in text
    assert "fcc-2023-07" in text
    assert "2023-07-07" in text


def test_report_prints_well(report: str) -> None:
    css = report.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "@media print" in css
    assert "page-break-inside: avoid" in css
    assert "serif" in css
    assert not re.search(r"(?<![-\w])height\s*:", css)
    assert "url(" not in css


def test_report_without_figures_or_sources() -> None:
    page = build_report(sources=SOURCES.head(0), n_figures=0)
    assert "plotly" not in page.lower()
    assert parse(page).problems == []


def test_report_rejects_sources_without_expected_columns() -> None:
    with pytest.raises(ExportError, match=r"missing \['url'\]"):
        build_report(sources=SOURCES.drop("url"), n_figures=0)


# --- briefing_pack ----------------------------------------------------------------------------

EVENTS_CSV = "tmec-events-2023-01-01_2024-12-31.csv"


@pytest.fixture
def csvs(events: pl.DataFrame) -> dict[str, bytes]:
    return {
        EVENTS_CSV: csv_bytes(events, headers=HEADERS),
        "Temas / Économie.csv": csv_bytes(events.select("event_id", "topics")),
        "../../outside": csv_bytes(events.select("event_id")),
    }


def test_pack_lists_safe_names_in_order(csvs: dict[str, bytes]) -> None:
    pack = briefing_pack(csvs=csvs, report="<html></html>")
    with zipfile.ZipFile(io.BytesIO(pack)) as zf:
        assert zf.testzip() is None
        assert zf.namelist() == ["outside.csv", "report.html", "temas-economie.csv", EVENTS_CSV]
        assert all("/" not in name and ".." not in name for name in zf.namelist())
        for info in zf.infolist():
            assert info.date_time == (1980, 1, 1, 0, 0, 0)
            assert info.compress_type == zipfile.ZIP_DEFLATED


def test_pack_round_trips_bytes(csvs: dict[str, bytes]) -> None:
    report = '<html lang="fr"><p>Économie</p></html>'
    pack = briefing_pack(csvs=csvs, report=report, report_name="Rapport d'étape.html")
    with zipfile.ZipFile(io.BytesIO(pack)) as zf:
        assert zf.read(EVENTS_CSV) == csvs[EVENTS_CSV]
        assert zf.read("temas-economie.csv") == csvs["Temas / Économie.csv"]
        assert zf.read("rapport-d-etape.html").decode("utf-8") == report
        assert pl.read_csv(io.BytesIO(zf.read(EVENTS_CSV)))["Título"][0] == "Diálogo PyME"


def test_pack_is_reproducible(csvs: dict[str, bytes]) -> None:
    first = briefing_pack(csvs=csvs, report="<html></html>")
    reordered = dict(reversed(list(csvs.items())))
    assert briefing_pack(csvs=csvs, report="<html></html>") == first
    assert briefing_pack(csvs=reordered, report="<html></html>") == first


@pytest.mark.parametrize(
    ("csvs", "report_name"),
    [
        ({"events.csv": b"a", "Events": b"b"}, "report.html"),
        ({"report.csv": b"a", "../report.csv": b"b"}, "report.html"),
        ({"../": b"a"}, "report.html"),
    ],
)
def test_pack_rejects_names_that_collide(csvs: dict[str, bytes], report_name: str) -> None:
    with pytest.raises(ExportError, match="both be named"):
        briefing_pack(csvs={**csvs, "export": b"c"}, report="r", report_name=report_name)


# --- workbook_bytes ---------------------------------------------------------------------------


def _book(data: bytes) -> Any:
    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(data))


WORKBOOK_FRAME = pl.DataFrame(
    {
        "title": ['=HYPERLINK("x")', "Diálogo PyME"],
        "n_events": [3, 5],
        "start_date": [date(2023, 9, 21), date(2024, 1, 2)],
        "topics": [["PyMEs", "Trabajo"], []],
    }
)


def test_workbook_has_about_sheet_then_one_per_table() -> None:
    data = workbook_bytes(
        {"Eventos": WORKBOOK_FRAME, "Fuentes": WORKBOOK_FRAME.head(1)},
        headers={"title": "Título", "n_events": "Eventos"},
        about=[("Periodo", "2023-01-01 – 2023-12-31"), ("Versión de datos", "abc123")],
        about_title="Filtros y versión",
    )
    book = _book(data)
    assert book.sheetnames == ["Filtros y versión", "Eventos", "Fuentes"]
    about = book["Filtros y versión"]
    assert [c.value for c in about[1]] == ["Periodo", "2023-01-01 – 2023-12-31"]
    events = book["Eventos"]
    assert [c.value for c in events[1]] == ["Título", "Eventos", "start_date", "topics"]
    assert events.max_row == 3
    assert events["B2"].value == 3 and events["B2"].data_type == "n", "numbers stay numbers"
    assert events["C2"].value.date() == date(2023, 9, 21)
    assert events["D2"].value == "PyMEs | Trabajo"
    assert events["A2"].value == '=HYPERLINK("x")'
    assert events["A2"].data_type == "s", "formula-like text is stored as text"


def test_workbook_is_the_same_bytes_for_the_same_inputs() -> None:
    first = workbook_bytes({"A": WORKBOOK_FRAME})
    assert workbook_bytes({"A": WORKBOOK_FRAME}) == first


def test_workbook_sheet_names_are_legal_and_unique() -> None:
    book = _book(
        workbook_bytes({"a/b:c?" + "x" * 40: WORKBOOK_FRAME, "A/B:C?" + "x" * 40: WORKBOOK_FRAME})
    )
    names = book.sheetnames[1:]
    assert len(names) == 2 and len({n.lower() for n in names}) == 2
    assert all(len(n) <= 31 and not set(n) & set("[]:*?/\\") for n in names)
