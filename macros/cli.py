"""`make validate`: print every problem as `path:line: veld: bericht`; exit 1 if there is one.

Usage: python -m macros.cli [--github] [FILE_OR_FOLDER ...]   (default: everything under data/)

With --github each problem becomes a GitHub Actions annotation
(`::error file=…,line=…,title=…::…`), so a pull request shows it on the line itself.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from .problems import Problem
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


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem) -> str:
    """One GitHub workflow command; escaped so a value in a data file cannot end it early."""
    return (
        f"::error file={_escape_property(problem.path)},line={problem.line},"
        f"title={_escape_property(problem.veld)}::{_escape_data(problem.bericht)}"
    )


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    github = "--github" in args
    args = [a for a in args if a != "--github"]
    data = Path(os.environ.get("MENUKAART_DATA", ROOT / "data"))
    result = validate(data, only=selected_files(args), root=data.parent)
    for problem in result.problems:
        print(annotation(problem) if github else problem)
    if github and result.problems:
        print(f"{len(result.problems)} problemen gevonden in de data — zie de meldingen bij de bestanden.")
    return 1 if result.problems else 0


if __name__ == "__main__":
    sys.exit(main())
