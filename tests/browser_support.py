"""Helpers for the browser tests: which pages to visit, what to record there, and axe-core.

One visit per page kind records everything the privacy, CSP and accessibility tests look
at (requests, cookies, console errors, CSP violations, axe results), so each page is loaded
once per run however many tests read the visit.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

# The rule sets the issue asks for: WCAG 2.0/2.1 A and AA, WCAG 2.2 AA, and best practice.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

# Records the page kinds use. A kind whose record is gone falls back to the first record of
# its collection (content changes; the kind of page is what matters here).
PREFERRED = {
    "principes": "visie-en-doel",
    "tools": "veranderboekhouding",
    "routekaart": "fase-1",
    "kernaanpakken": "kernteam-ouderen",
    "wijken": None,
    "praktijken": None,
}


def record_path(site_dir: Path, collection: str) -> str:
    """The URL path (relative to the site root) of one built record page of a collection."""
    folder = site_dir / collection
    ids = sorted(p.name for p in folder.iterdir() if (p / "index.html").is_file())
    assert ids, f"no record pages built in {collection}/"
    wanted = PREFERRED.get(collection)
    return f"{collection}/{wanted if wanted in ids else ids[0]}/"


# One page of every kind the site has. Record kinds name their collection (the record is
# picked from the built site); the others are fixed URL paths relative to the site root.
RECORD_KINDS = {
    "principe": "principes",
    "tool": "tools",
    "fase": "routekaart",
    "kernaanpak": "kernaanpakken",
    "wijk": "wijken",
    "praktijk": "praktijken",
}
FIXED_PAGES = {
    "home": "",
    "menukaart": "menukaart/",
    "index-principes": "principes/",
    "index-tools": "tools/",
    "index-routekaart": "routekaart/",
    "index-praktijken": "praktijken/",
    "over": "over/",
    "indienen": "indienen/",
    "selectie": "selectie/",
    "bijeenkomst": "bijeenkomst/",
    "data": "data/",
    "toegankelijkheid": "toegankelijkheid/",
    "privacy": "privacy/",
    "404": "deze-pagina-bestaat-niet/",
}
PAGE_KINDS = ["home", "menukaart", *RECORD_KINDS, *[k for k in FIXED_PAGES if k not in ("home", "menukaart")]]


def kind_path(site_dir: Path, kind: str) -> str:
    """The URL path, relative to the site root, of the page that stands for `kind`."""
    if kind in RECORD_KINDS:
        return record_path(site_dir, RECORD_KINDS[kind])
    return FIXED_PAGES[kind]


# Listens from the very first script on, so violations during page load are caught too.
CSP_LISTENER = """
window.__mkCspViolations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__mkCspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') +
    ' (' + (e.sourceFile || '') + ':' + e.lineNumber + ')');
});
"""


@dataclass
class Visit:
    """What happened while one page (in one state) was open."""

    url: str
    status: int = 0
    h1: str = ""
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)
    cookies: list[dict] = field(default_factory=list)
    document_cookie: str = ""
    axe_violations: list[dict] = field(default_factory=list)
    duplicate_ids: list[str] = field(default_factory=list)

    def foreign_requests(self, site_url: str) -> list[str]:
        origin = urlsplit(site_url)
        return [u for u in self.requests if not _same_host(u, origin.hostname)]


def _same_host(url: str, host: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob"):
        return True  # no network: inline data and objects the page made itself
    return parts.hostname == host


def settle(page) -> None:
    """Wait until CSS transitions and animations are over, so axe sees the final colours
    (Material fades the header title in while scrolling: mid-fade it is paler)."""
    page.evaluate(
        """() => Promise.all(document.getAnimations()
             .filter(a => a.effect && a.effect.getTiming().iterations !== Infinity)
             .map(a => a.finished.catch(() => null)))"""
    )


def run_axe(page) -> list[dict]:
    """axe-core on the page as it is now; returns the violations.

    axe-core's own script ships inside the axe-playwright-python package (axe.min.js, no
    download). Playwright's page.evaluate() runs it through the DevTools protocol, which the
    page's Content-Security-Policy does not govern, so the strict policy stays on: no
    bypass_csp context is needed, and the CSP listener would report it if it were not so.
    """
    from axe_playwright_python.sync_playwright import Axe

    settle(page)
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    return Axe().run(page, options=options).response["violations"]


def describe_violations(violations: list[dict]) -> str:
    """A readable list: rule id, impact, help text, and the elements that fail."""
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v.get('impact')}): {v['help']} — {v.get('helpUrl', '')}")
        for node in v["nodes"][:8]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {node['target']}: {summary[:300]}")
        if len(v["nodes"]) > 8:
            lines.append(f"    … and {len(v['nodes']) - 8} more")
    return "\n".join(lines)


# A phone held upright: Material folds the navigation into a drawer, the search box shrinks.
PHONE = {"width": 390, "height": 844}


def record_visit(browser, url: str, action: Callable | None = None, axe: bool = True, viewport: dict | None = None) -> Visit:
    """Open `url` in a fresh context (no cookies, empty storage), optionally do something
    there (`action(page)`), and record everything the privacy and CSP tests check."""
    context = browser.new_context(locale="nl-NL", **({"viewport": viewport} if viewport else {}))
    try:
        page = context.new_page()
        visit = Visit(url)
        page.add_init_script(CSP_LISTENER)
        page.on("request", lambda r: visit.requests.append(r.url))
        page.on("console", lambda m: m.type == "error" and visit.console_errors.append(_console_text(m)))
        page.on("pageerror", lambda e: visit.console_errors.append(f"pageerror: {e}"))
        response = page.goto(url, wait_until="networkidle")
        visit.status = response.status if response else 0
        visit.h1 = page.locator("h1").first.text_content() or ""
        if action:
            action(page)
            page.wait_for_load_state("networkidle")
        if axe:
            visit.axe_violations = run_axe(page)
        # axe-core 4.12 no longer checks plain duplicate ids (only ARIA-referenced ones).
        visit.duplicate_ids = page.evaluate(
            """() => { const seen = new Set(), twice = new Set();
                 for (const e of document.querySelectorAll('[id]')) { (seen.has(e.id) ? twice : seen).add(e.id); }
                 return [...twice]; }"""
        )
        visit.csp_violations = page.evaluate("window.__mkCspViolations")
        visit.document_cookie = page.evaluate("document.cookie")
        visit.cookies = context.cookies()
        return visit
    finally:
        context.close()


def _console_text(message) -> str:
    where = message.location or {}
    return f"{message.text} ({where.get('url', '')}:{where.get('lineNumber', '')})"


def status_count(text: str) -> int | None:
    """The number in Pagefind's message: '7 resultaten voor …', '1 resultaat voor …'."""
    match = re.match(r"(\d+) resulta", text)
    return int(match.group(1)) if match else None
