"""Content checks on the real data/ and docs/over/: the promises the Menukaart makes to readers.

The validator checks form (keys, types, vocabularies); these tests check that the content
itself is complete: everything is sourced, the fixed structure of PlusWIJken (six
pilotwijken, 14 principes in 5 clusters, fases 0–5) is there, and the curated pages cite
their sources.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from macros.catalogue import Catalogue, load_catalogue

ROOT = Path(__file__).resolve().parent.parent
OVER = ROOT / "docs" / "over"

PILOTWIJKEN = {"bleijerheide-centrum-nulland", "daalhof", "de-baandert", "eijsden", "hoensbroek-noord", "lindenheuvel"}
PRINCIPES = {
    "Helderheid over gedeelde richting": {"visie-en-doel", "communicatie"},
    "Het gaat om de mensen": {"kartrekker", "van-en-met-inwoners", "juiste-mensen-en-competenties"},
    "Samen doen": {"transparantie-en-vertrouwen", "elkaar-kennen", "samenwerken-regie-en-rollen"},
    "Borging": {"financiering", "veranker-op-alle-niveaus", "randvoorwaarden"},
    "Stap voor stap": {"volhouden", "actieleren", "klein-beginnen"},
}
FASES = [f"fase-{n}" for n in range(6)]
CURATED_PAGES = ["index", "pluswijkteam", "lerend-netwerk", "inwonerparticipatie", "monitoren-en-leren", "theory-u", "communicatie"]


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue(ROOT / "data", root=ROOT)


def _label(record) -> str:
    return f"{record.collection.name}/{record.id} ({record.path})"


def test_every_record_names_a_source(catalogue):
    unsourced = [_label(r) for r in catalogue.records if not r.get("bronnen")]
    assert not unsourced, "records zonder bronnen: " + ", ".join(unsourced)


def test_every_seed_citation_names_a_section(catalogue):
    missing = [
        f"{_label(r)} bron {i}"
        for r in catalogue.records
        for i, bron in enumerate(r.get("bronnen", []), start=1)
        if bron.get("document") and not (bron.get("sectie") or "").strip()
    ]
    assert not missing, "bronnen met document maar zonder sectie: " + ", ".join(missing)


def test_every_reference_resolves(catalogue):
    dangling = []
    for record in catalogue.records:
        for field, target in catalogue.schemas[record.collection.name].references().items():
            value = record.values.get(field)
            for other in value if isinstance(value, list) else [value] if value else []:
                if catalogue.get(target, other) is None:
                    dangling.append(f"{_label(record)}: {field} -> {target}/{other}")
    assert not dangling, "verwijzingen naar records die niet bestaan: " + ", ".join(dangling)


def test_the_six_pilotwijken_exist_and_are_the_only_ones(catalogue):
    wijken = catalogue.by_collection["wijken"]
    for wijk_id in sorted(PILOTWIJKEN):
        wijk = catalogue.get("wijken", wijk_id)
        assert wijk is not None, f"pilotwijk {wijk_id} ontbreekt"
        assert wijk.get("pilotwijk") is True, f"{wijk_id} staat niet als pilotwijk"
    assert {w.id for w in wijken if w.get("pilotwijk") is True} == PILOTWIJKEN


def test_fourteen_principes_in_five_clusters(catalogue):
    found: dict[str, set[str]] = {}
    for principe in catalogue.by_collection["principes"]:
        found.setdefault(principe.get("cluster"), set()).add(principe.id)
    assert found == PRINCIPES
    assert sum(len(ids) for ids in found.values()) == 14


@pytest.mark.parametrize("fase_id", FASES)
def test_each_fase_has_a_meeting_and_a_checklist(catalogue, fase_id):
    fase = catalogue.get("routekaart", fase_id)
    assert fase is not None, f"{fase_id} ontbreekt"
    assert fase.get("nummer") == int(fase_id[-1])
    meetings = fase.get("bijeenkomsten", [])
    assert meetings and all((m.get("titel") or "").strip() for m in meetings), f"{fase_id} heeft geen bijeenkomst met titel"
    checklist = fase.get("checklist", [])
    assert checklist and all(item.strip() for item in checklist), f"{fase_id} heeft geen checklist"


def test_routekaart_has_exactly_fase_0_to_5(catalogue):
    assert [f.id for f in catalogue.by_collection["routekaart"]] == FASES


def test_every_tool_has_an_alias(catalogue):
    without = [_label(t) for t in catalogue.by_collection["tools"] if not [a for a in t.get("aliassen", []) if a.strip()]]
    assert not without, "tools zonder alias: " + ", ".join(without)


def _bronnen_section(text: str) -> str | None:
    """The text under the '## Bronnen' heading, up to the next heading of that level or higher."""
    match = re.search(r"^## Bronnen[ \t]*$(.*?)(?=^#{1,2} |\Z)", text, flags=re.M | re.S)
    return match.group(1) if match else None


@pytest.mark.parametrize("name", CURATED_PAGES)
def test_curated_page_exists_and_cites_its_sources(catalogue, name):
    page = OVER / f"{name}.md"
    assert page.is_file(), f"docs/over/{name}.md ontbreekt"
    text = page.read_text("utf-8")
    bronnen = _bronnen_section(text)
    assert bronnen is not None, f"docs/over/{name}.md heeft geen kop 'Bronnen'"
    cited = set(re.findall(r"`([a-z-]+)`", bronnen))
    known = set(catalogue.schemas.vocabularies["documenten"])
    assert cited, f"docs/over/{name}.md noemt onder 'Bronnen' geen brondocument"
    assert cited <= known, f"onbekende brondocumenten in docs/over/{name}.md: {sorted(cited - known)}"


@pytest.mark.parametrize("name", CURATED_PAGES)
def test_curated_page_has_no_template_syntax(name):
    """Pages pass through mkdocs-macros: Jinja markers would be executed or break the build."""
    text = (OVER / f"{name}.md").read_text("utf-8")
    assert "{{" not in text and "{%" not in text


def _nav_files(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, list):
        return [f for item in node for f in _nav_files(item)]
    if isinstance(node, dict):
        return [f for value in node.values() for f in _nav_files(value)]
    return []


def test_curated_pages_are_in_the_over_section_of_the_nav():
    nav = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))["nav"]
    sections = [item["Over PlusWIJken"] for item in nav if isinstance(item, dict) and "Over PlusWIJken" in item]
    assert len(sections) == 1, "de nav heeft geen (of meer dan één) sectie 'Over PlusWIJken'"
    missing = {f"over/{name}.md" for name in CURATED_PAGES} - set(_nav_files(sections[0]))
    assert not missing, f"niet in de sectie 'Over PlusWIJken': {sorted(missing)}"
