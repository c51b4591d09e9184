"""On a phone (390×844) and without a network: results first, a compact routekaart, touch
targets, a stable menukaart, and pages that open in a buurthuis without wifi.

- /menukaart/: the first card starts in the first screen; the filters sit behind a "Filters"
  button (a disclosure) that shows how many are chosen, opens, filters, and closes with
  Escape; the choice stays in the URL; nothing shifts while the page loads (CLS < 0.1).
- A fase page: the stepper takes at most a quarter of the first screen and still shows
  which fase is open.
- axe-core at 390 px on a page of every kind, with WCAG 2.2's target-size rule.
- Offline: after one visit to the home page, a tool page, Mijn selectie and the planner open
  without network; a practice never opened shows the Dutch offline page.
"""
from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.browser_support import AXE_TAGS, PAGE_KINDS, PHONE, describe_violations, kind_path, record_path, record_visit

pytestmark = pytest.mark.browser

CARDS = "[data-menukaart] [data-menukaart-item]"
TOGGLE = "[data-menukaart-toggle]"
# Sums every layout shift not caused by input, from the very start of the page load.
CLS_OBSERVER = """
window.__mkCls = 0;
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (e) { if (!e.hadRecentInput) window.__mkCls += e.value; });
}).observe({ type: "layout-shift", buffered: true });
"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="nl-NL", viewport=PHONE)
    yield context.new_page()
    context.close()


def open_menukaart(page, site_url, query_string=""):
    page.goto(site_url + "menukaart/" + query_string)
    expect(page.locator("[data-menukaart].mk-kaart--ready")).to_be_attached()


def test_first_card_starts_in_the_first_screen(phone, site_url):
    open_menukaart(phone, site_url)
    title = phone.locator(f"{CARDS}:visible .mk-card__title").first.bounding_box()
    assert title["y"] + title["height"] <= PHONE["height"], f"first card title ends at {title['y'] + title['height']} px"


def test_filters_sit_behind_a_button_that_opens_filters_and_closes_with_escape(phone, site_url):
    open_menukaart(phone, site_url)
    toggle = phone.locator(TOGGLE)
    box = phone.locator('[data-menukaart] input[type=checkbox][name="fase"]').first
    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(box).to_be_hidden()
    total = int(phone.locator("[data-menukaart-count]").text_content())

    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(box).to_be_visible()
    box.check()
    phone.wait_for_url("**/menukaart/?fase=*")
    shown = int(phone.locator("[data-menukaart-count]").text_content())
    assert 0 < shown < total
    expect(phone.locator(f"{CARDS}:visible")).to_have_count(shown)
    expect(toggle).to_have_accessible_name("Filters 1 actief")

    box.focus()
    phone.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(box).to_be_hidden()
    expect(toggle).to_be_focused()

    # The choice lives in the URL: a reload (or a shared link) restores it and its count.
    phone.reload()
    expect(phone.locator("[data-menukaart].mk-kaart--ready")).to_be_attached()
    expect(phone.locator("[data-menukaart-count]")).to_have_text(str(shown))
    expect(toggle).to_have_accessible_name("Filters 1 actief")


def test_filter_button_works_by_keyboard(phone, site_url):
    open_menukaart(phone, site_url)
    toggle = phone.locator(TOGGLE)
    toggle.focus()
    phone.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    phone.keyboard.press("Tab")
    expect(phone.locator("[data-menukaart-query]")).to_be_focused()
    phone.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_focused()
    phone.keyboard.press("Space")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    phone.locator("[data-menukaart-close]").click()
    expect(toggle).to_have_attribute("aria-expanded", "false")


def test_on_a_wide_screen_the_filters_stay_in_view_without_a_button(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 800})
    open_menukaart(page, site_url)
    expect(page.locator(TOGGLE)).to_be_hidden()
    expect(page.locator('[data-menukaart] input[type=checkbox][name="type"]').first).to_be_visible()


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 800}], ids=["telefoon", "scherm"])
def test_menukaart_does_not_shift_while_it_loads(browser, site_url, viewport):
    context = browser.new_context(locale="nl-NL", viewport=viewport)
    try:
        page = context.new_page()
        page.add_init_script(CLS_OBSERVER)
        page.goto(site_url + "menukaart/", wait_until="networkidle")
        expect(page.locator("[data-menukaart].mk-kaart--ready")).to_be_attached()
        page.wait_for_timeout(300)  # layout-shift entries are reported after the frame
        cls = page.evaluate("window.__mkCls")
        assert cls < 0.1, f"cumulative layout shift {cls:.3f}"
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 800}], ids=["telefoon", "scherm"])
def test_planner_does_not_shift_while_it_loads(browser, site_url, viewport):
    """The planner fills itself after load; the footer must not show first and then jump."""
    context = browser.new_context(locale="nl-NL", viewport=viewport)
    try:
        page = context.new_page()
        page.add_init_script(CLS_OBSERVER)
        page.goto(site_url + "bijeenkomst/", wait_until="networkidle")
        expect(page.locator("[data-plan][data-plan-klaar]")).to_be_attached()
        page.wait_for_timeout(300)  # layout-shift entries are reported after the frame
        cls = page.evaluate("window.__mkCls")
        assert cls < 0.1, f"cumulative layout shift {cls:.3f}"
    finally:
        context.close()


def test_stepper_takes_at_most_a_quarter_of_the_screen_and_shows_where_you_are(phone, site_url, site_dir):
    phone.goto(site_url + kind_path(site_dir, "fase"))
    stepper = phone.locator("nav.mk-stepper")
    height = stepper.bounding_box()["height"]
    assert height <= PHONE["height"] / 4, f"stepper is {height} px high"
    current = stepper.locator("a[aria-current=step]")
    expect(current).to_have_count(1)
    expect(current.locator(".mk-stepper__label")).to_be_visible()
    expect(current.locator(".mk-stepper__label")).to_contain_text(phone.locator("h1").text_content().strip())
    # The fase's own content starts in the first screen.
    after = phone.locator("nav.mk-stepper + *").bounding_box()
    assert after["y"] < PHONE["height"]
    # Every step stays a link one can hit (WCAG 2.5.8: at least 24×24 px).
    for link in stepper.locator("a").all():
        box = link.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24


def test_axe_target_size_is_among_the_rules_run(phone, site_url):
    from axe_playwright_python.sync_playwright import Axe

    phone.goto(site_url)
    phone.evaluate(Axe().axe_script)
    rules = phone.evaluate("tags => axe.getRules(tags).map(r => r.ruleId)", AXE_TAGS)
    assert "target-size" in rules


@pytest.mark.parametrize("kind", [*PAGE_KINDS, "offline"])
def test_axe_finds_no_violations_at_390_px(browser, site_url, site_dir, kind):
    """Every rule of the WCAG 2.0–2.2 A/AA sets, target-size (2.5.8) included."""
    path = "offline/" if kind == "offline" else kind_path(site_dir, kind)
    visit = record_visit(browser, site_url + path, viewport=PHONE)
    assert not visit.axe_violations, describe_violations(visit.axe_violations)


def test_axe_finds_no_violations_with_the_filters_open_at_390_px(browser, site_url):
    def open_filters(page):
        page.locator("[data-menukaart].mk-kaart--ready").wait_for(state="attached")
        page.locator(TOGGLE).click()
        page.locator('[data-menukaart] input[type=checkbox][name="fase"]').first.check()

    visit = record_visit(browser, site_url + "menukaart/", open_filters, viewport=PHONE)
    assert not visit.axe_violations, describe_violations(visit.axe_violations)


# -- offline


def _wait_for_worker(page):
    """Until the service worker controls the page and has stored the pages of its list."""
    page.evaluate("() => navigator.serviceWorker.ready")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    page.wait_for_function(
        """async () => {
             const names = (await caches.keys()).filter(n => n.startsWith('menukaart-shell-'));
             if (names.length !== 1) return false;
             const keys = await (await caches.open(names[0])).keys();
             return keys.some(r => r.url.endsWith('/offline/')) && keys.some(r => r.url.includes('/tools/'));
           }"""
    )


def test_after_one_visit_tools_selection_and_planner_open_without_network(browser, site_url, site_dir):
    context = browser.new_context(locale="nl-NL", viewport=PHONE, service_workers="allow")
    try:
        page = context.new_page()
        page.goto(site_url, wait_until="networkidle")
        # A cache from an older build is deleted when the new worker takes over.
        page.evaluate("() => caches.open('menukaart-shell-oud')")
        page.reload(wait_until="networkidle")
        _wait_for_worker(page)
        assert "menukaart-shell-oud" not in page.evaluate("() => caches.keys()")

        context.set_offline(True)
        tool = record_path(site_dir, "tools")
        title = json.loads((site_dir / "menukaart" / "menukaart.json").read_text("utf-8"))
        tool_title = next(i["t"] for i in title["items"] if i["u"].rstrip("/") == tool.rstrip("/"))
        page.goto(site_url + tool)
        expect(page.locator("h1")).to_have_text(tool_title)
        # Styles came from the stored shell: the header keeps its colour.
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor") != "rgba(0, 0, 0, 0)"
        # Search says plainly that it needs a connection.
        expect(page.locator("[data-mk-offline-note]")).to_contain_text("zoeken werkt nu niet")

        page.goto(site_url + "selectie/")
        expect(page.locator("h1")).to_contain_text("Mijn selectie")
        if (site_dir / "bijeenkomst" / "index.html").is_file():
            page.goto(site_url + "bijeenkomst/")
            expect(page.locator("[data-plan-total]")).to_be_attached()

        practice = record_path(site_dir, "praktijken")
        page.goto(site_url + practice)
        expect(page.locator("h1")).to_contain_text("Geen verbinding")
        expect(page.locator("[data-mk-offline-retry]")).to_be_visible()
        # The offline page's links work from the address it stands in for.
        href = page.locator("article a", has_text="routekaart").first.evaluate("a => a.href")
        assert href == site_url + "routekaart/"

        context.set_offline(False)
        page.goto(site_url + practice)  # network first: online, the real page again
        expect(page.locator("h1")).not_to_contain_text("Geen verbinding")
        expect(page.locator("[data-mk-offline-note]")).to_have_count(0)
    finally:
        context.close()
