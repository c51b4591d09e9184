"""The pure search logic (docs/assets/js/zoek-logica.js), called directly in Chromium:
stop words, compound splitting, synonyms, edit distance, merging by score, Bedoelde je."""
from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

LOGIC = Path(__file__).resolve().parent.parent / "docs" / "assets" / "js" / "zoek-logica.js"

# A tiny, clearly fake word book in the shape macros/zoekwoorden.py writes.
BOOK = {
    "synoniemen": {"jongeren": ["jeugd"], "schulden": ["bestaanszekerheid"], "kick off": ["kickoff"], "wijkschouw": ["wijkwandeling"]},
    "woorden": ["ouderen", "zorg", "eenzaamheid", "aanpak", "participatieladder", "veranderboekhouding", "wijkwandeling", "vertrouwen"],
    "titels": ["Theory U", "Participatieladder", "Veranderboekhouding", "RASCI-methodiek"],
}


@pytest.fixture(scope="module")
def js(browser):
    context = browser.new_context()
    page = context.new_page()
    page.set_content("<!doctype html><title>t</title>")
    page.add_script_tag(path=str(LOGIC))

    def call(name, *args):
        return page.evaluate("([name, args]) => window.MenukaartZoekLogica[name](...args)", [name, list(args)])

    yield call
    context.close()


def test_question_words_and_stop_words_are_dropped(js):
    assert js("zonderStopwoorden", js("woorden", "Hoe betrek ik bewoners bij de wijkaanpak?")) == ["betrek", "bewoners", "wijkaanpak"]
    assert js("zonderStopwoorden", ["de", "het"]) == ["de", "het"]  # only stop words: keep them


def test_words_are_normalised_like_the_word_book(js):
    assert js("woorden", "Kick-off   Casuïstiek, RASCI") == ["kickoff", "casuistiek", "rasci"]


@pytest.mark.parametrize("word, parts", [
    ("ouderenzorg", ["ouderen", "zorg"]),
    ("eenzaamheidsaanpak", ["eenzaamheid", "aanpak"]),
    ("schuldenproblematiek", ["schulden"]),  # known head only: still searched, with its synonym
    ("zorg", None),  # short
    ("participatieladder", None),  # known as a whole
])
def test_compounds_split_into_known_parts(js, word, parts):
    plan = js("plan", word, BOOK)
    variants = {v["soort"]: v["q"] for v in plan["termen"][0]["varianten"]}
    if parts is None:
        assert "delen" not in variants
    else:
        assert variants["delen"] == " ".join(parts)


def test_synonyms_expand_words_word_pairs_and_compound_parts(js):
    qs = lambda q: [v["q"] for t in js("plan", q, BOOK)["termen"] for v in t["varianten"]]  # noqa: E731
    assert "jeugd" in qs("jongeren")
    assert "kickoff" in qs("kick off")
    assert "bestaanszekerheid" in qs("schuldenproblematiek")


@pytest.mark.parametrize("a, b, d", [("partcipatieladder", "participatieladder", 1), ("veranderboekhoudnig", "veranderboekhouding", 2), ("theorie u", "theory u", 2), ("abc", "abc", 0)])
def test_edit_distance(js, a, b, d):
    assert js("afstand", a, b) == d


@pytest.mark.parametrize("query, meant", [("partcipatieladder", "Participatieladder"), ("veranderboekhoudnig", "Veranderboekhouding"), ("theorie u", "Theory U"), ("theory u", None), ("vertrouwen", None)])
def test_bedoelde_je(js, query, meant):
    assert js("bedoeldeJe", query, BOOK) == meant


def test_merge_ranks_pages_matching_more_words_and_the_every_word_search_first(js):
    lists = [
        {"term": 0, "w": 1, "hits": [{"id": "a", "score": 5}, {"id": "b", "score": 4}]},
        {"term": 1, "w": 1, "hits": [{"id": "b", "score": 4}, {"id": "c", "score": 9}]},
        {"term": 1, "w": 0.5, "hits": [{"id": "a", "score": 2}]},  # a weaker variant of term 1
        {"term": -1, "w": 1.5, "hits": [{"id": "b", "score": 3}]},  # b holds every word
    ]
    merged = js("voegSamen", lists, 2)
    assert [m["id"] for m in merged] == ["b", "c", "a"]
    assert {m["id"]: m["termen"] for m in merged} == {"a": 2, "b": 2, "c": 1}


def test_meta_pages_go_last(js):
    rows = ["/over/prestaties/", "/tools/rasci/", "/privacy/", "/principes/"]
    assert js("metaAchteraanVolgens", rows, ["/over/prestaties/", "/privacy/"]) == ["/tools/rasci/", "/principes/", "/over/prestaties/", "/privacy/"]


def test_a_record_whose_title_or_alias_is_the_query_comes_first(js):
    rows = [
        {"url": "/over/communicatie/", "title": "Communicatie", "record": False},
        {"url": "/tools/factor-c/", "title": "Factor C", "record": True},
        {"url": "/principes/communicatie/", "title": "Communicatie", "record": True},
        {"url": "/tools/rasci/", "title": "RASCI-methodiek", "aliassen": ["rollen en taken"], "record": True},
    ]
    assert [r["url"] for r in js("titelsEerst", rows, "communicatie")] == ["/principes/communicatie/", "/over/communicatie/", "/tools/factor-c/", "/tools/rasci/"]
    assert js("titelsEerst", rows, "Rollen en taken")[0]["url"] == "/tools/rasci/"
