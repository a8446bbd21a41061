"""The briefing pack: one zip with the view's CSVs and a self-contained report, whose numbers
and sources match the warehouse."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from dashboard import briefing, data
from dashboard.context import PageContext
from dashboard.filters import Filters
from warehouse.db import connect, run_sql


def _ctx(lang: str, filters: Filters) -> PageContext:
    return PageContext(lang=lang, labels=data.labels(lang), options=data.options(), filters=filters)


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
    files = _read(briefing.pack(_ctx(lang, Filters())))
    names = sorted(files)
    assert "report.html" in names
    assert {n.split("-start")[0] for n in names if n.endswith(".csv")} == {
        "tmec-events",
        "tmec-sources",
        "tmec-top-topics",
        "tmec-events-over-time",
        "tmec-topic-groups-over-time",
    }
    events = _rows(next(files[n] for n in names if n.startswith("tmec-events-start")))
    held = _count(warehouse, "select count(*) from events where status = 'held'")
    assert len(events) == held
    url_header = {"en": "Source URLs", "es": "URL de las fuentes"}[lang]
    assert all(row[url_header] for row in events)
    sources = _rows(next(files[n] for n in names if n.startswith("tmec-sources")))
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


def test_pack_follows_the_filters(warehouse: Path) -> None:
    filters = replace(Filters(), bodies=("sme_dialogue",))
    files = _read(briefing.pack(_ctx("en", filters)))
    events = _rows(next(v for k, v in files.items() if k.startswith("tmec-events-start")))
    assert {row["Body"] for row in events} == {"SME Dialogue"}
    report = files["report.html"].decode("utf-8")
    assert "SME Dialogue" in report  # the filters applied are listed


def test_pack_file_name_says_what_and_when() -> None:
    import datetime as dt

    filters = replace(Filters(), date_from=dt.date(2023, 1, 1), date_to=dt.date(2024, 12, 31))
    assert briefing.pack_file_name(filters) == "tmec-briefing-2023-01-01_2024-12-31.zip"
