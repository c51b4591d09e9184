"""Publishing: what search engines, chat apps and feed readers read from the built site.

The site is built twice: the suite's usual build without SITE_URL (links stay relative) and
one with SITE_URL pointing at a local server that serves it under a sub-path, /menukaart/,
the way GitHub Pages serves a project site. The feed is checked against tests/atom.rng, a
RELAX NG grammar of RFC 4287's structure, plus the RFC's rules that grammar cannot express.
"""
from __future__ import annotations

import functools
import html
import http.server
import io
import json
import os
import re
import shutil
import subprocess
import threading
import xml.etree.ElementTree as ET
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import etree
from PIL import Image

from macros import publish
from macros.catalogue import load_catalogue
from macros.feed import build_feed
from tests.conftest import _QuietHandler, build_site

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "data"
PREFIX = "/menukaart/"
ATOM = "{http://www.w3.org/2005/Atom}"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
OG_REQUIRED = {"og:title", "og:description", "og:url", "og:type", "og:locale", "og:site_name", "og:image"}


# ---------------------------------------------------------------- fixtures


class _SubPathHandler(_QuietHandler):
    """Serves the site only under PREFIX; everything else is a 404 with the site's 404.html."""

    def translate_path(self, path):
        url_path = urlsplit(path).path
        if not url_path.startswith(PREFIX):
            return str(Path(self.directory) / "\0-niet-hier")  # never a file
        return super().translate_path("/" + path[len(PREFIX):])


def _serve(directory: Path, handler) -> http.server.ThreadingHTTPServer:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """(site folder, SITE_URL): built with SITE_URL and served at that address, under /menukaart/."""
    dest = tmp_path_factory.mktemp("gepubliceerd")
    server = _serve(dest, _SubPathHandler)  # the port must be known before the build
    site_url = f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    run = build_site(dest, env={"SITE_URL": site_url})
    assert run.returncode == 0, run.stdout + run.stderr
    yield dest, site_url
    server.shutdown()


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(ROOT / "data", root=ROOT)


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name == "index.html")


def page_url(site: Path, page: Path, site_url: str) -> str:
    folder = page.parent.relative_to(site).as_posix()
    return site_url + ("" if folder == "." else folder + "/")


class Head(HTMLParser):
    """<meta> and <link> tags of a page, attributes unescaped as a browser reads them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, list[str]] = {}
        self.links: list[dict] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        self.tags.append(tag)
        if tag == "meta" and ("property" in a or "name" in a):
            self.meta.setdefault(a.get("property") or a["name"], []).append(a.get("content", ""))
        elif tag == "link":
            self.links.append(a)


def head(path: Path) -> Head:
    parser = Head()
    parser.feed(path.read_text("utf-8"))
    return parser


def one(parsed: Head, key: str) -> str:
    values = parsed.meta.get(key, [])
    assert len(values) == 1, (key, values)
    return values[0]


# ---------------------------------------------------------------- sitemap, canonical, robots


def test_sitemap_lists_every_page_with_its_absolute_url_and_lastmod(published, catalogue):
    site, site_url = published
    tree = ET.parse(site / "sitemap.xml")
    entries = {u.findtext(SITEMAP + "loc"): u.findtext(SITEMAP + "lastmod") for u in tree.getroot()}
    expected = {page_url(site, p, site_url) for p in html_pages(site)}
    assert set(entries) == expected
    today = date.today().isoformat()
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) and d <= today for d in entries.values()), entries
    for record in catalogue.records:  # a record's lastmod is its own `bijgewerkt`
        assert entries[site_url + record.url] == record.get("bijgewerkt"), record.url
    newest_practice = max(r.get("bijgewerkt") for r in catalogue.by_collection["praktijken"])
    assert entries[site_url + "praktijken/"] == newest_practice


def test_hand_written_pages_take_lastmod_from_git(tmp_path):
    repo = tmp_path / "repo"
    (repo / "docs" / "over").mkdir(parents=True)
    env = {**os.environ, "GIT_AUTHOR_DATE": "2024-03-05T12:00:00", "GIT_COMMITTER_DATE": "2024-03-05T12:00:00"}
    git = functools.partial(subprocess.run, cwd=repo, check=True, capture_output=True, env=env)
    git(["git", "init", "-q"])
    git(["git", "-c", "user.name=T", "-c", "user.email=t@example.invalid", "commit", "-q", "--allow-empty", "-m", "begin"])
    for name, day in (("index.md", "2024-03-05"), ("over/index.md", "2024-06-07"), ("index.md", "2025-01-02")):
        (repo / "docs" / name).write_text(day)
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = day + "T12:00:00"
        git(["git", "add", "."])
        git(["git", "-c", "user.name=T", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", name])
    assert publish.git_dates(repo) == {"index.md": "2025-01-02", "over/index.md": "2024-06-07"}
    assert publish.git_dates(tmp_path / "geen-git") == {}


def test_every_page_has_its_canonical_url(published):
    site, site_url = published
    for page in html_pages(site):
        canonical = [link["href"] for link in head(page).links if link.get("rel") == "canonical"]
        assert canonical == [page_url(site, page, site_url)], page


def test_robots_txt_names_the_sitemap(published):
    site, site_url = published
    robots = (site / "robots.txt").read_text("utf-8")
    assert re.search(r"^User-agent: \*$", robots, re.M)
    assert re.findall(r"^Sitemap: (\S+)$", robots, re.M) == [site_url + "sitemap.xml"]


def test_without_site_url_nothing_pretends_to_be_absolute(site_dir):
    """The suite's usual build has no SITE_URL: no canonical, no og:url/og:image, empty sitemap."""
    assert "Sitemap:" not in (site_dir / "robots.txt").read_text("utf-8")
    assert list(ET.parse(site_dir / "sitemap.xml").getroot()) == []
    for page in html_pages(site_dir):
        parsed = head(page)
        assert not [link for link in parsed.links if link.get("rel") == "canonical"], page
        assert not {"og:url", "og:image", "twitter:image"} & set(parsed.meta), page
        assert {"og:title", "og:description", "og:type", "og:locale", "og:site_name"} <= set(parsed.meta), page
        assert one(parsed, "twitter:card") == "summary"
    feed = ET.parse(site_dir / "feed.xml").getroot()
    assert XML_BASE not in feed.attrib
    assert all(not link.get("href").startswith(("http:", "https:", "/")) for link in feed.iter(ATOM + "link"))


# ---------------------------------------------------------------- Atom feed


def atom_problems(document: bytes) -> list[str]:
    """RFC 4287: the RELAX NG grammar of its structure, then the rules a grammar cannot state."""
    grammar = etree.RelaxNG(etree.parse(str(ROOT / "tests" / "atom.rng")))
    root = etree.fromstring(document)
    if not grammar.validate(root):
        return [str(e) for e in grammar.error_log]
    problems = []
    a = "{http://www.w3.org/2005/Atom}"
    entries = root.findall(a + "entry")
    if root.find(a + "author") is None and any(e.find(a + "author") is None for e in entries):
        problems.append("4.1.1: feed without author while an entry has none")
    if not [link for link in root.findall(a + "link") if link.get("rel") == "self"]:
        problems.append("4.1.1: a feed SHOULD link to itself (rel=self)")
    for element in [root, *entries]:
        alternates = [(link.get("type"), link.get("hreflang")) for link in element.findall(a + "link") if link.get("rel", "alternate") == "alternate"]
        if len(alternates) != len(set(alternates)):
            problems.append(f"4.1.1/4.1.2: more than one alternate link with the same type and hreflang in {element.findtext(a + 'id')}")
        if not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", element.findtext(a + "id") or ""):
            problems.append(f"4.2.6: id is not an absolute IRI: {element.findtext(a + 'id')!r}")
    for entry in entries:
        if entry.find(a + "content") is None and not [link for link in entry.findall(a + "link") if link.get("rel", "alternate") == "alternate"]:
            problems.append("4.1.2: entry without content and without an alternate link")
    ids = [e.findtext(a + "id") for e in entries]
    if len(ids) != len(set(ids)):
        problems.append("4.2.6: two entries share an id")
    return problems


def test_the_atom_check_rejects_broken_feeds(catalogue):
    good = build_feed(catalogue, "https://voorbeeld.invalid/menukaart/")
    assert atom_problems(good) == []
    broken = {
        "date without time": good.replace(b"T00:00:00Z</updated>", b"</updated>", 1),
        "second title": good.replace(b"<title>", b"<title>x</title><title>", 1),
        "no id": re.sub(rb"<id>[^<]*</id>", b"", good, count=1),
        "relative id": re.sub(rb"<id>urn:uuid:[^<]*</id>", b"<id>feed</id>", good, count=1),
        "no author": re.sub(rb"<author>.*?</author>", b"", good, count=1, flags=re.S),
        "two alternates": good.replace(b'<link rel="alternate" type="text/html"', b'<link rel="alternate" type="text/html" href="x" /><link rel="alternate" type="text/html"', 1),
    }
    for what, document in broken.items():
        assert atom_problems(document), what


def test_feed_is_valid_atom_with_absolute_links_and_xml_base(published, catalogue):
    site, site_url = published
    document = (site / "feed.xml").read_bytes()
    assert atom_problems(document) == []
    root = ET.fromstring(document)
    assert root.get(XML_BASE) == site_url
    links = [link.get("href") for link in root.iter(ATOM + "link")]
    assert links and all(href.startswith(site_url) for href in links), links
    self_link = [link.get("href") for link in root.findall(ATOM + "link") if link.get("rel") == "self"]
    assert self_link == [site_url + "feed.xml"]
    for href in links:  # every link leads to a file of the built site
        target = site / href[len(site_url):]
        assert (target / "index.html").is_file() or target.is_file(), href


# ---------------------------------------------------------------- link previews


def test_every_page_has_open_graph_and_twitter_tags(published, catalogue):
    site, site_url = published
    by_url = {site_url + r.url: r for r in catalogue.records}
    for page in html_pages(site):
        parsed = head(page)
        assert OG_REQUIRED <= set(parsed.meta), (page, OG_REQUIRED - set(parsed.meta))
        url = page_url(site, page, site_url)
        assert one(parsed, "og:url") == url
        assert one(parsed, "og:locale") == "nl_NL" and one(parsed, "og:site_name") == "Menukaart PlusWIJken"
        assert one(parsed, "twitter:card") == "summary_large_image"
        assert one(parsed, "twitter:title") == one(parsed, "og:title") and one(parsed, "twitter:image") == one(parsed, "og:image")
        assert one(parsed, "og:description").strip(), page
        record = by_url.get(url)
        if record is not None:
            assert one(parsed, "og:title") == record.title
            assert one(parsed, "og:description") == record.get("samenvatting")
            assert one(parsed, "og:type") == "article"
            assert one(parsed, "og:image") == f"{site_url}assets/delen/{record.collection.name}.png"
        else:
            assert one(parsed, "og:type") == "website"
    home = head(site / "index.html")
    assert one(home, "og:title") == "Menukaart PlusWIJken" and one(home, "og:image") == site_url + "assets/delen/site.png"


def test_preview_images_are_large_enough_pngs(published):
    site, site_url = published
    images = {one(head(p), "og:image") for p in html_pages(site)}
    assert len(images) >= 4  # one per kind of page: site, principe, tool, praktijk, …
    for url in images:
        path = site / url[len(site_url):]
        with Image.open(io.BytesIO(path.read_bytes())) as image:
            assert image.format == "PNG" and image.width >= 1200 and image.height >= 630, (url, image.size)


HOSTILE = '</title><script>alert("t")</script>"\' onmouseover=x &amp; &lt;b&gt; {{ 7*7 }}'


def test_share_tags_escape_every_value():
    markup = publish.share_tags(title=HOSTILE, description=HOSTILE, site_name=HOSTILE, url="https://x.invalid/?a=1&b=\"2\"", image="https://x.invalid/i.png", image_alt=HOSTILE)
    parsed = Head()
    parsed.feed(markup)
    assert set(parsed.tags) == {"meta"}
    for key in ("og:title", "og:description", "og:site_name", "og:image:alt", "twitter:title", "twitter:description"):
        assert one(parsed, key) == HOSTILE, key
    assert one(parsed, "og:url") == 'https://x.invalid/?a=1&b="2"'
    assert "<script" not in markup and "{{" in markup


def test_hostile_record_title_and_summary_stay_text_in_the_preview_tags(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    (data / "good-practices" / "testwijk-nep").mkdir()
    shutil.copy(FIXTURE / "wijken" / "testwijk-nep.yaml", data / "wijken" / "testwijk-nep.yaml")
    practice = (FIXTURE / "good-practices" / "testwijk-nep" / "testpraktijk-nep.yaml").read_text("utf-8")
    practice = practice.replace("titel: Testpraktijk (nep)", "titel: '" + HOSTILE.replace("'", "''") + "'")
    practice = practice.replace("principes:\n  - testprincipe-nep\ntools:\n  - testtool-nep\nfases:\n  - fase-0\nkernaanpakken:\n  - testaanpak-nep\n", "")
    practice = practice.replace("samenvatting: Dit is een neppraktijk voor de testsuite van de Menukaart.", "samenvatting: '\"><img src=x onerror=alert(2)> (nep)'")
    (data / "good-practices" / "testwijk-nep" / "testpraktijk-nep.yaml").write_text(practice, "utf-8")
    site = tmp_path / "site"
    run = build_site(site, env={"MENUKAART_DATA": str(data), "SITE_URL": "https://voorbeeld.invalid/menukaart/"})
    assert run.returncode == 0, run.stdout + run.stderr
    page = site / "praktijken" / "testpraktijk-nep" / "index.html"
    parsed = head(page)
    text = page.read_text("utf-8")
    assert "<script>alert" not in text and "<img src=x" not in text
    for key in ("og:title", "twitter:title"):
        assert one(parsed, key) == HOSTILE, key  # shown exactly as typed: escaped once, not twice
    assert one(parsed, "og:description") == '"><img src=x onerror=alert(2)> (nep)'


# ---------------------------------------------------------------- 404 at / and under a sub-path


def _check_404(page, start: str, missing: str) -> None:
    failed = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 and r.url != missing else None)
    response = page.goto(missing)
    assert response.status == 404
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "Pagina niet gevonden"
    assert failed == [], failed  # styles, scripts, icons and the search bundle all load
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")
    home = page.get_by_role("link", name="startpagina")
    assert home.evaluate("a => a.href") == start
    menukaart = page.get_by_role("link", name="menukaart", exact=True).last
    assert menukaart.evaluate("a => a.href") == start + "menukaart/"
    assert page.goto(start + "menukaart/").status == 200
    page.goto(missing)
    page.get_by_role("link", name="startpagina").click()
    page.wait_for_url(start)
    assert page.locator("h1").count() == 1


@pytest.mark.browser
def test_404_links_work_at_the_site_root(page, site_url):
    _check_404(page, site_url, site_url + "bestaat/niet/hier/")


@pytest.mark.browser
def test_404_links_work_under_a_sub_path(page, published):
    _, site_url = published
    _check_404(page, site_url, site_url + "bestaat/niet/hier/")
    _check_404(page, site_url, site_url + "praktijken/weg/")


# ---------------------------------------------------------------- valid HTML (W3C Nu checker)

# Material's own markup on every page, not ours (mkdocs-material 9.x templates).
KNOWN_MATERIAL_FAULTS = [
    ("Attribute “autocomplete” is only allowed when the input type is", 'class="md-toggle"'),  # its drawer/search toggles
    ("Bad value “” for attribute “tabindex” on element “label”", 'class="md-nav__link"'),  # its nav section labels
]


def vnu_jar() -> Path:
    jar = Path(os.environ.get("MENUKAART_VNU") or next(ROOT.glob(".cache/vnu-*/node_modules/vnu-jar/build/dist/vnu.jar"), ROOT / ".cache" / "vnu.jar"))
    if not shutil.which("java"):
        pytest.skip("geen Java: `make test` installeert default-jre-headless")
    if not jar.is_file():
        pytest.fail(f"{jar} ontbreekt: `make test` installeert vnu-jar met npm")
    return jar


def vnu(paths: list[Path]) -> list[dict]:
    run = subprocess.run(["java", "-jar", str(vnu_jar()), "--errors-only", "--format", "json", "--skip-non-html", *map(str, paths)], capture_output=True, text=True, timeout=600)
    return json.loads(run.stderr or run.stdout)["messages"]


def ours(messages: list[dict]) -> list[dict]:
    return [m for m in messages if not any(m["message"].startswith(text) and where in m.get("extract", "") for text, where in KNOWN_MATERIAL_FAULTS)]


def test_vnu_finds_errors_where_there_are_some(tmp_path):
    broken = tmp_path / "kapot.html"
    broken.write_text('<!doctype html><html lang="nl"><title>x</title><p><div id=a></div><span id=a></span><input class="md-toggle" type="checkbox" autocomplete="off">')
    found = vnu([broken])
    assert len(ours(found)) >= 1 and len(ours(found)) < len(found)


def test_vnu_finds_no_error_in_our_markup_on_any_page(published, site_dir):
    for site in (published[0], site_dir):  # with SITE_URL (all preview tags) and without
        pages = [*html_pages(site), site / "404.html"]  # named one by one: none can be skipped unseen
        problems = ours(vnu(pages))
        assert problems == [], "\n".join(f"{m['url']}:{m.get('lastLine')}: {m['message']}" for m in problems[:20])


# ---------------------------------------------------------------- choosing Python in make


def _fake(bin_dir: Path, name: str, works: bool) -> None:
    script = bin_dir / name
    real = shutil.which("python3") or "/usr/bin/python3"
    script.write_text(f"#!/bin/sh\nexec {real} \"$@\"\n" if works else "#!/bin/sh\necho 'pyenv: not enabled' >&2\nexit 127\n")
    script.chmod(0o755)


@pytest.mark.parametrize(
    ("working", "chosen"),
    [({"python3.11", "python3.12", "python3.13"}, "python3.11"), ({"python3.12", "python3.13"}, "python3.12"), ({"python3.13"}, "python3.13"), (set(), "")],
)
def test_make_picks_the_first_working_python(tmp_path, working, chosen):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name in ("python3.11", "python3.12", "python3.13"):  # broken ones stand for pyenv shims
        _fake(bin_dir, name, name in working)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHON", "MAKEFLAGS", "MAKELEVEL")}
    env["PATH"] = f"{bin_dir}:/usr/bin:/bin"
    dry = subprocess.run(["make", "-n", "python"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert re.search(r'test -n "([^"]*)"', dry.stdout).group(1) == chosen
    real = subprocess.run(["make", "-s", "python"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert (real.returncode == 0) == bool(chosen), real.stdout
    if not chosen:
        assert "Python 3.11, 3.12 of 3.13 ontbreekt" in real.stdout
    override = subprocess.run(["make", "-n", "python"], cwd=ROOT, env={**env, "PYTHON": "mijn-python"}, capture_output=True, text=True)
    assert 'test -n "mijn-python"' in override.stdout


def test_a_record_without_bijgewerkt_takes_the_date_of_its_last_commit(catalogue):
    record = next(r for r in catalogue.by_collection["tools"])
    bare = type(record)(record.collection, record.path, {k: v for k, v in record.values.items() if k != "bijgewerkt"}, record.lines)
    from macros.pages import Page

    pages = [Page("tools/x.md", "x", "", "", bare), Page("tools/y.md", "y", "", "", record)]
    history = {record.path: [{"date": "2025-02-03", "message": "nieuw"}, {"date": "2024-01-01", "message": "oud"}]}.get
    dates = publish.generated_dates(pages, catalogue, lambda path: history(path) or [])
    assert dates == {"tools/x.md": "2025-02-03", "tools/y.md": record.get("bijgewerkt")}
    assert "tools/x.md" not in publish.generated_dates(pages, catalogue)  # no date at all: MkDocs' build date stays


# ---------------------------------------------------------------- the lock file


def test_lock_file_pins_every_dependency_within_its_range_with_hashes():
    """A dependency added to pyproject.toml without `make lock` would never be installed."""
    import tomllib

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    lock = (ROOT / "requirements.lock").read_text("utf-8")
    pins: dict[str, list[str]] = {}
    for name, version in re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", lock, re.M):
        pins.setdefault(canonicalize_name(name), []).append(version)
    blocks = re.split(r"\n(?=[A-Za-z0-9])", lock)
    assert all("--hash=sha256:" in b for b in blocks if re.match(r"[A-Za-z0-9]", b)), "every pin needs its hashes"
    for line in project["dependencies"] + project["optional-dependencies"]["test"]:
        requirement = Requirement(line)
        versions = pins.get(canonicalize_name(requirement.name))
        assert versions, f"{requirement.name} ontbreekt in requirements.lock: draai `make lock`"
        assert all(requirement.specifier.contains(v, prereleases=True) for v in versions), (line, versions)
    mkdocs = Requirement(next(d for d in project["dependencies"] if d.startswith("mkdocs>")))
    material = Requirement(next(d for d in project["dependencies"] if d.startswith("mkdocs-material")))
    assert not mkdocs.specifier.contains("2.0") and not material.specifier.contains("9.7.9") and not material.specifier.contains("10.0")
