"""A YAML syntax error told in Dutch, at the line where the editor has to change something.

The parser reports where it *noticed* a problem, which is often a line or more after the
cause (an unclosed quote is noticed at the end of the file). Each rule below recognises
one common cause from the parser's error plus the text of the file, and names the line to
fix and how. The parser's English words never reach the editor; they are kept as the
problem's `detail` for `--debug`.
"""
from __future__ import annotations

import re

import yaml

KEY_LINE = re.compile(r"^(?P<indent> *)(?P<dash>- +)?(?P<key>[^\s#'\"\[\]{}:][^:#]*?):(?: +(?P<value>.*))?$")
GENERIC = "dit is geen geldige YAML — controleer op deze regel (en de regel erboven) de inspringing, dubbele punten en aanhalingstekens; kijk voor een voorbeeld naar een ander bestand in dezelfde map"


def _line(lines: list[str], number: int) -> str:
    return lines[number - 1] if 0 < number <= len(lines) else ""


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _previous(lines: list[str], number: int) -> tuple[int, str]:
    """The nearest line above `number` with content (not blank, not only a comment)."""
    for n in range(number - 1, 0, -1):
        text = _line(lines, n)
        if text.strip() and not text.lstrip().startswith("#"):
            return n, text
    return 0, ""


def _quote_suggestion(key: str, value: str) -> str:
    if '"' in value and "'" not in value:
        return f"{key}: '{value}'"
    return f'{key}: "{value.replace(chr(92), chr(92) * 2).replace(chr(34), chr(92) + chr(34))}"'


def _text_after_quote(value: str) -> bool:
    """`"a" b` or `"Het "Huis""`: the quoted part ends before the text does."""
    if not value or value[0] not in "\"'":
        return False
    q, i = value[0], 1
    while i < len(value):
        if q == '"' and value[i] == "\\":
            i += 2
            continue
        if value[i] == q:
            if q == "'" and value[i + 1 : i + 2] == "'":
                i += 2
                continue
            rest = value[i + 1 :].strip()
            return bool(rest) and not rest.startswith("#")
        i += 1
    return False


def explain(err: yaml.MarkedYAMLError, text: str) -> tuple[int, str]:
    """(line to fix, Dutch message) for one parser error."""
    lines = text.splitlines()
    problem = err.problem or ""
    context = err.context or ""
    at = err.problem_mark.line + 1 if err.problem_mark else 1
    start = err.context_mark.line + 1 if err.context_mark else at
    line = _line(lines, at)
    match = KEY_LINE.match(line)

    if "quoted scalar" in context:
        column = err.context_mark.column if err.context_mark else 0
        quote = _line(lines, start)[column : column + 1] or '"'
        if "unknown escape" in problem or "expected escape" in problem:
            return at, "een \\ tussen dubbele aanhalingstekens heeft een speciale betekenis — schrijf \\\\ voor een gewone \\, of zet de tekst tussen enkele aanhalingstekens (')"
        return start, (f"de tekst na het aanhalingsteken {quote} op deze regel wordt nergens afgesloten — zet aan het eind van de tekst ook een {quote}; "
                       f"staat er binnen de tekst een {quote}? Gebruik dan het andere aanhalingsteken aan de buitenkant")

    if "while scanning a simple key" in context and "could not find expected ':'" in problem:
        return start, ("op deze regel staat geen 'veld: waarde' — hoort de tekst bij het veld erboven? Spring de regel dan in met twee spaties, "
                       "of schrijf het veld als blok ('veld: |' met de tekst eronder, twee spaties ingesprongen); anders: begin de regel met de naam van een veld en een dubbele punt")

    if "mapping values are not allowed" in problem:
        previous_number, previous = _previous(lines, at)
        if match and match.group("key") and previous and _indent(line) > _indent(previous) and not previous.rstrip().endswith(":"):
            key = match.group("key").strip()
            return at, (f"'{key}:' springt verder in dan de regel erboven — zet het veld precies onder de andere velden van hetzelfde niveau "
                        "(evenveel spaties aan het begin van de regel)")
        if match and match.group("value"):
            key, value = match.group("key").strip(), match.group("value").strip()
            return at, (f"de tekst bevat een dubbele punt met een spatie erna (': '), en dan denkt YAML dat er een nieuw veld begint — "
                        f"zet de hele tekst tussen aanhalingstekens: {_quote_suggestion(key, value)}")
        return at, "deze regel bevat een dubbele punt (:) op een plek waar YAML die niet verwacht — zet tekst met ': ' erin tussen aanhalingstekens, of controleer de inspringing"

    if "did not find expected key" in problem or ("expected <block end>" in problem):
        stripped = line.strip()
        if stripped.startswith("- ") or stripped == "-":
            return at, ("dit lijstitem (een regel met '- ') staat niet onder de andere items of niet onder een veld met een lijst — laat elke regel met '- ' evenveel inspringen als de items erboven "
                        "(bijvoorbeeld twee spaties onder de naam van het veld)")
        if match and _text_after_quote((match.group("value") or "").strip()):
            key, value = match.group("key").strip(), match.group("value").strip()
            inner = value[1:]
            return at, ("na het sluitende aanhalingsteken staat nog tekst — staat er een aanhalingsteken binnen de tekst? "
                        f"Gebruik dan het andere aanhalingsteken aan de buitenkant, bijvoorbeeld {_quote_suggestion(key, inner[:-1] if inner.endswith(value[0]) else inner)}")
        return at, ("de inspringing klopt niet — zet velden van hetzelfde niveau precies onder elkaar, met spaties (twee per niveau); "
                    "een lijstitem begint met '- ' en de velden eronder springen evenveel in als de tekst na '- '")

    if "did not find expected '-' indicator" in problem:
        _, previous = _previous(lines, at)
        if match and not match.group("dash") and previous.lstrip().startswith("- ") and _indent(line) <= _indent(previous):
            key = match.group("key").strip()
            return at, (f"'{key}:' springt in alsof het bij de lijst erboven hoort — begin een nieuw veld aan het begin van de regel, zonder spaties ervoor; "
                        "hoort het wel bij het lijstitem, zet het dan precies onder de tekst na '- '")
        return at, ("deze regel springt anders in dan het lijstitem erboven — zet de velden van één item precies onder elkaar, bijvoorbeeld "
                    "'  - titel: …' en daaronder '    url: …' (vier spaties)")

    if "cannot start any token" in problem:
        column = err.problem_mark.column if err.problem_mark else 0
        char = line[column : column + 1]
        if match and match.group("value") is not None:
            return at, f"een waarde mag niet met '{char}' beginnen — zet de waarde tussen aanhalingstekens: {_quote_suggestion(match.group('key').strip(), match.group('value').strip())}"
        return at, f"een waarde mag niet met '{char}' beginnen — zet de waarde tussen aanhalingstekens (\"…\")"

    if "flow sequence" in context or "flow mapping" in context:
        close = "]" if "sequence" in context else "}"
        return start, (f"de lijst die op deze regel met {'[' if close == ']' else '{'} begint, wordt niet goed afgesloten — sluit hem met {close} en zet een komma tussen de waarden, "
                       "of schrijf elke waarde op een eigen regel die begint met '- '")

    return at, GENERIC
