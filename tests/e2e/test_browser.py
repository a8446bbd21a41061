"""The dashboard in a real Chromium: every page renders, filters survive page switches and
copied links, the events CSV holds what the filters select, and hostile links are refused.

AppTest keeps query parameters across page switches and cannot read download bytes; a real
browser does neither, which is what these tests are for. Screenshots of every page land in
``test-artifacts/screenshots/`` for a human to look at.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Locator,
    Page,
    ViewportSize,
    expect,
    sync_playwright,
)

from warehouse.db import connect, run_sql

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
VIEWPORT: ViewportSize = {"width": 1400, "height": 900}
MAX_SCREENSHOT_HEIGHT = 10_000
TIMEOUT_MS = 20_000
"""Upper bound for one page to load or one rerun to finish (a run takes about a second)."""

# (url path, English title); the default page also answers at "/".
PAGES = (
    ("summary", "Summary"),
    ("trends", "Trends"),
    ("topics", "Topics"),
    ("parties", "Parties"),
    ("events", "Events"),
    ("cases", "Cases"),
    ("bodies", "Bodies"),
    ("documents", "Documents"),
    ("drafts", "Drafts"),
    ("data", "Data"),
)
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


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is absent but CI is set: the browser tests must run in CI. "
            "Install it with `apt-get install -y chromium` (.ci/run does)."
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=LAUNCH_ARGS, headless=True
        )
        try:
            yield launched
        finally:
            launched.close()


def _new_context(browser: Browser) -> BrowserContext:
    context = browser.new_context(accept_downloads=True, viewport=VIEWPORT, locale="en-US")
    context.set_default_timeout(TIMEOUT_MS)
    return context


@pytest.fixture(scope="module")
def context(browser: Browser) -> Iterator[BrowserContext]:
    """One context for the module, so the frontend's code is fetched and compiled once."""
    shared = _new_context(browser)
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


@pytest.mark.parametrize(("path", "title"), PAGES, ids=[p for p, _ in PAGES])
def test_every_page_renders_in_english(page: Page, app_url: str, path: str, title: str) -> None:
    url_path = "" if path == "summary" else path
    page.goto(f"{app_url}/{url_path}?lang=en")
    wait_ready(page, title)
    assert_healthy(page)
    expect(
        page.get_by_test_id("stSidebarNav").get_by_role("link", name=title, exact=True)
    ).to_have_attribute("aria-current", "page", timeout=TIMEOUT_MS)
    save_full_page(page, path)


def test_summary_answers_at_its_own_path(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/summary?lang=en")
    wait_ready(page, "Summary")
    assert_healthy(page)


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
    expect(page.get_by_test_id("stMain").get_by_text(f"{n} events", exact=True)).to_be_visible(
        timeout=TIMEOUT_MS
    )


def test_filter_survives_page_switch_and_copied_link(
    page: Page, browser: Browser, app_url: str, warehouse_path: Path
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

    fresh = _new_context(browser)
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
    assert download.suggested_filename == "tmec-events-start_end.csv"
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


def test_event_detail_deep_link(page: Page, app_url: str, warehouse_path: Path) -> None:
    con = connect(warehouse_path)
    try:
        title = run_sql(
            con, "select title_en from events where event_id = $id", {"id": EVENT_ID}
        ).item()
    finally:
        con.close()

    page.goto(f"{app_url}/events?event={EVENT_ID}&lang=en")
    wait_ready(page, "Events")
    assert_healthy(page)
    expect(page.get_by_test_id("stMain").locator("h2", has_text=title)).to_be_visible(
        timeout=TIMEOUT_MS
    )
    expect(page.get_by_role("button", name="Back to the list")).to_be_visible(timeout=TIMEOUT_MS)
    expect_url_param(page, "event", EVENT_ID)
    save_full_page(page, "events-detail")


def test_hostile_link_value_is_refused_with_a_notice(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/?body={HOSTILE_BODY}&lang=en")
    wait_ready(page, "Summary")
    assert_healthy(page)
    notice = page.get_by_test_id("stAlert").filter(has_text="A value in the link was ignored")
    expect(notice).to_have_count(1, timeout=TIMEOUT_MS)
    expect(notice).to_contain_text("body=';", timeout=TIMEOUT_MS)
    expect_bodies_selected(page, [])
    expect(page).not_to_have_url(re.compile(r"[?&]body="), timeout=TIMEOUT_MS)
    save_full_page(page, "hostile-link")


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
    expect(page.get_by_text("RRM requests recorded;").first).to_be_visible(timeout=TIMEOUT_MS)
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
    expect(page.get_by_text("1 problem(s) found by the ETL's checker:")).to_be_visible()
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
