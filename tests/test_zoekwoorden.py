"""data/zoekwoorden.yaml: validated like every data file (Dutch messages with line numbers),
and the word book the search loads stays small."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from macros import zoekwoorden
from macros.catalogue import load_catalogue
from macros.validate import validate
from tests.conftest import mkdocs_yml

ROOT = Path(__file__).resolve().parent.parent

BAD = """\
- woord: inwonerparticipatie
  ook: [burgerparticipatie]
- woord: inwonerparticipatie
  ook: [bewonersparticipatie]
- woord: ruimtevaartbeleid
  ook: [raketten]
- woord: participatieladder
  ook: burgerladder
- woord: communicatie
  ook: [Nieuws Brief Extra]
  synoniem: [x]
"""


def _data(tmp_path: Path, text: str) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data" / "schema", data / "schema")
    for folder in ("principes", "tools", "routekaart"):  # site text to check the words against
        shutil.copytree(ROOT / "data" / folder, data / folder)
    (data / "zoekwoorden.yaml").write_text(text, "utf-8")
    return data


def test_every_problem_in_the_search_words_is_reported_with_its_line(tmp_path):
    data = _data(tmp_path, BAD)
    problems = [str(p) for p in validate(data, root=tmp_path).problems if p.path == "data/zoekwoorden.yaml"]
    expected = {
        "data/zoekwoorden.yaml:3: woord: 'inwonerparticipatie' staat al op regel 1",
        "data/zoekwoorden.yaml:5: woord: 'ruimtevaartbeleid' komt in geen enkele pagina voor",
        "data/zoekwoorden.yaml:8: ook:",
        "data/zoekwoorden.yaml:10: ook: 'Nieuws Brief Extra'",
        "data/zoekwoorden.yaml:11: synoniem:",
    }
    for start in expected:
        assert any(p.startswith(start) for p in problems), (start, problems)
    assert len(problems) == len(expected), problems
    assert all(" — " in p for p in problems)  # what is wrong — how to make it right


def test_a_file_that_is_no_list_is_reported(tmp_path):
    data = _data(tmp_path, "woord: jeugd\n")
    problems = [str(p) for p in validate(data, root=tmp_path).problems if p.path == "data/zoekwoorden.yaml"]
    assert problems == ["data/zoekwoorden.yaml:1: bestand: dit bestand moet een lijst zijn — begin elk item met '- woord: ...' en een regel 'ook: [...]'"]


def test_the_real_search_words_are_valid_and_lead_to_site_words():
    result = validate(ROOT / "data", root=ROOT)
    assert [p for p in result.problems if p.path.endswith("zoekwoorden.yaml")] == []


def test_the_word_book_holds_synonyms_vocabulary_and_titles_and_stays_small(tmp_path):
    catalogue = load_catalogue(ROOT / "data", root=ROOT)
    meta = mkdocs_yml()["extra"]["zoeken_meta"]
    out = zoekwoorden.write_word_book(catalogue.records, ROOT / "data", ROOT / "data" / "schema", tmp_path, meta)
    book = json.loads(out.read_text("utf-8"))
    assert book["synoniemen"]["burgerparticipatie"] == ["inwonerparticipatie"]
    assert "wijkwandeling" in book["synoniemen"]["wijkschouw"]
    assert "ouderen" in book["woorden"] and "zorg" in book["woorden"]
    assert "Veranderboekhouding" in book["titels"]
    assert book["meta"] == meta
    assert out.stat().st_size <= 30_000


def test_the_word_book_stays_within_30_kb_at_thousands_of_practices():
    """The vocabulary is capped in bytes, most frequent words first (issue 11: ≤ 30 kB)."""
    from macros.records import Record
    from macros.schema import BY_NAME

    fake = [Record(BY_NAME["praktijken"], f"nep-{i}.yaml", {"id": f"nep-{i}", "titel": f"Nepwoord{i} buurtproject", "samenvatting": f"testwoord{i} anderwoord{i * 7} buurtproject"}) for i in range(5000)]
    book = zoekwoorden.word_book(fake, [], mkdocs_yml()["extra"]["zoeken_meta"])
    assert len(json.dumps(book, ensure_ascii=False, separators=(",", ":")).encode("utf-8")) <= 30_000
    assert book["woorden"][0] == "buurtproject"  # the most frequent word survives the cap
