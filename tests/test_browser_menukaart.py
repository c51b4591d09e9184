"""/menukaart/: facets narrow the cards, the count follows, the URL keeps the choice.

The expected numbers come from the published menukaart.json (what the page filters), worked
out here independently: values of one facet are OR-ed, facets are AND-ed, and every word of
the text query must occur in the title, aliases, summary or facet values — or the site search
(window.menukaartZoek) must have found the card's page.
"""
from __future__ import annotations

import json
import re
import unicodedata
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

CARDS = "[data-menukaart] [data-menukaart-item]"


@pytest.fixture(scope="module")
def index(site_dir):
    return json.loads((site_dir / "menukaart" / "menukaart.json").read_text(encoding="utf-8"))


def _normalise(text):
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()


def expected(index, facets=None, query="", found=()):
    """Titles of the items the page should show for these facets {name: [values]} and query.

    `found`: site-relative paths the site search (window.menukaartZoek) found for the query;
    the page shows those cards too."""
    facets = facets or {}
    by_name = {f["name"]: f["values"] for f in index["facets"]}
    words = _normalise(query).split()
    titles = []
    for item in index["items"]:
        labels = [by_name[n][i] for n, idx in item["f"].items() for i in idx]
        haystack = _normalise(" ".join([item["t"], item.get("a") or "", item.get("s") or "", *labels]))
        if not all(w in haystack for w in words) and item["u"] not in found:
            continue
        values = {n: {by_name[n][i] for i in idx} for n, idx in item["f"].items()}
        if all(values.get(name, set()) & set(chosen) for name, chosen in facets.items()):
            titles.append(item["t"])
    return titles


def open_menukaart(page, site_url, query_string=""):
    page.goto(site_url + "menukaart/" + query_string)
    expect(page.locator("[data-menukaart].mk-kaart--ready")).to_be_attached()  # the script has taken over


def facet(page, name, value):
    return page.locator(f'[data-menukaart] input[type=checkbox][name="{name}"][value="{value}"]')


def shown_titles(page):
    return page.locator(f"{CARDS}:visible .mk-card__title").all_text_contents()


def assert_shows(page, titles):
    count = page.locator("[data-menukaart-count]")
    expect(count).to_have_text(str(len(titles)))
    expect(page.locator(f"{CARDS}:visible")).to_have_count(len(titles))
    assert sorted(t.strip() for t in shown_titles(page)) == sorted(titles)


def url_query(page):
    return parse_qs(urlsplit(page.url).query)


def test_every_card_is_shown_at_first(page, site_url, index):
    open_menukaart(page, site_url)
    assert len(index["items"]) > 0
    assert_shows(page, expected(index))
    assert urlsplit(page.url).query == ""


def test_a_facet_narrows_the_cards_and_lives_in_the_url(page, site_url, index):
    open_menukaart(page, site_url)
    facet(page, "type", "Tool").check()
    tools = expected(index, {"type": ["Tool"]})
    assert 0 < len(tools) < len(index["items"])
    assert_shows(page, tools)
    assert set(page.locator(f"{CARDS}:visible .mk-card__type").all_text_contents()) == {"Tool"}
    assert url_query(page) == {"type": ["Tool"]}
    # The facet's own count says how many cards it gives.
    label = page.locator('label[for="%s"]' % facet(page, "type", "Tool").get_attribute("id"))
    expect(label).to_contain_text(f"({len(tools)})")

    # A second value of the same facet widens (OR); another facet narrows (AND).
    facet(page, "type", "Werkend principe").check()
    assert_shows(page, expected(index, {"type": ["Tool", "Werkend principe"]}))
    facet(page, "fase", "Fase 1").check()
    both = expected(index, {"type": ["Tool", "Werkend principe"], "fase": ["Fase 1"]})
    assert_shows(page, both)
    assert url_query(page) == {"type": ["Werkend principe", "Tool"], "fase": ["Fase 1"]}


def test_a_link_with_facets_restores_them(page, site_url, index):
    open_menukaart(page, site_url, "?type=Tool&fase=Fase+1")
    expect(facet(page, "type", "Tool")).to_be_checked()
    expect(facet(page, "fase", "Fase 1")).to_be_checked()
    assert page.locator("[data-menukaart] input[type=checkbox]:checked").count() == 2
    assert_shows(page, expected(index, {"type": ["Tool"], "fase": ["Fase 1"]}))

    # The same state after a reload, and the reset button brings everything back.
    page.reload()
    expect(facet(page, "fase", "Fase 1")).to_be_checked()
    assert_shows(page, expected(index, {"type": ["Tool"], "fase": ["Fase 1"]}))
    page.get_by_role("button", name="Alle filters wissen").click()
    assert_shows(page, expected(index))
    assert urlsplit(page.url).query == ""


def site_search(page, site_url, query):
    """What the site search finds (as the page asks it: up to 40 results), site-relative."""
    urls = page.evaluate("async q => (await window.menukaartZoek(q, {max: 40})).map(r => r.url)", query)
    root = urlsplit(site_url).path
    return {urlsplit(u).path[len(root):] for u in urls}


def test_text_query_combines_with_facets_and_is_kept_in_the_url(page, site_url, index):
    open_menukaart(page, site_url)
    found = site_search(page, site_url, "wijk")
    page.get_by_label("Zoek op woorden").fill("wijk")
    assert_shows(page, expected(index, query="wijk", found=found))
    facet(page, "type", "Tool").check()
    combined = expected(index, {"type": ["Tool"]}, "wijk", found)
    assert 0 < len(combined) < len(expected(index, query="wijk", found=found))
    assert_shows(page, combined)
    assert url_query(page) == {"q": ["wijk"], "type": ["Tool"]}

    page.reload()
    expect(page.get_by_label("Zoek op woorden")).to_have_value("wijk")
    assert_shows(page, combined)


def test_facets_work_with_the_keyboard_alone(page, site_url, index):
    open_menukaart(page, site_url)
    query = page.get_by_label("Zoek op woorden")
    query.focus()
    page.keyboard.press("Tab")
    first = page.locator("[data-menukaart] input[type=checkbox]").first
    expect(first).to_be_focused()
    name, value = first.get_attribute("name"), first.get_attribute("value")
    page.keyboard.press("Space")
    expect(first).to_be_checked()
    assert_shows(page, expected(index, {name: [value]}))
    assert url_query(page) == {name: [value]}
    page.keyboard.press("Space")
    expect(first).not_to_be_checked()
    assert_shows(page, expected(index))

    # Long facets hide values behind a button that opens with Enter and says so.
    more = page.locator("[data-menukaart] .mk-facet__more").first
    if more.count():
        more.focus()
        expect(more).to_have_attribute("aria-expanded", "false")
        page.keyboard.press("Enter")
        expect(more).to_have_attribute("aria-expanded", "true")
        extra = page.locator("[data-menukaart] [data-menukaart-extra] input").first
        expect(extra).to_be_visible()


def test_without_javascript_every_principe_and_tool_is_listed(browser, site_url, site_dir):
    context = browser.new_context(locale="nl-NL", java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "menukaart/")
        hrefs = page.locator(f"{CARDS} a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
        paths = {re.sub(r"^(\.\./)+", "", h) for h in hrefs}
        for collection in ("principes", "tools"):
            ids = {p.name for p in (site_dir / collection).iterdir() if (p / "index.html").is_file()}
            assert {f"{collection}/{i}/" for i in ids} <= paths, f"{collection} missing without JavaScript"
        wijk_links = page.locator("[data-menukaart-nojs] a")
        assert wijk_links.count() >= 2
        expect(page.locator("[data-menukaart-filters]")).to_be_hidden()
    finally:
        context.close()


# -- typing a query: the cards keep the last ranking until the next one arrives

RECORD_ORDERS = """() => {
    const box = document.querySelector('[data-menukaart-cards]');
    const cards = Array.from(box.querySelectorAll('[data-menukaart-item]'));
    const original = new Map(cards.map((c, i) => [c, i]));
    window.__orders = [];
    const snap = () => {
        const visible = Array.from(box.querySelectorAll('[data-menukaart-item]')).filter(c => !c.hidden);
        const places = visible.map(c => original.get(c));
        window.__orders.push({
            query: new URLSearchParams(location.search).get('q') || '',
            inOriginalOrder: places.every((p, i) => i === 0 || places[i - 1] < p),
            count: places.length,
        });
    };
    new MutationObserver(snap).observe(box, {childList: true, subtree: true, attributes: true, attributeFilter: ['hidden']});
}"""


def test_typing_a_query_never_puts_the_cards_back_in_the_original_order(page, site_url):
    open_menukaart(page, site_url)
    page.evaluate(RECORD_ORDERS)
    box = page.get_by_label("Zoek op woorden")
    # A pause longer than the page's 150 ms wait after each letter: every prefix is searched.
    box.press_sequentially("vertrouwen", delay=350)
    expect(page).to_have_url(re.compile(r"[?&]q=vertrouwen(&|$)"))
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    orders = page.evaluate("window.__orders")
    ranked_at = next((i for i, o in enumerate(orders) if o["query"] and not o["inOriginalOrder"]), None)
    assert ranked_at is not None, orders  # the site search did rank the cards
    back = [o for o in orders[ranked_at:] if o["query"] and o["inOriginalOrder"] and o["count"] > 1]
    assert back == [], f"the cards went back to the original order while typing: {orders}"


QUESTION = "vertrouwen opbouwen tussen partners"  # no page holds all three words
NOTICE = "Geen pagina bevat alle woorden; dit zijn de beste treffers voor"


def test_the_notice_belongs_to_the_menukaart_query_even_when_another_search_ran(page, site_url):
    open_menukaart(page, site_url)
    # Another search on the page (the header box, any script) answers between the menukaart's
    # call and the moment the menukaart handles its answer.
    page.evaluate("""() => {
        const own = window.menukaartZoek;
        window.menukaartZoek = new Proxy(own, {
            apply: (target, self, args) => target.apply(self, args).then(r => target('partcipatieladder').then(() => r)),
        });
    }""")
    help_line = page.locator("[data-menukaart-zoekhulp]")
    page.get_by_label("Zoek op woorden").fill(QUESTION)
    expect(help_line).to_contain_text(NOTICE)
    expect(help_line).not_to_contain_text("Bedoelde je")

    # The header box searches for a slip; the menukaart's notice stays its own, also after a facet.
    page.get_by_role("textbox", name="Zoeken in de Menukaart").fill("partcipatieladder")
    expect(page.locator("#mk-search [data-mk-zoek-bedoeld]")).to_contain_text("Participatieladder")
    page.locator("[data-menukaart] input[type=checkbox]").first.check()
    expect(help_line).to_contain_text(NOTICE)
    expect(help_line).not_to_contain_text("Bedoelde je")
    page.get_by_label("Zoek op woorden").fill("veranderboekhoudnig")
    expect(help_line).to_contain_text("Bedoelde je: Veranderboekhouding?")
    expect(help_line).not_to_contain_text(NOTICE)
