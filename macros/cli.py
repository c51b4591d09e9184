"""`make validate`: print every problem as `path:line: veld: bericht`; exit 1 if there is one.

Usage: python -m macros.cli [FILE_OR_FOLDER ...]   (default: everything under data/)
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from .validate import validate

ROOT = Path(__file__).resolve().parent.parent


def selected_files(args: list[str]) -> list[Path] | None:
    """Files named on the command line; a folder stands for the .yaml files under it."""
    if not args:
        return None
    files: list[Path] = []
    for arg in args:
        path = Path(arg)
        files += sorted(path.rglob("*.y*ml")) if path.is_dir() else [path]
    return files


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    data = Path(os.environ.get("MENUKAART_DATA", ROOT / "data"))
    result = validate(data, only=selected_files(args), root=data.parent)
    for problem in result.problems:
        print(problem)
    return 1 if result.problems else 0


if __name__ == "__main__":
    sys.exit(main())
