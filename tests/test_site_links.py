"""Links between records on the built pages (issue 13): whichever side an editor filled in,
both pages show the link; every meeting shows its tools, every tool the meetings that use
it; a practice's status says how recent it is. Checks on the built HTML only."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from macros.catalogue import load_catalogue

ROOT = Path(__file__).resolve().parent.parent
SHOWN_PRACTICES = 12  # record.html lists at most this many practices on a tool, principe or kernaanpak page


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(ROOT / "data", root=ROOT)


def _page(site_dir: Path, record) -> Path:
    return site_dir / record.url / "index.html"


def _links(site_dir: Path, page: Path) -> set[str]:
    """Every record URL (site-relative, like 'tools/din/') a page links to, anchors dropped."""
    page_url = "http://site/" + str(page.relative_to(site_dir)).replace("index.html", "")
    hrefs = re.findall(r'href="([^"]+)"', page.read_text("utf-8"))
    return {urlsplit(urljoin(page_url, h)).path.lstrip("/") for h in hrefs}


def _named_links(catalogue) -> set[tuple]:
    """(record, other) for every reference an editor wrote, straight from the data, not from the catalogue."""
    pairs = set()
    for record in catalogue.records:
        schema = catalogue.schemas[record.collection.name]
        for field, target in schema.references().items():
            value = record.values.get(field)
            for other_id in value if isinstance(value, list) else [value] if value else []:
                pairs.add((record.key, (target, other_id)))
        for (field, sub), target in schema.item_references().items():
            for item in record.get(field, []):
                for other_id in item.get(sub) or []:
                    pairs.add((record.key, (target, other_id)))
    return pairs


def test_every_link_between_records_is_shown_on_both_pages(site_dir, catalogue):
    pairs = _named_links(catalogue)
    assert len(pairs) > 100
    shown = {r.key: _links(site_dir, _page(site_dir, r)) for r in catalogue.records}
    missing = []
    for a, b in sorted(pairs):
        for here, there in ((a, b), (b, a)):
            record, other = catalogue.get(*here), catalogue.get(*there)
            if other.url in shown[here]:
                continue
            if other.collection.name == "praktijken" and record.collection.name in ("tools", "principes", "kernaanpakken"):
                # These pages show the newest twelve practices and say how many more there are.
                newest = sorted(catalogue.related(record, "praktijken"), key=lambda p: p.get("bijgewerkt"), reverse=True)
                if other not in newest[:SHOWN_PRACTICES]:
                    continue
            missing.append(f"{record.url} mist de link naar {other.url}")
    assert not missing, "links die maar op één pagina staan:\n" + "\n".join(missing)


def test_the_check_sees_a_link_that_is_missing(site_dir, catalogue):
    """Guard for the test above: a page that lacks a link is noticed."""
    fase = catalogue.get("routekaart", "fase-3")
    shown = _links(site_dir, _page(site_dir, fase))
    assert "kernaanpakken/welzijn-op-recept/" in shown
    assert "kernaanpakken/bestaat-niet/" not in shown


def _meetings(page: Path) -> list[str]:
    return re.findall(r'<article class="mk-meeting" id="bijeenkomst-\d+">.*?</article>', page.read_text("utf-8"), flags=re.S)


def test_every_meeting_shows_its_tools_under_it(site_dir, catalogue):
    checked = 0
    for fase in catalogue.by_collection["routekaart"]:
        articles = _meetings(_page(site_dir, fase))
        meetings = fase.get("bijeenkomsten", [])
        assert len(articles) == len(meetings), f"{fase.id}: niet elke bijeenkomst staat op de pagina"
        for meeting, article in zip(meetings, articles):
            tools = meeting.get("tools") or []
            listed = re.findall(r'href="\.\./\.\./tools/([^/"]+)/"', article)
            assert listed == tools, f"{fase.id}, {meeting['titel']}: tools {listed} op de pagina, {tools} in de data"
            checked += len(tools)
    assert checked, "geen enkele bijeenkomst noemt tools"


def test_every_tool_page_names_the_meetings_that_use_it(site_dir, catalogue):
    wanted: dict[str, set[str]] = {}
    for fase in catalogue.by_collection["routekaart"]:
        for position, meeting in enumerate(fase.get("bijeenkomsten", []), 1):
            for tool in meeting.get("tools") or []:
                wanted.setdefault(tool, set()).add(f"../../routekaart/{fase.id}/#bijeenkomst-{position}")
    assert wanted
    for tool_id, hrefs in wanted.items():
        text = _page(site_dir, catalogue.get("tools", tool_id)).read_text("utf-8")
        block = re.search(r"<ul class=\"mk-list\" data-mk-tool-meetings>.*?</ul>", text, flags=re.S)
        assert block, f"tools/{tool_id}: geen lijst van bijeenkomsten"
        assert set(re.findall(r'href="([^"]+)"', block.group(0))) == hrefs, tool_id


def test_fase_3_lists_the_four_kernaanpakken(site_dir, catalogue):
    text = _page(site_dir, catalogue.get("routekaart", "fase-3")).read_text("utf-8")
    block = re.search(r'id="gerelateerd-kernaanpakken".*?</ul>', text, flags=re.S)
    assert block, "fase 3 heeft geen lijst met kernaanpakken"
    assert set(re.findall(r'kernaanpakken/([^/"]+)/', block.group(0))) == {k.id for k in catalogue.by_collection["kernaanpakken"]}


def test_a_practice_status_says_how_recent_it_is(site_dir, catalogue):
    for practice in catalogue.by_collection["praktijken"]:
        text = _page(site_dir, practice).read_text("utf-8")
        status = re.search(r"<dt>Status</dt><dd>(.*?)</dd>", text, flags=re.S)
        assert status, practice.id
        shown = status.group(1)
        if practice.get("status") == "onbekend":
            assert shown.startswith("onbekend:") and "nog loopt" in shown, (practice.id, shown)
        elif practice.get("status_bron"):
            assert shown == f"{practice.get('status')} (volgens een bron uit {practice.get('status_bron')})", (practice.id, shown)
        else:
            assert shown == practice.get("status"), (practice.id, shown)
