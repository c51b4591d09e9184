"""Mijn selectie and the fase checklists: kept by the browser (localStorage, never a cookie),
surviving a reload, and printing without the site's header, navigation or search."""
from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.browser_support import record_path

pytestmark = pytest.mark.browser

# What a printed page must not show: header (with the search box), both sidebars, footer.
SCREEN_ONLY = [".md-header", "[data-mk-search]", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"]


def assert_no_cookies(page):
    assert page.evaluate("document.cookie") == ""
    assert page.context.cookies() == []


def assert_prints_clean(page):
    page.emulate_media(media="print")
    try:
        for selector in SCREEN_ONLY:
            expect(page.locator(selector).first).to_be_hidden()
        expect(page.locator("h1").first).to_be_visible()
    finally:
        page.emulate_media(media="screen")


def test_selection_survives_a_reload_and_prints_as_one_pack(page, site_url, site_dir):
    tool = record_path(site_dir, "tools")
    principe = record_path(site_dir, "principes")
    for path in (tool, principe):
        page.goto(site_url + path)
        button = page.get_by_role("button", name="Bewaar in mijn selectie")
        button.click()
        expect(page.get_by_role("button", name="Haal uit mijn selectie")).to_have_attribute("data-mk-selected", "true")
        expect(page.locator("[data-mk-select-status]")).to_have_text("Bewaard in je selectie.")
    expect(page.locator("[data-mk-select-count]")).to_have_text("2")
    title = page.locator("h1").first.text_content().strip()  # the principe's

    page.reload()
    expect(page.get_by_role("button", name="Haal uit mijn selectie")).to_be_visible()
    saved = json.loads(page.evaluate("localStorage.getItem('menukaart:selectie')"))
    assert [i["u"] for i in saved] == [tool, principe]
    assert_no_cookies(page)

    page.goto(site_url + "selectie/")
    items = page.locator("[data-mk-selectie-item]")
    expect(items).to_have_count(2)
    assert [items.nth(i).get_attribute("data-mk-selectie-item") for i in range(2)] == [tool, principe]
    expect(items.nth(1).get_by_role("link")).to_have_text(title)
    pack = page.locator("[data-mk-pack-item]")
    expect(pack).to_have_count(2)
    expect(page.locator("[data-mk-selectie-pakket]")).not_to_have_attribute("aria-busy", "true")
    # Each record's own content is in the pack, its title one level down (one h1 per page).
    expect(pack.nth(1).locator("h2").first).to_have_text(title)
    assert page.locator("h1").count() == 1

    page.emulate_media(media="print")
    for selector in SCREEN_ONLY:
        expect(page.locator(selector).first).to_be_hidden()
    expect(pack.nth(0)).to_be_visible()
    expect(pack.nth(1).locator("h2").first).to_be_visible()
    page.emulate_media(media="screen")

    # Taking one out again, from the selection page.
    items.nth(0).get_by_role("button").click()
    expect(items).to_have_count(1)
    expect(page.locator("[data-mk-selectie-status]")).to_contain_text("uit je selectie gehaald")
    page.reload()
    expect(page.locator("[data-mk-selectie-item]")).to_have_count(1)


@pytest.mark.parametrize("collection", ["tools", "principes", "routekaart"])
def test_record_pages_print_without_header_navigation_or_search(page, site_url, site_dir, collection):
    page.goto(site_url + record_path(site_dir, collection))
    expect(page.locator("[data-mk-search] input").first).to_be_visible()  # there on screen
    assert_prints_clean(page)


def test_fase_checklist_is_remembered_in_local_storage_not_cookies(page, site_url, site_dir):
    fase = record_path(site_dir, "routekaart")
    fase_id = fase.split("/")[1]
    page.goto(site_url + fase)
    boxes = page.locator("[data-mk-checklist] input[type=checkbox]")
    assert boxes.count() >= 2
    total = boxes.count()
    progress = page.locator(".mk-checklist__voortgang")
    expect(progress).to_have_text(f"0 van de {total} punten afgevinkt")

    boxes.nth(1).focus()
    page.keyboard.press("Space")  # by keyboard, as well as by mouse below
    boxes.nth(0).check()
    expect(progress).to_have_text(f"2 van de {total} punten afgevinkt")
    stored = json.loads(page.evaluate("id => localStorage.getItem('menukaart:checklist:' + id)", fase_id))
    assert sorted(stored) == sorted([boxes.nth(0).get_attribute("value"), boxes.nth(1).get_attribute("value")])
    assert_no_cookies(page)

    page.reload()
    expect(boxes.nth(0)).to_be_checked()
    expect(boxes.nth(1)).to_be_checked()
    assert [boxes.nth(i).is_checked() for i in range(2, total)] == [False] * (total - 2)
    expect(progress).to_have_text(f"2 van de {total} punten afgevinkt")

    # Ticked boxes print as they are.
    page.emulate_media(media="print")
    expect(boxes.nth(0)).to_be_visible()
    expect(boxes.nth(0)).to_be_checked()
    page.emulate_media(media="screen")

    page.get_by_role("button", name="Vinkjes wissen").click()
    page.reload()
    expect(boxes.nth(0)).not_to_be_checked()
    assert page.evaluate("id => localStorage.getItem('menukaart:checklist:' + id)", fase_id) is None
    assert_no_cookies(page)
