"""The offline service worker the build writes: what it stores and when its version changes."""
from __future__ import annotations

import json
import re
from pathlib import Path

from macros import offline


def _site(tmp_path: Path, planner: bool = False) -> Path:
    site = tmp_path / "site"
    files = {
        "index.html": "home",
        "offline/index.html": "offline",
        "selectie/index.html": "selectie",
        "routekaart/index.html": "rk",
        "routekaart/fase-0/index.html": "fase 0",
        "tools/index.html": "tools",
        "tools/een-tool/index.html": "tool",
        "principes/index.html": "principes",
        "principes/een-principe/index.html": "principe",
        "praktijken/een-praktijk/index.html": "praktijk",
        "assets/css/menukaart.css": "css",
        "assets/javascripts/bundle.min.js": "js",
        "assets/javascripts/bundle.min.js.map": "map",
        "pagefind/pagefind.js": "search",
    }
    if planner:
        files["bijeenkomst/index.html"] = "planner"
        files["bijeenkomst/planner.json"] = "{}"
    files["assets/delen/tool.png"] = "preview image"
    for name, text in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    return site


def _worker_list(site: Path) -> list[str]:
    text = offline.write_worker(site).read_text(encoding="utf-8")
    assert "__MENUKAART" not in text
    return json.loads(re.search(r"var PRECACHE = (\[.*?\]);", text).group(1))


def test_worker_stores_shell_and_the_pages_for_a_meeting_but_not_practices_or_search(tmp_path):
    stored = _worker_list(_site(tmp_path))
    for url in ["", "offline/", "selectie/", "routekaart/", "routekaart/fase-0/", "tools/een-tool/", "principes/een-principe/", "assets/css/menukaart.css", "assets/javascripts/bundle.min.js"]:
        assert url in stored
    assert "praktijken/een-praktijk/" not in stored  # opened pages are kept; the rest waits for a visit
    assert not [u for u in stored if u.endswith(".map") or u.startswith("pagefind/")]
    assert "bijeenkomst/" not in stored  # not in this build: left out, no failure


def test_worker_stores_the_planner_when_the_build_has_it(tmp_path):
    stored = _worker_list(_site(tmp_path, planner=True))
    assert "bijeenkomst/" in stored and "bijeenkomst/planner.json" in stored  # the planner's data, for offline use


def test_worker_leaves_out_the_link_preview_images(tmp_path):
    assert not [u for u in _worker_list(_site(tmp_path)) if u.startswith("assets/delen/")]


def test_build_id_follows_the_content_and_ignores_the_search_index(tmp_path):
    site = _site(tmp_path)
    first = offline.build_id(site)
    assert offline.build_id(site) == first
    (site / "pagefind" / "pagefind.js").write_text("other index", encoding="utf-8")
    offline.write_worker(site)
    assert offline.build_id(site) == first  # the worker itself and pagefind/ do not count
    (site / "tools" / "een-tool" / "index.html").write_text("tool, bijgewerkT", encoding="utf-8")
    second = offline.build_id(site)
    assert second != first  # a stored page changed, even at the same size
    (site / "praktijken" / "een-praktijk" / "index.html").write_text("praktijk, langer", encoding="utf-8")
    assert offline.build_id(site) != second  # another page changed


def test_built_site_has_the_worker_at_its_root_and_pages_load_it_from_a_file(site_dir):
    worker = (site_dir / "sw.js").read_text(encoding="utf-8")
    assert re.search(r'var BUILD = "[0-9a-f]{16}";', worker)
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<script src="assets/js/offline\.js', home)
    assert "worker-src 'self'" in home
    offline_page = (site_dir / "offline" / "index.html").read_text(encoding="utf-8")
    assert "Geen verbinding" in offline_page and "data-pagefind-body" not in offline_page
