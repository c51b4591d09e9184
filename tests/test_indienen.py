"""/indienen/: the form offers every schema field, and what it writes our validator accepts.

The round trip is the real guarantee: a browser fills the form with values YAML likes to
misread (`no`, `012`, `a: b # c`, quotes, accents, dates in text), the YAML shown on the
page is saved as a practice file in a copy of data/, and the strict validator reads back
exactly what was typed.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from playwright.sync_api import expect

from macros import submission_form as sf
from macros.catalogue import load_catalogue
from macros.schema import load_schemas
from macros.validate import validate

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FILE = ROOT / "data" / "schema" / "praktijken.schema.json"
REPOSITORY = "https://github.com/pluswijken/menukaart"


def schema_names(descriptor: dict) -> set[str]:
    """Every key a practice file can hold, read from the raw JSON (not through our code)."""
    names = set()
    for f in descriptor["fields"]:
        names.add(f["name"])
        names.update(f"{f['name']}.{sub['name']}" for sub in f.get("arrayItem", {}).get("fields", ()))
    return names


def form_names(html: str) -> set[str]:
    return set(re.findall(r'\bname="([^"]+)"', html))


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(ROOT / "data", root=ROOT)


def real_form(catalogue) -> str:
    spec = sf.form_spec(catalogue.schemas["praktijken"], catalogue, REPOSITORY)
    return str(sf.render_form(spec, "../"))


# ---------------------------------------------------------------- unit: the form follows the schema


def test_the_form_offers_every_schema_field_and_nothing_else(catalogue):
    expected = schema_names(json.loads(SCHEMA_FILE.read_text("utf-8")))
    assert form_names(real_form(catalogue)) == expected


def test_a_new_schema_field_appears_in_the_form_by_itself(data_copy):
    schema_file = data_copy / "schema" / "praktijken.schema.json"
    descriptor = json.loads(schema_file.read_text("utf-8"))
    descriptor["fields"].insert(3, {"name": "budget_bron", "type": "string", "title": "Wie betaalde", "description": "Testveld.", "constraints": {"maxLength": 50}})
    schema_file.write_text(json.dumps(descriptor), "utf-8")
    cat = load_catalogue(data_copy, root=data_copy.parent)
    html = str(sf.render_form(sf.form_spec(cat.schemas["praktijken"], cat), "../"))
    assert "budget_bron" in form_names(html)
    assert form_names(html) == schema_names(descriptor)


def test_a_field_the_form_cannot_show_stops_the_build(catalogue, tmp_path):
    schemas = load_schemas(ROOT / "data" / "schema")
    descriptor = json.loads(SCHEMA_FILE.read_text("utf-8"))
    descriptor["fields"].append({"name": "locatie", "type": "geopoint"})
    schema = type(schemas["praktijken"])(schemas["praktijken"].collection, descriptor, schemas.vocabularies)
    with pytest.raises(sf.UnsupportedField, match="locatie"):
        sf.form_spec(schema, catalogue)


def test_choices_come_from_the_vocabularies_and_the_current_records(catalogue):
    html = real_form(catalogue)
    vocab = catalogue.schemas.vocabularies

    def values(name):
        block = re.search(rf'<select[^>]*name="{re.escape(name)}".*?</select>', html, re.S)
        if block:
            return [v for v in re.findall(r'<option value="([^"]*)"', block.group(0)) if v]
        return re.findall(rf'<input type="checkbox" name="{re.escape(name)}" value="([^"]*)"', html)

    assert values("status") == vocab["status"]
    assert values("themas") == vocab["themas"]
    assert values("doelgroepen") == vocab["doelgroepen"]
    assert values("bronnen.document") == vocab["documenten"]
    for name, collection in (("wijk", "wijken"), ("principes", "principes"), ("tools", "tools"), ("fases", "routekaart"), ("kernaanpakken", "kernaanpakken")):
        assert sorted(values(name)) == sorted(r.id for r in catalogue.by_collection[collection]), name


def test_required_fields_are_marked(catalogue):
    html = real_form(catalogue)
    descriptor = json.loads(SCHEMA_FILE.read_text("utf-8"))
    for f in descriptor["fields"]:
        control = re.search(rf'<(?:input|select|textarea)[^>]*\bname="{f["name"]}"[^>]*>', html)
        if control and f.get("constraints", {}).get("required"):
            assert " required" in control.group(0), f["name"]


def test_every_list_says_in_its_own_words_what_an_empty_required_list_needs(catalogue):
    spec = sf.form_spec(catalogue.schemas["praktijken"], catalogue, REPOSITORY)
    lists = [f for f in spec["fields"] if f["kind"] == "rows"]
    assert {"bronnen", "partners"} <= {f["name"] for f in lists}
    for f in lists:
        assert f["emptyMessage"].startswith(f"Vul bij ‘{f['title']}’ minstens één regel in."), f["name"]
        assert f["description"] in f["emptyMessage"], f["name"]
    assert len({f["emptyMessage"] for f in lists}) == len(lists)


@pytest.mark.parametrize(
    "title, expected",
    [
        ("Buurtkamer Daalhof", "buurtkamer-daalhof"),
        ("Café 't Hoekske & de Wijk", "cafe-t-hoekske-en-de-wijk"),
        ("  --Zorg: no # 012--  ", "zorg-no-012"),
        ("Straße in Łódź", "strasse-in-lodz"),
        ("Ĳsselmonde", "ijsselmonde"),
        ("日本", ""),
    ],
)
def test_slug(title, expected):
    assert sf.slug(title) == expected


def test_slug_is_short_and_never_ends_with_a_hyphen():
    s = sf.slug("woord " * 40)
    assert len(s) <= sf.ID_MAX and not s.endswith("-") and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", s)


# ---------------------------------------------------------------- build


@pytest.mark.build
def test_built_form_page_has_the_hooks_and_loads_its_script_alone(site_dir):
    page = (site_dir / "indienen" / "index.html").read_text("utf-8")
    assert form_names(page) >= schema_names(json.loads(SCHEMA_FILE.read_text("utf-8")))
    assert "data-indienen-yaml" in page and "data-indienen-github" in page
    assert f'href="{REPOSITORY}/new/main"' in page
    assert "CONTRIBUTING.md" in page
    others = [p for p in site_dir.rglob("*.html") if "indienen.js" in p.read_text("utf-8")]
    assert others == [site_dir / "indienen" / "index.html"]


@pytest.mark.build
def test_existing_ids_are_published_for_the_form(site_dir, catalogue):
    ids = json.loads((site_dir / "indienen" / sf.IDS_FILE).read_text("utf-8"))
    assert ids == sorted(r.id for r in catalogue.by_collection["praktijken"])


# ---------------------------------------------------------------- browser


TRICKY_TITLES = [
    "Buurtkamer Daalhof",
    "Café 't Hoekske & de Wijk",
    "Ærø — Øresund: no # 012",
    "Straße in Łódź",
    "Ĳsselmonde ﬁetsroute",
    "Über İstanbul naar Zürich",
    "½ uur per week",
    "émigré’s “quotes” 'en' `backticks`",
    "日本語 wijk 3",
    "Œuvre — ß — ø — æ — ł — đ — ı",
    "a" * 50 + " " + "b" * 50,
    "   ",
    "2024-01-01: yes, no, on, off",
]


@pytest.mark.browser
def test_python_and_javascript_slug_agree(page, site_url):
    page.goto(site_url + "indienen/")
    _wait_for_ids(page)  # the script has run (and the CSP forbids string predicates)
    js = page.evaluate("titles => titles.map(t => window.MenukaartIndienen.slug(t, 80))", TRICKY_TITLES)
    assert js == [sf.slug(t) for t in TRICKY_TITLES]


def _wait_for_ids(page):
    page.wait_for_load_state("networkidle")


WIJK = "geleen"
HOSTILE = {
    "titel": 'Buurtkamer "De Kéér": no # 012',
    "samenvatting": "no: 012 — yes, 2024-01-01 is geen datum hier # en dit geen commentaar",
    "aanleiding": "a: b # c",
    "aanpak": "- stap één: `no`\n- stap twee # geen commentaar\n\n'012' en \"quotes\" en é ü ß\n  ingesprongen: ja",
    "resultaten": "012",
    "geleerde_lessen": "2024-01-01",
    "periode": "no",
    "contact": "'yes' & \"on\": wijkteam@voorbeeld.nl",
}


@pytest.mark.browser
def test_form_yaml_round_trips_through_the_validator(page, site_url, data_copy, catalogue):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(site_url + f"indienen/?wijk={WIJK}")
    _wait_for_ids(page)
    assert page.locator('select[name="wijk"]').input_value() == WIJK  # prefilled from ?wijk=
    for name, value in HOSTILE.items():
        page.locator(f'[name="{name}"]').fill(value)
    page.select_option('select[name="status"]', "lopend")
    page.locator('input[name="bijgewerkt"]').fill("2025-06-30")
    chosen = {
        "principes": [r.id for r in catalogue.by_collection["principes"][:2]],
        "tools": [catalogue.by_collection["tools"][0].id],
        "fases": ["fase-2"],
        "kernaanpakken": [catalogue.by_collection["kernaanpakken"][0].id],
        "themas": [catalogue.schemas.vocabularies["themas"][0]],
        "doelgroepen": catalogue.schemas.vocabularies["doelgroepen"][:2],
    }
    for name, values in chosen.items():
        for value in values:
            page.locator(f'input[type="checkbox"][name="{name}"][value="{value}"]').check()
    partners = ["no", "012", "a: b # c"]
    page.locator('input[name="partners"]').nth(0).fill(partners[0])
    for value in partners[1:]:
        page.click('[data-add-row="partners"]')
        page.locator('input[name="partners"]').last.fill(value)
    bron = {"titel": "Verslag 'no' # 1: ja", "url": "https://voorbeeld.nl/pad?a=b&c=no#012", "sectie": "012"}
    for key, value in bron.items():
        page.locator(f'[name="bronnen.{key}"]').fill(value)
    page.select_option('select[name="bronnen.document"]', "robuust")

    expected_id = sf.slug(HOSTILE["titel"])
    assert page.locator('input[name="id"]').input_value() == expected_id  # derived from the title
    assert "Alles is ingevuld" in page.locator("[data-indienen-problems]").text_content()
    text = page.locator("[data-indienen-yaml]").text_content()

    path = data_copy / "good-practices" / WIJK / f"{expected_id}.yaml"
    path.write_text(text, "utf-8")
    result = validate(data_copy, root=data_copy.parent)
    assert result.problems == [], "\n".join(map(str, result.problems)) + "\n\n" + text

    record = next(r for r in result.records if r.id == expected_id)
    expected = {
        "id": expected_id, "wijk": WIJK, "status": "lopend", "bijgewerkt": "2025-06-30",
        **{k: v.strip() for k, v in HOSTILE.items()}, **chosen,
        "partners": partners, "bronnen": [{**bron, "document": "robuust"}],
    }
    assert record.values == expected
    loaded = yaml.safe_load(text)
    assert {k: v for k, v in loaded.items() if k != "bijgewerkt"} == {k: v for k, v in expected.items() if k != "bijgewerkt"}

    link = urlsplit(page.locator("[data-indienen-github]").get_attribute("href"))
    assert (link.scheme, link.netloc, link.path) == ("https", "github.com", "/pluswijken/menukaart/new/main")
    query = parse_qs(link.query, keep_blank_values=True)
    assert query["filename"] == [f"data/good-practices/{WIJK}/{expected_id}.yaml"]
    assert query["value"] == [text]
    assert page.locator("[data-indienen-path]").text_content() == query["filename"][0]

    hosts = {urlsplit(u).netloc for u in requests if not u.startswith(("data:", "blob:"))}
    assert hosts == {urlsplit(site_url).netloc}, hosts


@pytest.mark.browser
def test_problems_are_shown_next_to_the_field_in_dutch(page, site_url, catalogue):
    page.goto(site_url + "indienen/")
    _wait_for_ids(page)
    existing = catalogue.by_collection["praktijken"][0].id
    page.locator('[name="titel"]').fill("Een titel")
    page.locator('[name="id"]').fill(existing)
    page.locator('[name="samenvatting"]').fill("te kort")
    page.locator('[name="aanpak"]').fill("Zie <script>alert(1)</script> hier en [dit](javascript:alert(1)).")
    page.locator('[name="bronnen.url"]').fill("http://voorbeeld.nl")
    before = page.url
    page.click("[data-indienen-github]")  # with problems the link does not open GitHub but lists them
    assert page.url == before and len(page.context.pages) == 1
    assert "Er staat al een praktijk met het id" in page.locator("#fout-id").text_content()
    assert "te kort" in page.locator("#fout-samenvatting").text_content()
    assert page.locator('[name="samenvatting"]').get_attribute("aria-invalid") == "true"
    assert "HTML" in page.locator("#fout-aanpak").text_content() or "<" in page.locator("#fout-aanpak").text_content()
    assert "https://" in page.locator("#fout-bronnen-1-url").text_content()
    assert "verplicht" in page.locator("#fout-wijk").text_content()
    summary = page.locator("[data-indienen-problems]").text_content()
    assert "om te verbeteren" in summary
    page.locator('[name="samenvatting"]').fill("Een samenvatting die lang genoeg is.")
    assert page.locator("#fout-samenvatting").text_content() == ""


@pytest.mark.browser
def test_download_and_copy_give_the_same_yaml(page, site_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page.goto(site_url + f"indienen/?wijk={WIJK}")
    _wait_for_ids(page)
    page.locator('[name="titel"]').fill("Proef met downloaden")
    page.locator('[name="samenvatting"]').fill("Een samenvatting van twintig tekens of meer.")
    page.locator('[name="aanpak"]').fill("Een aanpak van twintig tekens of meer.")
    page.select_option('select[name="status"]', "idee")
    text = page.locator("[data-indienen-yaml]").text_content()
    with page.expect_download() as info:
        page.click("[data-indienen-download]")
    download = info.value
    assert download.suggested_filename == "proef-met-downloaden.yaml"
    assert Path(download.path()).read_text("utf-8") == text
    page.click("[data-indienen-copy]")
    expect(page.locator("[data-indienen-status]")).to_contain_text("klembord")
    assert page.evaluate("navigator.clipboard.readText()") == text
