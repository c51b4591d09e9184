"""One failing fixture per class of bad input, each with the exact message an editor sees."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from macros.validate import validate

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "data"
SCHEMA = ROOT / "data" / "schema"
PRACTICE = "good-practices/testwijk-nep/testpraktijk-nep.yaml"
GOOD = (FIXTURE / PRACTICE).read_text("utf-8")


def fake_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    return data


def problems(tmp_path: Path, rel: str = PRACTICE, content: str | bytes | None = None) -> list[str]:
    data = fake_data(tmp_path)
    if content is not None:
        target = data / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return [str(p) for p in validate(data, schema_dir=SCHEMA, root=tmp_path).problems]


def practice(**changes: str | None) -> str:
    """The good fake practice with some top-level lines replaced (None removes the key)."""
    lines = GOOD.splitlines()
    out, skipping = [], False
    for line in lines:
        key = line.split(":", 1)[0] if line and not line.startswith((" ", "#", "-")) else None
        if key is not None:
            skipping = False
            if key in changes:
                skipping = True
                if changes[key] is not None:
                    out.append(changes[key])
                continue
        if not skipping:
            out.append(line)
    present = {line.split(":", 1)[0] for line in lines}
    out += [v for k, v in changes.items() if k not in present and v is not None]
    return "\n".join(out) + "\n"


P = f"data/{PRACTICE}"

CASES = {
    "duplicate key": (
        GOOD.replace("status: idee\n", "status: idee\nstatus: lopend\n"),
        [f"{P}:21: status: dit veld staat twee keer in het bestand (ook op regel 20) — houd er één over"],
    ),
    "unknown key": (
        practice(samenvatting="samenvattng: Dit is een neppraktijk voor de testsuite van de Menukaart."),
        [
            f"{P}:2: samenvatting: dit verplichte veld ontbreekt of is leeg — vul het in: waar gaat het over, in één of twee zinnen (hoogstens 300 tekens).",
            f"{P}:5: samenvattng: dit veld bestaat niet — bedoel je 'samenvatting'?",
        ],
    ),
    "tab": (
        GOOD.replace("status: idee", "status:\tidee"),
        [f"{P}:20: bestand: deze regel bevat een tab — gebruik spaties om in te springen (twee per niveau)"],
    ),
    "not utf-8": (
        GOOD.replace("Testpraktijk (nep)", "Testpraktijk (n\u00e9p)").encode("latin-1"),
        [f"{P}:3: bestand: het bestand is niet in UTF-8 opgeslagen — sla het op als UTF-8 (in de meeste editors: 'Opslaan als' → codering UTF-8)"],
    ),
    "empty file": (
        "# alleen commentaar\n\n",
        [f"{P}:1: bestand: het bestand is leeg — vul de velden in; kijk voor een voorbeeld in CONTRIBUTING.md of gebruik 'make nieuw'"],
    ),
    "list instead of mapping": (
        "- id: testpraktijk-nep\n- titel: Testpraktijk (nep)\n",
        [f"{P}:1: bestand: het bestand moet velden bevatten in de vorm 'naam: waarde' — begin bijvoorbeeld met 'id: ...' en 'titel: ...'"],
    ),
    "no becomes false": (
        practice(periode="periode: no"),
        [f"{P}:25: periode: YAML leest 'no' als een ja/nee-waarde, niet als tekst — zet de waarde tussen aanhalingstekens: \"no\""],
    ),
    "leading zero": (
        practice(periode="periode: 012"),
        [f"{P}:25: periode: YAML leest '012' als een getal, niet als tekst — zet de waarde tussen aanhalingstekens: \"012\""],
    ),
    "date where text belongs": (
        practice(periode="periode: 2024-01-01"),
        [f"{P}:25: periode: YAML leest '2024-01-01' als een datum, niet als tekst — zet de waarde tussen aanhalingstekens: \"2024-01-01\""],
    ),
    "custom tag": (
        practice(periode="periode: !!python/object:os.system x"),
        [f"{P}:25: periode: de markering 'python/object:os.system' is niet toegestaan — haal het !-teken weg en schrijf gewone tekst"],
    ),
    "broken yaml": (
        practice(periode='periode: "niet afgesloten'),
        [f"{P}:25: bestand: de tekst na het aanhalingsteken \" op deze regel wordt nergens afgesloten — zet aan het eind van de tekst ook een \"; staat er binnen de tekst een \"? Gebruik dan het andere aanhalingsteken aan de buitenkant"],
    ),
    "bad date": (
        practice(bijgewerkt="bijgewerkt: 2026-13-01"),
        [f"{P}:24: bijgewerkt: '2026-13-01' is geen geldige datum — schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-11-23"],
    ),
    "required missing": (
        practice(aanpak=None),
        [f"{P}:2: aanpak: dit verplichte veld ontbreekt of is leeg — vul het in: wat is er gedaan, door wie en hoe?"],
    ),
    "enum": (
        practice(status="status: lopnd"),
        [f"{P}:20: status: 'lopnd' is geen toegestane waarde — bedoel je 'lopend'? Kies uit: idee, lopend, afgerond, gestopt, onbekend"],
    ),
    "enum in a list": (
        GOOD.replace("  - samenwerking", "  - samenwerken\n  - bestaat-niet"),
        [
            f"{P}:17: themas: 'samenwerken' is geen toegestane waarde — bedoel je 'samenwerking'? Kies uit: " + ", ".join(__import__("json").loads((SCHEMA / "vocabulaires.json").read_text())["themas"]),
            f"{P}:18: themas: 'bestaat-niet' is geen toegestane waarde — kies uit: " + ", ".join(__import__("json").loads((SCHEMA / "vocabulaires.json").read_text())["themas"]),
        ],
    ),
    "too long": (
        practice(samenvatting="samenvatting: " + "a" * 301),
        [f"{P}:5: samenvatting: de tekst is 301 tekens lang, het maximum is 300 — maak hem korter"],
    ),
    "scalar where list belongs": (
        practice(tools="tools: testtool-nep"),
        [f"{P}:10: tools: hier hoort een lijst (Tools) — zet elke waarde op een eigen regel die begint met '- '"],
    ),
    "list where one value belongs": (
        practice(status="status:\n  - idee"),
        [f"{P}:21: status: hier hoort één waarde, geen lijst of blok — schrijf 'status: waarde' op één regel"],
    ),
    "unknown reference in a list": (
        GOOD.replace("  - testtool-nep", "  - bestaat-niet"),
        [f"{P}:11: tools: 'bestaat-niet' bestaat niet in tools — schrijf het id van een tool (kleine letters en streepjes); alle keuzes staan in data/tools/ (de bestandsnaam zonder .yaml) en op /tools/ op de site"],
    ),
    "unknown reference in a field": (
        practice(wijk="wijk: bestaat-niet"),
        # never "make a folder data/good-practices/bestaat-niet/": the wijk does not exist
        [f"{P}:4: wijk: 'bestaat-niet' bestaat niet in wijken — schrijf het id van een wijk (kleine letters en streepjes); alle keuzes staan in data/wijken/ (de bestandsnaam zonder .yaml) en op /wijken/ op de site; staat je wijk er niet bij? Zie CONTRIBUTING.md, 'Staat je wijk er niet bij?'"],
    ),
    "id differs from file name": (
        practice(id="id: andere-naam"),
        [f"{P}:2: id: het id 'andere-naam' is niet gelijk aan de bestandsnaam — noem het bestand 'andere-naam.yaml' of verander het id in 'testpraktijk-nep'"],
    ),
    "http link in bronnen": (
        GOOD.replace("https://voorbeeld.invalid/bron", "http://voorbeeld.invalid/bron"),
        [f"{P}:23: bronnen.url: 'http://voorbeeld.invalid/bron' is geen bruikbaar webadres — gebruik een beveiligd webadres (met https://): 'https://voorbeeld.invalid/bron' — werkt dat adres niet, kies dan een andere bron"],
    ),
    "javascript link in markdown": (
        practice(aanpak="aanpak: Lees [dit](javascript:alert(1)) voor de volledige aanpak."),
        [f"{P}:6: aanpak: de link 'javascript:alert(1)' is niet toegestaan — gebruik alleen links die beginnen met https:// of mailto:"],
    ),
    "html in markdown": (
        practice(aanpak="aanpak: Lees <script>alert(1)</script> voor de volledige aanpak."),
        [f"{P}:6: aanpak: HTML-code is hier niet toegestaan — gebruik Markdown, bijvoorbeeld **vet** of [tekst](https://voorbeeld.nl)"],
    ),
    "anchors and aliases": (
        GOOD.replace("themas:\n  - samenwerking", "themas: &t\n  - samenwerking").replace("doelgroepen:\n  - inwoners", "doelgroepen: *t"),
        [f"{P}:18: doelgroepen: verwijzingen met & en * (ankers en aliassen) zijn niet toegestaan — schrijf de waarde voluit"],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_gives_exact_message(tmp_path, case):
    content, expected = CASES[case]
    assert problems(tmp_path, content=content) == expected


def test_fixture_data_is_valid(tmp_path):
    assert problems(tmp_path) == []


def test_id_pattern(tmp_path):
    data = fake_data(tmp_path)
    (data / "tools" / "Fout_Id.yaml").write_text((FIXTURE / "tools/testtool-nep.yaml").read_text().replace("id: testtool-nep", "id: Fout_Id"))
    found = [str(p) for p in validate(data, schema_dir=SCHEMA, root=tmp_path).problems]
    assert found == [
        "data/tools/Fout_Id.yaml:2: id: 'Fout_Id' heeft niet de goede vorm — korte naam voor het webadres: kleine letters, cijfers en streepjes, gelijk aan de bestandsnaam zonder .yaml. Bijvoorbeeld: buurtkamer-daalhof."
    ]


def test_duplicate_id_across_wijk_folders(tmp_path):
    data = fake_data(tmp_path)
    other = data / "good-practices" / "lege-testwijk-nep" / "testpraktijk-nep.yaml"
    other.parent.mkdir()
    other.write_text(GOOD.replace("wijk: testwijk-nep", "wijk: lege-testwijk-nep"))
    found = [str(p) for p in validate(data, schema_dir=SCHEMA, root=tmp_path).problems]
    assert found == [f"{P}:2: id: het id 'testpraktijk-nep' wordt al gebruikt in data/good-practices/lege-testwijk-nep/testpraktijk-nep.yaml — kies een ander id en geef het bestand dezelfde naam"]


def test_practice_outside_wijk_folder_and_wrong_extension(tmp_path):
    data = fake_data(tmp_path)
    (data / "good-practices" / "los.yaml").write_text(GOOD)
    (data / "tools" / "testtool-nep.yml").write_text("id: x\n")
    found = [str(p) for p in validate(data, schema_dir=SCHEMA, root=tmp_path).problems]
    assert found == [
        "data/good-practices/los.yaml:1: bestand: een praktijk hoort in de map van haar wijk — zet het bestand in data/good-practices/<wijk-id>/",
        "data/tools/testtool-nep.yml:1: bestand: 'testtool-nep.yml' wordt niet gelezen — geef het bestand de extensie .yaml",
    ]


def test_every_problem_in_one_run(tmp_path):
    bad = practice(status="status: lopnd", periode="periode: no", bijgewerkt="bijgewerkt: gisteren", onbekend=None) + "kleur: rood\n"
    found = problems(tmp_path, content=bad)
    assert [line.split(": ", 2)[1] for line in found] == ["status", "bijgewerkt", "periode", "kleur"]


def test_alias_bomb_is_refused_quickly_with_bounded_memory(tmp_path):
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i-1}"] * 9) + "]" for i in range(1, 10)]
    bomb = "\n".join(lines) + "\n"  # fully expanded: 9**10 ≈ 3.5 billion strings
    tracemalloc.start()
    started = time.process_time()
    found = problems(tmp_path, content=bomb)
    cpu = time.process_time() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert found and all("ankers en aliassen" in line for line in found)
    # Bounds, not benchmarks: expansion would need many GB and minutes.
    assert peak < 200 * 1024 * 1024
    assert cpu < 30


def test_subset_reports_only_named_files_but_resolves_against_all(tmp_path):
    data = fake_data(tmp_path)
    (data / "tools" / "testtool-nep.yaml").write_text((FIXTURE / "tools/testtool-nep.yaml").read_text().replace("bijgewerkt: 2026-01-01", "bijgewerkt: fout"))
    target = data / PRACTICE
    assert [str(p) for p in validate(data, only=[target], schema_dir=SCHEMA, root=tmp_path).problems] == []
    assert len(validate(data, schema_dir=SCHEMA, root=tmp_path).problems) == 1


def run_cli(data: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "MENUKAART_DATA": str(data), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "macros.cli", *args], capture_output=True, text=True, env=env, cwd=data.parent)


def test_cli_says_all_is_well_in_one_line_and_exits_0(tmp_path):
    data = fake_data(tmp_path)
    shutil.copytree(SCHEMA, data / "schema")
    run = run_cli(data)
    assert (run.returncode, run.stdout, run.stderr) == (0, "Alles in orde: 7 bestanden gecontroleerd.\n", "")


def test_cli_prints_every_problem_and_exits_1(tmp_path):
    data = fake_data(tmp_path)
    shutil.copytree(SCHEMA, data / "schema")
    (data / PRACTICE).write_text(practice(status="status: lopnd", periode="periode: no"))
    run = run_cli(data)
    assert run.returncode == 1
    assert run.stdout.splitlines() == [
        f"{P}:20: status: 'lopnd' is geen toegestane waarde — bedoel je 'lopend'? Kies uit: idee, lopend, afgerond, gestopt, onbekend",
        f"{P}:25: periode: YAML leest 'no' als een ja/nee-waarde, niet als tekst — zet de waarde tussen aanhalingstekens: \"no\"",
        "2 problemen in 1 bestand — zie hierboven.",
    ]


def test_real_data_is_valid():
    result = validate(ROOT / "data", root=ROOT)
    assert [str(p) for p in result.problems] == []
    assert len(result.records) > 50


# --- A meeting's tools (bijeenkomsten[].tools): references inside list items (issue 13) ----------

FASE = "routekaart/fase-0.yaml"
FASE_GOOD = (FIXTURE / FASE).read_text("utf-8")
F = f"data/{FASE}"


def _fase_with_meeting_tools(tools_yaml: str) -> str:
    return FASE_GOOD.replace("    doel: Niets.\n", "    doel: Niets.\n" + tools_yaml)


def test_meeting_tools_that_exist_are_fine(tmp_path):
    assert problems(tmp_path, FASE, _fase_with_meeting_tools("    tools:\n      - testtool-nep\n")) == []


def test_meeting_tool_that_does_not_exist_is_reported_at_its_own_line(tmp_path):
    content = _fase_with_meeting_tools("    tools:\n      - testtool-nep\n      - bestaat-niet\n")
    assert problems(tmp_path, FASE, content) == [
        f"{F}:13: bijeenkomsten.tools: 'bestaat-niet' bestaat niet in tools — schrijf het id van een tool (kleine letters en streepjes); alle keuzes staan in data/tools/ (de bestandsnaam zonder .yaml) en op /tools/ op de site"
    ]


def test_meeting_tools_must_be_a_list_of_plain_ids(tmp_path):
    content = _fase_with_meeting_tools("    tools: testtool-nep\n")
    assert problems(tmp_path, FASE, content) == [
        f"{F}:11: bijeenkomsten.tools: hier hoort een lijst (Tools voor deze bijeenkomst) — zet elke waarde op een eigen regel die begint met '- '"
    ]
    content = _fase_with_meeting_tools("    tools:\n      - [testtool-nep]\n      - \"\"\n")
    found = problems(tmp_path / "b", FASE, content)
    assert found == [
        f"{F}:12: bijeenkomsten.tools: elk item in deze lijst moet één tekst zijn — schrijf per regel '- tekst'",
        f"{F}:13: bijeenkomsten.tools: dit item is leeg — vul het in: tools die bij een onderdeel van deze bijeenkomst helpen (id's van tools), alleen waar een bron het verband legt.",
    ]


def test_meeting_tools_get_their_own_link_table_with_a_foreign_key():
    from macros.schema import load_schemas

    tables = {t.name: t for t in load_schemas(SCHEMA)["routekaart"].link_tables}
    nested = tables["routekaart-bijeenkomsten-tools"].descriptor()
    assert [f["name"] for f in nested["fields"]] == ["fase", "positie", "subpositie", "waarde"]
    assert {"fields": ["waarde"], "reference": {"resource": "tools", "fields": ["id"]}} in nested["foreignKeys"]
    assert "tools" not in [f["name"] for f in tables["routekaart-bijeenkomsten"].descriptor()["fields"]]


def test_kernaanpak_fases_must_exist(tmp_path):
    rel = "kernaanpakken/testaanpak-nep.yaml"
    good = (FIXTURE / rel).read_text("utf-8")
    content = good.replace("bijgewerkt:", "fases:\n  - fase-0\n  - fase-9\nbijgewerkt:")
    found = problems(tmp_path, rel, content)
    assert len(found) == 1 and "fases: 'fase-9' bestaat niet in routekaart" in found[0], found


def test_the_check_skips_keys_that_cannot_fail_but_the_published_tables_keep_them():
    """Unique ids are pass 3's job and a link row's owner comes from its own record; the data package still declares both."""
    from macros.schema import load_schemas
    from macros.validate import _for_checking

    practices = load_schemas(SCHEMA)["praktijken"]
    link = {t.name: t for t in practices.link_tables}["praktijken-tools"]
    published = link.descriptor()
    assert published["primaryKey"] == ["praktijk", "positie"]
    assert {"fields": ["praktijk"], "reference": {"resource": "praktijken", "fields": ["id"]}} in published["foreignKeys"]
    checked = _for_checking(published, owner="praktijk")
    assert "primaryKey" not in checked
    assert checked["foreignKeys"] == [{"fields": ["waarde"], "reference": {"resource": "tools", "fields": ["id"]}}]
    assert "primaryKey" in practices.main_descriptor() and "primaryKey" not in _for_checking(practices.main_descriptor())
