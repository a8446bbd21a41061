"""The dashboard in a real Chromium: every page renders, filters survive page switches and
copied links, the events CSV holds what the filters select, and hostile links are refused.

AppTest keeps query parameters across page switches and cannot read download bytes; a real
browser does neither, which is what these tests are for. Screenshots of every page land in
``test-artifacts/screenshots/`` for a human to look at.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Locator,
    Page,
    ViewportSize,
    expect,
)

from bench.chromium import CHROMIUM
from dashboard.i18n import code_labels, t, t_n
from dashboard.pages import LISTED
from tests.e2e.conftest import VIEWPORT
from warehouse.db import connect, run_query, run_sql

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
MAX_SCREENSHOT_HEIGHT = 10_000
TIMEOUT_MS = 20_000
"""Upper bound for one page to load or one rerun to finish (a run takes about a second)."""

# (url path, English title) of the pages in the navigation; the default page also answers at "/".
PAGES = tuple((page.path, t(page.title_key, "en")) for page in LISTED)
"""Every page in the navigation (dashboard/pages.py), with its English title."""
NAV_PATHS = {path for path, _ in PAGES}
BODY_CODE = "sme_dialogue"
BODY_NAME = "SME Dialogue"
EVENT_ID = "sme-dialogue-2023-09-21"
HOSTILE_BODY = "%27%3B%20drop%20table%20events%3B--"

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not CHROMIUM.exists() and "CI" not in os.environ,
        reason=f"{CHROMIUM} is absent and CI is unset (in CI a missing Chromium fails instead)",
    ),
]


def _new_context(browser: Browser, args: dict[str, Any]) -> BrowserContext:
    context = browser.new_context(**args)
    context.set_default_timeout(TIMEOUT_MS)
    return context


@pytest.fixture(scope="module")
def context(browser: Browser, browser_context_args: dict[str, Any]) -> Iterator[BrowserContext]:
    """One context for the module (pytest-playwright's is per test), so the frontend's code is
    fetched and compiled once."""
    shared = _new_context(browser, browser_context_args)
    try:
        yield shared
    finally:
        shared.close()


@pytest.fixture
def page(context: BrowserContext) -> Iterator[Page]:
    """A new tab: loading the app in it opens a new Streamlit session, initialised from its URL."""
    tab = context.new_page()
    try:
        yield tab
    finally:
        tab.close()


def wait_ready(page: Page, title: str) -> None:
    """Wait until the page titled ``title`` is shown, its script run has finished and every
    widget is drawn (the frontend shows skeletons while it fetches a widget's code)."""
    expect(page.get_by_test_id("stMain").locator("h1").first).to_have_text(
        title, timeout=TIMEOUT_MS
    )
    expect(page.get_by_test_id("stApp")).to_have_attribute(
        "data-test-script-state", "notRunning", timeout=TIMEOUT_MS
    )
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=TIMEOUT_MS)


def assert_healthy(page: Page) -> None:
    """No Python exception on the page and no "Page not found" dialog (checked once the run
    has finished, so a short wait suffices)."""
    expect(page.get_by_test_id("stException")).to_have_count(0, timeout=2_000)
    expect(page.get_by_test_id("stDialog")).to_have_count(0, timeout=2_000)


def bodies_multiselect(page: Page) -> Locator:
    return (
        page.get_by_test_id("stSidebar")
        .get_by_test_id("stMultiSelect")
        .filter(has=page.get_by_role("combobox", name="Bodies", exact=True))
    )


def expect_bodies_selected(page: Page, names: list[str]) -> None:
    expect(bodies_multiselect(page).locator("[data-tag]")).to_have_text(names, timeout=TIMEOUT_MS)


def expect_url_param(page: Page, name: str, value: str) -> None:
    expect(page).to_have_url(re.compile(rf"[?&]{name}={re.escape(value)}(&|$)"), timeout=TIMEOUT_MS)


def save_full_page(page: Page, name: str) -> None:
    """Screenshot, once every chart is drawn, with the viewport stretched to the content (the
    main area scrolls by itself, so a plain full-page shot would stop at the viewport)."""
    undrawn = page.locator('[data-testid="stPlotlyChart"]:not(:has(.main-svg))')
    expect(undrawn).to_have_count(0, timeout=TIMEOUT_MS)
    height = page.evaluate(
        """() => Math.max(
            ...['stMain', 'stSidebarContent'].map(
                id => document.querySelector(`[data-testid="${id}"]`)?.scrollHeight ?? 0),
            document.documentElement.scrollHeight)"""
    )
    page.set_viewport_size(
        {"width": VIEWPORT["width"], "height": min(int(height), MAX_SCREENSHOT_HEIGHT)}
    )
    # Charts re-lay themselves out after a resize; two animation frames let them settle.
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)
    page.set_viewport_size(VIEWPORT)


def test_root_forwards_to_summary_keeping_the_filters(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/?lang=en&body=sme_dialogue")
    wait_ready(page, "Summary")
    assert_healthy(page)
    expect(page).to_have_url(re.compile(r"/summary\?.*body=sme_dialogue"), timeout=15_000)


def held_event_ids(warehouse_path: Path, body_code: str) -> list[str]:
    """What the default filters (held events only) plus one body select, asked of the warehouse
    directly rather than through the app's own query."""
    con = connect(warehouse_path)
    try:
        frame = run_sql(
            con,
            "select event_id from events where body_code = $body and status = 'held'",
            {"body": body_code},
        )
    finally:
        con.close()
    ids = sorted(frame["event_id"].to_list())
    assert ids, f"the warehouse has no held {body_code} event: pick another body for this test"
    return ids


def expect_events_shown(page: Page, n: int) -> None:
    shown = t_n("n_shown", "en", n)
    expect(page.get_by_test_id("stMain").get_by_text(shown, exact=True)).to_be_visible(
        timeout=TIMEOUT_MS
    )


def test_filter_survives_page_switch_and_copied_link(
    page: Page,
    browser: Browser,
    browser_context_args: dict[str, Any],
    app_url: str,
    warehouse_path: Path,
) -> None:
    n_expected = len(held_event_ids(warehouse_path, BODY_CODE))
    page.goto(f"{app_url}/?lang=en")
    wait_ready(page, "Summary")
    expect_bodies_selected(page, [])

    combobox = bodies_multiselect(page).get_by_role("combobox")
    combobox.click()
    combobox.fill(BODY_NAME)
    page.get_by_role("option", name=BODY_NAME, exact=True).click()
    combobox.press("Escape")
    expect_url_param(page, "body", BODY_CODE)
    wait_ready(page, "Summary")
    expect_bodies_selected(page, [BODY_NAME])

    # The browser drops the query string on a page switch; the app must write it back.
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Events", exact=True).click()
    wait_ready(page, "Events")
    expect(page).to_have_url(re.compile(r"/events\?"), timeout=TIMEOUT_MS)
    expect_url_param(page, "body", BODY_CODE)
    expect_url_param(page, "lang", "en")
    expect_bodies_selected(page, [BODY_NAME])
    expect_events_shown(page, n_expected)
    assert_healthy(page)
    copied = page.url

    fresh = _new_context(browser, browser_context_args)
    try:
        other = fresh.new_page()
        other.goto(copied)
        wait_ready(other, "Events")
        expect_bodies_selected(other, [BODY_NAME])
        expect_url_param(other, "body", BODY_CODE)
        expect_events_shown(other, n_expected)
        assert_healthy(other)
    finally:
        fresh.close()


def test_events_csv_holds_the_filtered_events(
    page: Page, app_url: str, warehouse_path: Path
) -> None:
    expected_ids = held_event_ids(warehouse_path, BODY_CODE)
    page.goto(f"{app_url}/events?body={BODY_CODE}&lang=en")
    wait_ready(page, "Events")
    assert_healthy(page)
    button = page.get_by_test_id("stDownloadButton").filter(has_text="Download CSV")
    with page.expect_download(timeout=TIMEOUT_MS) as info:
        button.get_by_role("button", name="Download CSV").click()
    download = info.value
    con = connect(warehouse_path)
    try:
        span = run_query(con, "date_range", {}).row(0, named=True)
    finally:
        con.close()
    # No period chosen: the name says the period the data covers.
    assert download.suggested_filename == (
        f"tmec-events-{span['first_date']}_{span['last_date']}.csv"
    )
    raw = Path(download.path()).read_bytes()

    assert raw.startswith(b"\xef\xbb\xbf"), f"no UTF-8 BOM: file starts {raw[:20]!r}"
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows, "the CSV has a header but no rows"
    headers = list(rows[0])
    assert {"Start", "Body", "Title", "Status", "Source URLs", "Event id"} <= set(headers)
    untranslated = [h for h in headers if "_" in h]
    assert not untranslated, f"headers left as column names: {untranslated}"

    assert sorted(row["Event id"] for row in rows) == expected_ids
    assert {row["Body"] for row in rows} == {BODY_NAME}
    assert {row["Status"] for row in rows} == {"Held"}
    no_sources = [row["Event id"] for row in rows if not row["Source URLs"].strip()]
    assert not no_sources, f"events exported without source URLs: {no_sources}"


def test_record_text_renders_literally(page: Page, app_url: str) -> None:
    """A record holding <script>, HTML and Markdown links shows them as text: nothing runs,
    no link or markup is made from them (issue: record text is shown as text)."""
    from tests.e2e.conftest import HOSTILE_ID, HOSTILE_TITLE

    page.goto(f"{app_url}/events?event={HOSTILE_ID}&lang=en")
    wait_ready(page, "Events")
    assert_healthy(page)
    main = page.get_by_test_id("stMain")
    expect(main.locator("h2", has_text="<script>window.__pwned = 1</script>")).to_be_visible(
        timeout=TIMEOUT_MS
    )
    # The app breaks would-be autolinks with an invisible word joiner (U+2060): the text reads
    # the same and links nothing.
    heading = main.locator("h2", has_text="window.__pwned").first.inner_text().replace("\u2060", "")
    assert HOSTILE_TITLE.split(" [click")[0] in heading
    assert "[click me](https://evil.example)" in heading
    assert "**stars**" in heading
    assert page.evaluate("() => window.__pwned") is None
    assert main.locator("a[href*='evil.example']").count() == 0
    assert main.locator("a[href^='javascript:']").count() == 0
    assert main.locator("b", has_text="bold").count() == 0
    assert main.locator("style").count() == 0
    expect(main.get_by_text("[link](javascript:alert(1))", exact=False)).to_be_visible(
        timeout=TIMEOUT_MS
    )
    save_full_page(page, "events-hostile-record")


# --- language switches keep the filters (issue 10, item 1) ------------------------------------

LANG_NAMES = {"es": "Español", "en": "English", "fr": "Français"}
EVENTS_TITLE = {"es": "Eventos", "en": "Events", "fr": "Événements"}
TRENDS_TITLE = {"es": "Tendencias", "en": "Trends", "fr": "Tendances"}
N_SHOWN = {"es": "{n} eventos", "en": "{n} events", "fr": "{n} événements"}
BODIES_LABEL = {"es": "Órganos", "en": "Bodies", "fr": "Organes"}
SWITCH_BODIES = ("joint_review", "environment_committee")
SWITCH_BODY_NAMES = {
    "es": ["Revisión Conjunta", "Comité de Medio Ambiente"],
    "en": ["Joint Review", "Environment Committee"],
    "fr": ["Examen conjoint", "Comité de l'environnement"],
}


def n_held_with_party(warehouse_path: Path, bodies: tuple[str, ...], party: str) -> int:
    """Held events of ``bodies`` that ``party`` hosted, chaired or attended, asked of the
    warehouse's tables directly."""
    con = connect(warehouse_path)
    try:
        frame = run_sql(
            con,
            """select count(*) as n from events e
               where e.status = 'held' and list_contains($bodies, e.body_code)
                 and (e.host_party = $party or e.chair_party = $party
                      or exists (select 1 from participants p
                                 where p.event_id = e.event_id and p.party_code = $party))""",
            {"bodies": list(bodies), "party": party},
        )
    finally:
        con.close()
    n = int(frame.item())
    assert n > 0, "no held event matches: pick other bodies for this test"
    return n


def switch_language(page: Page, lang: str, title: str) -> None:
    """Choose ``lang`` in the sidebar and wait for the page, now titled ``title``."""
    box = page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").first
    box.click()
    page.get_by_role("option", name=LANG_NAMES[lang], exact=True).click()
    wait_ready(page, title)


def expect_filter_codes_in_url(page: Page, lang: str) -> None:
    expect(page).to_have_url(re.compile(r"[?&]party=CA(&|$)"), timeout=TIMEOUT_MS)
    expect(page).to_have_url(re.compile(rf"[?&]lang={lang}(&|$)"), timeout=TIMEOUT_MS)
    found = re.search(r"[?&]body=([^&]*)", page.url)
    assert found, f"no body in the URL: {page.url}"
    assert sorted(found[1].replace("%2C", ",").split(",")) == sorted(SWITCH_BODIES), page.url


# One order in the browser, the one that returns to a language whose widgets the frontend has
# drawn before; AppTest's test_language_switches_keep_filters_as_codes runs both orders.
@pytest.mark.parametrize("langs", [("en", "fr", "en")], ids=["en-fr-en"])
def test_language_switches_keep_the_filters(
    page: Page, app_url: str, warehouse_path: Path, langs: tuple[str, str, str]
) -> None:
    n = n_held_with_party(warehouse_path, SWITCH_BODIES, "CA")
    first = langs[0]
    page.goto(f"{app_url}/events?lang={first}&body={','.join(SWITCH_BODIES)}&party=CA")
    wait_ready(page, EVENTS_TITLE[first])
    main = page.get_by_test_id("stMain")
    for i, lang in enumerate(langs):
        if i:
            switch_language(page, lang, EVENTS_TITLE[lang])
        assert_healthy(page)
        expect(main.get_by_text(N_SHOWN[lang].format(n=n), exact=True)).to_be_visible()
        expect_filter_codes_in_url(page, lang)
        bodies = (
            page.get_by_test_id("stSidebar")
            .get_by_test_id("stMultiSelect")
            .filter(has=page.get_by_role("combobox", name=BODIES_LABEL[lang], exact=True))
        )
        expect(bodies.locator("[data-tag]")).to_have_text(SWITCH_BODY_NAMES[lang])
    # Another run after the switches (a page switch and back) still counts the same.
    last = langs[-1]
    nav = page.get_by_test_id("stSidebarNav")
    nav.get_by_role("link", name=TRENDS_TITLE[last], exact=True).click()
    wait_ready(page, TRENDS_TITLE[last])
    nav.get_by_role("link", name=EVENTS_TITLE[last], exact=True).click()
    wait_ready(page, EVENTS_TITLE[last])
    expect(main.get_by_text(N_SHOWN[last].format(n=n), exact=True)).to_be_visible()
    expect_filter_codes_in_url(page, last)


# --- exports of exactly the view, the report, reaching an event (issue 10) --------------------

SEARCH = "Ebrard"


def matching_ids(warehouse_path: Path, word: str) -> list[str]:
    """Held events whose people, titles or notes mention ``word``, asked of the tables."""
    con = connect(warehouse_path)
    try:
        frame = run_sql(
            con,
            """select event_id from events e
               where status = 'held' and (
                   concat_ws(' ', title_en, title_es, notes) ilike '%' || $w || '%'
                   or exists (select 1 from participants p
                              where p.event_id = e.event_id and p.name ilike '%' || $w || '%')
                   or exists (select 1 from outcomes o
                              where o.event_id = e.event_id and o.text ilike '%' || $w || '%')
                   or exists (select 1 from panels p
                              where p.event_id = e.event_id and p.title ilike '%' || $w || '%'))
               order by event_id""",
            {"w": word},
        )
    finally:
        con.close()
    return frame["event_id"].to_list()


def download_pack(page: Page, label: str = "Briefing pack") -> dict[str, bytes]:
    button = page.get_by_test_id("stDownloadButton").filter(has_text=label)
    with page.expect_download(timeout=TIMEOUT_MS) as info:
        button.get_by_role("button").click()
    with zipfile.ZipFile(info.value.path()) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_events_pack_after_a_search_holds_only_the_matches(
    page: Page, app_url: str, warehouse_path: Path
) -> None:
    expected = matching_ids(warehouse_path, SEARCH)
    assert expected, f"no held event mentions {SEARCH}"
    page.goto(f"{app_url}/events?lang=en")
    wait_ready(page, "Events")
    search = page.get_by_test_id("stMain").get_by_role("textbox").first
    search.fill(SEARCH)
    search.press("Enter")
    expect_url_param(page, "q", SEARCH)
    wait_ready(page, "Events")
    expect_events_shown(page, len(expected))
    files = download_pack(page)
    [events_csv] = [v for k, v in files.items() if k.startswith("tmec-events-")]
    rows = list(csv.DictReader(io.StringIO(events_csv.decode("utf-8-sig"), newline="")))
    assert sorted(row["Event id"] for row in rows) == expected

    report = files["report.html"].decode("utf-8")
    report_path = SCREENSHOTS.parent / "report-events-search.html"
    report_path.parent.mkdir(parents=True, exist_ok=True)
    report_path.write_text(report, encoding="utf-8")
    other = page.context.new_page()
    try:
        other.goto(report_path.as_uri())
        table = other.locator("table.events")
        expect(table.locator("tbody tr")).to_have_count(len(expected))
        for event_id in expected:
            assert event_id in report
        cited = other.locator("ol.sources > li")
        urls = [item.locator("a, span.url").first.inner_text() for item in cited.all()]
        assert urls, "no sources listed"
        assert len(urls) == len(set(urls)), "a source is listed more than once"
        expect(other.get_by_text(f"«{SEARCH}»")).to_be_visible()
        reopen = other.locator(".reopen a")
        expect(reopen).to_have_attribute("href", re.compile(rf"/events\?.*q={SEARCH}"))
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        other.screenshot(path=SCREENSHOTS / "report-events-search.png", full_page=True)
    finally:
        other.close()


def test_a_typed_period_applies_on_enter(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/events?lang=en")
    wait_ready(page, "Events")
    # The period is two date fields of year, month and day segments; typing moves on from
    # segment to segment.
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_role("spinbutton", name="year, Period start date").click()
    page.keyboard.type("20230101")
    sidebar.get_by_role("spinbutton", name="year, Period end date").click()
    page.keyboard.type("20231231")
    page.keyboard.press("Enter")
    expect_url_param(page, "from", "2023-01-01")
    expect_url_param(page, "to", "2023-12-31")
    wait_ready(page, "Events")
    stated = page.get_by_test_id("stMain").get_by_text(re.compile("2023-01-01"))
    expect(stated.first).to_be_visible()


BRIEFING_PACK_FR = "Dossier de note d'information"
PDF_PAGE = re.compile(rb"/Type\s*/Page(?!s)")


def test_a_years_report_prints_on_at_most_three_pages(page: Page, app_url: str) -> None:
    """Issue 10: the report of a year printed on eight pages, mostly URLs."""
    page.goto(f"{app_url}/summary?lang=fr&from=2025-01-01&to=2025-12-31")
    wait_ready(page, "Résumé")
    report = download_pack(page, BRIEFING_PACK_FR)["report.html"].decode("utf-8")
    path = SCREENSHOTS.parent / "report-2025-fr.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(report, encoding="utf-8")
    other = page.context.new_page()
    try:
        other.goto(path.as_uri())
        expect(other.locator("table.events tbody tr").first).to_be_attached()
        expect(other.locator(".main-svg").first).to_be_attached()
        pdf = other.pdf(format="A4")
    finally:
        other.close()
    (SCREENSHOTS.parent / "report-2025-fr.pdf").write_bytes(pdf)
    n_pages = len(PDF_PAGE.findall(pdf))
    assert 1 <= n_pages <= 3, f"a year's report prints on {n_pages} pages"


def test_clicking_a_table_row_opens_that_event(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/events?lang=en&body={BODY_CODE}")
    wait_ready(page, "Events")
    grid = page.get_by_test_id("stMain").get_by_test_id("stDataFrame").first
    expect(grid).to_be_visible()
    box = grid.bounding_box()
    assert box is not None
    # The first data row, in the row-marker column at the left of the grid.
    page.mouse.click(box["x"] + 12, box["y"] + 35 + 17)
    expect(page.get_by_role("button", name="Back to the list")).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]event=[a-z0-9-]+"))
    event_id = re.search(r"[?&]event=([a-z0-9-]+)", page.url)
    assert event_id and event_id[1].startswith("sme-dialogue-")
    expect(page.get_by_test_id("stMain").locator("h2").first).to_be_visible()
    # Back to the list: the list shows again (the click is not replayed).
    page.get_by_role("button", name="Back to the list").click()
    wait_ready(page, "Events")
    expect(page.get_by_test_id("stMain").get_by_test_id("stDataFrame").first).to_be_visible()
    expect(page.get_by_role("button", name="Back to the list")).to_have_count(0)


def test_clicking_a_row_on_the_summary_opens_that_event(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/summary?lang=en")
    wait_ready(page, "Summary")
    grid = page.get_by_test_id("stMain").get_by_test_id("stDataFrame").nth(1)  # latest events
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + 12, box["y"] + 35 + 17)
    wait_ready(page, "Events")
    expect(page.get_by_role("button", name="Back to the list")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/events\?.*event=[a-z0-9-]+"))


# --- every page in every language at desktop and phone size (issue 10) ------------------------

PHONE: ViewportSize = {"width": 390, "height": 844}
TITLES = {
    "summary": {"es": "Resumen", "en": "Summary", "fr": "Résumé"},
    "trends": TRENDS_TITLE,
    "topics": {"es": "Temas", "en": "Topics", "fr": "Thèmes"},
    "parties": {"es": "Partes", "en": "Parties", "fr": "Parties"},
    "events": EVENTS_TITLE,
    "bodies": {"es": "Órganos", "en": "Bodies", "fr": "Organes"},
    "body": {"es": "Órgano", "en": "Body", "fr": "Organe"},
    "cases": {"es": "Casos", "en": "Cases", "fr": "Affaires"},
    "drafts": {"es": "Borradores", "en": "Drafts", "fr": "Ébauches"},
    "documents": {"es": "Documentos", "en": "Documents", "fr": "Documents"},
    "data": {"es": "Datos", "en": "Data", "fr": "Données"},
}
STREAMLIT_ENGLISH = ("Choose an option", "Choose options", "No results", "Select all")
"""Streamlit's own English words, shown where a widget is given no text of ours."""


def english_only() -> set[str]:
    """Catalogue texts whose English differs from both translations (and is not a name)."""
    from dashboard.i18n import messages

    en, es, fr = messages("en"), messages("es"), messages("fr")
    return {
        text
        for key, text in en.items()
        if "{" not in text and text not in (es[key], fr[key]) and len(text) > 3
    } | set(STREAMLIT_ENGLISH)


def visible_lines(page: Page) -> list[str]:
    text = page.evaluate(
        """() => ['stMain', 'stSidebar'].map(
            id => document.querySelector(`[data-testid="${id}"]`)?.innerText ?? '').join('\\n')"""
    )
    return [line.strip() for line in str(text).splitlines() if line.strip()]


# Every language at desktop size; at phone size the two whose words are longest (layout only
# depends on the language through the length of its words).
SIZES_AND_LANGS = [
    ("desktop", "es"),
    ("desktop", "en"),
    ("desktop", "fr"),
    ("phone", "es"),
    ("phone", "fr"),
]


@pytest.mark.parametrize(
    ("size", "lang"),
    SIZES_AND_LANGS,
    ids=[f"{size}-{lang}" for size, lang in SIZES_AND_LANGS],
)
def test_every_page_in_every_language_and_size(
    browser: Browser, browser_context_args: dict[str, Any], app_url: str, lang: str, size: str
) -> None:
    viewport = VIEWPORT if size == "desktop" else PHONE
    context = _new_context(browser, {**browser_context_args, "viewport": viewport})
    english = english_only()
    try:
        page = context.new_page()
        for path, titles in TITLES.items():
            page.goto(f"{app_url}/{path}?lang={lang}&party=CA")
            wait_ready(page, titles[lang])
            assert_healthy(page)
            if path in NAV_PATHS and size == "desktop":
                expect(
                    page.get_by_test_id("stSidebarNav").get_by_role(
                        "link", name=titles[lang], exact=True
                    )
                ).to_have_attribute("aria-current", "page")
            if lang != "en":
                stray = [line for line in visible_lines(page) if line in english]
                assert not stray, f"{path} in {lang} shows English: {stray}"
            if path != "data":
                # The filters in force are stated in the page itself, not only in the sidebar.
                stated = page.get_by_test_id("stMain").get_by_text(re.compile("Canad[aá]"))
                expect(stated.first).to_be_visible()
            if size == "phone":
                width = page.evaluate("() => document.documentElement.scrollWidth")
                assert width <= viewport["width"] + 1, f"{path} scrolls sideways on a phone"
                # Figures and tables are whole within the screen's width.
                main = page.get_by_test_id("stMain")
                for element in (
                    main.get_by_test_id("stMetric").all() + main.get_by_test_id("stDataFrame").all()
                ):
                    box = element.bounding_box()
                    assert box is not None
                    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"] + 1, (
                        f"{path}: an element runs off a phone's screen: {box}"
                    )
            save_page_as(page, f"{path}-{lang}-{size}", viewport)
        # A case page: its title is the case's subject, not a page name.
        page.goto(f"{app_url}/case?id={CASE_ID}&lang={lang}")
        expect(page.get_by_test_id("stMain").locator("h1").first).to_be_visible()
        expect(page.get_by_test_id("stApp")).to_have_attribute(
            "data-test-script-state", "notRunning"
        )
        expect(page.get_by_test_id("stSkeleton")).to_have_count(0)
        assert_healthy(page)
        if lang != "en":
            stray = [line for line in visible_lines(page) if line in english]
            assert not stray, f"case in {lang} shows English: {stray}"
        if size == "phone":
            width = page.evaluate("() => document.documentElement.scrollWidth")
            assert width <= viewport["width"] + 1, "the case page scrolls sideways on a phone"
        save_page_as(page, f"case-{lang}-{size}", viewport)
    finally:
        context.close()


def save_page_as(page: Page, name: str, viewport: ViewportSize) -> None:
    """Like save_full_page, at the given viewport width."""
    undrawn = page.locator('[data-testid="stPlotlyChart"]:not(:has(.main-svg))')
    expect(undrawn).to_have_count(0, timeout=TIMEOUT_MS)
    height = page.evaluate(
        """() => Math.max(
            ...['stMain', 'stSidebarContent'].map(
                id => document.querySelector(`[data-testid="${id}"]`)?.scrollHeight ?? 0),
            document.documentElement.scrollHeight)"""
    )
    page.set_viewport_size(
        {"width": viewport["width"], "height": min(int(height), MAX_SCREENSHOT_HEIGHT)}
    )
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)
    page.set_viewport_size(viewport)


def test_a_body_page_opens_from_a_link_on_the_events_page(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/events?lang=en&event={EVENT_ID}")
    wait_ready(page, "Events")
    link = page.get_by_test_id("stMain").get_by_role("link", name=f"Open the page of {BODY_NAME}")
    link.click()
    wait_ready(page, BODY_NAME)
    assert_healthy(page)
    expect_url_param(page, "code", BODY_CODE)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("Evidence of activity by year").first).to_be_visible()
    expect(main.get_by_text("Reports that name this body").first).to_be_visible()
    save_full_page(page, "body-from-events-link")
    # Reloading the copied link shows the same body.
    page.reload()
    wait_ready(page, BODY_NAME)
    expect_url_param(page, "code", BODY_CODE)


def test_a_coverage_square_opens_the_records_behind_it(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/bodies?lang=fr")
    wait_ready(page, "Organes")
    assert_healthy(page)
    chart = page.get_by_test_id("stPlotlyChart").first
    expect(chart.locator(".main-svg").first).to_be_attached()
    # A filled square (a level other than "nothing known"); plotly's drag layer takes the
    # click at the point's position and turns it into a selection.
    point = chart.locator("g.points path.point").first
    point.scroll_into_view_if_needed()
    box = point.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("link", name=re.compile("^Ouvrir la page de "))).to_be_visible(
        timeout=TIMEOUT_MS
    )
    save_full_page(page, "bodies-cell-opened-fr")


def test_clicking_a_bar_lists_its_events_and_a_row_opens_one(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/trends?lang=en&body={BODY_CODE}")
    wait_ready(page, "Trends")
    chart = page.get_by_test_id("stPlotlyChart").first
    expect(chart.locator(".main-svg").first).to_be_attached()
    chart.scroll_into_view_if_needed()
    # The tallest bar (empty periods are drawn as zero-height bars).
    boxes = [b for b in (p.bounding_box() for p in chart.locator("g.point path").all()) if b]
    assert boxes, "no bars drawn"
    box = max(boxes, key=lambda b: b["height"])
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    main = page.get_by_test_id("stMain")
    heading = re.escape(t("bar_events", "en", period="YEAR", series=BODY_NAME))
    expect(
        main.get_by_text(re.compile("^" + heading.replace("YEAR", r"\d{4}") + "$"))
    ).to_be_visible()
    wait_ready(page, "Trends")
    grid = main.get_by_test_id("stDataFrame").first
    grid.scroll_into_view_if_needed()
    grid_box = grid.bounding_box()
    assert grid_box is not None
    page.mouse.click(grid_box["x"] + 12, grid_box["y"] + 35 + 17)
    wait_ready(page, "Events")
    expect(page.get_by_role("button", name="Back to the list")).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]event=sme-dialogue-"))


def test_a_topic_square_lists_its_events_and_a_row_opens_one(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/topics?lang=fr")
    wait_ready(page, "Thèmes")
    assert_healthy(page)
    chart = page.get_by_test_id("stPlotlyChart").first
    expect(chart.locator(".main-svg").first).to_be_attached()
    point = chart.locator("g.points path.point").first
    point.scroll_into_view_if_needed()
    box = point.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text(re.compile(r" · année : \d{4} · organe : Tous$"))).to_be_visible(
        timeout=TIMEOUT_MS
    )
    expect(page).to_have_url(re.compile(r"[?&]cell_year=\d{4}(&|$)"), timeout=TIMEOUT_MS)
    assert_healthy(page)
    stray = [line for line in visible_lines(page) if line in english_only()]
    assert not stray, f"the chosen cell shows English: {stray}"
    save_full_page(page, "topics-cell-opened-fr")
    wait_ready(page, "Thèmes")
    grid = main.get_by_test_id("stDataFrame").first
    grid.scroll_into_view_if_needed()
    grid_box = grid.bounding_box()
    assert grid_box is not None
    page.mouse.click(grid_box["x"] + 12, grid_box["y"] + 35 + 17)
    wait_ready(page, "Événements")
    expect(page).to_have_url(re.compile(r"[?&]event=[a-z0-9-]+"))


CASE_ID = "rrm-2021-tridonex"


def test_cases_page_opens_a_case(page: Page, app_url: str, warehouse_path: Path) -> None:
    con = connect(warehouse_path)
    try:
        subject = run_sql(
            con, "select subject_en from cases where case_id = $id", {"id": CASE_ID}
        ).item()
    finally:
        con.close()
    page.goto(f"{app_url}/cases?lang=en&mechanism=rrm")
    wait_ready(page, "Cases")
    assert_healthy(page)
    expect(page.get_by_text("Stated and recorded: RRM requests").first).to_be_visible(
        timeout=TIMEOUT_MS
    )
    save_full_page(page, "cases")
    picker = page.get_by_test_id("stSelectbox").filter(has_text="Open a case")
    picker.locator("input").click()
    picker.locator("input").fill(CASE_ID)
    page.keyboard.press("Enter")
    wait_ready(page, subject)
    assert_healthy(page)
    expect_url_param(page, "id", CASE_ID)
    expect(page.get_by_text("Tridonex S. de R.L. de C.V.").first).to_be_visible(timeout=TIMEOUT_MS)
    save_full_page(page, "case")
    # The copied link reopens the case in a fresh page.
    other = page.context.new_page()
    other.goto(page.url)
    wait_ready(other, subject)
    assert_healthy(other)
    other.close()


DRAFTED = ROOT / "tests" / "documents" / "reports" / "ftc-2024-statement-en.txt"


def choose(page: Page, label: str, option: str) -> None:
    """Pick ``option`` in the selectbox labelled ``label``, once the page is idle; a click
    that lands while the page re-lays itself out (after a screenshot) leaves the list
    closed, so the list is opened again until the option shows."""
    expect(page.get_by_test_id("stApp")).to_have_attribute(
        "data-test-script-state", "notRunning", timeout=TIMEOUT_MS
    )
    box = page.get_by_test_id("stMain").get_by_role("combobox", name=label, exact=True)
    choice = page.get_by_role("option", name=option, exact=True)
    for _ in range(3):
        box.click()
        try:
            expect(choice).to_be_visible(timeout=3_000)
            break
        except AssertionError:
            page.keyboard.press("Escape")
    choice.click()


def test_drafts_upload_edit_download_and_validate(page: Page, app_url: str, tmp_path: Path) -> None:
    """Upload a committed statement, fix the one field the checker names (format), edit the
    city, download the YAML and validate a data folder holding it."""
    page.goto(f"{app_url}/drafts?lang=en")
    wait_ready(page, "Drafts")
    page.get_by_test_id("stFileUploader").locator("input[type=file]").set_input_files(DRAFTED)
    expect(page.get_by_text(t_n("drafts_problems", "en", 1))).to_be_visible()
    expect(page.get_by_test_id("stCode")).to_contain_text("format: required field is null")
    highlighted = page.get_by_test_id("stMain").locator("strong", has_text="May 22, 2024")
    expect(highlighted.first).to_be_visible()  # the start date's evidence
    save_full_page(page, "drafts-uploaded")

    choose(page, "Format", "In person")
    city = page.get_by_test_id("stTextInput").filter(has=page.get_by_text("City", exact=True))
    city.locator("input").fill("Phoenix, Arizona")
    city.locator("input").press("Enter")
    expect(page.get_by_text("The record is valid: move it into data/events/")).to_be_visible()
    expect(page.get_by_test_id("stApp")).to_have_attribute(
        "data-test-script-state", "notRunning", timeout=TIMEOUT_MS
    )
    save_full_page(page, "drafts-edited")

    button = page.get_by_test_id("stDownloadButton").filter(has_text="Download YAML")
    with page.expect_download(timeout=TIMEOUT_MS) as info:
        button.get_by_role("button", name="Download YAML").click()
    download = info.value
    assert download.suggested_filename == "ftc-2024-05-22.yaml"
    raw = Path(download.path()).read_bytes()
    assert b"format: in_person" in raw and b"city: Phoenix, Arizona" in raw

    data = Path(shutil.copytree(ROOT / "data", tmp_path / "data"))
    (data / "events" / download.suggested_filename).write_bytes(raw)
    done = subprocess.run(
        [sys.executable, "-m", "etl", "validate", "--data", str(data)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert f"ok: {len(list((ROOT / 'data' / 'events').glob('*.yaml'))) + 1} events" in done.stdout


def _drawn_statements(kind: str) -> int:
    """Statements of ``kind`` with a date to draw them at (an as-of or publication date known
    to the month or the day), counted from data/stated-counts.yaml."""
    counts = yaml.safe_load((ROOT / "data" / "stated-counts.yaml").read_text(encoding="utf-8"))

    def dated(value: object) -> bool:
        return isinstance(value, dt.date) or (isinstance(value, str) and len(value) >= 7)

    return sum(
        c["kind"] == kind and (dated(c.get("as_of")) or dated(c.get("published")))
        for c in counts["counts"]
    )


# Issue 20 asks for the stated-totals chart as a reader sees it in Spanish and French: the
# screenshots (test-artifacts/screenshots/cases-stated-totals-{es,fr}.png) are looked at.
@pytest.mark.parametrize("lang", ["es", "fr"])
def test_stated_totals_chart_is_drawn_in_the_readers_language(
    page: Page, app_url: str, lang: str
) -> None:
    page.goto(f"{app_url}/cases?lang={lang}")
    wait_ready(page, t("page_cases", lang))
    assert_healthy(page)
    kind = code_labels(lang)["stated_kinds"]["rrm_requests"]
    title = t("stated_chart_title", lang, kind=kind)
    chart = page.get_by_test_id("stPlotlyChart").filter(has_text=title)
    expect(chart).to_have_count(1, timeout=TIMEOUT_MS)
    chart.scroll_into_view_if_needed()
    expect(chart.locator(".main-svg").first).to_be_attached()
    points = chart.locator("g.points path.point")
    expect(points).to_have_count(_drawn_statements("rrm_requests"), timeout=TIMEOUT_MS)
    legend = chart.locator(".legendtext")
    expect(legend.filter(has_text=t("stated_points", lang))).to_have_count(1)
    expect(legend.filter(has_text=t("stated_records_line", lang))).to_have_count(1)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    chart.screenshot(path=SCREENSHOTS / f"cases-stated-totals-{lang}.png")
    # A click on a point gives the link to its source.
    point = points.last
    box = point.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    opener = t("stated_open_source", lang, publisher="")
    expect(page.get_by_role("link", name=re.compile("^" + re.escape(opener))).first).to_be_visible(
        timeout=TIMEOUT_MS
    )
