"""Search that understands people (issue 11): whole questions, the relaxation notice,
"Bedoelde je …?", in the header box and on /menukaart/, announced and accessible; and no
page view fetches sitemap.xml (issue 14)."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser_support import describe_violations, kind_path, run_axe

pytestmark = pytest.mark.browser

QUESTION = "vertrouwen opbouwen tussen partners"  # no page holds all three words
NOTICE = "Geen pagina bevat alle woorden; dit zijn de beste treffers voor"
SLIP = "partcipatieladder"


def header_search(page, site_url, query, start="routekaart/"):
    page.goto(site_url + start)
    page.get_by_role("textbox", name="Zoeken in de Menukaart").fill(query)
    page.locator("#mk-search .pagefind-ui__message").wait_for()


@pytest.mark.parametrize("kind", ["home", "tool", "menukaart", "index-tools"])
def test_no_page_view_fetches_the_sitemap(page, site_url, site_dir, kind):
    requested = []
    page.on("request", lambda r: requested.append(urlsplit(r.url).path))
    page.goto(site_url + kind_path(site_dir, kind), wait_until="networkidle")
    page.get_by_role("textbox", name="Zoeken in de Menukaart").fill("rasci")
    page.locator("#mk-search .pagefind-ui__result-link").first.wait_for()
    page.wait_for_load_state("networkidle")
    assert [p for p in requested if p.endswith("sitemap.xml")] == []


def test_header_box_answers_a_whole_question_and_says_it_loosened_it(page, site_url):
    header_search(page, site_url, QUESTION)
    links = page.locator("#mk-search .pagefind-ui__result-link")
    expect(links.first).to_be_visible()
    assert "/principes/transparantie-en-vertrouwen/" in [urlsplit(h).path for h in links.evaluate_all("a => a.map(x => x.href)")][:3]
    expect(page.locator("#mk-search [data-mk-zoek-verruimd]")).to_contain_text(NOTICE)
    status = page.locator("[data-mk-search-status]")
    assert status.get_attribute("role") == "status"
    expect(status).to_contain_text(NOTICE)


def test_header_box_offers_bedoelde_je_for_a_slip(page, site_url):
    header_search(page, site_url, SLIP)
    suggestion = page.locator("#mk-search [data-mk-zoek-bedoeld]")
    expect(suggestion).to_contain_text("Bedoelde je: Participatieladder?")
    expect(page.locator("[data-mk-search-status]")).to_contain_text("Bedoelde je: Participatieladder?")
    first = page.locator("#mk-search .pagefind-ui__result-link").first
    assert urlsplit(first.get_attribute("href")).path.endswith("/tools/participatieladder/")
    suggestion.get_by_role("button").click()
    expect(page.get_by_role("textbox", name="Zoeken in de Menukaart")).to_have_value("Participatieladder")
    expect(suggestion).to_have_count(0)


def test_a_query_without_any_known_word_offers_filters_and_tools(page, site_url):
    header_search(page, site_url, "qqzxwv")
    help_box = page.locator("#mk-search [data-mk-zoek-leeg]")
    expect(help_box).to_be_visible()
    assert help_box.get_by_role("link", name="Tools en werkvormen").count() == 1
    assert help_box.locator("a[href*='/tools/']").count() >= 1


def test_menukaart_text_query_uses_the_site_search(page, site_url):
    page.goto(site_url + "menukaart/?q=" + QUESTION.replace(" ", "+"))
    help_line = page.locator("[data-menukaart-zoekhulp]")
    expect(help_line).to_contain_text(NOTICE)
    assert help_line.get_attribute("role") == "status"
    count = page.locator("[data-menukaart-count]")
    expect(count).not_to_have_text("0")
    first = page.locator("[data-menukaart-item]:visible a").first
    assert urlsplit(first.get_attribute("href")).path.endswith("/principes/transparantie-en-vertrouwen/")

    page.get_by_label("Zoek op woorden").fill("veranderboekhoudnig")
    expect(help_line).to_contain_text("Bedoelde je: Veranderboekhouding?")
    first = page.locator("[data-menukaart-item]:visible a").first
    expect(first).to_have_text("Veranderboekhouding")


@pytest.mark.parametrize("query", [QUESTION, SLIP, "qqzxwv"], ids=["verruimd", "bedoelde-je", "niets"])
def test_axe_with_results_and_suggestions_open(page, site_url, query):
    header_search(page, site_url, query)
    expect(page.locator("[data-mk-search-status]")).not_to_have_text("")
    violations = run_axe(page)
    assert not violations, describe_violations(violations)


def test_menukaart_with_notice_and_suggestion_passes_axe(page, site_url):
    page.goto(site_url + "menukaart/?q=veranderboekhoudnig")
    expect(page.locator("[data-menukaart-zoekhulp]")).to_contain_text("Bedoelde je")
    violations = run_axe(page)
    assert not violations, describe_violations(violations)


def test_result_links_carry_the_words_to_highlight(page, site_url):
    header_search(page, site_url, "hoe werkt de veranderboekhouding")
    href = page.locator("#mk-search .pagefind-ui__result-link").first.get_attribute("href")
    assert re.search(r"[?&]highlight=veranderboekhouding", href)
    assert "highlight=hoe" not in href  # stop words are not marked
