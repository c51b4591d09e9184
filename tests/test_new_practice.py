"""`make nieuw`: a commented practice file whose only problems are its placeholders, and clear refusals."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from macros import new_practice as npr
from macros.cli import annotation
from macros.problems import Problem
from macros.validate import validate

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 3, 31)


def only_placeholders(problems) -> bool:
    return all("NOG INVULLEN" in p.bericht for p in problems)


def test_new_file_is_refused_until_filled_in_and_keeps_a_tricky_title(data_copy):
    title = 'Café "De Kéér": no # 012'
    path = npr.new_practice(data_copy, "geleen", title, TODAY)
    assert path == data_copy / "good-practices" / "geleen" / "cafe-de-keer-no-012.yaml"
    result = validate(data_copy, root=data_copy.parent)
    assert {p.veld for p in result.problems} == {"samenvatting", "aanpak", "status", "bronnen"}
    assert only_placeholders(result.problems) and {p.path for p in result.problems} == {"data/good-practices/geleen/cafe-de-keer-no-012.yaml"}
    path.write_text(re.sub(r"NOG INVULLEN:?", "Ingevuld", path.read_text("utf-8")).replace("  # Ingevuld", "  #"), "utf-8")
    result = validate(data_copy, root=data_copy.parent)
    assert result.problems == []
    record = next(r for r in result.records if r.id == "cafe-de-keer-no-012")
    assert record.values["titel"] == title
    assert record.values["wijk"] == "geleen"
    assert record.values["bijgewerkt"] == TODAY.isoformat()


def test_every_schema_field_is_explained_and_required_ones_are_filled(data_copy):
    path = npr.new_practice(data_copy, "geleen", "Een nieuwe praktijk", TODAY)
    text = path.read_text("utf-8")
    schema = json.loads((data_copy / "schema" / "praktijken.schema.json").read_text("utf-8"))
    values = yaml.safe_load(text)
    for field in schema["fields"]:
        required = field.get("constraints", {}).get("required", False)
        assert f"# {field['title']} ({'verplicht' if required else 'niet verplicht'})" in text, field["name"]
        if required:
            assert field["name"] in values, field["name"]
        else:
            assert field["name"] not in values and re.search(rf"^# {field['name']}:", text, re.M), field["name"]
    assert "Kies uit: idee, lopend, afgerond, gestopt, onbekend." in text


def test_a_new_required_schema_field_is_filled_validly(data_copy):
    schema_file = data_copy / "schema" / "praktijken.schema.json"
    descriptor = json.loads(schema_file.read_text("utf-8"))
    descriptor["fields"].insert(4, {"name": "doel", "type": "string", "title": "Doel", "description": "Testveld.", "opmaak": "markdown", "constraints": {"required": True, "minLength": 40}})
    schema_file.write_text(json.dumps(descriptor), "utf-8")
    path = npr.new_practice(data_copy, "geleen", "Met een extra veld", TODAY)
    found = validate(data_copy, only=[path], root=data_copy.parent).problems  # older records lack the field
    assert found and only_placeholders(found) and "doel" in {p.veld for p in found}


@pytest.mark.parametrize(
    "wijk, title, says",
    [
        ("gelen", "Een titel", "Bedoel je 'geleen'?"),
        ("", "Een titel", "Gebruik: make nieuw"),
        ("geleen", "", "Gebruik: make nieuw"),
        ("geleen", "ab", "3 tot 120 tekens"),
        ("geleen", "日本語 ☃☃", "geen bestandsnaam"),
    ],
)
def test_refusals_are_in_dutch_and_write_nothing(data_copy, wijk, title, says):
    before = sorted(data_copy.rglob("*"))
    with pytest.raises(npr.Refused, match=re.escape(says)):
        npr.new_practice(data_copy, wijk, title, TODAY)
    assert sorted(data_copy.rglob("*")) == before


def test_an_existing_file_is_never_overwritten(data_copy):
    path = npr.new_practice(data_copy, "geleen", "Twee keer", TODAY)
    path.write_text(path.read_text("utf-8").replace("NOG INVULLEN", "Ingevuld"), "utf-8")
    kept = path.read_text("utf-8")
    with pytest.raises(npr.Refused, match="bestaat al"):
        npr.new_practice(data_copy, "geleen", "Twee keer", TODAY)
    with pytest.raises(npr.Refused, match="al een praktijk met het id 'twee-keer'"):
        npr.new_practice(data_copy, "ruwaard-oss", "Twee keer", TODAY)
    assert path.read_text("utf-8") == kept


def test_make_nieuw_passes_title_without_the_shell(data_copy):
    env = {**os.environ, "MENUKAART_DATA": str(data_copy), "PYTHONPATH": str(ROOT)}
    title = "Zorg; `echo x` \"no\" 'ja' | rm"
    run = subprocess.run(["make", "-s", "nieuw", "WIJK=geleen", f"TITEL={title}"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "Nieuw bestand" in run.stdout
    written = yaml.safe_load((data_copy / "good-practices" / "geleen" / "zorg-echo-x-no-ja-rm.yaml").read_text("utf-8"))
    assert written["titel"] == title
    run = subprocess.run(["make", "-s", "nieuw", "WIJK=nergens", "TITEL=Iets"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert run.returncode != 0 and "Er is geen bestand gemaakt. De wijk 'nergens' bestaat niet" in run.stderr


def test_leftover_placeholders_are_found_but_explanations_are_not(data_copy):
    path = npr.new_practice(data_copy, "geleen", "Nog leeg", TODAY)
    found = npr.leftover_placeholders([path])
    assert {p.veld for p in found} == {"samenvatting", "aanpak", "status", "bronnen"}
    text = path.read_text("utf-8")
    for p in found:
        assert "NOG INVULLEN" in text.splitlines()[p.line - 1]
    filled = re.sub(r"NOG INVULLEN:?", "Ingevuld", text)
    path.write_text(filled, "utf-8")
    assert npr.leftover_placeholders([path]) == []


def test_github_annotation_escapes_what_would_end_the_command():
    line = annotation(Problem("data/a,b:c.yaml", 7, "bronnen.url", "100% fout\nnieuwe regel: ::stop"))
    assert line == "::error file=data/a%2Cb%3Ac.yaml,line=7,title=bronnen.url::100%25 fout%0Anieuwe regel: ::stop"


def test_cli_github_option_prints_annotations_for_the_named_files(data_copy):
    bad = data_copy / "good-practices" / "geleen" / "kapot.yaml"
    bad.write_text('id: kapot\ntitel: "Kapot"\nwijk: geleen\nsamenvatting: no\naanpak: "Dit is lang genoeg als aanpak."\nstatus: bezig\nbijgewerkt: 2026-01-01\n', "utf-8")
    env = {**os.environ, "MENUKAART_DATA": str(data_copy), "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-m", "macros.cli", "--github", str(bad)], cwd=ROOT, env=env, capture_output=True, text=True)
    assert run.returncode == 1
    annotations = [l for l in run.stdout.splitlines() if l.startswith("::error ")]
    assert any(re.fullmatch(r"::error file=data/good-practices/geleen/kapot\.yaml,line=4,title=samenvatting::.+", l) for l in annotations), run.stdout
    assert any(",line=6,title=status::" in l for l in annotations), run.stdout
    assert all("kapot.yaml" in l for l in annotations)
