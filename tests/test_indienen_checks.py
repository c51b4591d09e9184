"""/indienen/ checks with the validator's own patterns (issue: review of the form's copies).

The form page builds its RegExps from the spec (macros/js_regex.py translates the patterns
of macros/editor_checks.py and macros/validate.py); here the page's own RegExps run the
example table of tests/test_js_regex.py and must find what Python finds, and the privacy
warning names what the validator's privacy check names."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from macros import editor_checks as checks
from tests.test_js_regex import EXAMPLES, PATTERNS, python_matches

pytestmark = pytest.mark.browser

PAGE_MATCHES = """cases => cases.map(([name, text]) => {
    const rx = window.MenukaartIndienen.checks[name];
    return Array.from(text.matchAll(new RegExp(rx.source, rx.flags + "g")),
        m => [text.slice(0, m.index), m[0], m.slice(1).map(g => g === undefined ? null : g)]);
})"""

PRIVACY_TEXTS = [
    "Bel Marieke, 06-12345678",
    "Stichting Voorbeeld, info@voorbeeld.nl",
    "jan.jansen@voorbeeld.nl of 043 123 45 67",
    "josé@voorbeeld.nl",
    "https://voorbeeld.nl/0612345678",
    "versie.0612345678",
    "Wijkteam Noord",
]


def open_form(page, site_url):
    page.goto(site_url + "indienen/")
    page.wait_for_load_state("networkidle")
    expect(page.locator("[data-indienen-form]")).to_be_visible()


def test_the_page_checks_with_the_validators_patterns(page, site_url):
    open_form(page, site_url)
    got = page.evaluate(PAGE_MATCHES, [[name, text] for name, text, _ in EXAMPLES])
    for (name, text, _), js in zip(EXAMPLES, got):
        assert js == python_matches(PATTERNS[name], text), (name, text)


def expected_warning(text: str) -> str:
    """What the form says first: the first phone number and the first personal address the
    validator finds (the form leaves personal names to the validator)."""
    found = checks.privacy_findings(text)
    first = [next((f for f in found if f.startswith(kind)), None) for kind in ("een telefoonnummer", "een persoonlijk e-mailadres")]
    first = [f for f in first if f]
    return "Dit lijkt " + " en ".join(first) + "." if first else ""


def test_the_privacy_warning_names_what_the_validator_names(page, site_url):
    open_form(page, site_url)
    warnings = page.evaluate("texts => texts.map(t => window.MenukaartIndienen.privacyWarning(t))", PRIVACY_TEXTS)
    expected = [expected_warning(t) for t in PRIVACY_TEXTS]
    assert [w.split(". Alles op GitHub")[0] + "." if w else "" for w in warnings] == expected
    assert sum(bool(e) for e in expected) == 3  # the table holds warnings and non-warnings


def test_a_hidden_character_is_reported_next_to_the_field(page, site_url):
    open_form(page, site_url)
    page.locator('[name="titel"]').fill("Buurtkamer\u202eDaalhof")
    page.click("[data-indienen-github]")
    expect(page.locator("#fout-titel")).to_contain_text("onzichtbaar teken (U+202E)")
