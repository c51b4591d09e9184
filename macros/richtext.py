"""Markdown from YAML to HTML that can only be text, lists, emphasis and safe links.

Markdown is rendered first and the result is then cleaned by an allowlist sanitiser
(nh3, Ammonia), so whatever an editor types, no tag, attribute or URL scheme outside
the list survives. Links may only use https: and mailto:.
"""
from __future__ import annotations

import markdown
import nh3
from markupsafe import Markup

ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "strong", "em", "a", "h3", "h4", "blockquote", "code"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_SCHEMES = {"https", "mailto"}

# One converter for the whole run: building a Markdown instance (its parser and all its
# pattern registries) costs more than converting a field, and there are four fields or so
# on each of thousands of records. reset() clears the state one conversion leaves behind.
_MARKDOWN = markdown.Markdown(extensions=["sane_lists"], output_format="html")


def to_html(text: str | None) -> Markup:
    """Render Markdown and sanitise it; Markup tells Jinja it is already safe."""
    if not text:
        return Markup("")
    rendered = _MARKDOWN.reset().convert(text)
    clean = nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return Markup(clean)


def to_text(text: str | None) -> str:
    """Plain text of a Markdown field, for search snippets and CSV readers."""
    return nh3.clean(str(to_html(text)), tags=set()) if text else ""
