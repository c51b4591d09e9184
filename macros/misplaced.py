"""A data file saved in the wrong place gets told where it belongs, not "no data changed".

An editor who types the wrong file name on GitHub (`geleen/buurtkamer.yaml` at the top,
or `data/buurtkamer.yaml`) would otherwise see a green "Geen databestanden gewijzigd" and
a red "Code-review nodig". This looks at every changed `.yaml`/`.yml` file outside the
record folders, and if it reads like a record (a mapping with `id` and `titel`), says which
folder to move it to.

Usage: python -m macros.misplaced [--github] FILE ...   (exit 1 if a file is misplaced)
"""
from __future__ import annotations

import re
import sys
from pathlib import Path, PurePosixPath

import yaml

from .problems import Problem
from .schema import COLLECTIONS

ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _record_keys(path: Path) -> dict | None:
    try:
        data = yaml.load(path.read_text("utf-8")[:256 * 1024], Loader=_LOADER)  # safe loader: data only
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    return data if isinstance(data, dict) and "id" in data and "titel" in data else None


def in_place(name: str) -> bool:
    """A path (relative to the repository) where the validator looks for records."""
    parts = PurePosixPath(name).parts
    if len(parts) < 3 or parts[0] != "data" or not name.endswith(".yaml"):
        return False
    for c in COLLECTIONS:
        if parts[1] == c.folder:
            return len(parts) == (4 if c.grouped_by else 3)
    return parts[1] == "schema"


def destination(name: str, record: dict) -> str:
    stem = PurePosixPath(name).stem
    record_id = record.get("id") if isinstance(record.get("id"), str) and ID.fullmatch(record.get("id")) else stem
    wijk = record.get("wijk")
    if isinstance(wijk, str) and ID.fullmatch(wijk):
        return f"data/good-practices/{wijk}/{record_id}.yaml"
    if "wijk" in record:
        return f"data/good-practices/<id van de wijk>/{record_id}.yaml"
    return f"data/<map van zijn soort: {', '.join(c.folder for c in COLLECTIONS if not c.grouped_by)}>/{record_id}.yaml"


def misplaced(names: list[str], root: Path = Path(".")) -> list[Problem]:
    problems = []
    for name in names:
        if not name.endswith((".yaml", ".yml")) or name.startswith(".github/") or in_place(name):
            continue
        if re.fullmatch(r"data/good-practices/[^/]+\.yaml", name):
            continue  # the validator reports these itself
        record = _record_keys(root / name)
        if record is None:
            continue
        to = destination(name, record)
        problems.append(Problem(name, 1, "bestand", (
            f"dit lijkt een databestand, maar het staat op de verkeerde plek, dus het wordt niet gelezen — verplaats het naar {to} "
            "(op GitHub: open het bestand, klik op het potlood en verander de naam bovenaan in het volledige pad; "
            "een map maak je door een / te typen)")))
    return problems


def main(argv: list[str] | None = None) -> int:
    from .cli import annotation

    args = sys.argv[1:] if argv is None else argv
    github = "--github" in args
    found = misplaced([a for a in args if a != "--github"])
    for problem in found:
        print(annotation(problem) if github else problem)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
