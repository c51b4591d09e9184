"""The /indienen/ form, derived from the practice schema and the current records.

The schema is the single source of truth: every field of praktijken.schema.json becomes
one form control (or a group of them) whose `name` is the YAML key it fills, and the
checks the browser runs (required, lengths, pattern, dates, links) are the schema's own
constraints plus the validator's link and HTML rules, passed on as data. No field list
is written down here, so a new schema field appears in the form by itself — and a field
of a type the form cannot offer stops the build instead of being left out silently.

The existing practice ids go to a separate JSON file (`write_existing_ids`), fetched only
by the form, so no page grows with the number of practices.
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from markupsafe import Markup

from . import editor_checks as checks
from . import messages as msg
from .catalogue import Catalogue, fase_label
from .js_regex import to_js
from .pages import shared_environment
from .schema import BY_NAME, Field, Schema
from .validate import HTML_TAG, MD_LINK

COLLECTION = "praktijken"
IDS_FILE = "praktijk-ids.json"
LINK_PREFIXES = ("https://", "mailto:")
TEXTAREA_FROM = 200  # longer single texts get a text area instead of one line
SPECIAL_LETTERS = {"ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d", "ı": "i", "&": " en "}
ID_MAX = 80


class UnsupportedField(ValueError):
    """A schema field the form has no control for: fail the build, never drop the field."""


def slug(title: str, limit: int = ID_MAX) -> str:
    """The id a title gives: lower case, a-z/0-9 and hyphens, accents dropped.

    docs/assets/js/indienen.js does the same in the browser; tests keep both equal.
    """
    text = unicodedata.normalize("NFKD", title)
    text = "".join(c for c in text if not unicodedata.category(c).startswith("M"))
    text = text.lower()
    text = "".join(SPECIAL_LETTERS.get(c, c) for c in text)
    text = re.sub(r"['‘’`´]", "", text)
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[:limit].rstrip("-")


def _options(catalogue: Catalogue, collection: str) -> list[dict]:
    label = (lambda r: f"{fase_label(r)}: {r.title}") if collection == "routekaart" else (lambda r: r.title)
    return [{"value": r.id, "label": label(r)} for r in catalogue.by_collection[collection]]


def _enum_options(field: Field, catalogue: Catalogue | None) -> list[dict]:
    """Vocabulary values with their readable name where vocabulaires.json gives one ("_namen")."""
    names = (getattr(getattr(catalogue, "schemas", None), "labels", None) or {}).get(field.vocabulary or "", {})
    return [{"value": v, "label": names.get(v, v)} for v in field.enum]


def field_spec(field: Field, catalogue: Catalogue | None, references: dict[str, str], parent: str | None = None) -> dict:
    """One control: what it looks like (`kind`), its form `name` and what the browser checks."""
    c = field.constraints
    list_item = parent is not None
    spec = {
        "name": field.name,
        "formName": field.name if parent in (None, field.name) else f"{parent}.{field.name}",
        "title": field.title,
        "description": field.description,
        "required": field.required,
        "minLength": c.get("minLength"),
        "maxLength": c.get("maxLength"),
        "minimum": c.get("minimum"),
        "maximum": c.get("maximum"),
        "pattern": to_js(re.compile(c["pattern"])) if c.get("pattern") else None,
        "link": field.descriptor.get("format") == "uri",
        "markdown": field.markdown,
        "options": None,
    }
    target = references.get(field.name) or field.references
    if field.type == "array" and not list_item:
        if field.item_fields:
            spec["kind"] = "rows"
            spec["items"] = [field_spec(f, catalogue, {}, parent=field.name) for f in field.item_fields]
        elif target or field.enum:
            spec["kind"] = "choices"
            spec["options"] = _options(catalogue, target) if target else _enum_options(field, catalogue)
        else:
            item = Field({"name": field.name, "type": "string", "title": field.title, "description": field.description, "constraints": field.item_constraints}, field.vocabularies)
            spec["kind"] = "rows"
            spec["items"] = [field_spec(item, catalogue, {}, parent=field.name)]
        if spec["kind"] == "rows":  # what the form says when a required list has no filled row
            spec["emptyMessage"] = msg.empty_list_in_form(field.title, field.description)
        return spec
    if field.type == "string":
        if target or field.enum:
            spec["kind"] = "select"
            spec["options"] = _options(catalogue, target) if target else _enum_options(field, catalogue)
        elif field.markdown or (c.get("maxLength") or 0) > TEXTAREA_FROM:
            spec["kind"] = "textarea"
        else:
            spec["kind"] = "text"
        return spec
    if field.type in ("date", "integer", "boolean"):
        spec["kind"] = field.type
        return spec
    raise UnsupportedField(f"het formulier /indienen/ kan het veld '{field.name}' (type {field.type}) nog niet tonen — breid macros/submission_form.py uit")


MAX_GITHUB_URL = 7500  # longer links are refused by GitHub: then copy first, open GitHub second
MAX_MAILTO_URL = 1800  # mail programs cut longer mailto: links; then download and attach


def form_spec(schema: Schema, catalogue: Catalogue, repository: str = "", branch: str = "main", redactie_email: str = "") -> dict:
    """Everything the form and its script need, as plain JSON-able data."""
    references = schema.scalar_references()
    collection = BY_NAME[COLLECTION]
    return {
        "folder": f"data/{collection.folder}",
        "groupedBy": collection.grouped_by,
        "idField": "id",
        "titleField": "titel",
        "idMax": ID_MAX,
        "repository": repository.rstrip("/"),
        "branch": branch,
        "existingIds": IDS_FILE,
        "redactieEmail": redactie_email.strip(),
        "maxGithubUrl": MAX_GITHUB_URL,
        "maxMailtoUrl": MAX_MAILTO_URL,
        "issueForm": f"{repository.rstrip('/')}/issues/new?template=praktijk-melden.yml" if repository else "",
        "fields": [field_spec(f, catalogue, references) for f in schema.fields],
        # The validator's own patterns, as JavaScript that means the same ({source, flags}).
        "checks": {
            "htmlTag": to_js(HTML_TAG),
            "markdownLink": to_js(MD_LINK),
            "hidden": to_js(checks.HIDDEN),
            "phone": to_js(checks.PHONE),
            "email": to_js(checks.EMAIL),
            "linkPrefixes": list(LINK_PREFIXES),
            "mailboxes": sorted(checks.GENERAL_MAILBOXES),
        },
        "messages": {
            "htmlInText": msg.html_in_text(),
            "badLink": msg.bad_link("{waarde}"),
            "linkFix": {
                "bare": checks.link_fix("https://"),
                "http": checks.link_fix("http://{rest}"),
                "www": checks.link_fix("www.{rest}"),
            },
        },
    }


def field_names(spec: dict) -> set[str]:
    """Every `name` the rendered form carries: top-level keys and `<list>.<sub-key>`."""
    names = set()
    for f in spec["fields"]:
        names.add(f["formName"])
        names.update(item["formName"] for item in f.get("items") or ())
    return names


def spec_json(spec: dict) -> str:
    """JSON safe inside <script type="application/json">: no '<', '>' or '&' left raw."""
    text = json.dumps(spec, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def display_order(spec: dict) -> list[dict]:
    """Fields as the form shows them: the id right after the title it is derived from."""
    fields = [f for f in spec["fields"] if f["name"] != spec["idField"]]
    id_field = [f for f in spec["fields"] if f["name"] == spec["idField"]]
    at = next((i + 1 for i, f in enumerate(fields) if f["name"] == spec["titleField"]), 0)
    return fields[:at] + id_field + fields[at:]


def render_form(spec: dict, base: str) -> Markup:
    """The form as one HTML block (no blank lines, so Markdown leaves it alone)."""
    template = shared_environment().get_template("indienen.html")
    html = template.render(spec=spec, fields=display_order(spec), spec_json=Markup(spec_json(spec)), base=base)
    return Markup("\n".join(line for line in html.splitlines() if line.strip()))


def existing_ids(catalogue: Catalogue) -> list[str]:
    return sorted(r.id for r in catalogue.by_collection[COLLECTION])


def write_existing_ids(catalogue: Catalogue, out_dir: Path) -> Path:
    """/indienen/praktijk-ids.json: the ids the form warns about, in one small file."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / IDS_FILE
    path.write_text(json.dumps(existing_ids(catalogue), separators=(",", ":")), "utf-8")
    return path
