"""The macros' finished HTML goes around Markdown, not through it.

A macro such as te_actualiseren() returns finished, escaped HTML. Put into the page's
Markdown, Python-Markdown would read all of it again with its HTML parser only to pass it
on unchanged: with thousands of practices that was over half a second per page, on every
edit under `make serve`. So the macro leaves a short marker (an HTML comment, which Markdown
passes on as it is) and the glue puts the HTML in its place after Markdown has run.

Markers are numbered per page, so the same Markdown gives the same markers in every build
(`make serve` compares a page's Markdown with the last build's to skip unchanged pages).
Record text cannot forge a marker: it reaches the HTML escaped, and a marker starts with "<".
"""
from __future__ import annotations

import re

from markupsafe import Markup

_MARKER = re.compile(r"<!--menukaart-html-(\d+)-->")
_waiting: dict[str, list[str]] = {}  # page -> its fragments, in the order the macros made them


def put(page: str, html: str) -> Markup:
    """Keep `html` for `page` and return the marker that stands in for it in the Markdown."""
    fragments = _waiting.setdefault(page, [])
    fragments.append(str(html))
    return Markup(f"<!--menukaart-html-{len(fragments) - 1}-->")


def take(page: str) -> list[str]:
    """The fragments `page`'s macros made in this build (and forget them)."""
    return _waiting.pop(page, [])


def fill(html: str, fragments: list[str]) -> str:
    """Put each fragment where its marker ended up; a page must use every marker exactly once."""
    used: list[int] = []

    def swap(match: re.Match) -> str:
        number = int(match.group(1))
        if number >= len(fragments):
            raise ValueError(f"marker {number} zonder HTML van een macro")
        used.append(number)
        return fragments[number]

    out = _MARKER.sub(swap, html)
    if sorted(used) != list(range(len(fragments))):
        raise ValueError(f"de HTML van de macro's kwam niet precies één keer op de pagina terecht (markers {sorted(used)} van {len(fragments)})")
    return out
