"""The build's search index: Pagefind fed page by page gives the index Pagefind makes of the folder, and loses nothing."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros import search_index
from tests.pagefind_index import fragments

PAGE = """<!doctype html><html lang="nl"><head><title>{title}</title></head><body>
<nav>Menu dat niet in de index hoort</nav>
<article data-pagefind-body><h1>{title} <a class="headerlink" href="#x">¶</a></h1>
<span data-pagefind-filter="type">Praktijk</span><span data-pagefind-meta="wijk">Testwijk (nep)</span>
<p data-pagefind-weight="2">{text}</p><p data-pagefind-ignore>niet zoeken</p></article></body></html>"""
NAV_ONLY = """<!doctype html><html lang="nl"><body><p>Geen inhoud voor de zoekfunctie</p></body></html>"""


def fake_site(root: Path) -> dict[str, str]:
    """A few pages as MkDocs would write them: content pages in folders, the home page, a page without the body mark."""
    pages = {
        "index.html": PAGE.format(title="Home (nep)", text="welkom bij de testsite"),
        "praktijken/testpraktijk-1-nep/index.html": PAGE.format(title="Testpraktijk 1 (nep)", text="eenzaamheid ouderen wijkteam"),
        "praktijken/testpraktijk-2-nep/index.html": PAGE.format(title="Testpraktijk 2 (nep)", text="mantelzorg buurtkamer"),
        "over/index.html": PAGE.format(title="Over (nep)", text="lerend netwerk"),
        "404.html": NAV_ONLY,
    }
    for path, html in pages.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(html, "utf-8")
    return pages


def fed(site: Path, pages: dict[str, str]) -> int:
    indexing = search_index.Indexing(site)
    for path, html in pages.items():
        indexing.add(path, html)
    indexing.finish()
    return indexing.result()


def comparable(site: Path) -> list[dict]:
    """Fragments without the order Pagefind numbered them in (it differs between two runs of its own command too)."""
    return sorted(fragments(site), key=lambda f: f["url"])


def test_fed_pages_give_the_index_pagefind_makes_of_the_folder(tmp_path):
    site = tmp_path / "site"
    pages = fake_site(site)
    assert search_index.index_site(site) == 4  # Pagefind's own command over the folder
    by_folder = comparable(site)
    shutil.rmtree(site / "pagefind")
    assert search_index.check(site, fed(site, pages)) == 4
    assert comparable(site) == by_folder  # same URLs, text, titles, filters, meta, weights and excluded marks
    assert {f["url"] for f in by_folder} == {"/", "/praktijken/testpraktijk-1-nep/", "/praktijken/testpraktijk-2-nep/", "/over/"}
    assert not any("¶" in f["content"] or "niet zoeken" in f["content"] or "Menu" in f["content"] for f in by_folder)


def test_a_content_page_that_never_reached_pagefind_fails_the_check(tmp_path):
    """Nothing lost: a page with the body mark that is in the site but not in the index stops the build."""
    site = tmp_path / "site"
    pages = fake_site(site)
    missing = "praktijken/testpraktijk-2-nep/index.html"
    indexed = fed(site, {p: h for p, h in pages.items() if p != missing})
    assert indexed == 3
    with pytest.raises(RuntimeError, match="3 pagina's, maar de site heeft er 4"):
        search_index.check(site, indexed)
    # The build names the pages it handed over; the check still reads every other file.
    handed = {p for p in pages if p != missing and p != "404.html"}
    with pytest.raises(RuntimeError, match="3 pagina's, maar de site heeft er 4"):
        search_index.check(site, indexed, known=handed)
    assert search_index.check(site, fed(site, pages), known=handed | {missing}) == 4


def test_a_stopped_indexing_leaves_no_pagefind_running(tmp_path):
    """A build that fails halfway stops Pagefind (on_build_error), so `mkdocs build` exits."""
    site = tmp_path / "site"
    pages = fake_site(site)
    indexing = search_index.Indexing(site)
    indexing.add("index.html", pages["index.html"])
    indexing.stop()
    assert indexing._proc.poll() is not None
    assert not (site / "pagefind").exists()


def test_pagefind_that_dies_fails_the_build(tmp_path):
    site = tmp_path / "site"
    pages = fake_site(site)
    indexing = search_index.Indexing(site)
    indexing.add("index.html", pages["index.html"])
    indexing._proc.kill()
    indexing.finish()
    with pytest.raises(RuntimeError, match="Pagefind faalde"):
        indexing.result()



def test_pagefind_is_handed_the_html_tag_and_the_page_from_the_body_mark_on():
    page = PAGE.format(title="Testpraktijk (nep)", text="buurtkamer")
    part = search_index.searchable_part(page)
    assert part.startswith('<html lang="nl"><head></head><body><article data-pagefind-body>')
    assert part.endswith(page[page.index("<article data-pagefind-body") :])
    assert "Menu dat niet in de index hoort" not in part and "<title>" not in part
    # The attribute's name as text (escaped, or inside a script) is no body mark: such a page goes whole.
    text_only = '<html lang="nl"><body><p>Zet data-pagefind-body op &lt;main data-pagefind-body&gt;</p></body></html>'
    assert search_index.searchable_part(text_only) == text_only
    assert search_index.searchable_part(NAV_ONLY) == NAV_ONLY


def test_the_built_site_has_the_index_pagefind_makes_of_its_folder(site_dir, tmp_path):
    """Pagefind got every page of the real build from the body mark on: the same fragments as when it reads the folder."""
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy)
    built = comparable(copy)
    shutil.rmtree(copy / "pagefind")
    assert search_index.index_site(copy) == len(built)
    assert comparable(copy) == built


def test_pagefind_files_are_written_inside_the_index_folder_only(tmp_path):
    import base64

    bundle = tmp_path / "site" / "pagefind"
    (bundle / "oud").mkdir(parents=True)
    (bundle / "fragment").mkdir()
    (bundle / "fragment" / "nl_1.pf_fragment").write_bytes(b"vorige index")
    (bundle / "fragment" / "nl_0.pf_fragment").write_bytes(b"vorige index")
    same_file = (bundle / "fragment" / "nl_1.pf_fragment").stat().st_ino
    search_index.write_bundle(bundle, [{"path": "fragment/nl_1.pf_fragment", "content": base64.b64encode(b"nep").decode()}])
    assert (bundle / "fragment" / "nl_1.pf_fragment").read_bytes() == b"nep"
    assert (bundle / "fragment" / "nl_1.pf_fragment").stat().st_ino == same_file  # written over, not deleted and made again
    assert not (bundle / "oud").exists() and not (bundle / "fragment" / "nl_0.pf_fragment").exists()
    for bad in ("../index.html", "/tmp/buiten.txt"):
        with pytest.raises(RuntimeError, match="buiten de zoekindex"):
            search_index.write_bundle(bundle, [{"path": bad, "content": ""}])
    assert not (tmp_path / "site" / "index.html").exists()
