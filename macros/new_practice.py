"""`make nieuw WIJK=… TITEL=…`: a new practice file to fill in; its only problems are its placeholders.

Editors learn the format from the file itself, so every field of the practice schema is
in it with its Dutch title and description as a comment. Required fields get a value
of the right shape (a clear placeholder where only the editor can know the answer); optional fields stay commented out until the editor uses them. Nothing is
written by hand here: a new schema field shows up in the file by itself.

The placeholder `NOG INVULLEN` is valid YAML on purpose, so every other check still runs;
`make validate` refuses it (macros/editor_checks.py), each at its own line.

Usage: WIJK=<wijk-id> TITEL="…" python -m macros.new_practice
       python -m macros.new_practice --controleer [--github] FILE ...
"""
from __future__ import annotations

import difflib
import os
import sys
import textwrap
from datetime import date
from pathlib import Path

import yaml

from .editor_checks import PLACEHOLDER, placeholder_problems
from .problems import Problem
from .schema import BY_NAME, Field, Schema, load_schemas
from .submission_form import COLLECTION, slug

ROOT = Path(__file__).resolve().parent.parent
WIDTH = 96
USAGE = 'Gebruik: make nieuw WIJK=<id van de wijk> TITEL="Titel van de praktijk"'


class Refused(ValueError):
    """Why no file was written, in Dutch, for the editor."""


def quoted(text: str) -> str:
    """A double-quoted YAML string: read back as exactly this text (never `no` → false, `012` → 12)."""
    return yaml.safe_dump(text, default_style='"', allow_unicode=True, width=float("inf")).strip()


def comment(text: str, indent: str = "") -> list[str]:
    lines = textwrap.wrap(text, WIDTH - len(indent) - 2, break_on_hyphens=False, break_long_words=False)
    return [f"{indent}# {line}" for line in lines] or [f"{indent}#"]


def record_ids(data_dir: Path, collection: str) -> list[str]:
    """Ids from the file names: works even while other files have errors."""
    c = BY_NAME[collection]
    pattern = "*/*.yaml" if c.grouped_by else "*.yaml"
    return sorted(p.stem for p in (data_dir / c.folder).glob(pattern))


def _choices(field: Field, schema: Schema, data_dir: Path) -> list[str]:
    target = field.references or schema.scalar_references().get(field.name)
    if target:
        return record_ids(data_dir, target)
    return list(field.enum or [])


def _header(field: Field, choices: list[str]) -> list[str]:
    label = f"{field.title} (verplicht)" if field.required else f"{field.title} (niet verplicht)"
    lines = comment(f"{label}: {field.description}".rstrip(": "))
    if field.markdown:
        lines += comment("Je kunt Markdown gebruiken: een lijst met - aan het begin van de regel, **vet**, [linktekst](https://…).")
    if choices:
        where = f" (de bestanden in data/{BY_NAME[field.references].folder}/)" if field.references else ""
        lines += comment(f"Kies uit{where}: {', '.join(choices)}.")
    return lines


def _required_value(field: Field, choices: list[str], today: date) -> str:
    """A value that validates; a placeholder the editor will recognise where only they know the answer."""
    c = field.constraints
    if field.type == "date":
        return today.isoformat()
    if field.type == "integer":
        return str(c.get("minimum", 0))
    if field.type == "boolean":
        return "false"
    if choices:
        return f"{choices[0]}  # {PLACEHOLDER}: kies de goede waarde uit de lijst hierboven"
    text = f"{PLACEHOLDER}: {field.description}"
    while len(text) < c.get("minLength", 0):
        text += " Vul hier je eigen tekst in."
    text = text[: c.get("maxLength")]
    if field.markdown:
        return "|\n" + "\n".join("  " + line for line in textwrap.wrap(text, WIDTH - 2))
    return quoted(text)


def _required_list(field: Field, choices: list[str]) -> list[str]:
    """A required list (like bronnen): one item with placeholders, optional sub-fields as comments."""
    if not field.item_fields:
        first = f"{choices[0]}  # {PLACEHOLDER}: kies de goede waarden uit de lijst hierboven" if choices else quoted(f"{PLACEHOLDER}: {field.description}")
        return [f"{field.name}:", f"  - {first}"]
    lines = [f"{field.name}:"]
    lead = "  - "
    for sub in field.item_fields:
        hint = f"  # {sub.title}: {sub.description}" + (f" Kies uit: {', '.join(sub.enum)}." if sub.enum else "")
        if sub.required:
            lines.append(f"{lead}{sub.name}: {quoted(f'{PLACEHOLDER}: {sub.description}')}")
            lead = "    "
        else:
            sample = '"https://"' if sub.descriptor.get("format") == "uri" else '""'
            lines.append(f"    # {sub.name}: {sample}{hint}")
    return lines


def _example(field: Field, choices: list[str]) -> list[str]:
    """The commented-out shape of an optional field."""
    if field.is_list and field.item_fields:
        lines = [f"# {field.name}:"]
        for i, sub in enumerate(field.item_fields):
            lead = "#   - " if i == 0 else "#     "
            hint = f"  # {sub.title}{' (verplicht)' if sub.required else ''}: {sub.description}"
            sample = '"https://"' if sub.descriptor.get("format") == "uri" else '""'
            if sub.enum:
                hint += f" Kies uit: {', '.join(sub.enum)}."
            lines.append(f"{lead}{sub.name}: {sample}{hint}")
        return lines
    if field.is_list:
        return [f"# {field.name}:", f"#   - {choices[0] if choices else quoted('…')}"]
    if field.markdown:
        return [f"# {field.name}: |", "#   Schrijf hier je tekst. Begin elke regel met twee spaties."]
    if choices:
        return [f"# {field.name}: {choices[0]}"]
    return [f'# {field.name}: ""']


def practice_text(schema: Schema, data_dir: Path, wijk: str, titel: str, today: date) -> str:
    """The whole file: a short how-to, then every schema field in schema order."""
    practice_id = slug(titel)
    given = {"id": practice_id, "titel": quoted(titel), "wijk": wijk}
    out = [
        f"# Een nieuwe good practice voor de Menukaart, gemaakt op {today.isoformat()}.",
        *comment(f"Vul elk veld in waar {PLACEHOLDER} staat. De velden met een # ervoor zijn niet verplicht: "
                 "wil je er een gebruiken, haal dan het # weg (en de spatie erna). Regels die met # beginnen, "
                 "zijn uitleg en komen niet op de site."),
        *comment("Controleer het bestand met: make validate FILES=<dit bestand>. Meer uitleg: CONTRIBUTING.md."),
        "",
    ]
    for field in schema.fields:
        choices = _choices(field, schema, data_dir)
        out += _header(field, [] if field.name in given else choices)
        if field.name in given:
            out.append(f"{field.name}: {given[field.name]}")
        elif field.required and field.is_list:
            out += _required_list(field, choices)
        elif field.required:
            out.append(f"{field.name}: {_required_value(field, choices, today)}")
        else:
            out += _example(field, choices)
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def new_practice(data_dir: Path, wijk: str, titel: str, today: date | None = None) -> Path:
    """Write data/good-practices/<wijk>/<slug>.yaml, or raise Refused with the reason."""
    wijk, titel = (wijk or "").strip(), " ".join((titel or "").split())
    if not wijk or not titel:
        raise Refused(f"Geef een wijk en een titel op.\n{USAGE}")
    schema = load_schemas(data_dir / "schema")[COLLECTION]
    wijken = record_ids(data_dir, "wijken")
    if wijk not in wijken:
        close = difflib.get_close_matches(wijk, wijken, n=1)
        hint = f" Bedoel je '{close[0]}'?" if close else ""
        raise Refused(f"De wijk '{wijk}' bestaat niet in de Menukaart.{hint} Kies een van: {', '.join(wijken)}. "
                      "Staat je wijk er niet bij? Vraag dan eerst een redacteur om de wijk toe te voegen (data/wijken/).")
    limits = schema.by_name["titel"].constraints
    if not limits.get("minLength", 0) <= len(titel) <= limits.get("maxLength", len(titel)):
        raise Refused(f"De titel moet {limits.get('minLength', 0)} tot {limits.get('maxLength')} tekens lang zijn; deze is {len(titel)} tekens.")
    practice_id = slug(titel)
    if not practice_id:
        raise Refused("Van deze titel kan geen bestandsnaam gemaakt worden. Gebruik letters of cijfers in de titel.")
    folder = data_dir / BY_NAME[COLLECTION].folder
    path = folder / wijk / f"{practice_id}.yaml"
    if path.exists():
        raise Refused(f"{_shown(path)} bestaat al. Open dat bestand en vul het aan, of kies een andere titel.")
    elsewhere = sorted(folder.glob(f"*/{practice_id}.yaml"))
    if elsewhere:
        raise Refused(f"Er is al een praktijk met het id '{practice_id}' ({_shown(elsewhere[0])}). Kies een andere titel, "
                      "bijvoorbeeld met de naam van de wijk erin.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(practice_text(schema, data_dir, wijk, titel, today or date.today()), "utf-8")
    return path


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def leftover_placeholders(paths: list[Path]) -> list[Problem]:
    """Lines that still say NOG INVULLEN (explanations excluded); `make validate` runs the same check."""
    problems = []
    for path in paths:
        if path.suffix == ".yaml" and path.is_file():
            problems += placeholder_problems(path.read_text("utf-8", errors="replace"), _shown(path))
    return problems


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--controleer"]:
        from .cli import annotation

        github = "--github" in args
        problems = leftover_placeholders([Path(a) for a in args[1:] if a != "--github"])
        for p in problems:
            print(annotation(p) if github else p)
        return 1 if problems else 0
    data_dir = Path(os.environ.get("MENUKAART_DATA", ROOT / "data"))
    try:
        path = new_practice(data_dir, os.environ.get("WIJK", ""), os.environ.get("TITEL", ""))
    except Refused as why:
        print(f"Er is geen bestand gemaakt. {why}", file=sys.stderr)
        return 1
    shown = _shown(path)
    print(f"Nieuw bestand: {shown}\nVul elk veld in waar {PLACEHOLDER} staat en haal het # weg bij de velden die je wilt gebruiken.\n"
          f"Controleer daarna met: make validate FILES={shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
