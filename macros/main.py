"""mkdocs-macros entry point: a few read-only helpers for the hand-written pages in docs/.

Only our own Markdown in docs/ is rendered as Jinja. Generated record pages switch
macros off (`render_macros: false`) and their text never reaches this environment.
Every helper returns escaped HTML or plain numbers, never record text as markup.
"""
from __future__ import annotations

import html

from markupsafe import Markup


def define_env(env):
    def catalogue():
        return env.conf["extra"]["menukaart"]

    @env.macro
    def aantal(collectie: str) -> int:
        """Number of records in a collection, e.g. {{ aantal('tools') }}."""
        return len(catalogue().by_collection[collectie])

    @env.macro
    def lijst(collectie: str, limiet: int = 0) -> Markup:
        """A plain list of links to the records of a collection."""
        records = catalogue().by_collection[collectie]
        if limiet:
            records = records[:limiet]
        items = "".join(f'<li><a href="../{html.escape(r.url)}">{html.escape(r.title)}</a></li>' for r in records)
        return Markup(f"<ul>{items}</ul>")
