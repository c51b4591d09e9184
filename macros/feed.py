"""An Atom feed (RFC 4287) of new and updated good practices, written to /feed.xml.

Built with ElementTree, so every title and summary is XML-escaped by the serialiser,
never by hand. With the site's address (SITE_URL) every link is absolute and the feed
carries it as xml:base; without it the links stay relative and feed readers resolve them
against the feed's own address (/feed.xml sits at the site root). Entry ids
are name-based UUIDs of the record's path: stable across builds and hosts.
"""
from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

from .catalogue import Catalogue
from .records import Record

ATOM = "http://www.w3.org/2005/Atom"
FILE_NAME = "feed.xml"
LIMIT = 50  # a feed lists what changed recently, not the whole catalogue
FEED_TITLE = "Menukaart PlusWIJken: nieuwe en bijgewerkte praktijken"
ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/pluswijken/menukaart")


# Characters XML 1.0 cannot hold at all (a YAML escape such as "\x01" could produce them).
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _stamp(day: str) -> str:
    """A YYYY-MM-DD date as an RFC 3339 timestamp (Atom wants a time and a zone)."""
    return f"{day}T00:00:00Z"


def recent_practices(catalogue: Catalogue, limit: int = LIMIT) -> list[Record]:
    """Practices, most recently updated first (title breaks ties, so the order is stable)."""
    practices = sorted(catalogue.by_collection["praktijken"], key=lambda r: r.title.casefold())
    return sorted(practices, key=lambda r: r.get("bijgewerkt", ""), reverse=True)[:limit]


def entry_id(record: Record) -> str:
    return uuid.uuid5(ID_NAMESPACE, record.path).urn


def build_feed(catalogue: Catalogue, site_url: str = "", limit: int = LIMIT) -> bytes:
    """The feed document as UTF-8 bytes."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    ET.register_namespace("", ATOM)

    def sub(parent, tag, text=None, **attrs):
        el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: _NOT_XML.sub("", v) for k, v in attrs.items()})
        if text is not None:
            el.text = _NOT_XML.sub("", text)
        return el

    practices = recent_practices(catalogue, limit)
    root_attrs = {"{http://www.w3.org/XML/1998/namespace}lang": "nl"}
    if base:  # the links below are absolute already; xml:base states the base for any reader that resolves
        root_attrs["{http://www.w3.org/XML/1998/namespace}base"] = base
    feed = ET.Element(f"{{{ATOM}}}feed", root_attrs)
    sub(feed, "title", FEED_TITLE)
    sub(feed, "subtitle", "Good practices uit de wijken van het lerend netwerk PlusWIJken.")
    sub(feed, "id", uuid.uuid5(ID_NAMESPACE, "feed").urn)
    sub(feed, "link", rel="self", type="application/atom+xml", href=base + FILE_NAME)
    sub(feed, "link", rel="alternate", type="text/html", href=base + "praktijken/")
    newest = max((r.get("bijgewerkt", "") for r in practices), default="") or "2000-01-01"
    sub(feed, "updated", _stamp(newest))
    author = sub(feed, "author")
    sub(author, "name", "Lerend netwerk PlusWIJken")
    sub(feed, "rights", "CC BY 4.0")
    for record in practices:
        entry = sub(feed, "entry")
        sub(entry, "title", record.title, type="text")
        sub(entry, "id", entry_id(record))
        sub(entry, "link", rel="alternate", type="text/html", href=base + record.url)
        sub(entry, "updated", _stamp(record.get("bijgewerkt")))
        wijk = catalogue.get("wijken", record.get("wijk"))
        if wijk is not None:
            sub(entry, "category", term=wijk.id, label=wijk.title)
        sub(entry, "summary", record.get("samenvatting", ""), type="text")
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def write_feed(catalogue: Catalogue, site_dir: Path, site_url: str = "") -> Path:
    out = Path(site_dir) / FILE_NAME
    out.write_bytes(build_feed(catalogue, site_url))
    return out
