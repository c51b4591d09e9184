"""Private and accessible, checked in a real browser on a page of every kind.

Each page (and a few pages in an interactive state: the header search showing results, the
menukaart with a facet ticked, a filled selection, a ticked checklist) is opened once in a
fresh browser context; the tests below read what that visit recorded:
- no request to any host but the test server (no fonts, CDN, GitHub API, analytics);
- no cookie, neither in the browser nor in document.cookie;
- the Content-Security-Policy holds (no 'securitypolicyviolation' event) and nothing is
  logged as an error in the console;
- axe-core finds no violation of WCAG 2.0/2.1/2.2 A+AA or its best practices;
- no id is used twice.
Then what axe cannot see, by keyboard and window size: the skip link, a visible focus on
every stop, focus never hidden under the sticky header (2.4.11), reflow at 320 px (1.4.10).
`MENUKAART_AXE_ALL=1` also runs axe on every built page (about a minute more).
"""
from __future__ import annotations

import json
import os

import pytest
from playwright.sync_api import expect

from tests.browser_support import (
    PAGE_KINDS,
    PHONE,
    describe_violations,
    kind_path,
    record_path,
    record_visit,
    run_axe,
)

pytestmark = pytest.mark.browser


def _search_open(page):
    box = page.get_by_role("textbox", name="Zoeken in de Menukaart")
    box.fill("veranderboekhouding")
    page.locator("#mk-search .pagefind-ui__result-link").first.wait_for()
    expect(page.locator("[data-mk-search-status]")).to_contain_text("veranderboekhouding")


def _facet_checked(page):
    page.locator("[data-menukaart].mk-kaart--ready").wait_for(state="attached")
    toggle = page.locator("[data-menukaart-toggle]")
    if toggle.is_visible():  # on a phone the filters sit behind this button
        toggle.click()
    box = page.locator("[data-menukaart] input[type=checkbox][name=type]").first
    box.check()
    page.wait_for_url("**/menukaart/?type=*")


def _selection_filled(site_dir):
    items = [{"u": record_path(site_dir, c), "t": c, "s": c} for c in ("tools", "principes", "routekaart")]

    def action(page):
        page.evaluate("items => localStorage.setItem('menukaart:selectie', JSON.stringify(items))", items)
        page.reload(wait_until="networkidle")
        page.locator("[data-mk-pack-item]").nth(len(items) - 1).wait_for()
        page.locator("[data-mk-selectie-pakket]:not([aria-busy])").wait_for(state="attached")

    return action


def _checklist_ticked(page):
    page.locator("[data-mk-checklist] input[type=checkbox]").first.check()


def _nothing(page):
    pass


# Interactive states: name -> (page kind whose page is opened, what to do there, viewport).
STATES = {
    "zoeken-open": ("index-tools", lambda site_dir: _search_open, None),
    "menukaart-facet": ("menukaart", lambda site_dir: _facet_checked, None),
    "selectie-gevuld": ("selectie", _selection_filled, None),
    "checklist-afgevinkt": ("fase", lambda site_dir: _checklist_ticked, None),
    "home-telefoon": ("home", lambda site_dir: _nothing, PHONE),
    "tool-telefoon": ("tool", lambda site_dir: _nothing, PHONE),
    "zoeken-open-telefoon": ("principe", lambda site_dir: _search_open, PHONE),
    "menukaart-facet-telefoon": ("menukaart", lambda site_dir: _facet_checked, PHONE),
}
ALL = PAGE_KINDS + list(STATES)


@pytest.fixture(scope="module")
def visits(browser, site_dir, site_url):
    """Visits by page kind or state, each made once per run, when a test first asks."""
    made = {}

    def get(name):
        if name not in made:
            kind, action, viewport = name, None, None
            if name in STATES:
                kind, make_action, viewport = STATES[name]
                action = make_action(site_dir)
            made[name] = record_visit(browser, site_url + kind_path(site_dir, kind), action, viewport=viewport)
        return made[name]

    return get


@pytest.mark.parametrize("name", ALL)
def test_no_request_leaves_the_site(visits, site_url, name):
    visit = visits(name)
    assert visit.requests, "the visit recorded no request at all"
    foreign = visit.foreign_requests(site_url)
    assert not foreign, f"{visit.url} contacts other hosts: {foreign}"


@pytest.mark.parametrize("name", ALL)
def test_no_cookie_is_set(visits, name):
    visit = visits(name)
    cookies = visit.cookies
    assert not cookies, f"{visit.url} sets cookies: {json.dumps(cookies)}"
    assert visit.document_cookie == ""


@pytest.mark.parametrize("name", ALL)
def test_csp_holds_and_console_stays_clean(visits, name):
    visit = visits(name)
    blocked = visit.csp_violations
    assert not blocked, f"{visit.url} breaks its Content-Security-Policy: {blocked}"
    errors = visit.console_errors
    if name == "404":
        # The browser itself logs the 404 status of the page it was asked for; that is the point.
        errors = [e for e in errors if not ("status of 404" in e and "deze-pagina-bestaat-niet" in e)]
    assert not errors, f"{visit.url} logs errors: {errors}"


@pytest.mark.parametrize("name", ALL)
def test_axe_finds_no_violations(visits, name):
    visit = visits(name)
    violations = visit.axe_violations
    assert not violations, f"axe-core on {visit.url} ({name}):\n" + describe_violations(violations)


@pytest.mark.parametrize("name", ALL)
def test_ids_are_unique(visits, name):
    visit = visits(name)
    twice = visit.duplicate_ids
    assert not twice, f"{visit.url} ({name}) uses these ids more than once: {twice}"


def test_the_404_page_is_served_for_a_missing_page(visits):
    """The test server answers like a static host; the 404 kind must really be the 404 page."""
    visit = visits("404")
    assert (visit.status, visit.h1) == (404, "Pagina niet gevonden")
    assert visits("home").status == 200


def test_csp_is_enforced_so_an_injected_inline_script_is_blocked(page, site_url):
    """The CSP tests above mean something only if the policy is really in force: an inline
    script added to the page must be refused and reported."""
    from tests.browser_support import CSP_LISTENER

    page.add_init_script(CSP_LISTENER)
    page.goto(site_url + "tools/", wait_until="networkidle")
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert "default-src 'self'" in policy and "'unsafe-inline'" not in policy
    assert "menukaart-script-hashes" not in policy, "the script-hash marker was never filled in"
    # (Playwright's wait_for_function evaluates strings, which this very policy forbids.)
    page.evaluate(
        """() => new Promise(resolve => {
             document.addEventListener('securitypolicyviolation', resolve, {once: true});
             const s = document.createElement('script');
             s.textContent = 'window.__mkInjected = true;';
             document.body.appendChild(s);
           })"""
    )
    assert page.evaluate("window.__mkInjected") is None
    assert any("script-src" in v for v in page.evaluate("window.__mkCspViolations"))


@pytest.mark.parametrize("kind", ["home", "tool", "menukaart"])
def test_skip_link_is_the_first_stop_and_jumps_past_the_navigation(page, site_url, site_dir, kind):
    page.goto(site_url + kind_path(site_dir, kind))
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Ga naar inhoud")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()  # it shows itself when focused
    page.keyboard.press("Enter")
    expect(page.locator("#inhoud")).to_be_focused()
    page.keyboard.press("Tab")
    inside = page.evaluate("document.activeElement.closest('.md-content') !== null")
    assert inside, "after the skip link, Tab should land in the content, not the navigation"


@pytest.mark.skipif(not os.environ.get("MENUKAART_AXE_ALL"), reason="full sweep: set MENUKAART_AXE_ALL=1 (about a minute)")
def test_axe_finds_no_violations_on_any_page(page, site_dir, site_url):
    """Every built page, not just one of each kind: catches a table without header text in
    a Markdown page and the like. Opt-in, as it loads every page of the site."""
    found = {}
    for index in sorted(site_dir.rglob("index.html")):
        path = index.parent.relative_to(site_dir).as_posix()
        if path.startswith("pagefind"):
            continue
        page.goto(site_url + ("" if path == "." else path + "/"))
        violations = run_axe(page)
        if violations:
            found[path] = describe_violations(violations)
    assert not found, "\n".join(f"{path}:\n{text}" for path, text in found.items())


# The focused element, if it is in the content and every probe point on it shows something
# else (the sticky header, the "back to top" button), described; otherwise null.
_FOCUS_HIDDEN = """() => {
  const e = document.activeElement;
  if (!e || e === document.body || !e.closest('.md-content')) return null;
  const r = e.getBoundingClientRect();
  if (!r.width || !r.height) return null;
  const probes = [[r.left + r.width / 2, r.top + r.height / 2], [r.left + 1, r.top + 1], [r.right - 1, r.bottom - 1]];
  const covered = probes.filter(([x, y]) => {
    const t = document.elementFromPoint(x, y);
    return !t || !(t === e || e.contains(t) || t.contains(e));
  });
  if (covered.length < probes.length) return null;
  const by = document.elementFromPoint(probes[0][0], probes[0][1]);
  return e.outerHTML.slice(0, 120) + ' hidden by ' + (by ? by.tagName + '.' + by.getAttribute('class') : 'the window edge');
}"""


@pytest.mark.parametrize("viewport", [None, PHONE], ids=["scherm", "telefoon"])
@pytest.mark.parametrize("kind", ["fase", "menukaart"])
def test_focus_is_never_hidden_behind_the_sticky_header(browser, site_url, site_dir, kind, viewport):
    """WCAG 2.4.11: walking back up the page with Shift+Tab, the browser scrolls each focused
    element to the top edge, right under Material's sticky header and 'back to top' button."""
    context = browser.new_context(locale="nl-NL", **({"viewport": viewport} if viewport else {}))
    try:
        page = context.new_page()
        page.goto(site_url + kind_path(site_dir, kind), wait_until="networkidle")
        hidden = []
        for _ in range(90):  # from the bottom of the page upwards
            page.keyboard.press("Shift+Tab")
            found = page.evaluate(_FOCUS_HIDDEN)
            if found:
                hidden.append(found)
        assert not hidden, "focused but out of sight:\n" + "\n".join(hidden)
    finally:
        context.close()


# How the focused element shows that it has focus: its outline or box shadow, or null.
_FOCUS_STYLE = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return {none: true};
  const cs = getComputedStyle(e);
  const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
  const shadow = cs.boxShadow && cs.boxShadow !== 'none';
  return {shown: outline || shadow, what: e.outerHTML.slice(0, 120)};
}"""


@pytest.mark.parametrize("kind", ["fase", "menukaart", "tool", "home", "indienen"])
def test_every_keyboard_stop_shows_focus(page, site_url, site_dir, kind):
    """WCAG 2.4.7: Tab through the page; every stop has a visible outline or shadow.
    (Material's reset takes the outline off inputs: the checklist boxes had none.)"""
    page.goto(site_url + kind_path(site_dir, kind), wait_until="networkidle")
    unseen, stops = [], 0
    for _ in range(120):
        page.keyboard.press("Tab")
        style = page.evaluate(_FOCUS_STYLE)
        if style.get("none"):
            break  # back at the start: every stop has been visited
        stops += 1
        if not style["shown"]:
            unseen.append(style["what"])
    assert stops > 5
    assert not unseen, "no visible focus on:\n" + "\n".join(dict.fromkeys(unseen))


# WCAG 1.4.10: 320 CSS pixels wide, the width of a 1280 px window zoomed to 400 %.
NARROW = {"width": 320, "height": 256}
_OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= width) return [];
  return [...document.querySelectorAll('.md-content *, .md-header *')]
    .filter(e => e.getBoundingClientRect().right > width + 1 && !e.closest('.md-typeset__scrollwrap, pre'))
    .slice(0, 5).map(e => e.tagName + '.' + e.getAttribute('class') + ' reaches ' + Math.round(e.getBoundingClientRect().right) + 'px');
}"""


@pytest.mark.parametrize("kind", ["home", "menukaart", "tool", "fase", "praktijk", "wijk", "index-routekaart", "zoeken-open"])
def test_pages_reflow_at_320_css_pixels_without_sideways_scrolling(browser, site_url, site_dir, kind):
    """Tables and code may scroll on their own; the page itself must not (the meeting cards
    of a fase were 340 px wide)."""
    context = browser.new_context(locale="nl-NL", viewport=NARROW)
    try:
        page = context.new_page()
        page.goto(site_url + kind_path(site_dir, "index-tools" if kind == "zoeken-open" else kind), wait_until="networkidle")
        if kind == "zoeken-open":
            _search_open(page)
        too_wide = page.evaluate(_OVERFLOW)
        assert not too_wide, "wider than the window:\n" + "\n".join(too_wide)
    finally:
        context.close()
