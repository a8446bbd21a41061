"""Cases in exports: the Cases page's and each case page's workbook hold the same rows as
their CSVs (read back with openpyxl), and the Summary's briefing pack holds exactly the cases
the Cases page shows for the same filters (counted here from the YAML)."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import polars as pl
import pytest
import yaml
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from dashboard import data
from dashboard.briefing import briefing
from dashboard.cases import cases
from dashboard.exports import export
from dashboard.i18n import column_headers, file_words, messages, t, t_n
from dashboard.state.context import PageContext
from dashboard.state.filters import Filters
from dashboard.state.labels import Labels

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
CASES = {
    p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))
    for p in sorted((DATA / "cases").glob("*.yaml"))
}
STATED = yaml.safe_load((DATA / "stated-counts.yaml").read_text(encoding="utf-8"))["counts"]
OPENING = ("request", "consultations", "panel_requested")


def _ctx(lang: str, filters: Filters) -> PageContext:
    return PageContext(lang=lang, labels=data.labels(lang), options=data.options(), filters=filters)


def _csv_rows(raw: bytes) -> list[list[str]]:
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def _same_cell(text: str, value: Any) -> bool:
    """A CSV cell and the workbook's cell say the same thing (the CSV is text; the workbook
    keeps numbers, dates and booleans typed and stores formula-like text as text)."""
    if value is None:
        return text == ""
    if isinstance(value, bool):
        return text == str(value).lower()
    if isinstance(value, dt.datetime):
        return text in (value.date().isoformat(), value.isoformat(sep=" "))
    if isinstance(value, int | float):
        return float(text) == float(value)
    return text in (value, "'" + value)


def _assert_sheet_is_the_csv(sheet: Any, raw_csv: bytes) -> None:
    expected = _csv_rows(raw_csv)
    got = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert len(got) == len(expected), sheet.title
    assert [str(v) for v in got[0]] == [h.lstrip("'") for h in expected[0]], sheet.title
    for n, (want, have) in enumerate(zip(expected[1:], got[1:], strict=True), start=2):
        assert len(want) == len(have), (sheet.title, n)
        bad = [(w, h) for w, h in zip(want, have, strict=True) if not _same_cell(w, h)]
        assert not bad, (sheet.title, n, bad[:3])


def _sheet_names(titles: list[str]) -> list[str]:
    """The titles as the workbook writer makes them legal and unique for Excel."""
    taken: set[str] = set()
    return [export._sheet_title(title, taken) for title in titles]


PAGES: list[tuple[str, Filters, briefing.PageCodes]] = [
    ("en", Filters(), ()),
    ("es", Filters(), ()),
    ("fr", replace(Filters(), parties=("CA",)), (("mechanism", ("ch31", "ch10")),)),
    ("en", replace(Filters(), date_from=dt.date(2022, 1, 1)), (("case_status", ("open",)),)),
]


@pytest.mark.parametrize(("lang", "filters", "page"), PAGES)
def test_cases_workbook_holds_the_rows_of_every_csv_of_the_page(
    warehouse: Path, lang: str, filters: Filters, page: briefing.PageCodes
) -> None:
    ctx = _ctx(lang, filters)
    tables = briefing.cases_of_view(ctx, page)
    assert list(tables) == list(cases.EXPORT_TITLES)
    book = load_workbook(io.BytesIO(briefing.cases_workbook(ctx, page=page)))
    assert book.sheetnames == _sheet_names(
        [t("workbook_about", lang), *(t(cases.EXPORT_TITLES[w], lang) for w in tables)]
    )
    for sheet_name, frame in zip(book.sheetnames[1:], tables.values(), strict=True):
        raw = export.csv_bytes(frame, headers=column_headers(frame.columns, lang))
        _assert_sheet_is_the_csv(book[sheet_name], raw)
    about = {row[0]: row[1] for row in book[book.sheetnames[0]].iter_rows(values_only=True)}
    assert about[t("data_version", lang)]
    for url, codes in page:
        painted = about[t(f"cases_filter_{url}", lang)]
        assert all(ctx.labels(cases.PAGE_FILTERS[url][1], c) in painted for c in codes)
    # Only the filters that apply to cases are named: never the default status of events.
    assert t("status", lang) not in about


def test_cases_workbook_counts_agree_with_the_yaml(warehouse: Path) -> None:
    ctx = _ctx("en", replace(Filters(), parties=("CA",)))
    book = load_workbook(io.BytesIO(briefing.cases_workbook(ctx)))
    listed = book[t(cases.EXPORT_TITLES["cases"], "en")]
    ids = [row[0] for row in listed.iter_rows(min_row=2, values_only=True)]
    wanted = {
        cid
        for cid, c in CASES.items()
        if "CA" in (c["complainant"], c["respondent"], *c["third_parties"])
    }
    assert sorted(ids) == sorted(wanted)
    sources = book[t(cases.EXPORT_TITLES["case-sources"], "en")]
    assert sources.max_row - 1 == sum(len(CASES[c]["sources"]) for c in wanted)


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("case_id", sorted(CASES)[::7])
def test_case_workbook_holds_the_rows_of_the_case_pages_csvs(
    warehouse: Path, case_id: str, lang: str
) -> None:
    ctx = _ctx(lang, Filters())
    tables = briefing.case_tables(case_id, ctx.labels)
    book = load_workbook(io.BytesIO(briefing.case_workbook(ctx, case_id)))
    assert book.sheetnames == _sheet_names(
        [t("workbook_about", lang), *(t(k, lang) for k in briefing.CASE_SHEET_TITLES)]
    )
    for sheet_name, frame in zip(book.sheetnames[1:], tables.values(), strict=True):
        raw = export.csv_bytes(frame, headers=column_headers(frame.columns, lang))
        _assert_sheet_is_the_csv(book[sheet_name], raw)
    chronology = book[book.sheetnames[1]]
    assert chronology.max_row - 1 == len(CASES[case_id]["milestones"])
    assert book[book.sheetnames[3]].max_row - 1 == len(CASES[case_id]["sources"])


def test_cases_and_case_pages_offer_the_workbook(warehouse: Path) -> None:
    for page, params in (("cases", {}), ("case", {"id": "rrm-2021-tridonex"})):
        at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
        at.query_params["lang"] = "en"
        for key, value in params.items():
            at.query_params[key] = value
        at.run()
        at.switch_page(f"dashboard/views/{page}.py").run()
        assert not at.exception, [e.value for e in at.exception]
        buttons = at.get("download_button")
        labels = [b.proto.label for b in buttons]
        assert t("download_xlsx", "en") in labels, labels
        assert labels.count(t("download_csv", "en")) >= 2


# --- the briefing pack ----------------------------------------------------------------------


def _request_day(case: dict[str, Any]) -> dt.date:
    ms = case["milestones"]
    value = ([m for m in ms if m["step"] in OPENING] or ms)[0]["date"]
    if isinstance(value, dt.date):
        return value
    year, month = str(value).split("-")[:2]
    return dt.date(int(year), int(month), 1)


def _resolution_day(case: dict[str, Any]) -> dt.date | None:
    if case["status"] not in ("resolved", "closed"):
        return None
    value = next(m["date"] for m in case["milestones"] if m["step"] in ("resolved", "closed"))
    if isinstance(value, dt.date):
        return value
    year, month = str(value).split("-")[:2]
    return dt.date(int(year), int(month), 1)


def _opened_or_resolved(start: dt.date, end: dt.date) -> list[str]:
    """The cases the Summary speaks of, from the YAML: opened (request) or resolved or closed
    (resolution) in the period."""
    return sorted(
        cid
        for cid, c in CASES.items()
        if start <= _request_day(c) <= end
        or ((day := _resolution_day(c)) is not None and start <= day <= end)
    )


PERIOD = (dt.date(2023, 6, 1), dt.date(2024, 12, 31))


def _read(pack: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(pack)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _csv(files: dict[str, bytes], stem: str, lang: str = "en") -> list[dict[str, str]]:
    """The pack's CSV of ``stem`` (its file name's words are in the pack's language)."""
    [name] = [n for n in files if n.startswith(f"tmec-{file_words(stem, lang)}-20")]
    return list(csv.DictReader(io.StringIO(files[name].decode("utf-8-sig"))))


def test_pack_for_a_period_holds_exactly_the_cases_the_summary_speaks_of(
    warehouse: Path,
) -> None:
    """The Summary's pack holds the cases opened, resolved or closed in the period (as its
    line counts them); the Cases page the cases requested in it; each says which."""
    start, end = PERIOD
    wanted = _opened_or_resolved(start, end)
    requested = sorted(cid for cid, c in CASES.items() if start <= _request_day(c) <= end)
    assert 0 < len(requested) < len(wanted) < len(CASES)
    filters = replace(Filters(), date_from=start, date_to=end)
    files = _read(briefing.pack(_ctx("en", filters), view="summary"))

    listed = _csv(files, "cases")
    assert sorted(row["Case"] for row in listed) == wanted
    milestones = _csv(files, "case-milestones")
    assert sorted((r["Case"], r["Text"]) for r in milestones) == sorted(
        (cid, m["text"]) for cid in wanted for m in CASES[cid]["milestones"]
    )
    sources = _csv(files, "case-sources")
    assert sorted((r["Case"], r["URL"]) for r in sources) == sorted(
        (cid, s["url"]) for cid in wanted for s in CASES[cid]["sources"]
    )

    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    for key, value in {"lang": "en", "from": start.isoformat(), "to": end.isoformat()}.items():
        at.query_params[key] = value
    at.run()
    at.switch_page("dashboard/views/cases.py").run()
    assert not at.exception
    assert [m.value for m in at.metric] == [str(len(requested))]
    shown = next(df.value for df in at.dataframe if "subject_en" in df.value.columns)
    assert sorted(shown["case_id"]) == requested
    rule = t("label_value", "en", label=t("cases_period_rule", "en"), value="")
    assert rule + t("cases_rule_request", "en") in at.caption[0].value

    report = files["report.html"].decode("utf-8")
    section = report.split(f"<h2>{t('report_cases', 'en')}</h2>", 1)[1].split("</section>")[0]
    n_opened = len(requested)
    n_resolved = sum(
        (day := _resolution_day(CASES[c])) is not None and start <= day <= end for c in CASES
    )
    scope = t_n(
        "report_cases_scope",
        "en",
        len(wanted),
        opened=t_n("cases_opened", "en", n_opened),
        resolved=t_n("cases_resolved", "en", n_resolved),
    )
    assert scope in section
    assert t("cases_rule_activity", "en") in report
    by_mechanism = section.split(t("cases_by_mechanism", "en"), 1)[1].split("</table>")[0]
    n_rrm = sum(CASES[c]["mechanism"] == "rrm" for c in wanted)
    assert f">{n_rrm}</td>" in by_mechanism
    # One sentence on stated totals (the list of statements is the pack's CSV and the Cases
    # page's table): the RRM requests recorded beside the range the newest statements give.
    said = briefing.stated_sentence("en")
    assert said and said.replace("&", "&amp;") in section
    assert "<li>" not in section
    assert len(_csv(files, "stated-counts")) == len(STATED)


def test_pack_cases_follow_the_party_and_topic_filters(warehouse: Path) -> None:
    filters = replace(Filters(), parties=("CA",), topics=("agriculture",))
    files = _read(briefing.pack(_ctx("en", filters), view="summary"))
    [name] = [n for n in files if n.startswith("tmec-cases-2") and n.endswith(".csv")]
    ids = [r["Case"] for r in csv.DictReader(io.StringIO(files[name].decode("utf-8-sig")))]
    wanted = [
        cid
        for cid, c in CASES.items()
        if "CA" in (c["complainant"], c["respondent"], *c["third_parties"])
        and "agriculture" in c["topics"]
    ]
    assert wanted and sorted(ids) == sorted(wanted)


def test_summary_exports_hold_the_case_resolved_in_2025_that_the_summary_counts(
    warehouse: Path,
) -> None:
    """The audit's case: on /summary?lang=fr for 2025 the page counts ch31-2023-ge-corn
    (resolved 2025-02, requested 2023); its workbook, pack and report must hold it."""
    start, end = dt.date(2025, 1, 1), dt.date(2025, 12, 31)
    wanted = _opened_or_resolved(start, end)
    assert "ch31-2023-ge-corn" in wanted
    ctx = _ctx("fr", replace(Filters(), date_from=start, date_to=end))
    counted = briefing.cases_in_period(ctx)
    assert counted["n_cases"] == len(wanted)
    files = _read(briefing.pack(ctx, view="summary"))
    case_header = t("case_id", "fr")
    assert sorted(r[case_header] for r in _csv(files, "cases", "fr")) == wanted
    book = load_workbook(io.BytesIO(briefing.workbook(ctx, view="summary")))
    sheet = book[t(cases.EXPORT_TITLES["cases"], "fr")]
    assert sorted(r[0] for r in sheet.iter_rows(min_row=2, values_only=True)) == wanted
    report = files["report.html"].decode("utf-8")
    scope = t_n(
        "report_cases_scope",
        "fr",
        len(wanted),
        opened=t_n("cases_opened", "fr", counted["n_opened"]),
        resolved=t_n("cases_resolved", "fr", counted["n_resolved"]),
    )
    assert html.escape(scope, quote=True) in report
    about = {r[0]: r[1] for r in book[book.sheetnames[0]].iter_rows(values_only=True)}
    assert about[t("cases_period_rule", "fr")] == t("cases_rule_activity", "fr")


# --- one labelling step for every case export; sheet titles that fit ----------------------

CASE_LISTS = (
    "mechanisms",
    "parties",
    "sectors",
    "case_statuses",
    "statuses",
    "case_steps",
    "topics",
    "bodies",
    "confidence",
    "date_precision",
    "languages",
    "stated_kinds",
)
"""Every code list a case table's values may come from."""
KEPT_CODES = frozenset({"code"})
"""Columns that hold codes on purpose (the tallies' ``code`` beside its ``label``)."""


def _case_exports(lang: str) -> dict[str, pl.DataFrame]:
    """Every table of cases that leaves the app in ``lang``: the Cases page's (its CSVs and
    workbook), the Summary's pack and workbook (the rule 'activity'), every case page's."""
    ctx = _ctx(lang, Filters())
    out = {f"cases/{w}": f for w, f in briefing.cases_of_view(ctx).items()}
    summary = briefing.cases_of_view(ctx, period_rule=cases.SUMMARY_RULE)
    out |= {f"summary/{w}": summary[w] for w in briefing.PACK_CASE_TABLES}
    for case_id in CASES:
        out |= briefing.case_tables(case_id, ctx.labels)
    return out


@pytest.mark.parametrize("lang", ["es", "fr"])
def test_no_case_export_carries_a_raw_code_or_a_header_outside_the_catalogue(
    warehouse: Path, lang: str
) -> None:
    labels = data.labels(lang)
    codes = {name: set(labels.mapping(name)) for name in CASE_LISTS}
    every_code = set().union(*codes.values())
    tables = _case_exports(lang)
    assert any(w.endswith("-related-meetings") and not f.is_empty() for w, f in tables.items())
    for what, frame in tables.items():
        named = messages("en").keys()
        assert set(frame.columns) <= named, (what, set(frame.columns) - named)
        assert not {"title_en", "title_es"} & set(frame.columns), what
        for column, dtype in frame.schema.items():
            if column in KEPT_CODES:
                continue
            if isinstance(dtype, pl.List):
                cells = frame[column].explode().drop_nulls().cast(pl.String)
            elif dtype == pl.String:
                cells = frame[column].drop_nulls()
            else:
                assert dtype != pl.Boolean, (what, column)
                continue
            raw = set(cells.to_list()) & every_code
            assert not raw, (what, column, sorted(raw)[:5])


def test_labelling_paints_each_coded_column_from_its_list() -> None:
    labels = Labels(
        "fr",
        {
            "mechanisms": {"rrm": "MRR"},
            "parties": {"US": "États-Unis", "CA": "Canada"},
            "bodies": {"labor_council": "Conseil du travail"},
            "yes_no": {"true": "oui", "false": "non"},
            "statuses": {"held": "Tenu"},
        },
    )
    frame = pl.DataFrame(
        {
            "case_id": ["rrm-x"],
            "mechanism_code": ["rrm"],
            "third_parties": [["US", "CA"]],
            "is_concluded": [False],
            "body_code": ["labor_council"],
            "title_en": ["Meeting"],
            "title_es": ["Reunión"],
            "event_status": ["held"],
            "url": ["https://x"],
        }
    )
    out = cases.labelled(frame, labels)
    assert out.columns == [
        "case_id",
        "mechanism_code",
        "third_parties",
        "is_concluded",
        "body",
        "title",
        "event_status",
        "url",
    ]
    assert out.row(0) == (
        "rrm-x",
        "MRR",
        ["États-Unis", "Canada"],
        "non",
        "Conseil du travail",
        "Meeting",
        "Tenu",
        "https://x",
    )
    assert cases.labelled(frame, replace(labels, lang="es"))["title"].to_list() == ["Reunión"]


def _workbooks(lang: str) -> dict[str, list[str]]:
    """Every workbook the app makes → its sheet titles as the app asks for them (before the
    writer makes them legal), the first sheet ("about") included."""
    ctx = _ctx(lang, replace(Filters(), date_from=dt.date(2024, 1, 1)))
    about = t("workbook_about", lang)
    books = {
        view: [
            about,
            *briefing._export(
                briefing.PackRequest(view=view, filters=ctx.filters, lang=lang)
            ).sheets,
        ]
        for view in ("summary", "events")
    }
    books["cases"] = [about, *briefing.cases_sheets(ctx)]
    books["case"] = [about, *briefing.case_sheets("rrm-2021-gm-silao", ctx.labels)]
    return books


@pytest.mark.parametrize("lang", ["es", "en", "fr"])
def test_every_sheet_title_fits_excel_and_is_unique_in_its_workbook(
    warehouse: Path, lang: str
) -> None:
    for book, titles in _workbooks(lang).items():
        long = [title for title in titles if len(title) > export.SHEET_NAME_MAX]
        assert not long, (book, lang, long)
        assert len({title.lower() for title in titles}) == len(titles), (book, lang, titles)
        assert not [title for title in titles if export._SHEET_FORBIDDEN.search(title)]
    # What the writer makes of them is then exactly the catalogue's title.
    ctx = _ctx(lang, Filters())
    book = load_workbook(io.BytesIO(briefing.cases_workbook(ctx)))
    assert book.sheetnames == [t("workbook_about", lang), *briefing.cases_sheets(ctx)]


@pytest.mark.parametrize("lang", ["es", "en", "fr"])
def test_every_sheet_title_key_fits_in_every_language(lang: str) -> None:
    keys = [*cases.EXPORT_TITLES.values(), *briefing.CASE_SHEET_TITLES, "workbook_about"]
    assert all(len(t(key, lang)) <= export.SHEET_NAME_MAX for key in keys)


def test_case_workbook_names_the_case_and_its_full_link(warehouse: Path) -> None:
    ctx = _ctx("fr", Filters())
    link = "https://observatory.example/case?id=rrm-2021-gm-silao&lang=fr"
    book = load_workbook(io.BytesIO(briefing.case_workbook(ctx, "rrm-2021-gm-silao", link=link)))
    about = {r[0]: r[1] for r in book[book.sheetnames[0]].iter_rows(values_only=True)}
    assert about[t("case_id", "fr")] == "rrm-2021-gm-silao"
    assert about[t("cases_case_link", "fr")] == link
