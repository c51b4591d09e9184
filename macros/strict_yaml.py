"""Read one YAML file strictly and keep the nodes, so every later message can name a line.

We compose (never construct) with libyaml's safe composer: composing builds each node
once, so an alias bomb costs no more memory than its text, and no Python object is
ever created from a tag. Aliases, custom tags, duplicate keys and non-text keys are
refused here; typing the scalars is left to `validate`, which knows the schema.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from .editor_checks import raw_text_problems
from .problems import Problem
from .yaml_errors import explain

MAX_BYTES = 256 * 1024
_COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CORE = "tag:yaml.org,2002:"
ALLOWED_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")}
FILE = "bestand"


def read_nodes(path: Path, shown: str) -> tuple[yaml.Node | None, list[Problem]]:
    """Return the root node of `path`, or None and the problems that stop reading it."""

    def stop(line: int, bericht: str) -> tuple[None, list[Problem]]:
        return None, [Problem(shown, line, FILE, bericht)]

    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        return stop(1, f"het bestand is {len(raw) // 1024} kB — splits het op; één praktijk past ruim in {MAX_BYTES // 1024} kB")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return stop(line, "het bestand is niet in UTF-8 opgeslagen — sla het op als UTF-8 (in de meeste editors: 'Opslaan als' → codering UTF-8)")
    text = text.removeprefix("\ufeff")
    tabs = [n for n, line in enumerate(text.splitlines(), 1) if "\t" in line]
    if tabs:
        return None, [Problem(shown, n, FILE, "deze regel bevat een tab — gebruik spaties om in te springen (twee per niveau)") for n in tabs]
    hidden = raw_text_problems(text, shown)
    if hidden:
        return None, hidden
    if not text.strip() or all(line.lstrip().startswith("#") or not line.strip() for line in text.splitlines()):
        return stop(1, "het bestand is leeg — vul de velden in; kijk voor een voorbeeld in CONTRIBUTING.md of gebruik 'make nieuw'")
    try:
        root = yaml.compose(text, Loader=_COMPOSER)
    except yaml.MarkedYAMLError as err:
        line, bericht = explain(err, text)
        return None, [Problem(shown, line, FILE, bericht, detail=str(err))]
    except yaml.YAMLError as err:
        return None, [Problem(shown, 1, FILE, "dit is geen geldige YAML — controleer de opmaak van het bestand; kijk voor een voorbeeld naar een ander bestand in dezelfde map", detail=str(err))]
    if root is None:
        return stop(1, "het bestand is leeg — vul de velden in; kijk voor een voorbeeld in CONTRIBUTING.md of gebruik 'make nieuw'")
    problems = _structural_problems(root, shown) or _run_together_items(root, text, shown)  # the walk needs a tree without aliases
    return (None if problems else root), problems


def line_of(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _structural_problems(root: yaml.Node, shown: str) -> list[Problem]:
    """Aliases, unknown tags, duplicate or non-text keys: each makes the file ambiguous."""
    problems: list[Problem] = []
    seen: set[int] = set()
    # Depth-first in document order, so the anchor is met first and every alias after it;
    # an alias shares its anchor's node (and marks), so it is reported at the line that uses it.
    stack: list[tuple[yaml.Node, str, int]] = [(root, FILE, line_of(root))]
    while stack:
        node, veld, used_at = stack.pop()
        if id(node) in seen:
            problems.append(Problem(shown, used_at, veld, "verwijzingen met & en * (ankers en aliassen) zijn niet toegestaan — schrijf de waarde voluit"))
            continue
        seen.add(id(node))
        if node.tag not in ALLOWED_TAGS:
            problems.append(Problem(shown, line_of(node), veld, f"de markering '{node.tag.removeprefix(_CORE)}' is niet toegestaan — haal het !-teken weg en schrijf gewone tekst"))
            continue
        if isinstance(node, yaml.SequenceNode):
            stack.extend((item, veld, line_of(item)) for item in reversed(node.value))
        elif isinstance(node, yaml.MappingNode):
            keys: dict[str, int] = {}
            children = []
            for key, value in node.value:
                name = key.value if isinstance(key, yaml.ScalarNode) else None
                if name is None or key.tag != _CORE + "str":
                    problems.append(Problem(shown, line_of(key), veld, "een veldnaam moet gewone tekst zijn — gebruik een naam uit het schema, zoals 'titel'"))
                    continue
                if name in keys:
                    problems.append(Problem(shown, line_of(key), name, f"dit veld staat twee keer in het bestand (ook op regel {keys[name]}) — houd er één over"))
                keys.setdefault(name, line_of(key))
                children.append((value, name if veld == FILE else veld, line_of(key)))
            stack.extend(reversed(children))
    return problems


def _run_together_items(root: yaml.Node, text: str, shown: str) -> list[Problem]:
    """`- a` followed by a further indented `  - b` is valid YAML for the one text "a - b":
    never what an editor meant, so say which line to align."""
    lines = text.splitlines()
    problems = []
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(v for _, v in node.value)
        elif isinstance(node, yaml.ScalarNode) and not node.style and node.end_mark.line > node.start_mark.line:
            for number in range(node.start_mark.line + 2, node.end_mark.line + 2):
                if number <= len(lines) and lines[number - 1].lstrip().startswith("- "):
                    problems.append(Problem(shown, number, FILE, (
                        f"dit lijstitem springt verder in dan het item erboven, zodat YAML ze als één tekst leest ('{node.value[:60]}') — "
                        "zet alle regels met '- ' precies onder elkaar")))
                    break
    return problems
