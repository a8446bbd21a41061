"""The briefing pack: one zip with the view's CSVs and a self-contained report, whose numbers
and sources match the warehouse."""

from __future__ import annotations

import ast
import csv
import datetime as dt
import html
import io
import re
import shutil
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from dashboard import data
from dashboard.briefing import briefing
from dashboard.i18n import file_words, messages, t
from dashboard.state.context import PageContext
from dashboard.state.filters import Filters
from etl.build import build
from tests.conftest import copy_of
from warehouse.db import DB_ENV, connect, run_sql

ROOT = Path(__file__).resolve().parents[2]


def _ctx(lang: str, filters: Filters) -> PageContext:
    return PageContext(lang=lang, labels=data.labels(lang), options=data.options(), filters=filters)


PERIOD = re.compile(r"-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.\w+$")


def _csv(files: dict[str, bytes], what: str, lang: str = "en") -> bytes:
    """The pack's CSV of ``what`` (its name in ``lang``, then the period)."""
    stem = f"tmec-{file_words(what, lang)}"
    return next(v for k, v in files.items() if k.endswith(".csv") and PERIOD.sub("", k) == stem)


def _count(db: Path, sql: str) -> int:
    con = connect(db)
    try:
        value: int = run_sql(con, sql).item()
    finally:
        con.close()
    return value


def _read(pack: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(pack)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _rows(raw: bytes) -> list[dict[str, str]]:
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


@pytest.mark.parametrize("lang", ["en", "es"])
def test_pack_holds_the_views_csvs_and_report(warehouse: Path, lang: str) -> None:
    files = _read(briefing.pack(_ctx(lang, Filters()), view="summary"))
    names = sorted(files)
    assert "report.html" in names
    assert {PERIOD.sub("", n) for n in names if n.endswith(".csv")} == {
        f"tmec-{file_words(what, lang)}"
        for what in (
            "events",
            "sources",
            "top-topics",
            "meetings-over-time",
            "topic-groups-over-time",
            "cases",
            "case-milestones",
            "case-sources",
            "stated-counts",
        )
    }
    events = _rows(_csv(files, "events", lang))
    held = _count(warehouse, "select count(*) from events where status = 'held'")
    assert len(events) == held
    url_header = {"en": "Source URLs", "es": "URL de las fuentes"}[lang]
    assert all(row[url_header] for row in events)
    sources = _rows(_csv(files, "sources", lang))
    assert len(sources) == _count(
        warehouse,
        "select count(*) from sources join events using (event_id) where status = 'held'",
    )
    report = files["report.html"].decode("utf-8")
    assert f'lang="{lang}"' in report
    assert str(held) in report
    version = _count(warehouse, "select count(*) from load_runs")  # one build, one version
    assert version == 1
    assert report.count("* plotly.js v") == 1
    # The events' titles and outcomes are the records' words: a Spanish report says so.
    note = html.escape(t("record_text_language", lang), quote=True)
    assert (f'<p class="note">{note}</p>' in report) is (lang != "en")


def test_pack_follows_the_filters(warehouse: Path) -> None:
    filters = replace(Filters(), bodies=("sme_dialogue",))
    files = _read(briefing.pack(_ctx("en", filters), view="summary"))
    events = _rows(_csv(files, "events"))
    assert {row["Body"] for row in events} == {"SME Dialogue"}
    report = files["report.html"].decode("utf-8")
    assert "SME Dialogue" in report  # the filters applied are listed


@pytest.mark.parametrize(
    ("lang", "view", "expected"),
    [
        ("en", "summary", "tmec-briefing-2023-01-01_2024-12-31.zip"),
        ("es", "summary", "tmec-nota-2023-01-01_2024-12-31.zip"),
        ("fr", "events", "tmec-note-evenements-2023-01-01_2024-12-31.zip"),
    ],
)
def test_pack_file_name_says_what_and_when(
    warehouse: Path, lang: str, view: briefing.View, expected: str
) -> None:
    filters = replace(Filters(), date_from=dt.date(2023, 1, 1), date_to=dt.date(2024, 12, 31))
    assert briefing.pack_file_name(_ctx(lang, filters), view) == expected


@pytest.mark.parametrize("lang", ["es", "en", "fr"])
def test_with_no_period_chosen_names_say_the_datas_first_and_last_dates(
    warehouse: Path, lang: str
) -> None:
    ctx = _ctx(lang, Filters())
    span = f"{ctx.options.first_date.isoformat()}_{ctx.options.last_date.isoformat()}"
    words = {"es": "nota", "en": "briefing", "fr": "note"}[lang]
    assert briefing.pack_file_name(ctx) == f"tmec-{words}-{span}.zip"
    files = _read(briefing.pack(ctx, view="summary"))
    assert all(span in name for name in files if name != "report.html"), sorted(files)


def _events_csv(files: dict[str, bytes], lang: str = "en") -> list[dict[str, str]]:
    return _rows(_csv(files, "events", lang))


def test_events_pack_holds_only_the_events_the_search_found(warehouse: Path) -> None:
    """Issue 10: q=Ebrard showed 3 events on the page and 37 in the pack."""
    ctx = _ctx("en", Filters())
    shown = data.events(ctx.filters, "Ebrard", max_rows=1000)["event_id"].to_list()
    assert 0 < len(shown) < _count(warehouse, "select count(*) from events where status = 'held'")
    files = _read(briefing.pack(ctx, view="events", q="Ebrard"))
    assert sorted(row["Event id"] for row in _events_csv(files)) == sorted(shown)
    sources = _rows(_csv(files, "sources"))
    assert {row["Event id"] for row in sources} <= set(shown)
    report = files["report.html"].decode("utf-8")
    assert "«Ebrard»" in report, "the search is among the filters in words"
    summary_pack = briefing.pack(ctx, view="summary")
    assert summary_pack != briefing.pack(ctx, view="events")


def test_events_csv_carries_topics_outcomes_and_people(warehouse: Path) -> None:
    files = _read(briefing.pack(_ctx("en", Filters()), view="events"))
    rows = _events_csv(files)
    assert {"Topics", "Outcomes", "Participants"} <= set(rows[0])
    with_people = _count(
        warehouse,
        "select count(distinct event_id) from participants join events using (event_id) "
        "where status = 'held'",
    )
    assert sum(1 for row in rows if row["Participants"]) == with_people
    assert any(" | " in row["Topics"] for row in rows), "lists are joined with ' | '"


def test_report_lists_each_citation_once_and_the_events_table(warehouse: Path) -> None:
    files = _read(briefing.pack(_ctx("en", Filters()), view="summary"))
    report = files["report.html"].decode("utf-8")
    n_urls = _count(
        warehouse,
        "select count(distinct url) from sources join events using (event_id) "
        "where status = 'held'",
    )
    assert report.count('<li id="source-') == n_urls
    held = _count(warehouse, "select count(*) from events where status = 'held'")
    table = report.split('<table class="events">', 1)[1].split("</table>", 1)[0]
    assert table.count("<tr>") == held + 1  # the header row and one per event
    assert "Key outcome" in table


def test_pack_cache_follows_a_rebuild(
    warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The warehouse token is a real argument of the cached function (not '_token')."""
    warehouse = copy_of(warehouse, tmp_path)  # the session's warehouse is only read
    monkeypatch.setenv(DB_ENV, str(warehouse))
    ctx = _ctx("en", Filters())
    before = _events_csv(_read(briefing.pack(ctx, view="events")))
    data_dir = tmp_path / "data"
    shutil.copytree(ROOT / "data", data_dir)
    extra = data_dir / "events" / "sme-dialogue-2023-09-21.yaml"
    copy = extra.read_text(encoding="utf-8").replace(
        "id: sme-dialogue-2023-09-21", "id: sme-dialogue-2023-09-22"
    )
    (data_dir / "events" / "sme-dialogue-2023-09-22.yaml").write_text(copy, encoding="utf-8")
    build(data_dir, warehouse)
    after = _events_csv(_read(briefing.pack(ctx, view="events")))
    assert len(after) == len(before) + 1


def test_no_cached_function_hides_an_argument_from_its_key() -> None:
    """st.cache_data ignores arguments whose names start with '_'."""
    for path in (ROOT / "dashboard").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef):
                continue
            decorators = [ast.unparse(d) for d in node.decorator_list]
            if any("cache_data" in d for d in decorators):
                hidden = [a.arg for a in node.args.args + node.args.kwonlyargs if a.arg[0] == "_"]
                assert not hidden, f"{path.name}:{node.name} hides {hidden} from its cache key"


@pytest.mark.parametrize("lang", ["es", "fr"])
@pytest.mark.parametrize("view", ["summary", "events"])
def test_pack_csv_headers_are_in_the_interface_language(
    warehouse: Path, lang: str, view: briefing.View
) -> None:
    """Issue 10: CSV headers such as source_no and n_previous were left as column names."""
    filters = replace(Filters(), date_from=dt.date(2024, 1, 1), date_to=dt.date(2024, 12, 31))
    files = _read(briefing.pack(_ctx(lang, filters), view=view))
    words = set(messages(lang).values())
    for name, raw in files.items():
        if not name.endswith(".csv"):
            continue
        header = next(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
        stray = [h for h in header if h not in words]
        assert not stray, f"{name} has headers not in the catalogue: {stray}"


@pytest.mark.parametrize("view", ["summary", "events"])
def test_workbook_holds_the_views_tables_sources_and_filters(
    warehouse: Path, view: briefing.View
) -> None:
    from openpyxl import load_workbook

    ctx = _ctx("es", Filters())
    files = _read(briefing.pack(ctx, view=view, q="Ebrard" if view == "events" else ""))
    [name] = [n for n in files if n.endswith(".xlsx")]
    book = load_workbook(io.BytesIO(files[name]))
    assert book.sheetnames[:3] == ["Filtros y versión", "Eventos", "Fuentes"]
    if view == "summary":
        assert "Temas más frecuentes" in book.sheetnames
    events = _events_csv(files, "es")
    assert book["Eventos"].max_row == len(events) + 1
    about = {row[0].value: row[1].value for row in book["Filtros y versión"].iter_rows()}
    assert about["Versión de datos"]
    assert ("Búsqueda" in about) == (view == "events")
    alone = load_workbook(
        io.BytesIO(briefing.workbook(ctx, view=view, q="Ebrard" if view == "events" else ""))
    )
    assert alone.sheetnames == book.sheetnames
