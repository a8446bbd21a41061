"""Cases in exports: the Cases page's and each case page's workbook hold the same rows as
their CSVs (read back with openpyxl), and the Summary's briefing pack holds exactly the cases
the Cases page shows for the same filters (counted here from the YAML)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from dashboard import briefing, cases, data, export
from dashboard.context import PageContext
from dashboard.filters import Filters
from dashboard.i18n import column_headers, t, t_n

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
    listed = book[t("cases_list", "en")]
    ids = [row[0] for row in listed.iter_rows(min_row=2, values_only=True)]
    wanted = {
        cid
        for cid, c in CASES.items()
        if "CA" in (c["complainant"], c["respondent"], *c["third_parties"])
    }
    assert sorted(ids) == sorted(wanted)
    sources = book[t("cases_download_sources", "en")]
    assert sources.max_row - 1 == sum(len(CASES[c]["sources"]) for c in wanted)


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("case_id", sorted(CASES)[::7])
def test_case_workbook_holds_the_rows_of_the_case_pages_csvs(
    warehouse: Path, case_id: str, lang: str
) -> None:
    ctx = _ctx(lang, Filters())
    tables = briefing.case_tables(case_id)
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


PERIOD = (dt.date(2023, 1, 1), dt.date(2024, 12, 31))


def _read(pack: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(pack)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _csv(files: dict[str, bytes], stem: str) -> list[dict[str, str]]:
    [name] = [n for n in files if n.startswith(f"tmec-{stem}-20")]
    return list(csv.DictReader(io.StringIO(files[name].decode("utf-8-sig"))))


def test_pack_for_a_period_holds_exactly_the_cases_the_cases_page_shows(warehouse: Path) -> None:
    start, end = PERIOD
    wanted = sorted(cid for cid, c in CASES.items() if start <= _request_day(c) <= end)
    assert 0 < len(wanted) < len(CASES)
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
    assert [m.value for m in at.metric] == [str(len(wanted))]
    shown = next(df.value for df in at.dataframe if "subject_en" in df.value.columns)
    assert sorted(shown["case_id"]) == wanted

    report = files["report.html"].decode("utf-8")
    section = report.split(f"<h2>{t('report_cases', 'en')}</h2>", 1)[1].split("</section>")[0]
    assert t_n("report_cases_scope", "en", len(wanted)) in section
    by_mechanism = section.split(t("cases_by_mechanism", "en"), 1)[1].split("</table>")[0]
    n_rrm = sum(CASES[c]["mechanism"] == "rrm" for c in wanted)
    assert f">{n_rrm}</td>" in by_mechanism
    # The newest stated total of each kind is there with its source beside the records it
    # concerns; the pack's CSV holds every one.
    newest: dict[str, dict[str, Any]] = {}
    for count in STATED:
        kept = newest.get(count["kind"])
        if kept is None or str(count["as_of"] or "") > str(kept["as_of"] or ""):
            newest[count["kind"]] = count
    for count in newest.values():
        assert count["url"].replace("&", "&amp;") in section, count["url"]
    assert section.count("<li>") == len(newest)
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
