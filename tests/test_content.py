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
    from tests.conftest import mkdocs_yml

    nav = mkdocs_yml()["nav"]
    sections = [item["Over PlusWIJken"] for item in nav if isinstance(item, dict) and "Over PlusWIJken" in item]
    assert len(sections) == 1, "de nav heeft geen (of meer dan één) sectie 'Over PlusWIJken'"
    missing = {f"over/{name}.md" for name in CURATED_PAGES} - set(_nav_files(sections[0]))
    assert not missing, f"niet in de sectie 'Over PlusWIJken': {sorted(missing)}"


# --- Completeness against the source documents (issue 3) -------------------------------------

def _norm(text: str) -> str:
    """Lower case, accents folded, only letters and digits: 'Reis van de patiënt' == 'reis van de patient'."""
    import unicodedata

    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    return " ".join(re.findall(r"[a-z0-9]+", folded))


# Every tool or werkvorm the issue names, as it names them. Each must be findable by id, title or alias.
ISSUE_TOOLS = [
    "DIN", "4G-feedbackmodel", "veranderboekhouding", "Theory U", "RASCI", "PDCA", "WHY-HOW-WHAT",
    "Golden Circle", "coverstory", "probleemanalyse", "wijkscan", "beeld van de wijk", "Factor C",
    "halen-brengen", "reis van de patiënt", "wijkwandeling", "wijkgesprekken", "proeftuin on tour",
    "maatschappelijke business case", "SROI", "micro-analyse", "effectencalculator",
    "financieringsstromen-quiz", "verticale leersessie", "ADDO", "leergeschiedenis", "actieleren",
    "waarderend onderzoeken", "community of practice", "triademodel", "willen, kunnen, mogen",
    "werkconferentie", "participatieladder", "participatiegesprekken", "praatplaat",
    "binnenkring en buitenkring", "vier monitorvragen", "Positieve Gezondheid",
]


def _tool_names(tool) -> set[str]:
    return {_norm(n) for n in [tool.id, tool.title, *tool.get("aliassen", [])] if n}


def test_every_tool_the_issue_names_is_findable(catalogue):
    names = [(_tool_names(t), _norm(t.title)) for t in catalogue.by_collection["tools"]]
    missing = [
        wanted for wanted in ISSUE_TOOLS
        if not any(_norm(wanted) in known or _norm(wanted) in title for known, title in names)
    ]
    assert not missing, "tools uit het issue zonder record of alias: " + ", ".join(missing)


def test_every_tool_has_the_parts_the_issue_asks_for(catalogue):
    parts = ("samenvatting", "doel", "wanneer", "fases", "hoe", "voor_wie", "herkomst", "principes")
    gaps = [
        f"{t.id}: {part}" for t in catalogue.by_collection["tools"] for part in parts
        if not t.get(part) or (isinstance(t.get(part), str) and not t.get(part).strip())
    ]
    assert not gaps, "tools met een leeg onderdeel: " + ", ".join(gaps)


# The meetings the routekaart describes per fase (a title fragment each) and the number of
# checklist items it gives under "wanneer is een fase succesvol?" (fase 2 and 3 share one list).
MEETINGS = {
    "fase-0": ["Informatiebijeenkomst", "Kick-off samenwerking"],
    "fase-1": ["Kick-off evalueren en leren", "Werksessie wijkbeeld"],
    "fase-2": ["Werksessie wijkopgave"],
    "fase-3": ["Werksessie wijkplan"],
    "fase-4": ["Netwerkbijeenkomst", "Strategische werksessie", "Bijeenkomst leernetwerk"],
    "fase-5": ["Leernetwerk over vervolg", "advies voor vervolg", "Strategische werksessie voor vervolg"],
}
CHECKLIST_ITEMS = {"fase-0": 8, "fase-1": 6, "fase-2": 7, "fase-3": 7, "fase-4": 8, "fase-5": 7}
MEETING_PARTS = ("doel", "wie_en_wanneer", "voorbereiding", "agenda", "uitwerking")
# The routekaart only says when a reflectiemoment happens and who organises it; no agenda or follow-up.
PARTIAL_MEETINGS = {("fase-4", "Reflectiemoment in de pilotwijk")}


@pytest.mark.parametrize("fase_id", FASES)
def test_each_fase_has_every_meeting_of_the_routekaart(catalogue, fase_id):
    titles = [m.get("titel", "") for m in catalogue.get("routekaart", fase_id).get("bijeenkomsten", [])]
    missing = [want for want in MEETINGS[fase_id] if not any(want.casefold() in t.casefold() for t in titles)]
    assert not missing, f"{fase_id} mist bijeenkomsten: {missing} (wel: {titles})"


@pytest.mark.parametrize("fase_id", FASES)
def test_each_meeting_has_the_five_parts(catalogue, fase_id):
    gaps = [
        f"{m.get('titel')}: {part}"
        for m in catalogue.get("routekaart", fase_id).get("bijeenkomsten", [])
        if (fase_id, m.get("titel")) not in PARTIAL_MEETINGS
        for part in MEETING_PARTS
        if not (m.get(part) or "").strip()
    ]
    assert not gaps, f"{fase_id}: bijeenkomsten zonder onderdeel: {gaps}"


@pytest.mark.parametrize("fase_id", FASES)
def test_each_fase_has_the_full_checklist_theory_u_and_links(catalogue, fase_id):
    fase = catalogue.get("routekaart", fase_id)
    assert len(fase.get("checklist", [])) == CHECKLIST_ITEMS[fase_id], f"{fase_id}: checklist is niet compleet"
    assert (fase.get("theory_u") or "").strip(), f"{fase_id}: plaats in Theory U ontbreekt"
    assert fase.get("tools") and fase.get("principes"), f"{fase_id}: passende tools of principes ontbreken"


def test_fase_2_and_3_share_the_routekaart_checklist(catalogue):
    assert catalogue.get("routekaart", "fase-2").get("checklist") == catalogue.get("routekaart", "fase-3").get("checklist")


# The brochure's ambitions in figures ("Onze ambities in één oogopslag").
KERNAANPAK_FIGURES = {
    "doorbraakmethode": "1000 huishoudens",
    "welzijn-op-recept": "30 fulltime welzijnscoaches",
    "kernteam-ouderen": "35 kernteams ouderen",
    "pluspraktijken": "elke huisartsenpraktijk",
}


def test_the_four_kernaanpakken_carry_their_ambitions_in_figures(catalogue):
    assert {k.id for k in catalogue.by_collection["kernaanpakken"]} == set(KERNAANPAK_FIGURES)
    for kid, figure in KERNAANPAK_FIGURES.items():
        ambities = " ".join(catalogue.get("kernaanpakken", kid).get("ambities", []))
        assert figure in ambities.casefold(), f"{kid}: ambitie '{figure}' ontbreekt"
        assert "2025-2027" in ambities, f"{kid}: transformatieperiode ontbreekt"


def test_every_pilotwijk_names_its_gemeente(catalogue):
    missing = [w for w in sorted(PILOTWIJKEN) if not (catalogue.get("wijken", w).get("gemeente") or "").strip()]
    assert not missing, f"pilotwijken zonder gemeente: {missing}"


def test_every_practice_lives_in_the_folder_of_its_wijk(catalogue):
    wrong = [
        f"{p.path} (wijk: {p.get('wijk')})" for p in catalogue.by_collection["praktijken"]
        if Path(p.path).parent.name != p.get("wijk")
    ]
    assert not wrong, "praktijken in de map van een andere wijk: " + ", ".join(wrong)


def test_practices_in_a_pilotwijk_are_documented_not_invented(catalogue):
    """The sources describe no practice in the six pilotwijken yet; their pages show an empty
    state. A practice there must come with a checkable source (a link) and a contact."""
    undocumented = [
        p.path for p in catalogue.by_collection["praktijken"]
        if p.get("wijk") in PILOTWIJKEN
        and not (p.get("contact") and any(b.get("url") for b in p.get("bronnen", [])))
    ]
    assert not undocumented, "praktijken in een pilotwijk zonder link naar een bron en contact: " + ", ".join(undocumented)


# Practices the sources describe, by the name the issue uses (matched against id and title).
SOURCE_PRACTICES = ["Zoom-In", "Ruwaard", "Stevenshof Vitaal", "Alphen Noord", "Den Haag Zuidwest", "Zuydkamer", "Mijnstreek", "ZO Wonen"]


def test_every_practice_from_the_sources_is_there(catalogue):
    names = [_norm(f"{p.id} {p.title}") for p in catalogue.by_collection["praktijken"]]
    missing = [want for want in SOURCE_PRACTICES if not any(_norm(want) in n for n in names)]
    assert not missing, "praktijken uit de bronnen ontbreken: " + ", ".join(missing)


# Robuust names no tool for the kartrekker; every other principe has a "wat is behulpzaam?".
PRINCIPES_WITHOUT_TOOLS = {"kartrekker"}


def test_every_principe_has_kern_meaning_steps_and_tools(catalogue):
    gaps = []
    for p in catalogue.by_collection["principes"]:
        for part in ("kern", "betekenis", "hoe_dan"):
            if not (p.get(part) or "").strip():
                gaps.append(f"{p.id}: {part}")
        if p.id not in PRINCIPES_WITHOUT_TOOLS and not p.get("tools"):
            gaps.append(f"{p.id}: tools")
        if not any(b.get("document") == "robuust" for b in p.get("bronnen", [])):
            gaps.append(f"{p.id}: bron robuust")
    assert not gaps, "principes met een gat: " + ", ".join(gaps)


SEEDS = Path(__import__("os").environ.get("MENUKAART_SEEDS", ROOT.parent / "shared" / "seeds"))  # CI clones main with shared/ beside it
SKIP_FIELDS = {"bronnen", "achtergrond", "aliassen", "titel", "id"}


def _prose(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _prose(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in SKIP_FIELDS:
                yield from _prose(item)


def _sentences(text: str):
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.split(r"(?<=[.!?:;])\s+|\n+", text)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="bronteksten (seeds) niet beschikbaar")
def test_no_sentence_is_copied_from_a_source(catalogue):
    """Own words: no sentence of ten words or more may appear word for word in a source document."""
    seed = " ".join(_norm(re.sub(r"-\s*\n\s*", "", f.read_text("utf-8"))) for f in sorted(SEEDS.glob("0*.txt")))
    assert seed, "geen brondocumenten gevonden"
    texts = [(r.path, s) for r in catalogue.records for s in _prose(r.values)]
    texts += [(f"docs/over/{n}.md", (OVER / f"{n}.md").read_text("utf-8").split("## Bronnen")[0]) for n in CURATED_PAGES]
    copied = [
        f"{where}: {sentence.strip()}"
        for where, text in texts for sentence in _sentences(text)
        if len(_norm(sentence).split()) >= 10 and _norm(sentence) in seed
    ]
    assert not copied, "letterlijk overgenomen zinnen:\n" + "\n".join(copied)


# --- The routekaart as a working instrument, every claim traceable (issue 13) -----------------

def test_every_kernaanpak_sits_on_the_routekaart_in_fase_3(catalogue):
    """The routekaart: the wijkplan (fase 3) includes implementing the four kernaanpakken."""
    for k in catalogue.by_collection["kernaanpakken"]:
        assert "fase-3" in k.get("fases", []), f"{k.id} staat niet in fase 3"
        assert k.get("tools") or k.get("principes"), f"{k.id} heeft geen tools of principes"


def test_meetings_name_their_tools_and_the_tools_exist(catalogue):
    named = 0
    for fase in catalogue.by_collection["routekaart"]:
        for meeting in fase.get("bijeenkomsten", []):
            for tool in meeting.get("tools") or []:
                assert catalogue.get("tools", tool) is not None, f"{fase.id}, {meeting['titel']}: tool {tool} bestaat niet"
                assert tool in fase.get("tools", []), f"{fase.id}: {tool} hoort bij een bijeenkomst maar niet bij de fase"
                named += 1
    assert named >= 10, "te weinig bijeenkomsten noemen hun tools"


# The tools the issue names for a meeting, as (fase, title fragment, tool).
MEETING_TOOLS = [
    ("fase-0", "Kick-off samenwerking", "rasci"),
    ("fase-0", "Informatiebijeenkomst", "factor-c"),
    ("fase-3", "Werksessie wijkplan", "din"),
]


@pytest.mark.parametrize("fase_id,title,tool", MEETING_TOOLS)
def test_the_meetings_the_issue_names_have_their_tool(catalogue, fase_id, title, tool):
    meeting = next(m for m in catalogue.get("routekaart", fase_id).get("bijeenkomsten", []) if title in m["titel"])
    assert tool in (meeting.get("tools") or [])


def test_a_running_practice_says_from_when_that_is(catalogue):
    """'lopend' without a date claims more than a source from years ago can say."""
    undated = [p.id for p in catalogue.by_collection["praktijken"] if p.get("status") == "lopend" and not p.get("status_bron")]
    assert not undated, "praktijken die 'lopend' zijn zonder status_bron: " + ", ".join(undated)


# Words the issue found that no source supports, per file.
UNSUPPORTED = [
    ("good-practices/geleen/zuydkamer.yaml", "een Huis van de Wijk"),
    ("wijken/geleen.yaml", "een Huis van de Wijk"),
    ("tools/din.yaml", "doelenboom"),
    ("tools/financieringsstromen-quiz.yaml", "vaak pas dan"),
    ("tools/micro-analyse.yaml", "vaak pas dan"),
    ("tools/leersessie-binnen-buitenkring.yaml", "beginnen met een voorbeeld"),
    ("tools/monitorvragen-wijzer-in-de-wijk.yaml", "beoordelaar"),
    ("routekaart/fase-5.yaml", "geen eindpunt"),
    # Second read (H13b): the garbled Theory U figure, makers and details no source gives.
    ("routekaart/fase-1.yaml", "open mind"),
    ("routekaart/fase-2.yaml", "open hart"),
    ("tools/theory-u.yaml", "vormgeven en verankeren"),
    ("principes/financiering.yaml", "vaak pas"),
    ("tools/actieleren.yaml", "Revans"),
    ("tools/pdca.yaml", "Shewhart"),
    ("tools/positieve-gezondheid.yaml", "zes gebieden"),
    ("tools/waarderend-onderzoeken.yaml", "4D-cyclus"),
    ("good-practices/leiden-stevenshof/stevenshof-vitaal.yaml", "Huisartsen schreven 16"),
]


@pytest.mark.parametrize("rel,phrase", UNSUPPORTED)
def test_claims_the_sources_do_not_make_are_gone(rel, phrase):
    assert phrase.casefold() not in (ROOT / "data" / rel).read_text("utf-8").casefold()


def test_no_tool_says_a_maker_does_not_name_the_source(catalogue):
    wrong = [t.id for t in catalogue.by_collection["tools"] if "maker noemt de bron niet" in (t.get("herkomst") or "")]
    assert not wrong, "'Een maker noemt de bron niet' zegt het omgekeerde van wat bedoeld is: " + ", ".join(wrong)


def test_the_monitoring_tool_does_not_take_the_programme_name_as_alias(catalogue):
    aliases = [a.casefold() for a in catalogue.get("tools", "monitorvragen-wijzer-in-de-wijk").get("aliassen", [])]
    assert "wijzer in de wijk" not in aliases


SEED_FILES = {
    "routekaart": "000_28224bdf49775196.txt",
    "brochure": "001_5c4492eb579eb830.txt",
    "robuust": "002_333c0bfc07bfd770.txt",
    "wijzer-in-de-wijk": "003_dbe6c7f4951c1f44.txt",
    "pluswijken-web": "004_ba12861a74b15a78.txt",
}
SECTION_PARTS = re.compile(r"\s+[–/]\s+|[:;,()]|\s+en\s+")


def _squash(text: str) -> str:
    """Letters and digits only, accents folded, and the OCR noise in 'PlusWIJken' ('PlusWliJken',
    'PlusWIiJkaanpak') undone, so a heading matches however the extraction broke its layout."""
    text = re.sub(r"plusw[il|]+j", "pluswij", text.casefold())
    return _norm(text).replace(" ", "")


def section_parts(sectie: str) -> list[str]:
    """The headings a `sectie` names: 'Borging – Financiering: #Hoe dan? en Wat is behulpzaam?'
    names 'Borging', 'Financiering', '#Hoe dan?' and 'Wat is behulpzaam?'."""
    return [p.strip() for p in SECTION_PARTS.split(sectie) if len(_squash(p)) >= 2]


def test_section_parts_split_a_citation_into_its_headings():
    assert section_parts("Borging – Financiering: #Hoe dan? en Wat is behulpzaam?") == ["Borging", "Financiering", "#Hoe dan?", "Wat is behulpzaam?"]
    assert _squash("De PlusWIiJkaanpak") == _squash("de PlusWIJkaanpak")


@pytest.mark.skipif(not SEEDS.is_dir(), reason="bronteksten (seeds) niet beschikbaar")
def test_every_cited_section_exists_in_the_source_it_names(catalogue):
    """A `bronnen` entry with a document must name headings that occur in that document."""
    seeds = {doc: _squash(re.sub(r"-\s*\n\s*", "", (SEEDS / name).read_text("utf-8"))) for doc, name in SEED_FILES.items()}
    assert set(seeds) == set(catalogue.schemas.vocabularies["documenten"])
    wrong = []
    for r in catalogue.records:
        for i, bron in enumerate(r.get("bronnen", []), start=1):
            doc, sectie = bron.get("document"), bron.get("sectie") or ""
            if not doc:
                continue
            absent = [part for part in section_parts(sectie) if _squash(part) not in seeds[doc]]
            if absent:
                wrong.append(f"{_label(r)} bron {i} ({doc}): {absent}")
    assert not wrong, "secties die niet in het genoemde brondocument staan:\n" + "\n".join(wrong)
