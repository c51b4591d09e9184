"""The built site's own pages: home, feed link, record page essentials, the menukaart without
JavaScript, the privacy and accessibility pages. Checks on the built HTML only; what needs a
browser (search, filters, printing, requests) lives in the browser tests."""
from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from macros.catalogue import load_catalogue
from macros.feed import recent_practices
from macros.main import QUESTIONS_TOOL, monitor_questions
from macros.pages import dutch_date

ROOT = Path(__file__).resolve().parent.parent
REPO = "https://github.com/pluswijken/menukaart"


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(ROOT / "data", root=ROOT)


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text inside chosen elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def tags(path: Path) -> list[tuple[str, dict]]:
    parser = Tags()
    parser.feed(path.read_text("utf-8"))
    return parser.tags


def text_of(fragment: str) -> str:
    fragment = re.sub(r'<a class="headerlink".*?</a>', "", fragment, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def resolves(site_dir: Path, page: Path, href: str) -> bool:
    """Does a relative link from `page` lead to a file of the built site?"""
    page_url = "http://site/" + str(page.relative_to(site_dir)).replace("index.html", "")
    target = urlsplit(urljoin(page_url, href)).path.lstrip("/")
    path = site_dir / target
    return (path / "index.html").is_file() if target.endswith("/") or not target else path.is_file()


def section(text: str, heading_id: str) -> str:
    start = text.index(f'id="{heading_id}"')
    return text[start: text.index("</section>", start)]


def test_home_says_what_it_is_and_offers_a_labelled_search(site_dir):
    text = (site_dir / "index.html").read_text("utf-8")
    intro = re.search(r"</h1>\s*<p>(.*?)</p>", text, re.S).group(1)
    assert intro.count(". ") + intro.rstrip().endswith(".") == 2, "two sentences"
    form = re.search(r"<form[^>]*data-mk-home-search[^>]*>(.*?)</form>", text, re.S)
    assert form, "search form on the home page"
    assert 'action="menukaart/"' in form.group(0) and 'role="search"' in form.group(0)
    field = re.search(r'<input[^>]*id="([^"]+)"[^>]*name="q"', form.group(1))
    assert field and f'<label for="{field.group(1)}"' in form.group(1)


def test_home_snel_naar_reaches_the_six_destinations(site_dir):
    page = site_dir / "index.html"
    block = section(page.read_text("utf-8"), "snel-naar")
    hrefs = re.findall(r'<li><a href="([^"]+)"', block)
    assert hrefs == ["routekaart/", "principes/", "tools/", "praktijken/", "kernaanpakken/", "indienen/"]
    assert all(resolves(site_dir, page, h) for h in hrefs)


def test_home_offers_the_four_monitoring_questions_with_working_links(site_dir, catalogue):
    page = site_dir / "index.html"
    text = page.read_text("utf-8")
    questions = monitor_questions(catalogue.get("tools", QUESTIONS_TOOL))
    assert len(questions) == 4
    articles = re.findall(r'<article class="mk-vraag">(.*?)</article>', text, re.S)
    assert [text_of(re.search(r"<h3.*?</h3>", a, re.S).group(0)) for a in articles] == [f"{i} {q}" for i, q in enumerate(questions, 1)]
    for article in articles:
        hrefs = re.findall(r'href="([^"]+)"', article)
        assert len(hrefs) >= 2, article
        assert any(h.startswith("menukaart/?") for h in hrefs)
        assert all(resolves(site_dir, page, h.split("?")[0]) for h in hrefs)


def test_home_lists_the_most_recently_updated_practices(site_dir, catalogue):
    block = section((site_dir / "index.html").read_text("utf-8"), "laatst-bijgewerkt")
    expected = recent_practices(catalogue, 5)
    assert expected
    assert re.findall(r'<li class="mk-recent__item"><a href="([^"]+)"', block) == [r.url for r in expected]


def test_every_page_links_the_atom_feed_in_its_head(site_dir):
    pages = list(site_dir.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        text = page.read_text("utf-8")
        head = text[: text.index("</head>")]
        links = [a for t, a in tags_of(head) if t == "link" and "alternate" in a.get("rel", "").split() and a.get("type") == "application/atom+xml"]
        assert len(links) == 1, page
        href = links[0]["href"]
        if href.startswith("/"):  # 404.html is served at any path, so it links from the root
            assert href == "/feed.xml", page
        else:
            assert resolves(site_dir, page, href) and href.endswith("feed.xml"), (page, href)
        assert links[0]["title"], page


def tags_of(fragment: str) -> list[tuple[str, dict]]:
    parser = Tags()
    parser.feed(fragment)
    return parser.tags


def test_no_page_loads_anything_from_another_host(site_dir):
    loading = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src", "video": "src", "embed": "src", "object": "data"}
    for page in site_dir.rglob("*.html"):
        for tag, attrs in tags(page):
            url = attrs.get(loading.get(tag, ""), "") or (attrs.get("href", "") if tag == "link" and "alternate" not in attrs.get("rel", "").split() else "")
            assert not re.match(r"(?i)^(https?:)?//", url), (page, tag, url)


def test_record_pages_show_date_sources_and_a_plain_edit_link(site_dir, catalogue):
    for record in catalogue.records:
        text = (site_dir / record.url / "index.html").read_text("utf-8")
        glance = text[text.index('id="in-het-kort"'): text.index("</section>", text.index('id="in-het-kort"'))]
        assert re.search(r"<dt>Laatst bijgewerkt</dt><dd>" + re.escape(html.escape(dutch_date(str(record.get("bijgewerkt"))))), glance), record.url
        assert 'id="bronnen"' in text, record.url
        edit = f'href="{REPO}/edit/main/{record.path}"'
        assert edit in text, record.url
        assert "api.github.com" not in text


def test_sources_name_their_document_in_words_not_by_id(site_dir, catalogue):
    names = catalogue.schemas.labels["documenten"]
    shown = 0
    for record in catalogue.records:
        text = html.unescape((site_dir / record.url / "index.html").read_text("utf-8"))
        for source in record.get("bronnen") or []:
            if source.get("document"):
                assert f"(brondocument: {names[source['document']]})" in text, (record.url, source["document"])
                shown += 1
        assert not re.search(r"\(brondocument: [a-z-]+\)", text), record.url
    assert shown > 50


def test_menukaart_without_javascript_lists_principes_tools_and_practices_per_wijk(site_dir, catalogue):
    page = site_dir / "menukaart" / "index.html"
    text = page.read_text("utf-8")
    cards = re.findall(r"<article[^>]*data-menukaart-item[^>]*>.*?<a href=\"([^\"]+)\"", text, re.S)
    expected = [r for c in ("principes", "tools") for r in catalogue.by_collection[c]]
    assert sorted(cards) == sorted("../" + r.url for r in expected)
    nojs = text[text.index("data-menukaart-nojs"):]
    for wijk in catalogue.by_collection["wijken"]:
        if catalogue.practices_of(wijk):
            assert f'href="../{wijk.url}#praktijken"' in nojs, wijk.id
    # The page never holds the practices themselves: its size does not grow with them.
    assert not re.search(r'href="\.\./praktijken/[a-z0-9-]+/"', text)


def test_privacy_page_names_every_storage_key_the_scripts_use(site_dir):
    keys = set()
    for script in (ROOT / "docs" / "assets" / "js").glob("*.js"):
        source = script.read_text("utf-8")
        if "localStorage" in source or "sessionStorage" in source:
            keys |= set(re.findall(r'(?:KEY|PREFIX)\s*=\s*"([^"]+)"', source))
    assert keys >= {"menukaart:selectie", "menukaart:checklist:"}
    privacy = text_of((site_dir / "privacy" / "index.html").read_text("utf-8"))
    for key in keys:
        assert key in privacy, key
    assert "Geen cookies" in privacy


def test_accessibility_statement_follows_the_model_and_invents_no_contact(site_dir):
    text = (site_dir / "toegankelijkheid" / "index.html").read_text("utf-8")
    ids = re.findall(r'<h2 id="([^"]+)"', text)
    assert ids == ["welke-website", "norm", "status", "beperkingen", "melden", "datum"]
    plain = text_of(text)
    assert "WCAG 2.1" in plain and "EN 301 549" in plain and "axe-core" in plain
    assert "geen onafhankelijk onderzoek" in plain.lower()
    assert f'href="{REPO}/issues"' in text
    assert "mailto:" not in text


def test_theme_config_scripts_and_styles_point_home_from_every_depth(site_dir):
    """These theme blocks are rendered once per way back to the root and reused: reused
    across depths, a page would load its scripts and styles from the wrong folder."""
    depths = set()
    for page in sorted(site_dir.rglob("index.html")):
        if "pagefind" in page.parts:
            continue
        text = page.read_text("utf-8")
        config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', text, re.S).group(1))
        depth = len(page.relative_to(site_dir).parts) - 1
        depths.add(depth)
        assert config["base"] == ("/".join([".."] * depth) or "."), page
        assets = re.findall(r'<script src="([^"]+)"', text) + re.findall(r'<link rel="stylesheet" href="([^"]+)"', text)
        assert len(assets) >= 4, page
        for asset in assets:
            target = urlsplit(urljoin(f"http://x/{page.relative_to(site_dir).parent.as_posix()}/", asset)).path.lstrip("/")
            assert (site_dir / target).is_file(), (page, asset)
    assert {0, 1, 2} <= depths
