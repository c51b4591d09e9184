"""Every message an editor can see, in plain Dutch: what is wrong — how to make it right.

Field names, descriptions and allowed values come from the schema, so a new field or
vocabulary value needs no change here.
"""
from __future__ import annotations

import difflib
import re

from .schema import Field

_TYPE_WORDS = {"bool": "een ja/nee-waarde", "int": "een getal", "float": "een kommagetal", "timestamp": "een datum", "null": "een lege waarde"}


def shorten(value, limit: int = 40) -> str:
    text = str(value).replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _hint(description: str) -> str:
    """A schema description read as the second half of a message."""
    return description[:1].lower() + description[1:]


def _choices(options) -> str:
    return ", ".join(options)


def wrong_extension(name: str) -> str:
    return f"'{name}' wordt niet gelezen — geef het bestand de extensie .yaml"


def practice_outside_wijk_folder() -> str:
    return "een praktijk hoort in de map van haar wijk — zet het bestand in data/good-practices/<wijk-id>/"


def not_a_mapping() -> str:
    return "het bestand moet velden bevatten in de vorm 'naam: waarde' — begin bijvoorbeeld met 'id: ...' en 'titel: ...'"


def unknown_key(name: str, suggestion: str | None) -> str:
    hint = f"bedoel je '{suggestion}'?" if suggestion else "haal het weg of kies een veld uit het schema (zie data/schema/)"
    return f"dit veld bestaat niet — {hint}"


def expected_list(field: Field) -> str:
    return f"hier hoort een lijst ({field.title}) — zet elke waarde op een eigen regel die begint met '- '"


def expected_mapping_item(field: Field, keys: str) -> str:
    return f"elk item moet velden hebben ({keys}) — schrijf bijvoorbeeld '- titel: ...' met de andere velden eronder"


def expected_single_value(field: Field, in_list: bool) -> str:
    if in_list:
        return "elk item in deze lijst moet één tekst zijn — schrijf per regel '- tekst'"
    return f"hier hoort één waarde, geen lijst of blok — schrijf '{field.name}: waarde' op één regel"


def coerced(text: str, tag: str) -> str:
    return f"YAML leest '{shorten(text)}' als {_TYPE_WORDS.get(tag, 'iets anders dan tekst')}, niet als tekst — zet de waarde tussen aanhalingstekens: \"{shorten(text)}\""


def bad_date(text) -> str:
    return f"'{shorten(text)}' is geen geldige datum — schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-11-23"


def bad_integer(text) -> str:
    return f"'{shorten(text)}' is geen geheel getal — schrijf een getal zonder voorloopnul en zonder aanhalingstekens, bijvoorbeeld 3"


def bad_boolean(text) -> str:
    return f"'{shorten(text)}' is geen geldige ja/nee-waarde — schrijf true (ja) of false (nee)"


def _plain(text: str) -> str:
    """Lower case, accents dropped, words joined by hyphens: how an id is written."""
    import unicodedata

    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def closest_records(value, options, limit: int = 3) -> list[tuple[str, str]]:
    """The (id, title) pairs nearest to what the editor wrote, by id and by title.

    Typing the title ("Wijkwandeling"), a word from it ("vertrouwen") or the id with extra
    words ("Daalhof, Maastricht") all find the record.
    """
    wanted = _plain(value)
    if not wanted:
        return []
    scored = []
    for record_id, title in options:
        names = {record_id, _plain(title)}
        score = max(difflib.SequenceMatcher(None, wanted, name).ratio() for name in names)
        for name in names:
            if wanted == name:
                score = max(score, 1.0)
            elif f"-{wanted}-" in f"-{name}-" or f"-{name}-" in f"-{wanted}-":
                score = max(score, 0.9)
        if score >= 0.6:
            scored.append((-score, record_id, title))
    scored.sort()
    best = -scored[0][0] if scored else 0
    return [(record_id, title) for score, record_id, title in scored[:limit] if -score >= best - 0.1]  # an exact hit stands alone


def _suggestion(close: list[tuple[str, str]]) -> str:
    named = [f"'{record_id}' ({title})" if title and title != record_id else f"'{record_id}'" for record_id, title in close]
    if not named:
        return ""
    return "bedoel je " + (named[0] if len(named) == 1 else ", ".join(named[:-1]) + " of " + named[-1]) + "? "


def unknown_reference(value, title: str, collection: str, options=(), folder: str | None = None) -> str:
    """A reference to a record that does not exist: the nearest records, and where to see them all."""
    from .schema import BY_NAME

    c = BY_NAME.get(collection)
    folder = folder or (c.folder if c else collection)
    where = f"alle keuzes staan in data/{folder}/ (de bestandsnaam zonder .yaml) en op /{collection}/ op de site"
    if collection == "wijken":
        where += "; staat je wijk er niet bij? Zie CONTRIBUTING.md, 'Staat je wijk er niet bij?'"
    suggestion = _suggestion(closest_records(value, options))
    write = "Schrijf" if suggestion else "schrijf"
    return f"'{shorten(value)}' bestaat niet in {collection} — {suggestion}{write} het id van een {title.lower() if c is None else c.label_singular.lower()} (kleine letters en streepjes); {where}"


def id_not_file_name(value: str, expected: str) -> str:
    return f"het id '{shorten(value)}' is niet gelijk aan de bestandsnaam — noem het bestand '{value}.yaml' of verander het id in '{expected}'"


def wrong_folder(value: str, folder: str) -> str:
    return f"de praktijk staat in de map '{folder}' maar hoort bij wijk '{value}' — zet het bestand in data/good-practices/{value}/ of verbeter de wijk"


def duplicate_id(value: str, other: str) -> str:
    return f"het id '{value}' wordt al gebruikt in {other} — kies een ander id en geef het bestand dezelfde naam"


def empty_list_in_form(title: str, description: str) -> str:
    """/indienen/: a required list with no filled row. Sentences, not the validator's dash style:
    the form shows it under the field, next to the field's own label."""
    return f"Vul bij ‘{title}’ minstens één regel in. {description}".strip()


def html_in_text() -> str:
    return "HTML-code is hier niet toegestaan — gebruik Markdown, bijvoorbeeld **vet** of [tekst](https://voorbeeld.nl)"


def bad_link(url: str, fix: str | None = None) -> str:
    if fix:
        return f"de link '{shorten(url)}' is niet toegestaan — {fix}"
    return f"de link '{shorten(url)}' is niet toegestaan — gebruik alleen links die beginnen met https:// of mailto:"


def from_frictionless(error, field: Field, list_field: Field | None) -> str:
    """Turn one frictionless cell error into the Dutch message for its field."""
    cell = getattr(error, "cell", None)
    if error.type == "type-error":
        return {"date": bad_date, "integer": bad_integer, "boolean": bad_boolean}.get(field.type, lambda c: f"'{shorten(c)}' heeft niet het goede type — {_hint(field.description)}")(cell)
    constraint = re.search(r'constraint "(\w+)"', error.note or "")
    name = constraint.group(1) if constraint else ""
    c = field.descriptor.get("constraints", {})
    if name == "required":
        what = "dit item is leeg" if list_field is not None else "dit verplichte veld ontbreekt of is leeg"
        return f"{what} — vul het in: {_hint(field.description)}".rstrip(": ")
    if name == "enum":
        options = field.enum or c.get("enum") or []
        close = closest_records(cell, [(o, o) for o in options], limit=1)  # "Samenwerking", "jeugd-en-gezin" find theirs too
        hint = f"bedoel je '{close[0][0]}'? Kies uit: " if close else "kies uit: "
        return f"'{shorten(cell)}' is geen toegestane waarde — {hint}{_choices(options)}"
    if name == "maxLength":
        return f"de tekst is {len(str(cell))} tekens lang, het maximum is {c.get('maxLength')} — maak hem korter"
    if name == "minLength":
        return f"de tekst is te kort ({len(str(cell))} tekens) — schrijf minstens {c.get('minLength')} tekens"
    if name == "pattern":
        return f"'{shorten(cell)}' heeft niet de goede vorm — {_hint(field.description)}"
    if name in ("minimum", "maximum"):
        return f"{shorten(cell)} valt buiten het bereik — kies een getal van {c.get('minimum')} tot en met {c.get('maximum')}"
    return f"'{shorten(cell)}' is niet goed — {_hint(field.description)}"  # frictionless' English note stays out
