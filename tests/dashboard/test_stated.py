"""Stated totals beside the records (dashboard/cases/stated.py): every statement of
data/stated-counts.yaml drawn (or said to be in the table only) and in the table, the running
count of records ending at the records of its scope, and the Summary's sentence, all recounted
here from the YAML; the Cases and Summary pages under AppTest in es, en and fr."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import polars as pl
import pytest
import yaml
from streamlit.testing.v1 import AppTest

from dashboard.cases import stated
from dashboard.i18n import t, t_n
from warehouse.db import connect, run_query

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "streamlit_app.py")
DATA = ROOT / "data"
STATED = yaml.safe_load((DATA / "stated-counts.yaml").read_text(encoding="utf-8"))["counts"]
CASES = [
    yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((DATA / "cases").glob("*.yaml"))
]


def scope(kind: str) -> int | None:
    """The case records a kind of stated total concerns, recounted from the YAML."""
    rrm = [c for c in CASES if c["mechanism"] == "rrm"]
    return {
        "rrm_requests": len(rrm),
        "rrm_panels": sum(
            any(m["step"] == "panel_requested" for m in c["milestones"]) for c in rrm
        ),
        "rrm_resolutions": sum(c["status"] in ("resolved", "closed") for c in rrm),
        "usmca_disputes": sum(c["mechanism"] in ("ch31", "ch10") for c in CASES),
    }.get(kind)


def day(value: Any) -> dt.date | None:
    """A YAML date as the day it is drawn at: a day as it is, a month at its first day, a year
    alone (or nothing) at none."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) == 7:
        return dt.date(int(value[:4]), int(value[5:]), 1)
    return None


def drawn_at(count: dict[str, Any]) -> dt.date | None:
    return day(count.get("as_of")) or day(count.get("published"))


@pytest.fixture(scope="module")
def frames(warehouse: Path) -> Iterator[tuple[pl.DataFrame, pl.DataFrame]]:
    con = connect(warehouse)
    try:
        listed = run_query(con, "stated_counts_list")
        running = run_query(con, "stated_records_running", {"kinds": stated.kinds_stated(listed)})
    finally:
        con.close()
    yield listed, running


def figure(frames: tuple[pl.DataFrame, pl.DataFrame], kind: str, lang: str = "en") -> Any:
    listed, running = frames
    return stated.stated_figure(
        listed.filter(pl.col("kind") == kind),
        running.filter(pl.col("kind") == kind),
        title=kind,
        lang=lang,
    )


def points(fig: Any) -> set[tuple[dt.date, int]]:
    out: set[tuple[dt.date, int]] = set()
    for trace in fig.data:
        if trace.mode == "markers":
            out |= {(x, y) for x, y in zip(trace.x, trace.y, strict=True)}
    return out


KINDS_IN_YAML = sorted({c["kind"] for c in STATED})


@pytest.mark.parametrize("kind", KINDS_IN_YAML)
def test_every_statement_is_a_point_or_said_to_be_in_the_table_only(
    frames: tuple[pl.DataFrame, pl.DataFrame], kind: str
) -> None:
    drawn = points(figure(frames, kind))
    mine = [c for c in STATED if c["kind"] == kind]
    for count in mine:
        at = drawn_at(count)
        if at is not None:
            assert (at, count["value"]) in drawn, count
    undated = sum(drawn_at(c) is None for c in mine)
    assert stated.n_not_drawn(frames[0], kind) == undated
    assert sum(len(tr.x) for tr in figure(frames, kind).data if tr.mode == "markers") == (
        len(mine) - undated
    )


def test_the_undated_note_counts_them_in_words() -> None:
    assert t_n("stated_undated", "en", 2) == "2 statements without a date are in the table only."
    assert t_n("stated_undated", "fr", 1).startswith("1 déclaration sans date")


def test_every_statement_is_a_row_of_the_table(frames: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    table = stated.statement_table(frames[0])
    assert table.height == len(STATED)
    rows = set(table.select("kind", "value", "url", "quotation").rows())
    for count in STATED:
        assert (count["kind"], count["value"], count["url"], count["claim"]) in rows
    # As-of dates as known: a month stays "2025-11", never its first day (count_no is the
    # statement's place in the file).
    shown = dict(table.select("count_no", "stated_as_of").rows())
    for n, count in enumerate(STATED, start=1):
        as_of = count["as_of"]
        assert shown[n] == (None if as_of is None else str(as_of)), count


@pytest.mark.parametrize("kind", KINDS_IN_YAML)
def test_the_step_line_ends_at_the_records_of_the_same_scope(
    frames: tuple[pl.DataFrame, pl.DataFrame], kind: str
) -> None:
    lines = [tr for tr in figure(frames, kind).data if tr.mode == "lines"]
    expected = scope(kind)
    if expected is None:  # kinds no record counts draw points only
        assert lines == []
        return
    [line] = lines
    assert line.y[-1] == expected and line.y[0] == 0
    assert list(line.y) == sorted(line.y)  # a running count never goes down
    assert line.line.shape == "hv"


def test_chart_words_come_from_the_catalogue_in_the_readers_language(
    frames: tuple[pl.DataFrame, pl.DataFrame],
) -> None:
    fig = figure(frames, "rrm_requests", "fr")
    names = {tr.name for tr in fig.data}
    assert t("stated_records_line", "fr") in names and t("stated_points", "fr") in names
    marker = next(tr for tr in fig.data if tr.mode == "markers")
    assert t("publisher", "fr") + " :" in marker.hovertemplate
    assert fig.layout.legend.orientation == "h" and fig.layout.yaxis.tickformat == "d"
    assert fig.layout.xaxis.tickformat == "%Y-%m"  # not plotly's English month names


def test_a_clicked_point_gives_its_source_once() -> None:
    selection = {
        "selection": {
            "points": [
                {"customdata": ["https://a.example/x", "A &amp; B", "2025-11"]},
                {"customdata": ["https://a.example/x", "A &amp; B", "2025-11"]},
                {"x": 1},
            ]
        }
    }
    assert stated.selected_sources(selection) == [("A & B", "https://a.example/x")]
    assert stated.selected_sources(None) == []


def _expected_range() -> tuple[int, int, int, dt.date, dt.date]:
    """The rule of dashboard.cases.stated.recent_statements, applied here to the YAML: RRM request
    statements dated (as-of, else published; a year alone is no date) within the newest one's
    month and the two before it."""
    dated = [(drawn_at(c), c["value"]) for c in STATED if c["kind"] == "rrm_requests"]
    known = [(d, v) for d, v in dated if d is not None]
    newest = max(d.year * 12 + d.month for d, _ in known)
    recent = [(d, v) for d, v in known if d.year * 12 + d.month > newest - stated.RANGE_MONTHS]
    values = [v for _, v in recent]
    return (
        min(values),
        max(values),
        len(recent),
        min(d for d, _ in recent).replace(day=1),
        max(d for d, _ in recent).replace(day=1),
    )


def _expected_sentence(lang: str) -> str:
    low, high, n, first, last = _expected_range()
    values = str(low) if low == high else t("stated_range_values", lang, low=low, high=high)
    return t_n(
        "stated_range",
        lang,
        scope("rrm_requests") or 0,
        stated=values,
        statements=t_n("stated_range_statements", lang, n),
        period=stated.months_text(first, last, lang),
    )


@pytest.mark.parametrize("lang", ["es", "en", "fr"])
def test_the_summary_sentence_follows_the_data(
    frames: tuple[pl.DataFrame, pl.DataFrame], lang: str
) -> None:
    low, high, n, first, last = _expected_range()
    found = stated.stated_range(frames[0])
    assert found == stated.StatedRange(scope("rrm_requests") or 0, low, high, n, first, last)
    assert stated.range_sentence(frames[0], lang) == _expected_sentence(lang)


@pytest.mark.parametrize(
    ("first", "last", "lang", "expected"),
    [
        ((2025, 11), (2025, 11), "es", "noviembre de 2025"),
        ((2025, 11), (2025, 12), "en", "November to December 2025"),
        ((2025, 11), (2026, 2), "fr", "de novembre 2025 à février 2026"),
        ((2025, 11), (2026, 2), "es", "de noviembre de 2025 a febrero de 2026"),
        # The translator writes the elision: never "de l'avril" (a rule for institutions).
        ((2025, 4), (2025, 6), "fr", "d'avril à juin 2025"),
        ((2025, 8), (2026, 1), "fr", "d'août 2025 à janvier 2026"),
        ((2025, 4), (2025, 6), "es", "de abril a junio de 2025"),
    ],
)
def test_months_are_said_as_each_language_says_them(
    first: tuple[int, int], last: tuple[int, int], lang: str, expected: str
) -> None:
    assert stated.months_text(dt.date(*first, 1), dt.date(*last, 1), lang) == expected


def test_one_value_is_not_a_range() -> None:
    frame = pl.DataFrame(
        {
            "count_no": [1, 2],
            "kind": ["rrm_requests"] * 2,
            "value": [41, 41],
            "as_of": [dt.date(2025, 12, 1), None],
            "as_of_precision": ["month", None],
            "published": [None, None],
            "published_precision": [None, None],
            "n_records": [42, 42],
        },
        schema_overrides={"published": pl.Date, "published_precision": pl.String},
    )
    assert stated.range_sentence(frame, "en") == (
        "42 RRM requests recorded to date, over all periods; sources state 41 "
        "(1 dated statement, December 2025)"
    )


# --- the pages ------------------------------------------------------------------------------


def _open(page: str, lang: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    if page != "summary":
        at.switch_page(f"dashboard/views/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("lang", ["es", "en", "fr"])
def test_cases_page_draws_each_kind_and_tables_every_statement(warehouse: Path, lang: str) -> None:
    at = _open("cases", lang)
    table = next(df.value for df in at.dataframe if "quotation" in df.value.columns)
    assert len(table) == len(STATED)
    charts = [c for c in at.get("plotly_chart") if "cs_stated_" in str(c.proto.id)]
    assert len(charts) == len(KINDS_IN_YAML)
    undated = sum(drawn_at(c) is None for c in STATED if c["kind"] == "rrm_requests")
    captions = [c.value for c in at.caption]
    assert t_n("stated_undated", lang, undated) in captions


@pytest.mark.parametrize("lang", ["es", "en", "fr"])
def test_summary_page_says_the_range_beside_the_records(warehouse: Path, lang: str) -> None:
    at = _open("summary", lang)
    shown = "\n".join(m.value for m in at.markdown).replace("\\", "")
    assert _expected_sentence(lang) in shown
