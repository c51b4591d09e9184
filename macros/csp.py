"""Content-Security-Policy: fill in the hashes of a page's inline scripts after rendering.

overrides/main.html writes the policy as a <meta> tag with the marker SCRIPT_HASHES in its
script-src. Material puts two tiny inline scripts on every page (one differs per folder
depth), so the exact hashes can only be known from the finished HTML. Unknown quoted
keywords are ignored by browsers, so a page the marker was never replaced on is stricter,
not looser.
"""
from __future__ import annotations

import base64
import functools
import hashlib
import re

SCRIPT_HASHES = "'menukaart-script-hashes'"
# `mkdocs serve` appends its live-reload call (<script>livereload(epoch, id)</script>) to
# every page while serving; its text changes on each rebuild, so no hash can match it. Only
# there do we allow inline scripts; built sites never carry this.
SERVE_INLINE = "'unsafe-inline'"

_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
_JS_TYPES = {"", "text/javascript", "application/javascript", "module"}


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script the browser would run (JSON data blocks excluded)."""
    found = []
    for match in _SCRIPT.finditer(html):
        attrs = match.group("attrs")
        kind = _TYPE.search(attrs)
        if _SRC.search(attrs) or (kind and kind.group(1).lower() not in _JS_TYPES):
            continue
        found.append(match.group("body"))
    return found


@functools.lru_cache(maxsize=64)  # the same few scripts on thousands of pages
def script_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def fill_policy(html: str, serving: bool = False) -> str:
    """Replace the marker with the hashes of this page's inline scripts."""
    if SCRIPT_HASHES not in html:
        return html
    if serving:
        sources = SERVE_INLINE
    else:
        sources = " ".join(dict.fromkeys(script_hash(s) for s in inline_scripts(html)))
    return html.replace(SCRIPT_HASHES, sources, 1)
