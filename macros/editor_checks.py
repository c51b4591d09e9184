"""Checks for the mistakes editors actually make, which neither YAML nor the schema catch.

- placeholders that `make nieuw` writes (`NOG INVULLEN`, `"https://"`, `"…"`): valid YAML on
  purpose, but never a finished record;
- hidden characters (control and bidirectional-text characters): they can make a reviewer
  read something else than what gets published;
- links that are nearly right (`www.…`, `http://…`, a bare `https://`): say the right form;
- a `bijgewerkt` date in the future;
- privacy: phone numbers, personal e-mail addresses and personal names in `contact` and
  `partners`. These are *warnings* (ernst="waarschuwing"): a program cannot tell a name
  from an organisation for sure, so a reviewer decides (see CONTRIBUTING.md, "Privacy").
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta

import yaml

from .problems import Problem
from .records import Record
from .schema import Schema

PLACEHOLDER = "NOG INVULLEN"
# Example values `make nieuw` writes in commented-out fields; an editor who removes the `#`
# but not the example would otherwise publish them.
EXAMPLE_VALUES = {"…", "...", "Schrijf hier je tekst. Begin elke regel met twee spaties."}
KEY_AT_START = re.compile(r"([A-Za-z_][\w-]*):")

HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
HIDDEN_IN_BLOCK = re.compile("[\x00-\x08\x0b-\x1f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")  # newline and tab allowed
HIDDEN_ANYWHERE = re.compile("[\x00-\x1f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_NAMES = {
    "\u200b": "een spatie zonder breedte",
    "\u200c": "een onzichtbaar scheidingsteken",
    "\u200d": "een onzichtbaar verbindingsteken",
    "\u200e": "een onzichtbare richtingsmarkering",
    "\u200f": "een onzichtbare richtingsmarkering",
    "\n": "een regeleinde",
    "\t": "een tab",
}

# Words that mark an organisation, so two capitalised words with one of these are not a person.
ORGANISATION_WORDS = {
    "stichting", "gemeente", "vereniging", "coöperatie", "cooperatie", "zorg", "welzijn", "wonen", "woningcorporatie",
    "hogeschool", "universiteit", "school", "ggd", "ggz", "huisartsen", "huisartsenpraktijk", "praktijk", "centrum",
    "buurtteam", "wijkteam", "team", "netwerk", "platform", "provincie", "ministerie", "instituut", "bv", "b.v.", "nv",
    "groep", "raad", "bibliotheek", "fonds", "kerk", "bond", "federatie", "alliantie", "partners", "regio", "wijk",
    "inclusief", "belang", "sociaal", "domein", "werkplaats", "academie", "college", "hospice", "apotheek", "ziekenhuis",
    "verzekeraar", "zorgverzekeraar", "kenniscentrum", "servicepunt", "huis", "kamer", "punt", "loket", "bureau",
    "en", "voor", "of", "&",
    "university", "foundation", "institute", "hospital", "bank", "rabobank", "umc", "mumc+", "zuyderland", "woonstichting",
    "woningstichting", "wooncorporatie", "politie", "brandweer", "stadsdeel", "wijkraad", "buurtraad", "dorpsraad", "burgerraad",
    "nederland", "limburg", "zuid-limburg", "maastricht", "heerlen", "sittard", "geleen", "sittard-geleen", "kerkrade", "parkstad",
    "mijnstreek", "westelijke", "oostelijk", "oostelijke", "zuid", "noord", "oost", "west",
}
ORGANISATION_ENDINGS = ("kamer", "huis", "team", "punt", "centrum", "raad", "zorg", "werk", "groep", "school", "praktijk", "netwerk", "platform", "lab", "hub", "plein", "loket", "fonds")
TUSSENVOEGSELS = {"van", "de", "der", "den", "het", "ten", "ter", "te", "la", "le", "in", "'t", "op", "v.d."}
SALUTATION = re.compile(r"\b(dhr|mevr|mw|mr|drs|dr|ir|ing|prof)\.?\s+[A-Z]|\b(meneer|mevrouw|de heer)\s+[A-Z]", re.IGNORECASE)
CAPITALISED = re.compile(r"[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?")
# PHONE, EMAIL and HIDDEN also run in the /indienen/ form: macros/js_regex.py translates them
# for JavaScript (and refuses syntax it cannot translate), tests/test_js_regex.py compares both.
PHONE = re.compile(r"(?<![\w/.-])(?:\+31|0031|0)[\s-]?(?:\(0\)[\s-]?)?[1-9](?:[\s-]?\d){7,8}(?![\w/])")
EMAIL = re.compile(r"\b[\w.%+-]+@[\w-]+(?:\.[\w-]+)+\b")
GENERAL_MAILBOXES = {
    "info", "contact", "secretariaat", "redactie", "team", "post", "mail", "hallo", "welkom", "vragen", "servicedesk",
    "service", "receptie", "communicatie", "pers", "media", "support", "helpdesk", "klantenservice", "office",
    "administratie", "planning", "aanmelden", "aanmelding", "projecten", "project", "wijkteam", "buurtteam", "algemeen",
}
PRIVACY_RULE = "CONTRIBUTING.md, 'Privacy: geen persoonsgegevens'"
PRIVACY_FIELDS = ("contact", "partners")


def char_name(char: str) -> str:
    if char in _NAMES:
        return _NAMES[char]
    if "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
        return "een teken dat de leesrichting omdraait"
    return "een onzichtbaar stuurteken"


def hidden_message(char: str) -> str:
    code = f"U+{ord(char):04X}"
    return (f"hier staat {char_name(char)} ({code}); zulke tekens kunnen tekst verbergen voor wie het bestand nakijkt — "
            "haal het weg: typ de tekst op deze plek opnieuw, of plak hem als platte tekst (Ctrl+Shift+V)")


# ---------------------------------------------------------------- raw text


def raw_text_problems(text: str, shown: str) -> list[Problem]:
    """Hidden characters anywhere in the file (comments included), at their own line."""
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        found = HIDDEN.search(line)
        if found:
            problems.append(Problem(shown, number, "bestand", hidden_message(found.group())))
    return problems


def placeholder_problems(text: str, shown: str) -> list[Problem]:
    """Lines that still hold what `make nieuw` wrote for the editor to replace (explanations excluded)."""
    problems = []
    veld = "bestand"
    for number, line in enumerate(text.splitlines(), 1):
        key = KEY_AT_START.match(line)
        if key:
            veld = key.group(1)
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        value, _, remark = line.partition(" #")
        if PLACEHOLDER in value:
            problems.append(Problem(shown, number, veld, f"hier staat nog '{PLACEHOLDER}' — schrijf je eigen tekst en haal de woorden {PLACEHOLDER} weg"))
        elif PLACEHOLDER in remark:
            problems.append(Problem(shown, number, veld, f"deze keuze is nog niet bevestigd — kies de goede waarde uit de uitleg erboven en haal het commentaar '# {PLACEHOLDER}…' aan het eind van de regel weg"))
    return problems


def example_value_problem(node: yaml.ScalarNode) -> str | None:
    if node.value.strip() in EXAMPLE_VALUES:
        return f"hier staat nog de voorbeeldtekst '{node.value.strip()}' — vul je eigen tekst in, of zet het veld weer uit met een # ervoor"
    return None


def scalar_hidden_problem(node: yaml.ScalarNode, markdown: bool) -> tuple[int, str] | None:
    """Hidden characters written as escapes ("\\u202e"), or a line break in a one-line field."""
    allowed_breaks = node.style in ("|", ">") or markdown
    found = (HIDDEN_IN_BLOCK if allowed_breaks else HIDDEN_ANYWHERE).search(node.value)
    if not found:
        return None
    line = node.start_mark.line + 1
    if node.style in ("|", ">"):
        line += 1 + node.value[: found.start()].count("\n")
    if found.group() in "\n\t":
        return line, (f"hier staat {char_name(found.group())} in een veld van één regel — schrijf de tekst op één regel, "
                      "zonder \\n of \\t, of maak er een blok van ('veld: |' met de tekst eronder)")
    return line, hidden_message(found.group())


# ---------------------------------------------------------------- links


def link_fix(url: str) -> str | None:
    """The Dutch explanation for a link that is nearly right; None when it is fine or not a near miss."""
    text = url.strip()
    low = text.lower()
    if low in ("https://", "http://", "https:", "http:", "https", "www", "www."):
        return "vul het hele webadres in, bijvoorbeeld https://www.voorbeeld.nl/pagina — is er geen webadres, haal dan de regel weg"
    if low.startswith("http://"):
        return f"gebruik een beveiligd webadres (met https://): '{'https://' + text[7:]}' — werkt dat adres niet, kies dan een andere bron"
    if low.startswith("www."):
        return f"zet https:// voor het webadres: 'https://{text}'"
    if low.startswith(("https://", "mailto:")):
        return None
    if re.fullmatch(r"[\w.-]+\.[a-z]{2,}(/\S*)?", low) and "@" not in low:
        return f"zet https:// voor het webadres: 'https://{text}'"
    if re.fullmatch(r"[\w.%+-]+@[\w-]+(\.[\w-]+)+", low):
        return f"zet mailto: voor het e-mailadres: 'mailto:{text}'"
    return None


# ---------------------------------------------------------------- dates


def future_date_problem(value: str, today: date) -> str | None:
    """`bijgewerkt` later than today (one day of slack for editors east of UTC)."""
    try:
        day = date.fromisoformat(value)
    except (TypeError, ValueError):
        return None  # a bad date is reported by the type check
    if day <= today + timedelta(days=1):
        return None
    return (f"{value} ligt in de toekomst — zet hier de datum van de laatste inhoudelijke wijziging, "
            f"uiterlijk vandaag ({today.isoformat()}), als JJJJ-MM-DD")


# ---------------------------------------------------------------- privacy


def _looks_like_person(text: str) -> str | None:
    """A personal name in `text`, or None: a salutation, or two to four capitalised words
    (tussenvoegsels allowed) with no word that marks an organisation."""
    salutation = SALUTATION.search(text)
    if salutation:
        return text[salutation.start():].split(",")[0].strip()
    for part in re.split(r"[,;()/|]| - | – ", text):
        words = part.split()
        if not 2 <= len(words) <= 5:
            continue
        if any(w.lower().strip(".") in ORGANISATION_WORDS or w.lower().endswith(ORGANISATION_ENDINGS) for w in words):
            continue
        names = [w for w in words if w.lower() not in TUSSENVOEGSELS]
        if 2 <= len(names) <= 3 and all(CAPITALISED.fullmatch(w) for w in names) and words[0] not in TUSSENVOEGSELS:
            return part.strip()
    return None


def privacy_findings(text: str) -> list[str]:
    """What in `text` looks like personal data, in Dutch ("een telefoonnummer (06-…)")."""
    found = []
    for match in PHONE.finditer(text):
        found.append(f"een telefoonnummer ({match.group()})")
    for match in EMAIL.finditer(text):
        local = match.group().split("@")[0].lower()
        if local not in GENERAL_MAILBOXES:
            found.append(f"een persoonlijk e-mailadres ({match.group()})")
    rest = EMAIL.sub(" ", PHONE.sub(" ", text))
    rest = re.sub(r"https?://\S+|www\.\S+", " ", rest)
    name = _looks_like_person(rest)
    if name:
        found.append(f"de naam van een persoon ({name})")
    return found


def privacy_warning(findings: list[str]) -> str:
    what = " en ".join(findings) if len(findings) <= 2 else ", ".join(findings[:-1]) + " en " + findings[-1]
    return (f"waarschuwing: dit lijkt {what} — alles op GitHub is openbaar, ook oude versies; schrijf geen persoonsgegevens "
            f"({PRIVACY_RULE}). Noem een organisatie, een algemeen e-mailadres (zoals info@…) of een website. "
            "Is het toch een functioneel contact, of heeft de persoon toestemming gegeven? Laat het dan staan en zeg het in je pull request; de redactie beslist")


def privacy_warnings(record: Record) -> list[Problem]:
    warnings = []
    for name in PRIVACY_FIELDS:
        value = record.values.get(name)
        items = value if isinstance(value, list) else [value]
        for position, item in enumerate(items, 1):
            if not isinstance(item, str):
                continue
            findings = privacy_findings(unicodedata.normalize("NFC", item))
            if findings:
                line = record.line_of(name, position if isinstance(value, list) else None)
                warnings.append(Problem(record.path, line, name, privacy_warning(findings), ernst="waarschuwing"))
    return warnings


def required_list_problems(record: Record, schema: Schema) -> list[Problem]:
    """A list field marked required needs at least one item (Table Schema cannot say so for arrays)."""
    problems = []
    for field in schema.list_fields:
        if field.required and not [v for v in record.values.get(field.name) or [] if v not in (None, "", {})]:
            if (field.name, None) in record.unreadable:
                continue
            problems.append(Problem(record.path, record.line_of(field.name), field.name, required_list_message(field)))
    return problems


def required_list_message(field) -> str:
    if field.name == "bronnen":
        return ("elke praktijk noemt minstens één bron — voeg er een toe: een regel 'bronnen:' met daaronder "
                "'  - titel: \"Naam van het verslag of de website\"' en '    url: \"https://…\"'; zonder webadres noem je "
                "het brondocument ('document:') en het hoofdstuk ('sectie:') — zie CONTRIBUTING.md, 'Bronnen en toestemming'")
    return f"dit veld moet minstens één waarde hebben — {field.description[:1].lower() + field.description[1:]}"
