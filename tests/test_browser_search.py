"""The Pagefind search box in the header: finds records, says how many, works by keyboard,
and marks the words on the page a result leads to."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser_support import status_count

pytestmark = pytest.mark.browser

RESULT_TITLES = "#mk-search .pagefind-ui__result-title .pagefind-ui__result-link"


def search_box(page):
    # By its accessible name: this also checks the box has a real label.
    return page.get_by_role("textbox", name="Zoeken in de Menukaart")


def search(page, site_url, query, start="routekaart/"):
    page.goto(site_url + start)
    box = search_box(page)
    box.fill(query)
    return box


@pytest.mark.parametrize(
    "query, record",
    [("veranderboekhouding", "/tools/veranderboekhouding/"), ("DIN", "/tools/din/")],
)
def test_header_search_finds_the_record_and_announces_the_count(page, site_url, query, record):
    search(page, site_url, query)
    titles = page.locator(RESULT_TITLES)
    titles.first.wait_for()
    more = page.get_by_role("button", name="Meer resultaten tonen")
    while True:  # Pagefind shows five results at a time
        paths = [urlsplit(href).path for href in titles.evaluate_all("links => links.map(a => a.href)")]
        if record in paths or not more.is_visible():
            break
        shown = titles.count()
        more.click()
        expect(titles).not_to_have_count(shown)
    assert record in paths, f"no result for {query!r} leads to {record}: {paths}"

    # The count is announced once in the polite status region, in Dutch.
    status = page.locator("[data-mk-search-status]")
    assert status.get_attribute("role") == "status"
    expect(status).to_have_text(re.compile(rf"^\d+ resulta(at|ten) voor '{query}'$"))
    announced = status_count(status.text_content())
    shown = page.locator("#mk-search .pagefind-ui__result").count()
    assert announced >= shown >= 1
    if announced == shown:  # all results on show: the message is exact
        assert announced == len(paths)


def test_header_search_announces_when_nothing_is_found(page, site_url):
    search(page, site_url, "qqzxwvnietbestaand")
    expect(page.locator("[data-mk-search-status]")).to_have_text("Geen resultaten voor 'qqzxwvnietbestaand'")
    assert page.locator("#mk-search .pagefind-ui__result").count() == 0


def test_header_search_loads_no_filters(page, site_url):
    """The box shows no filters: Pagefind must not fetch them, nor count them on every search."""
    requested = []
    page.on("request", lambda request: requested.append(urlsplit(request.url).path))
    search(page, site_url, "veranderboekhouding")
    page.locator(RESULT_TITLES).first.wait_for()
    assert any(path.endswith(".pf_index") for path in requested)  # it really searched the index
    assert [path for path in requested if path.endswith(".pf_filter")] == []
    assert page.locator("#mk-search .pagefind-ui__filter-panel").count() == 0


def test_the_index_keeps_its_filters_for_other_uses(site_dir):
    """Other tools rely on the Pagefind filters (CONTRACT.md); only the header box leaves them out."""
    assert list((site_dir / "pagefind" / "filter").glob("*.pf_filter"))


def test_header_search_is_keyboard_usable(page, site_url):
    box = search(page, site_url, "veranderboekhouding")
    links = page.locator("#mk-search .pagefind-ui__result-link")
    links.first.wait_for()

    box.press("ArrowDown")
    expect(links.first).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(links.nth(1)).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(links.first).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(box).to_be_focused()

    # Escape from a result: back to the box, query and results gone, nothing announced.
    box.press("ArrowDown")
    expect(links.first).to_be_focused()
    page.keyboard.press("Escape")
    expect(box).to_be_focused()
    expect(box).to_have_value("")
    expect(page.locator("#mk-search .pagefind-ui__result")).to_have_count(0)
    expect(page.locator("[data-mk-search-status]")).to_have_text("")


def test_result_page_highlights_the_words_searched_for(page, site_url):
    box = search(page, site_url, "veranderboekhouding")
    page.locator(RESULT_TITLES).first.wait_for()
    # Arrow down to the tool's own result and open it, the way a keyboard user would.
    box.press("ArrowDown")
    for _ in range(page.locator("#mk-search .pagefind-ui__result-link").count()):
        if "/tools/veranderboekhouding/?" in page.evaluate("document.activeElement.href || ''"):
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/tools/veranderboekhouding/\?highlight=veranderboekhouding"))
    marks = page.locator("mark.pagefind-highlight")
    marks.first.wait_for()
    texts = {t.lower() for t in marks.all_text_contents()}
    assert texts == {"veranderboekhouding"}
    # Only the content is marked, not the navigation or the header.
    assert page.locator(".md-header mark, .md-sidebar mark").count() == 0


@pytest.mark.parametrize("viewport", [{"width": 390, "height": 844}, {"width": 1280, "height": 720}], ids=["telefoon", "scherm"])
def test_search_results_wrap_instead_of_scrolling_sideways(browser, site_url, viewport):
    """WCAG 1.4.10 (reflow): the results drawer sits in Material's header, which forbids
    line breaks; long excerpts must still wrap inside the drawer and the page."""
    context = browser.new_context(locale="nl-NL", viewport=viewport)
    try:
        page = context.new_page()
        page.goto(site_url + "tools/")
        search_box(page).fill("wijkscan")
        page.locator("#mk-search .pagefind-ui__result-excerpt").first.wait_for()
        drawer = page.locator("#mk-search .pagefind-ui__drawer")
        expect(drawer).to_be_visible()
        sizes = drawer.evaluate("d => [d.scrollWidth, d.clientWidth, document.documentElement.scrollWidth, innerWidth]")
        assert sizes[0] <= sizes[1], f"results scroll sideways: {sizes[0]}px of content in {sizes[1]}px"
        assert sizes[2] <= sizes[3], f"the page scrolls sideways: {sizes[2]}px wide in a {sizes[3]}px window"
        box = drawer.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
    finally:
        context.close()
