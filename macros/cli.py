"""`make validate`: print every problem as `path:line: veld: bericht`; exit 1 if there is one.

Usage: python -m macros.cli [--github] [--debug] [FILE_OR_FOLDER ...]   (default: everything under data/)

It always ends with one Dutch result line ("Alles in orde: …" or "N problemen in M
bestanden — zie hierboven."), so an editor never has to read make's own error line.
Warnings (possible personal data) are printed and counted but do not fail the run.
With --github each problem becomes a GitHub Actions annotation
(`::error file=…,line=…,title=…::…`, `::warning …` for warnings), so a pull request shows
it on the line itself. With --debug the parser's own (English) text follows a YAML error.
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
    kind = "warning" if problem.ernst == "waarschuwing" else "error"
    return (
        f"::{kind} file={_escape_property(problem.path)},line={problem.line},"
        f"title={_escape_property(problem.veld)}::{_escape_data(problem.bericht)}"
    )


def _count(n: int, one: str, more: str) -> str:
    return f"{n} {one if n == 1 else more}"


def result_line(problems: list[Problem], warnings: list[Problem], files: int) -> str:
    """The one line that ends every run, in Dutch."""
    noted = f" Let op: {_count(len(warnings), 'waarschuwing', 'waarschuwingen')} — lees ze hierboven; de redactie kijkt ze na." if warnings else ""
    if problems:
        wrong = len({p.path for p in problems})
        return f"{_count(len(problems), 'probleem', 'problemen')} in {_count(wrong, 'bestand', 'bestanden')} — zie hierboven.{noted}"
    if warnings:
        return f"Geen fouten: {_count(files, 'bestand', 'bestanden')} gecontroleerd.{noted}"
    return f"Alles in orde: {_count(files, 'bestand', 'bestanden')} gecontroleerd."


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    github = "--github" in args
    debug = "--debug" in args
    args = [a for a in args if a not in ("--github", "--debug")]
    data = Path(os.environ.get("MENUKAART_DATA", ROOT / "data"))
    result = validate(data, only=selected_files(args), root=data.parent)
    for problem in sorted(result.problems + result.warnings):
        print(annotation(problem) if github else problem)
        if debug and problem.detail:
            print("    (parser: " + problem.detail.replace("\n", " ") + ")")
    print(result_line(result.problems, result.warnings, len(result.files)))
    return 1 if result.problems else 0


if __name__ == "__main__":
    sys.exit(main())
