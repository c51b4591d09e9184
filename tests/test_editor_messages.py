"""Issue 17: every mistake an editor makes gets a Dutch message with file, line and fix.

One exact-message fixture per class of bad input (as in test_validate.py), plus the result
line, warnings that do not fail the run, and suggestions drawn from the real records.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from macros import editor_checks
from macros.validate import validate
from test_validate import FIXTURE, GOOD, PRACTICE, SCHEMA, fake_data, practice

ROOT = Path(__file__).resolve().parent.parent
P = f"data/{PRACTICE}"
TODAY = date(2026, 12, 1)
PRIVACY_TAIL = (" — alles op GitHub is openbaar, ook oude versies; schrijf geen persoonsgegevens (CONTRIBUTING.md, 'Privacy: geen persoonsgegevens'). "
                "Noem een organisatie, een algemeen e-mailadres (zoals info@…) of een website. Is het toch een functioneel contact, of heeft de persoon "
                "toestemming gegeven? Laat het dan staan en zeg het in je pull request; de redactie beslist")
HIDDEN_TAIL = "; zulke tekens kunnen tekst verbergen voor wie het bestand nakijkt — haal het weg: typ de tekst op deze plek opnieuw, of plak hem als platte tekst (Ctrl+Shift+V)"
ENGLISH = re.compile(r"\b(found|expected|mapping|scanning|parsing|while|could not|allowed|token|stream)\b")


def check(tmp_path: Path, content: str | bytes, rel: str = PRACTICE):
    data = fake_data(tmp_path)
    target = data / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return validate(data, schema_dir=SCHEMA, root=tmp_path, today=TODAY)


CASES = {
    # placeholders that `make nieuw` writes
    "placeholder text": (
        practice(samenvatting='samenvatting: "NOG INVULLEN: Waar gaat het over, in één of twee zinnen."'),
        [f"{P}:5: samenvatting: hier staat nog 'NOG INVULLEN' — schrijf je eigen tekst en haal de woorden NOG INVULLEN weg"],
    ),
    "placeholder remark after a valid choice": (
        practice(status="status: idee  # NOG INVULLEN: kies de goede waarde uit de lijst hierboven"),
        [f"{P}:20: status: deze keuze is nog niet bevestigd — kies de goede waarde uit de uitleg erboven en haal het commentaar '# NOG INVULLEN…' aan het eind van de regel weg"],
    ),
    "example value left in": (
        GOOD.replace("  - samenwerking", '  - "…"'),
        [f"{P}:17: themas: hier staat nog de voorbeeldtekst '…' — vul je eigen tekst in, of zet het veld weer uit met een # ervoor"],
    ),
    # YAML syntax, at the line where the fix belongs
    "unclosed quote is reported where it opens": (
        practice(titel='titel: "Testpraktijk (nep)'),
        [f'{P}:3: bestand: de tekst na het aanhalingsteken " op deze regel wordt nergens afgesloten — zet aan het eind van de tekst ook een "; staat er binnen de tekst een "? Gebruik dan het andere aanhalingsteken aan de buitenkant'],
    ),
    "colon in unquoted text": (
        practice(titel="titel: Testpraktijk: de nep"),
        [f"{P}:3: bestand: de tekst bevat een dubbele punt met een spatie erna (': '), en dan denkt YAML dat er een nieuw veld begint — zet de hele tekst tussen aanhalingstekens: titel: \"Testpraktijk: de nep\""],
    ),
    "quote inside quoted text": (
        practice(titel='titel: "Testpraktijk "nep" in de wijk"'),
        [f"{P}:3: bestand: na het sluitende aanhalingsteken staat nog tekst — staat er een aanhalingsteken binnen de tekst? Gebruik dan het andere aanhalingsteken aan de buitenkant, bijvoorbeeld titel: 'Testpraktijk \"nep\" in de wijk'"],
    ),
    "continuation line not indented": (
        practice(samenvatting="samenvatting: Dit is een neppraktijk voor de testsuite\nvan de Menukaart."),
        [f"{P}:6: bestand: op deze regel staat geen 'veld: waarde' — hoort de tekst bij het veld erboven? Spring de regel dan in met twee spaties, of schrijf het veld als blok ('veld: |' met de tekst eronder, twee spaties ingesprongen); anders: begin de regel met de naam van een veld en een dubbele punt"],
    ),
    "field indented under a list": (
        practice(status="  status: idee"),
        [f"{P}:20: bestand: 'status:' springt in alsof het bij de lijst erboven hoort — begin een nieuw veld aan het begin van de regel, zonder spaties ervoor; hoort het wel bij het lijstitem, zet het dan precies onder de tekst na '- '"],
    ),
    "field indented under a field": (
        practice(wijk="  wijk: testwijk-nep"),
        [f"{P}:4: bestand: 'wijk:' springt verder in dan de regel erboven — zet het veld precies onder de andere velden van hetzelfde niveau (evenveel spaties aan het begin van de regel)"],
    ),
    "list item not indented": (
        GOOD.replace("tools:\n  - testtool-nep", "tools:\n  - testtool-nep\n- testtool-nep"),
        [f"{P}:12: bestand: dit lijstitem (een regel met '- ') staat niet onder de andere items of niet onder een veld met een lijst — laat elke regel met '- ' evenveel inspringen als de items erboven (bijvoorbeeld twee spaties onder de naam van het veld)"],
    ),
    "list item indented further: one text": (
        GOOD.replace("principes:\n  - testprincipe-nep", "principes:\n- testprincipe-nep\n  - testprincipe-nep"),
        [f"{P}:10: bestand: dit lijstitem springt verder in dan het item erboven, zodat YAML ze als één tekst leest ('testprincipe-nep - testprincipe-nep') — zet alle regels met '- ' precies onder elkaar"],
    ),
    # links
    "bare https://": (
        GOOD.replace("https://voorbeeld.invalid/bron", '"https://"'),
        [f"{P}:23: bronnen.url: 'https://' is geen bruikbaar webadres — vul het hele webadres in, bijvoorbeeld https://www.voorbeeld.nl/pagina — is er geen webadres, haal dan de regel weg"],
    ),
    "www. link in bronnen": (
        GOOD.replace("https://voorbeeld.invalid/bron", "www.voorbeeld.invalid/bron"),
        [f"{P}:23: bronnen.url: 'www.voorbeeld.invalid/bron' is geen bruikbaar webadres — zet https:// voor het webadres: 'https://www.voorbeeld.invalid/bron'"],
    ),
    "http:// link in markdown": (
        practice(aanpak="aanpak: Lees [het verslag](http://voorbeeld.invalid/verslag) voor de aanpak."),
        [f"{P}:6: aanpak: de link 'http://voorbeeld.invalid/verslag' is niet toegestaan — gebruik een beveiligd webadres (met https://): 'https://voorbeeld.invalid/verslag' — werkt dat adres niet, kies dan een andere bron"],
    ),
    "www. link in markdown": (
        practice(aanpak="aanpak: Lees [het verslag](www.voorbeeld.invalid/verslag) voor de aanpak."),
        [f"{P}:6: aanpak: de link 'www.voorbeeld.invalid/verslag' is niet toegestaan — zet https:// voor het webadres: 'https://www.voorbeeld.invalid/verslag'"],
    ),
    # dates
    "bijgewerkt in the future": (
        practice(bijgewerkt="bijgewerkt: 2030-01-01"),
        [f"{P}:24: bijgewerkt: 2030-01-01 ligt in de toekomst — zet hier de datum van de laatste inhoudelijke wijziging, uiterlijk vandaag (2026-12-01), als JJJJ-MM-DD"],
    ),
    # hidden characters
    "bidi override typed in": (
        practice(titel="titel: Testpraktijk \u202e(nep)"),
        [f"{P}:3: bestand: hier staat een teken dat de leesrichting omdraait (U+202E){HIDDEN_TAIL}"],
    ),
    "bidi isolate in a comment": (
        "# uitleg \u2066verborgen\u2069\n" + GOOD.split("\n", 1)[1],
        [f"{P}:1: bestand: hier staat een teken dat de leesrichting omdraait (U+2066){HIDDEN_TAIL}"],
    ),
    "zero-width space as escape": (
        practice(titel='titel: "Testpraktijk\\u200b (nep)"'),
        [f"{P}:3: titel: hier staat een spatie zonder breedte (U+200B){HIDDEN_TAIL}"],
    ),
    "control character typed in": (
        practice(periode="periode: sinds 2021\x07"),
        [f"{P}:25: bestand: hier staat een onzichtbaar stuurteken (U+0007){HIDDEN_TAIL}"],
    ),
    "control character as escape in block text": (
        practice(aanpak='aanpak: "Eerste regel.\\nTweede regel met een \\x1b teken."'),
        [f"{P}:6: aanpak: hier staat een onzichtbaar stuurteken (U+001B){HIDDEN_TAIL}"],
    ),
    "line break in a one-line field": (
        practice(titel='titel: "Testpraktijk\\n(nep)"'),
        [f"{P}:3: titel: hier staat een regeleinde in een veld van één regel — schrijf de tekst op één regel, zonder \\n of \\t, of maak er een blok van ('veld: |' met de tekst eronder)"],
    ),
    # sources
    "no bronnen": (
        practice(bronnen=None),
        [f"{P}:2: bronnen: elke praktijk noemt minstens één bron — voeg er een toe: een regel 'bronnen:' met daaronder '  - titel: \"Naam van het verslag of de website\"' en '    url: \"https://…\"'; zonder webadres noem je het brondocument ('document:') en het hoofdstuk ('sectie:') — zie CONTRIBUTING.md, 'Bronnen en toestemming'"],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_mistake_gives_exact_dutch_message(tmp_path, case):
    content, expected = CASES[case]
    result = check(tmp_path, content)
    assert [str(p) for p in result.problems] == expected
    for line in expected:
        assert not ENGLISH.search(line.split(": ", 2)[2]), line


def test_hidden_characters_are_refused_in_other_collections_too(tmp_path):
    tool = (FIXTURE / "tools/testtool-nep.yaml").read_text("utf-8").replace("titel: Testtool (nep)", 'titel: "Testtool\\u2067 (nep)"')
    result = check(tmp_path, tool, rel="tools/testtool-nep.yaml")
    assert [str(p) for p in result.problems] == [f"data/tools/testtool-nep.yaml:3: titel: hier staat een teken dat de leesrichting omdraait (U+2067){HIDDEN_TAIL}"]


def test_newlines_and_tabs_in_block_text_are_fine(tmp_path):
    result = check(tmp_path, practice(aanpak="aanpak: |\n  Eerste regel.\n\n  - een punt\n  - nog een punt"))
    assert result.problems == []


def test_today_and_tomorrow_are_not_the_future(tmp_path):
    assert check(tmp_path, practice(bijgewerkt="bijgewerkt: 2026-12-02")).problems == []


PRIVACY = {
    "phone number and first name in contact": (
        practice(contact='contact: "Marieke, 06-12345678"'),
        [f"{P}:25: contact: waarschuwing: dit lijkt een telefoonnummer (06-12345678){PRIVACY_TAIL}"],
    ),
    "personal e-mail address": (
        practice(contact="contact: marieke.jansen@voorbeeld.invalid"),
        [f"{P}:25: contact: waarschuwing: dit lijkt een persoonlijk e-mailadres (marieke.jansen@voorbeeld.invalid){PRIVACY_TAIL}"],
    ),
    "names under partners": (
        practice(partners="partners:\n  - GGD Zuid-Limburg\n  - Jan de Vries\n  - mevr. Jansen"),
        [
            f"{P}:27: partners: waarschuwing: dit lijkt de naam van een persoon (Jan de Vries){PRIVACY_TAIL}",
            f"{P}:28: partners: waarschuwing: dit lijkt de naam van een persoon (mevr. Jansen){PRIVACY_TAIL}",
        ],
    ),
    "organisations and a team mailbox": (
        practice(contact="contact: info@voorbeeld.invalid of https://www.voorbeeld.invalid", partners="partners:\n  - Gemeente Sittard-Geleen\n  - Zorgbelang Inclusief\n  - Huisartsen Oostelijk Zuid-Limburg\n  - ZO Wonen\n  - Buurtkamer Daalhof\n  - Maastricht University\n  - Wijkteam Lindenheuvel"),
        [],
    ),
}


@pytest.mark.parametrize("case", sorted(PRIVACY))
def test_personal_data_gets_a_warning_not_an_error(tmp_path, case):
    content, expected = PRIVACY[case]
    result = check(tmp_path, content)
    assert result.problems == []
    assert [str(w) for w in result.warnings] == expected
    assert all(w.ernst == "waarschuwing" for w in result.warnings)


def test_phone_number_formats():
    for text in ("06-12345678", "06 1234 5678", "+31 6 12345678", "043-1234567", "(0)6 12345678 via +31 (0)43 123 4567"):
        assert editor_checks.privacy_findings(text), text
    for text in ("2019-2022", "sinds 2021", "https://www.voorbeeld.nl/rapport-2023-0612345", "Buurtkamer 2024"):
        assert not editor_checks.privacy_findings(text), text


# ---------------------------------------------------------------- suggestions from the real records


def test_unknown_references_suggest_the_closest_records_by_id_and_title(data_copy):
    path = data_copy / "good-practices" / "geleen" / "nep-suggesties.yaml"
    path.write_text(
        "id: nep-suggesties\ntitel: Nep (test)\nwijk: Daalhof, Maastricht\n"
        "samenvatting: Een neppraktijk om de suggesties te testen.\naanpak: Niets, dit is een test.\n"
        "principes:\n  - vertrouwen\ntools:\n  - Wijkwandeling\nfases:\n  - fase 1\nkernaanpakken:\n  - Welzijn op recept\n"
        "status: idee\nbronnen:\n  - titel: Nepbron\nbijgewerkt: 2026-01-01\n",
        "utf-8",
    )
    found = [str(p) for p in validate(data_copy, only=[path], root=data_copy.parent, today=TODAY).problems]
    at = "data/good-practices/geleen/nep-suggesties.yaml"
    assert found == [
        f"{at}:3: wijk: 'Daalhof, Maastricht' bestaat niet in wijken — bedoel je 'daalhof' (Daalhof)? Schrijf het id van een wijk (kleine letters en streepjes); alle keuzes staan in data/wijken/ (de bestandsnaam zonder .yaml) en op /wijken/ op de site; staat je wijk er niet bij? Zie CONTRIBUTING.md, 'Staat je wijk er niet bij?'",
        f"{at}:7: principes: 'vertrouwen' bestaat niet in principes — bedoel je 'transparantie-en-vertrouwen' (Transparantie en vertrouwen)? Schrijf het id van een werkend principe (kleine letters en streepjes); alle keuzes staan in data/principes/ (de bestandsnaam zonder .yaml) en op /principes/ op de site",
        f"{at}:9: tools: 'Wijkwandeling' bestaat niet in tools — bedoel je 'wijkwandeling' (Wijkwandeling en wijkgesprekken)? Schrijf het id van een tool (kleine letters en streepjes); alle keuzes staan in data/tools/ (de bestandsnaam zonder .yaml) en op /tools/ op de site",
        f"{at}:11: fases: 'fase 1' bestaat niet in routekaart — bedoel je 'fase-1' (Wijkbeeld)? Schrijf het id van een fase (kleine letters en streepjes); alle keuzes staan in data/routekaart/ (de bestandsnaam zonder .yaml) en op /routekaart/ op de site",
        f"{at}:13: kernaanpakken: 'Welzijn op recept' bestaat niet in kernaanpakken — bedoel je 'welzijn-op-recept' (Welzijn op Recept)? Schrijf het id van een kernaanpak (kleine letters en streepjes); alle keuzes staan in data/kernaanpakken/ (de bestandsnaam zonder .yaml) en op /kernaanpakken/ op de site",
    ]
    assert not any("good-practices/Daalhof" in line or "good-practices/daalhof-maastricht" in line for line in found)


def test_a_new_reference_field_gets_suggestions_by_itself(data_copy):
    """Generic: any array field with `verwijst` (like kernaanpakken.fases) gets the same help."""
    import json

    schema_file = data_copy / "schema" / "wijken.schema.json"
    schema = json.loads(schema_file.read_text("utf-8"))
    schema["fields"].append({"name": "nep_tools", "type": "array", "title": "Nep-tools", "description": "Testveld.", "verwijst": "tools"})
    schema_file.write_text(json.dumps(schema), "utf-8")
    path = data_copy / "wijken" / "daalhof.yaml"
    path.write_text(path.read_text("utf-8") + "nep_tools:\n  - wijkwandelingen\n", "utf-8")
    found = [str(p) for p in validate(data_copy, only=[path], root=data_copy.parent, today=TODAY).problems]
    assert len(found) == 1 and "nep_tools: 'wijkwandelingen' bestaat niet in tools — bedoel je 'wijkwandeling' (Wijkwandeling en wijkgesprekken)?" in found[0]


# ---------------------------------------------------------------- the command line


def run_cli(data: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "MENUKAART_DATA": str(data), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "macros.cli", *args], capture_output=True, text=True, env=env, cwd=data.parent)


@pytest.fixture
def cli_data(tmp_path) -> Path:
    data = fake_data(tmp_path)
    shutil.copytree(SCHEMA, data / "schema")
    return data


def test_result_line_when_all_is_well(cli_data):
    run = run_cli(cli_data)
    assert (run.returncode, run.stdout, run.stderr) == (0, "Alles in orde: 7 bestanden gecontroleerd.\n", "")
    run = run_cli(cli_data, str(cli_data / PRACTICE))
    assert run.stdout == "Alles in orde: 1 bestand gecontroleerd.\n"


def test_result_line_counts_problems_and_files(cli_data):
    (cli_data / PRACTICE).write_text(practice(status="status: lopnd", bijgewerkt="bijgewerkt: 2999-01-01"))
    tool = cli_data / "tools" / "testtool-nep.yaml"
    tool.write_text(tool.read_text("utf-8").replace("bijgewerkt: 2026-01-01", "bijgewerkt: fout"))
    run = run_cli(cli_data)
    assert run.returncode == 1
    assert run.stdout.splitlines()[-1] == "3 problemen in 2 bestanden — zie hierboven."


def test_warnings_are_printed_and_counted_but_do_not_fail(cli_data):
    (cli_data / PRACTICE).write_text(practice(contact='contact: "Marieke, 06-12345678"'))
    run = run_cli(cli_data)
    assert run.returncode == 0
    assert run.stdout.splitlines() == [
        f"{P}:25: contact: waarschuwing: dit lijkt een telefoonnummer (06-12345678){PRIVACY_TAIL}",
        "Geen fouten: 7 bestanden gecontroleerd. Let op: 1 waarschuwing — lees ze hierboven; de redactie kijkt ze na.",
    ]
    github = run_cli(cli_data, "--github")
    assert github.stdout.startswith(f"::warning file={P},line=25,title=contact::waarschuwing: dit lijkt een telefoonnummer")


def test_parser_text_only_with_debug(cli_data):
    (cli_data / PRACTICE).write_text(practice(titel='titel: "Testpraktijk (nep)'))
    plain = run_cli(cli_data)
    assert plain.returncode == 1 and "found unexpected end of stream" not in plain.stdout
    debug = run_cli(cli_data, "--debug")
    assert debug.returncode == 1 and "found unexpected end of stream" in debug.stdout
    assert debug.stdout.splitlines()[0] == plain.stdout.splitlines()[0]


def test_make_validate_ends_with_the_result_line(cli_data):
    env = {**os.environ, "MENUKAART_DATA": str(cli_data)}
    run = subprocess.run(["make", "-s", "validate", f"FILES={cli_data / PRACTICE}"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert run.returncode == 0 and run.stdout.strip().splitlines()[-1] == "Alles in orde: 1 bestand gecontroleerd."


def test_vocabulary_values_are_suggested_whatever_the_case_or_spacing(tmp_path):
    import json

    themas = json.loads((SCHEMA / "vocabulaires.json").read_text("utf-8"))["themas"]
    result = check(tmp_path, GOOD.replace("  - samenwerking", "  - Samenwerking\n  - jeugd-en-gezin"))
    assert [str(p) for p in result.problems] == [
        f"{P}:17: themas: 'Samenwerking' is geen toegestane waarde — bedoel je 'samenwerking'? Kies uit: " + ", ".join(themas),
        f"{P}:18: themas: 'jeugd-en-gezin' is geen toegestane waarde — bedoel je 'jeugd en gezin'? Kies uit: " + ", ".join(themas),
    ]


def test_make_nieuw_then_make_validate_refuses_the_unfilled_file(data_copy):
    from macros import new_practice as npr

    path = npr.new_practice(data_copy, "geleen", "Nog niets ingevuld", TODAY)
    env = {**os.environ, "MENUKAART_DATA": str(data_copy)}
    run = subprocess.run(["make", "-s", "validate", f"FILES={path}"], cwd=ROOT, env=env, capture_output=True, text=True)
    lines = run.stdout.strip().splitlines()
    assert run.returncode != 0
    shown = "data/good-practices/geleen/nog-niets-ingevuld.yaml"
    placeholder_lines = [n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if "NOG INVULLEN" in line and not line.startswith("#")]
    assert [line.split(":")[:2] for line in lines[:-1]] == [[shown, str(n)] for n in placeholder_lines]
    assert all("haal" in line and "NOG INVULLEN" in line for line in lines[:-1])
    assert lines[-1] == f"{len(placeholder_lines)} problemen in 1 bestand — zie hierboven."
