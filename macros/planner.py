"""The data the meeting planner (/bijeenkomst/) needs, as one compact JSON file.

The planner page stays small and the same for every visitor; this file carries what the
browser builds a plan and a handout from: per fase its meetings (agenda points derived
from the Markdown list items of `agenda`, the purpose, the tools a meeting names) and its
checklist, and per tool its werkblad (purpose, steps, what you need, sources). Rich text
is already sanitised here (richtext.to_html) and the browser inserts only that HTML or
plain text (textContent). A plan refers to fases, meetings, agenda points and tools by id
or position, so a shared link stays short.
"""
from __future__ import annotations

import json
from pathlib import Path

from . import richtext
from .catalogue import Catalogue
from .records import Record

FILE_NAME = "planner.json"  # written next to /bijeenkomst/index.html
FOLDER = "bijeenkomst"


def agenda_points(markdown: str | None) -> list[str]:
    """The top-level list items of a Markdown agenda, as plain text, one per point.

    An agenda written as paragraphs instead of a list gives one point per paragraph, so a
    meeting always yields rows an organiser can time.
    """
    if not markdown:
        return []
    tokens = richtext._MARKDOWN.parse(markdown)
    points: list[str] = []
    list_depth = 0
    in_item = False
    for i, tok in enumerate(tokens):
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif tok.type == "list_item_open" and list_depth == 1:
            in_item = True
        elif tok.type == "inline" and in_item and list_depth == 1:
            points.append(_plain(tok))
            in_item = False  # the first paragraph of an item names the point
    if not points:
        points = [_plain(t) for t in tokens if t.type == "inline" and t.content.strip()]
    return [p for p in points if p]


def _plain(inline_token) -> str:
    parts = []
    for child in inline_token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return " ".join("".join(parts).split())


def _meeting(m: dict, tools_known: set[str]) -> dict:
    return {
        "t": m.get("titel", ""),
        "doel": richtext.to_text(m.get("doel")).strip(),
        "p": agenda_points(m.get("agenda")),
        # bijeenkomsten[].tools is optional (the content issue adds it); none when absent.
        "k": [t for t in (m.get("tools") or []) if t in tools_known],
    }


def _fase(record: Record, tools_known: set[str]) -> dict:
    return {
        "id": record.id,
        "n": record.get("nummer"),
        "t": record.title,
        "u": record.url,
        "m": [_meeting(m, tools_known) for m in record.get("bijeenkomsten", [])],
        "c": list(record.get("checklist", [])),
        "k": [t for t in record.get("tools", []) if t in tools_known],
    }


def _source(b: dict) -> dict:
    out = {"t": b.get("titel", "")}
    if str(b.get("url", "")).startswith(("https:", "mailto:")):
        out["u"] = b["url"]  # the schema allows only these; checked again, it becomes a link
    if b.get("sectie"):
        out["s"] = b["sectie"]
    return out


def _tool(record: Record) -> dict:
    """A werkblad: what it is for, the steps, what you need, where it comes from."""
    nodig = [(label, record.get(name)) for name, label in (("materialen", "Materialen"), ("groepsgrootte", "Groepsgrootte"), ("duur", "Duur")) if record.get(name)]
    out = {
        "id": record.id,
        "t": record.title,
        "u": record.url,
        "s": record.get("samenvatting", ""),
        "doel": str(richtext.to_html(record.get("doel"))),
        "hoe": str(richtext.to_html(record.get("hoe"))),
        "wie": str(richtext.to_html(record.get("voor_wie"))),
        "nodig": [[label, value] for label, value in nodig],
        "b": [_source(b) for b in record.get("bronnen", [])],
    }
    return {k: v for k, v in out.items() if v or k in ("id", "t", "u")}


def build_data(catalogue: Catalogue) -> dict:
    tools = catalogue.by_collection["tools"]
    known = {t.id for t in tools}
    return {
        "fases": [_fase(f, known) for f in catalogue.by_collection["routekaart"]],
        "tools": [_tool(t) for t in tools],
    }


def write_data(catalogue: Catalogue, site_dir: Path) -> Path:
    """Write /bijeenkomst/planner.json; return its path."""
    out = Path(site_dir) / FOLDER / FILE_NAME
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(build_data(catalogue), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return out
