"""Markdown from YAML to HTML that can only be text, lists, emphasis and safe links.

Markdown is rendered first and the result is then cleaned by an allowlist sanitiser
(nh3, Ammonia), so whatever an editor types, no tag, attribute or URL scheme outside
the list survives. Links may only use https: and mailto:.

The Markdown is CommonMark (markdown-it-py), the dialect GitHub shows editors: a list may
follow a line of text directly and nests under the text of its parent item, as people
type it. Raw HTML in a field stays visible text instead of reaching the sanitiser as tags.
"""
from __future__ import annotations

import re

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "strong", "em", "a", "h3", "h4", "blockquote", "code"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_SCHEMES = {"https", "mailto"}

# One parser for the whole run: there are four Markdown fields or so on each of thousands
# of records, and a parser keeps no state between documents.
_MARKDOWN = MarkdownIt("commonmark", {"html": False})

# Prose that uses no Markdown at all: no character that can start inline syntax, and no line
# that can start a block (list, heading underline, quote, indented code, hard break).
_INLINE_SYNTAX = re.compile(r"[\\`*_\[\]<>&#~|\t\r\0]")
_BLOCK_START = tuple("-+=>0123456789")


def to_html(text: str | None) -> Markup:
    """Render Markdown and sanitise it; Markup tells Jinja it is already safe."""
    if not text:
        return Markup("")
    rendered = _paragraphs_only(text)
    if rendered is None:
        rendered = _MARKDOWN.render(text)
    clean = nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return Markup(clean)


def _paragraphs_only(text: str) -> str | None:
    """What markdown-it makes of prose without any Markdown, or None when the text may have some.

    Most fields are plain paragraphs, and markdown-it, in pure Python, took about half the
    time of rendering a practice page's body (its parser runs every rule on every line).
    tests/test_richtext.py checks that the answer is markdown-it's whenever there is one.
    """
    if _INLINE_SYNTAX.search(text):
        return None
    paragraphs, lines = [], []
    for line in text.split("\n"):
        if not line:
            if lines:
                paragraphs.append(lines)
                lines = []
        elif line != line.strip() or line.startswith(_BLOCK_START):
            return None
        else:
            lines.append(line)
    if lines:
        paragraphs.append(lines)
    return "".join("<p>" + "\n".join(p).replace('"', "&quot;") + "</p>\n" for p in paragraphs)


def to_text(text: str | None) -> str:
    """Plain text of a Markdown field, for search snippets and CSV readers."""
    return nh3.clean(str(to_html(text)), tags=set()) if text else ""
