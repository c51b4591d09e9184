"""One problem found in a data file, printed the way an editor can act on it."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    """`path:line: veld: bericht` — the format editors, CI annotations and tests rely on."""

    path: str
    line: int
    veld: str
    bericht: str
    # The parser's own (English) words, shown only with `make validate DEBUG=1` / `--debug`.
    detail: str = field(default="", compare=False)
    # "fout" stops the build; "waarschuwing" is printed and counted, and a reviewer decides.
    ernst: str = field(default="fout", compare=False)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.veld}: {self.bericht}"


class DataError(Exception):
    """Raised when the data cannot be turned into records; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))
