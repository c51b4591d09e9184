"""The built site keeps every record: one page, one search entry, one data row each."""
from __future__ import annotations

import csv
import html
import json
import re
from collections import Counter
from pathlib import Path

import frictionless

from macros.catalogue import load_catalogue
from tests.pagefind_index import fragments

ROOT = Path(__file__).resolve().parent.parent


def catalogue():
    return load_catalogue(ROOT / "data", root=ROOT)


def test_every_record_is_exactly_one_page(site_dir):
    cat = catalogue()
    for record in cat.records:
        page = site_dir / record.url / "index.html"
        assert page.is_file(), record.url
        text = page.read_text("utf-8")
        h1s = re.findall(r"<h1\b[^>]*>(.*?)</h1>", text, re.S)
        assert len(h1s) == 1, (record.url, h1s)
        assert html.unescape(re.sub(r"<[^>]+>", "", h1s[0])).strip() == record.title
    per_collection = Counter(p.parent.parent.name for p in site_dir.glob("*/*/index.html") if p.parent.parent.name in cat.by_collection)
    assert per_collection == Counter({name: len(rs) for name, rs in cat.by_collection.items() if rs})


def test_every_record_is_exactly_one_search_entry_with_its_title(site_dir):
    cat = catalogue()
    entries = fragments(site_dir)
    urls = Counter(e["url"] for e in entries)
    assert all(n == 1 for n in urls.values()), [u for u, n in urls.items() if n > 1]
    by_url = {e["url"]: e for e in entries}
    for record in cat.records:
        entry = by_url.get("/" + record.url)
        assert entry is not None, record.url
        assert entry["meta"]["title"] == record.title
        assert entry["filters"]["type"] == [record.collection.label_singular]


def test_search_titles_and_excerpts_carry_no_permalink_marks(site_dir):
    entries = fragments(site_dir)
    assert any(e["url"] == "/over/theory-u/" for e in entries)  # a Markdown page with headings
    marked = [e["url"] for e in entries if "¶" in e["meta"]["title"] or "¶" in e["content"]]
    assert not marked, marked


def test_a_summary_is_searchable_on_its_own_record_only(site_dir):
    """Lists and "Hangt samen met" show other records' summaries; search must not count them."""
    cat = catalogue()
    practice = next(r for r in cat.by_collection["praktijken"] if cat.related(r, "principes"))
    principle = cat.related(practice, "principes")[0]
    summary = " ".join(principle.get("samenvatting").split())
    page = (site_dir / practice.url / "index.html").read_text("utf-8")
    assert html.escape(principle.get("samenvatting"), quote=False).split()[0] in page  # the summary is shown
    by_url = {e["url"]: " ".join(e["content"].split()) for e in fragments(site_dir)}
    assert summary[:60] in by_url["/" + principle.url]
    assert summary[:60] not in by_url["/" + practice.url]
    assert summary[:60] not in by_url["/principes/"]


def test_pagefind_ignore_marks_have_values_pagefind_understands(site_dir):
    """Markdown rewrites a bare attribute as ="data-pagefind-ignore", which Pagefind only warns about."""
    bad = {}
    for p in site_dir.rglob("*.html"):
        values = set(re.findall(r'data-pagefind-ignore="([^"]*)"', p.read_text("utf-8"))) - {"", "index", "all"}
        if values:
            bad[str(p.relative_to(site_dir))] = values
    assert not bad, bad


def test_search_index_covers_every_content_page_and_nothing_else(site_dir):
    pages = {"/" + str(p.relative_to(site_dir).parent).replace(".", "").strip("/") + "/" for p in site_dir.rglob("index.html") if "data-pagefind-body" in p.read_text("utf-8")}
    pages = {p.replace("//", "/") for p in pages}
    assert {e["url"] for e in fragments(site_dir)} == pages
    assert not (site_dir / "404.html").read_text("utf-8").count("data-pagefind-body")


def test_search_filters_cover_the_contract_facets(site_dir):
    filters = set()
    for e in fragments(site_dir):
        filters |= set(e["filters"])
    assert {"type", "fase", "cluster", "wijk", "doelgroep"} <= filters


def test_no_lunr_index_is_shipped(site_dir):
    assert not (site_dir / "search" / "search_index.json").exists()
    assert not list(site_dir.rglob("lunr*.js"))


def test_every_record_is_exactly_one_data_row(site_dir):
    cat = catalogue()
    package = json.loads((site_dir / "data" / "datapackage.json").read_text("utf-8"))
    names = {r["name"] for r in package["resources"]}
    for collection, records in cat.by_collection.items():
        assert collection in names and f"{collection}-json" in names
        with (site_dir / "data" / f"{collection}.csv").open(encoding="utf-8") as fh:
            ids = [row["id"] for row in csv.DictReader(fh)]
        assert sorted(ids) == sorted(r.id for r in records)
        rows = json.loads((site_dir / "data" / f"{collection}.rows.json").read_text("utf-8"))
        assert sorted(r["id"] for r in rows) == sorted(r.id for r in records)


def test_published_data_package_is_valid(site_dir):
    report = frictionless.Package(str(site_dir / "data" / "datapackage.json")).validate()
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "note"])[:10]


def test_records_are_not_in_the_navigation(site_dir):
    cat = catalogue()
    home = (site_dir / "index.html").read_text("utf-8")
    nav = home[home.index('class="md-nav md-nav--primary"'):]
    nav = nav[: nav.index("</nav>")]
    for record in cat.records:
        assert f'href="{record.url}"' not in nav, record.url


def test_every_page_is_dutch_with_one_h1(site_dir):
    for page in site_dir.rglob("*.html"):
        text = page.read_text("utf-8")
        assert '<html lang="nl"' in text, page
        if "data-pagefind-body" in text:
            assert len(re.findall(r"<h1\b", text)) == 1, page


def test_wijk_without_practices_shows_an_inviting_empty_state(site_dir):
    cat = catalogue()
    empty = [w for w in cat.by_collection["wijken"] if not cat.practices_of(w)]
    assert empty, "the real data has pilotwijken without documented practices"
    text = (site_dir / empty[0].url / "index.html").read_text("utf-8")
    assert "data-mk-empty" in text
    assert f"indienen/?wijk={empty[0].id}" in text


def test_links_are_computed_both_ways(site_dir):
    cat = catalogue()
    for principe in cat.by_collection["principes"]:
        for tool_id in principe.get("tools", []):
            text = (site_dir / "tools" / tool_id / "index.html").read_text("utf-8")
            assert f'href="../../principes/{principe.id}/"' in text, (tool_id, principe.id)
