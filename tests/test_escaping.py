"""Text from YAML reaches the page as text: never markup, never Jinja.

The property test renders record pages straight from the page builder (the same code
the build uses); the build test pushes a hostile record through the real MkDocs build,
including <title>, where MkDocs' `striptags` would unescape entities.
"""
from __future__ import annotations

import html
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.catalogue import load_catalogue
from macros.pages import PageBuilder
from macros.records import Record
from tests.conftest import build_site

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "data"
PLAIN_FIELDS = {"praktijken": ["titel", "samenvatting", "periode", "contact"], "tools": ["titel", "samenvatting", "herkomst", "duur"], "principes": ["titel", "kern", "samenvatting"]}
MARKDOWN_FIELDS = {"praktijken": ["aanpak", "resultaten"], "tools": ["doel", "hoe"], "principes": ["betekenis"]}
SAFE_TAGS = {"div", "p", "h1", "h2", "h3", "h4", "span", "ul", "ol", "li", "a", "strong", "em", "dl", "dt", "dd", "section", "header", "footer", "time", "br", "blockquote", "code", "nav", "label", "input", "details", "summary", "article", "button", "svg", "path", "template"}


class Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attrs, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs

    def handle_data(self, data):
        self.text.append(data)


def parse(body: str) -> Collector:
    c = Collector()
    c.feed(body)
    return c


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def fixture_catalogue():
    data = FIXTURE
    import macros.validate as v

    result = v.validate(data, schema_dir=ROOT / "data" / "schema", root=FIXTURE.parent)
    assert not result.problems
    from macros.catalogue import Catalogue, _typed

    return Catalogue([_typed(r, result.schemas) for r in result.records], result.schemas)


CATALOGUE = fixture_catalogue()
BUILDER = PageBuilder(CATALOGUE, repo_url="https://github.com/voorbeeld/menukaart")
HOSTILE = ["<script>alert(1)</script>", "</title>", "<b onmouseover=x>", "\"'><img src=x onerror=y>", "{{ 7*7 }}", "{% raw %}", "&lt;i&gt;", "&amp;", "[x](javascript:alert(1))", "<!--", "]]>", "\u202e"]
texts = (
    st.lists(st.one_of(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20), st.sampled_from(HOSTILE)), min_size=1, max_size=6)
    .map("".join)
    .filter(lambda s: s.strip())
)


def assert_safe(body: str):
    parsed = parse(body)
    assert set(parsed.tags) <= SAFE_TAGS, set(parsed.tags) - SAFE_TAGS
    for name, value in parsed.attrs:
        assert not name.startswith("on"), name
        if name in ("href", "src"):
            assert not re.match(r"\s*(javascript|data|vbscript):", value or "", re.I), value
    return parsed


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(collection=st.sampled_from(sorted(PLAIN_FIELDS)), value=texts, rich=texts)
def test_any_text_in_any_field_reaches_the_page_as_text(collection, value, rich):
    original = CATALOGUE.by_collection[collection][0]
    fields = PLAIN_FIELDS[collection]
    record = Record(original.collection, original.path, dict(original.values), original.lines)
    for name in fields:
        record.values[name] = value
    for name in MARKDOWN_FIELDS[collection]:
        record.values[name] = rich
    page = BUILDER.record_page(record)
    parsed = assert_safe(page.body)
    text = squash("".join(parsed.text))
    assert squash(value) in text  # shown literally: no markup, no Jinja evaluation
    assert page.title == value  # the plain title; the glue escapes it once for the theme


def test_template_syntax_in_data_is_not_evaluated():
    original = CATALOGUE.by_collection["praktijken"][0]
    record = Record(original.collection, original.path, dict(original.values), original.lines)
    record.values["titel"] = "{{ 7*7 }} {% for x in range(3) %}x{% endfor %}"
    record.values["aanpak"] = "{{ config }} en {{ 6*7 }}"
    body = BUILDER.record_page(record).body
    assert "{{ 7*7 }} {% for x in range(3) %}x{% endfor %}" in html.unescape(body)
    assert "{{ config }} en {{ 6*7 }}" in html.unescape(body)
    assert "49" not in body and "42" not in body


HOSTILE_TITLE = '</title><script>alert("t")</script> &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }}'


def test_hostile_record_survives_the_real_build(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    wijk = data / "good-practices" / "testwijk-nep"
    wijk.mkdir()
    shutil.copy(FIXTURE / "wijken" / "testwijk-nep.yaml", data / "wijken" / "testwijk-nep.yaml")
    practice = (FIXTURE / "good-practices" / "testwijk-nep" / "testpraktijk-nep.yaml").read_text("utf-8")
    practice = practice.replace("titel: Testpraktijk (nep)", "titel: '" + HOSTILE_TITLE.replace("'", "''") + "'")
    practice = practice.replace("principes:\n  - testprincipe-nep\ntools:\n  - testtool-nep\nfases:\n  - fase-0\nkernaanpakken:\n  - testaanpak-nep\n", "")
    practice = practice.replace("samenvatting: Dit is een neppraktijk voor de testsuite van de Menukaart.", 'samenvatting: "<img src=x onerror=alert(2)> {% raw %} Dit is een neppraktijk (nep)."')
    (wijk / "testpraktijk-nep.yaml").write_text(practice, "utf-8")
    site = tmp_path / "site"
    run = build_site(site, env={"MENUKAART_DATA": str(data)})
    assert run.returncode == 0, run.stdout + run.stderr
    page = (site / "praktijken" / "testpraktijk-nep" / "index.html").read_text("utf-8")
    assert "<script>alert" not in page and "onerror=alert" not in page.replace("&lt;img src=x onerror=alert(2)&gt;", "")
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert html.unescape(title).startswith(HOSTILE_TITLE)
    h1 = re.search(r"<h1\b[^>]*>(.*?)</h1>", page, re.S).group(1)
    assert html.unescape(h1) == HOSTILE_TITLE
    assert "49" not in h1
