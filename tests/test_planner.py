"""The planner's build-time data: agenda points from Markdown, meeting tools, werkbladen."""
from __future__ import annotations

import json
from pathlib import Path

from macros import planner
from macros.catalogue import load_catalogue
from macros.records import Record
from macros.schema import BY_NAME

ROOT = Path(__file__).resolve().parent.parent


def test_agenda_points_are_the_top_level_list_items_as_plain_text():
    md = "- Kennismaken met **elkaar**.\n- Doel bespreken:\n  - deel a\n  - deel b\n- Wat verder\n  ter tafel komt.\n"
    assert planner.agenda_points(md) == ["Kennismaken met elkaar.", "Doel bespreken:", "Wat verder ter tafel komt."]


def test_an_agenda_without_a_list_gives_one_point_per_paragraph():
    assert planner.agenda_points("Eerst koffie.\n\nDan de [wijkscan](https://example.org).") == ["Eerst koffie.", "Dan de wijkscan."]
    assert planner.agenda_points("") == [] and planner.agenda_points(None) == []


def test_numbered_agendas_count_too():
    assert planner.agenda_points("1. Welkom\n2. Ronde\n") == ["Welkom", "Ronde"]


def test_meeting_tools_default_to_none_and_unknown_ids_are_left_out():
    known = {"wijkscan", "pdca"}
    assert planner._meeting({"titel": "X", "agenda": "- a"}, known)["k"] == []
    with_tools = planner._meeting({"titel": "X", "agenda": "- a", "tools": ["pdca", "bestaat-niet", "wijkscan"]}, known)
    assert with_tools["k"] == ["pdca", "wijkscan"]


def test_planner_data_covers_every_fase_meeting_and_tool():
    catalogue = load_catalogue(ROOT / "data", root=ROOT)
    data = planner.build_data(catalogue)
    fases = catalogue.by_collection["routekaart"]
    assert [f["id"] for f in data["fases"]] == [f.id for f in fases]
    for f, record in zip(data["fases"], fases):
        assert len(f["m"]) == len(record.get("bijeenkomsten", []))
        assert f["c"] == record.get("checklist", [])
        for m, source in zip(f["m"], record.get("bijeenkomsten", [])):
            assert bool(m["p"]) == bool(source.get("agenda")), f"{record.id}: {m['t']}"
    assert {t["id"] for t in data["tools"]} == {t.id for t in catalogue.by_collection["tools"]}
    fase1 = data["fases"][[f.id for f in fases].index("fase-1")]
    assert fase1["m"][0]["p"][0] == "Kennismaken met elkaar."
    json.dumps(data)  # plain data only


def test_werkblad_rich_text_is_sanitised_at_build_time():
    """Validation already refuses HTML in data; the werkblad does not rely on that alone."""
    values = {"id": "fake-tool", "titel": "Nep-tool", "samenvatting": "Alleen voor deze test.", "doel": "Doel <script>alert(1)</script>",
              "hoe": "1. Stap [x](javascript:alert(1))\n2. Stap twee", "bronnen": [{"titel": "Bron", "url": "javascript:alert(1)"}]}
    tool = planner._tool(Record(BY_NAME["tools"], "tests/fake.yaml", values))
    assert "<script" not in tool["doel"] and "&lt;script&gt;" in tool["doel"]
    assert "href=\"javascript" not in tool["hoe"] and "<ol>" in tool["hoe"]
    assert "u" not in tool["b"][0] or tool["b"][0]["u"].startswith(("https:", "mailto:"))
