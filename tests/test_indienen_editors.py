"""/indienen/ for editors who are not programmers (issue 17), in a real browser.

Without JavaScript the page points to the other routes instead of showing a dead form; a
text too long for one GitHub link is never sent as an empty page (copy first); a wijk
that is not listed can still be chosen; choices show names, not ids; pasted tabs keep a
block readable; and the optional "Mail naar de redactie" exists only when
`extra.redactie_email` is set (checked with a second build from a test config).
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import yaml
from playwright.sync_api import expect

from conftest import ROOT, build_site, serve

WIJK = "geleen"
MAIL = "redactie@voorbeeld.invalid"


def fill_minimum(page, aanpak: str = "Een aanpak van twintig tekens of meer.") -> None:
    page.locator('[name="titel"]').fill("Proef voor redacteuren")
    page.locator('[name="samenvatting"]').fill("Een samenvatting van twintig tekens of meer.")
    page.locator('[name="aanpak"]').fill(aanpak)
    page.select_option('select[name="status"]', "idee")
    page.locator('[name="bronnen.titel"]').fill("Verslag van de wijkavond (nep)")


def open_form(page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")


@pytest.mark.browser
def test_without_javascript_the_page_points_to_the_other_routes(browser, site_url):
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    page.goto(site_url + "indienen/")
    assert not page.locator("[data-indienen-form]").is_visible()
    assert not page.locator("[data-indienen-yaml]").is_visible()
    pointer = page.locator("[data-indienen-zonder-js]")
    expect(pointer).to_be_visible()
    expect(pointer).to_contain_text("JavaScript")
    assert pointer.locator('a[href$="/issues/new?template=praktijk-melden.yml"]').count() == 1
    assert pointer.locator('a[href^="mailto:"]').count() == 0  # no redactie_email in mkdocs.yml
    context.close()


@pytest.mark.browser
def test_with_javascript_the_form_replaces_the_pointer(page, site_url):
    open_form(page, site_url + "indienen/")
    expect(page.locator("[data-indienen-form]")).to_be_visible()
    expect(page.locator("[data-indienen-zonder-js]")).to_be_hidden()
    assert page.locator("[data-indienen-mail]").count() == 0


@pytest.mark.browser
def test_too_long_for_github_offers_copy_first_and_opens_nothing(page, site_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    open_form(page, site_url + f"indienen/?wijk={WIJK}")
    fill_minimum(page, aanpak="Een lange aanpak met é, ü en spaties. " * 150)
    assert page.locator("#fout-aanpak").text_content() == ""
    panel = page.locator("[data-indienen-lang]")
    expect(panel).to_be_hidden()
    page.click("[data-indienen-github]")
    assert len(page.context.pages) == 1  # no GitHub tab with an empty file
    expect(panel).to_be_visible()
    expect(panel).to_contain_text("te lang")
    step_one, step_two = panel.locator("li").all()
    assert step_one.locator("[data-indienen-copy]").count() == 1
    link = urlsplit(step_two.locator("[data-indienen-github-leeg]").get_attribute("href"))
    assert parse_qs(link.query) == {"filename": ["data/good-practices/geleen/proef-voor-redacteuren.yaml"]}
    step_one.locator("[data-indienen-copy]").click()
    assert page.evaluate("navigator.clipboard.readText()") == page.locator("[data-indienen-yaml]").text_content()


@pytest.mark.browser
def test_a_short_practice_still_goes_to_github_in_one_link(page, site_url):
    open_form(page, site_url + f"indienen/?wijk={WIJK}")
    fill_minimum(page)
    href = page.locator("[data-indienen-github]").get_attribute("href")
    assert "&value=" in href
    assert page.evaluate("window.MenukaartIndienen.route('x'.repeat(7501), 7500)") == "kopieer-eerst"
    assert page.evaluate("window.MenukaartIndienen.route('x'.repeat(7500), 7500)") == "link"


@pytest.mark.browser
def test_my_wijk_is_not_listed(page, site_url):
    open_form(page, site_url + "indienen/")
    fill_minimum(page)
    page.locator("[data-wijk-nieuw] summary").click()
    page.locator("[data-wijk-nieuw-naam]").fill("Nieuwe Wijk (nep)")
    expect(page.locator("[data-wijk-nieuw-id]")).to_have_text("nieuwe-wijk-nep")
    text = page.locator("[data-indienen-yaml]").text_content()
    assert yaml.safe_load(text)["wijk"] == "nieuwe-wijk-nep"
    assert page.locator("[data-indienen-path]").text_content() == "data/good-practices/nieuwe-wijk-nep/proef-voor-redacteuren.yaml"
    assert page.locator("#fout-wijk").text_content() == ""
    assert "Alles is ingevuld" in page.locator("[data-indienen-problems]").text_content()


@pytest.mark.browser
def test_choices_show_names_not_ids(page, site_url):
    open_form(page, site_url + "indienen/")
    options = page.locator('select[name="bronnen.document"] option').all()
    labels = {o.get_attribute("value"): o.text_content() for o in options if o.get_attribute("value")}
    assert labels["pluswijken-web"] == "Webpagina van PlusWIJken"
    assert labels["robuust"] == "Robuust – De kracht van integrale wijkaanpak"
    assert all(label != value for value, label in labels.items())
    for name in ("principes", "tools", "fases", "kernaanpakken"):
        for box in page.locator(f'input[type="checkbox"][name="{name}"]').all()[:3]:
            label = box.locator("xpath=..").text_content().strip()
            assert label and label != box.get_attribute("value"), (name, label)


@pytest.mark.browser
def test_pasted_tabs_become_spaces_and_the_block_stays_readable(page, site_url):
    open_form(page, site_url + f"indienen/?wijk={WIJK}")
    fill_minimum(page, aanpak="Wat we deden:\n\t- een wijkavond\n\t- een wandeling\r\nen daarna\tmeer.")
    text = page.locator("[data-indienen-yaml]").text_content()
    assert "aanpak: |-\n  Wat we deden:\n      - een wijkavond\n      - een wandeling\n  en daarna    meer.\n" in text
    assert "\\t" not in text and "\t" not in text
    assert yaml.safe_load(text)["aanpak"] == "Wat we deden:\n    - een wijkavond\n    - een wandeling\nen daarna    meer."


@pytest.mark.browser
def test_form_asks_for_a_source_and_warns_about_personal_data(page, site_url):
    open_form(page, site_url + f"indienen/?wijk={WIJK}")
    fill_minimum(page)
    page.locator('[name="bronnen.titel"]').fill("")
    page.locator('[name="contact"]').fill("Marieke, 06-12345678")
    page.click("[data-indienen-github]")
    assert "minstens één bron" in page.locator("#fout-bronnen-1-titel").text_content()
    warning = page.locator("[data-indienen-warnings]")
    expect(warning).to_contain_text("telefoonnummer (06-12345678)")
    page.locator('[name="bronnen.titel"]').fill("Verslag (nep)")
    assert "Alles is ingevuld" in page.locator("[data-indienen-problems]").text_content()  # a warning never blocks
    expect(warning).to_be_visible()


def require_in_spec(page, field_name: str) -> None:
    """Serve /indienen/ with `field_name` marked required in the page's form spec, as a schema
    with that list required would give (no second build needed)."""
    def patch(route):
        response = route.fetch()

        def required(match):
            spec = json.loads(match.group(2))
            for f in spec["fields"]:
                if f["name"] == field_name:
                    f["required"] = True
            return match.group(1) + json.dumps(spec, ensure_ascii=False).replace("<", "\\u003c") + match.group(3)

        html, n = re.subn(r'(<script type="application/json" id="indienen-spec">)(.*?)(</script>)', required, response.text(), flags=re.S)
        assert n == 1
        route.fulfill(response=response, body=html)

    page.route(re.compile(r"/indienen/(\?.*)?$"), patch)


@pytest.mark.browser
def test_an_empty_required_list_says_what_that_list_needs(page, site_url):
    require_in_spec(page, "partners")
    open_form(page, site_url + f"indienen/?wijk={WIJK}")
    fill_minimum(page)
    page.locator('[name="bronnen.titel"]').fill("")
    page.click("[data-indienen-github]")
    partners = page.locator("#fout-partners-1")
    expect(partners).to_contain_text("Vul bij ‘Partners’ minstens één regel in.")
    expect(partners).to_contain_text("Organisaties die meedoen")
    expect(partners).not_to_contain_text("bron")
    bronnen = page.locator("#fout-bronnen-1-titel")
    expect(bronnen).to_contain_text("Vul bij ‘Bronnen’ minstens één regel in.")
    expect(bronnen).to_contain_text("minstens één bron")
    summary = page.locator("[data-indienen-problems]")
    expect(summary).to_contain_text("Partners: nummer 1: Vul bij ‘Partners’")
    page.locator('#veld-partners-1').fill("Stichting Voorbeeld (nep)")
    page.locator('[name="bronnen.titel"]').fill("Verslag (nep)")
    expect(partners).to_have_text("")
    expect(summary).to_contain_text("Alles is ingevuld")


# ---------------------------------------------------------------- extra.redactie_email set


@pytest.fixture(scope="module")
def mail_site(tmp_path_factory):
    """The site built from a copy of mkdocs.yml with extra.redactie_email (paths linked to the repo)."""
    root = tmp_path_factory.mktemp("mailconfig")
    for name in ("docs", "overrides", "macros", "data"):
        (root / name).symlink_to(ROOT / name)
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    assert re.search(r"^extra:$", config, re.M) and "redactie_email" not in config
    (root / "mkdocs.yml").write_text(re.sub(r"^extra:$", f"extra:\n  redactie_email: {MAIL}", config, count=1, flags=re.M), "utf-8")
    run = build_site(root / "site", config=root / "mkdocs.yml")
    assert run.returncode == 0, run.stdout + run.stderr
    server = serve(root / "site")
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def mailto_parts(href: str) -> tuple[str, dict]:
    link = urlsplit(href)
    return link.path, {k: v[0] for k, v in parse_qs(link.query).items()}


@pytest.mark.browser
def test_mail_to_the_redactie_carries_the_yaml_when_it_fits(page, mail_site):
    open_form(page, mail_site + f"indienen/?wijk={WIJK}")
    fill_minimum(page)
    link = page.locator("[data-indienen-mail]")
    expect(link).to_have_text("Mail naar de redactie")
    address, query = mailto_parts(link.get_attribute("href"))
    assert address == MAIL and "Praktijk voor de Menukaart" in query["subject"]
    assert query["body"].endswith(page.locator("[data-indienen-yaml]").text_content())
    assert len(link.get_attribute("href")) <= 1800


@pytest.mark.browser
def test_mail_to_the_redactie_says_download_and_attach_when_too_long(page, mail_site):
    open_form(page, mail_site + f"indienen/?wijk={WIJK}")
    fill_minimum(page, aanpak="Een langere aanpak, die niet in een e-mailadres past. " * 40)
    link = page.locator("[data-indienen-mail]")
    address, query = mailto_parts(link.get_attribute("href"))
    assert address == MAIL and "body" not in query
    link.click()
    help_text = page.locator("[data-indienen-mail-uitleg]")
    expect(help_text).to_be_visible()
    expect(help_text).to_contain_text("Download het bestand")
    expect(help_text).to_contain_text("bijlage")


@pytest.mark.browser
def test_without_javascript_the_mail_route_is_offered_when_configured(browser, mail_site):
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    page.goto(mail_site + "indienen/")
    pointer = page.locator("[data-indienen-zonder-js]")
    assert unquote(pointer.locator('a[href^="mailto:"]').get_attribute("href")).startswith(f"mailto:{MAIL}?subject=Praktijk voor de Menukaart")
    context.close()


@pytest.mark.browser
def test_axe_finds_no_violations_with_the_new_panels_open(page, site_url):
    from browser_support import describe_violations, run_axe

    open_form(page, site_url + f"indienen/?wijk={WIJK}")
    fill_minimum(page, aanpak="Een lange aanpak met é, ü en spaties. " * 150)
    page.locator('[name="contact"]').fill("Marieke, 06-12345678")
    page.locator("[data-wijk-nieuw] summary").click()
    page.locator("[data-wijk-nieuw-naam]").fill("Nieuwe wijk (nep)")
    page.click("[data-indienen-github]")
    expect(page.locator("[data-indienen-lang]")).to_be_visible()
    expect(page.locator("[data-indienen-warnings]")).to_be_visible()
    violations = run_axe(page)
    assert not violations, describe_violations(violations)
