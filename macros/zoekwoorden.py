"""Search words: data/zoekwoorden.yaml checked like every data file, and the small word book
the site search (docs/assets/js/zoeken.js) loads with its first query.

The word book holds what the browser cannot get from Pagefind: synonyms (what visitors say
→ what the site says), the site's own vocabulary (to split Dutch compounds and to correct
typing slips) and the titles and aliases that "Bedoelde je …?" compares with. It is kept
small: the vocabulary comes from titles, aliases, summaries and list values only, and is
capped in bytes (the most frequent words stay), so the first search stays light at
thousands of practices.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

import yaml

from . import messages as msg
from .problems import Problem
from .records import Record
from .schema import Collection, LinkTable, Schema, SchemaSet
from .strict_yaml import line_of, read_nodes

FILE = "zoekwoorden.yaml"
SCHEMA = "zoekwoorden.schema.json"
COLLECTION = Collection("zoekwoorden", "", "zoekwoord", "Zoekwoorden", "Zoekwoord")
VOCABULARY_FIELDS = ("titel", "aliassen", "samenvatting", "kern", "themas", "doelgroepen", "cluster", "gemeente")
TITLE_COLLECTIONS = ("principes", "tools", "routekaart", "kernaanpakken", "wijken")
# The menukaart's "type" filter (its values are the collections' singular labels).
MENUKAART_TYPES = (("Werkende principes", "Werkend principe"), ("Tools en werkvormen", "Tool"), ("Kernaanpakken", "Kernaanpak"), ("Good practices", "Praktijk"))
MAX_BYTES = 28_000  # the whole word book, whatever the number of practices (issue 11: ≤ 30 kB)
MIN_WORD = 3
_WORD = re.compile(r"[a-z0-9]+")


def normalise(text: str) -> str:
    """The same normalisation as zoek-logica.js: lower case, no accents, in-word hyphens dropped."""
    text = unicodedata.normalize("NFD", str(text)).encode("ascii", "ignore").decode().lower()
    return re.sub(r"([a-z0-9])-(?=[a-z0-9])", r"\1", text)


def words(text: str) -> list[str]:
    return _WORD.findall(normalise(text))


class _ListSchema(Schema):
    """One list in one file: the array fields become link tables without foreign keys."""

    @property
    def link_tables(self):
        return tuple(_Items(self.collection, f) for f in self.list_fields)


class _Items(LinkTable):
    def descriptor(self) -> dict:
        d = super().descriptor()
        d["fields"][0]["constraints"] = {}
        d.pop("primaryKey")
        d["foreignKeys"] = [fk for fk in d["foreignKeys"] if fk["fields"] != [self.collection.singular]]
        return d


def load_schema(schema_dir: Path) -> Schema | None:
    path = Path(schema_dir) / SCHEMA
    if not path.is_file():
        return None
    return _ListSchema(COLLECTION, json.loads(path.read_text("utf-8")), {})


def read(path: Path, shown: str, schema: Schema) -> tuple[list[Record], list[Problem]]:
    """Every entry of the file as a record (values + line numbers), and what is wrong with it."""
    from .validate import _read_value, _suggest  # validate imports this module lazily

    root, problems = read_nodes(path, shown)
    if root is None:
        return [], problems
    if not isinstance(root, yaml.SequenceNode):
        return [], [Problem(shown, line_of(root), "bestand", "dit bestand moet een lijst zijn — begin elk item met '- woord: ...' en een regel 'ook: [...]'")]
    entries = []
    for node in root.value:
        if not isinstance(node, yaml.MappingNode):
            problems.append(Problem(shown, line_of(node), "bestand", "elk item moet velden hebben — schrijf het als '- woord: ...' met daaronder 'ook: [...]'"))
            continue
        record = Record(COLLECTION, shown, line=line_of(node))
        for key, value in node.value:
            field = schema.by_name.get(key.value)
            if field is None:
                problems.append(Problem(shown, line_of(key), key.value, msg.unknown_key(key.value, _suggest(key.value, schema.by_name))))
                continue
            record.lines[key.value] = line_of(value)
            problems += _read_value(record, field, value)
        entries.append(record)
    return entries, problems


def check(data_dir: Path, schema_dir: Path, shown, records: list[Record]) -> list[Problem]:
    """Problems in data/zoekwoorden.yaml: shape, schema (via frictionless) and meaning."""
    from .validate import _table_problems

    path = Path(data_dir) / FILE
    schema = load_schema(schema_dir)
    if not path.is_file() or schema is None:
        return []
    entries, problems = read(path, shown(path), schema)
    problems += _table_problems(entries, SchemaSet({COLLECTION.name: schema}, {}))
    docs = Path(data_dir).parent / "docs"
    if not docs.is_dir():  # data elsewhere (MENUKAART_DATA): the site is still built from these docs
        docs = Path(__file__).resolve().parent.parent / "docs"
    pages = sorted(docs.rglob("*.md"))  # the hand-written pages count too
    problems += _meaning(entries, records, " ".join(p.read_text("utf-8") for p in pages))
    return problems


def _meaning(entries: list[Record], records: list[Record], pages: str = "") -> list[Problem]:
    """A synonym must lead to a word the site really uses, and each word has one entry."""
    text = " " + " ".join(words(" ".join(_strings(r.values) for r in records) + " " + pages)) + " "
    problems, first = [], {}
    for e in entries:
        woord = e.get("woord")
        if not isinstance(woord, str) or not woord:
            continue
        key = " ".join(words(woord))
        if key in first:
            problems.append(Problem(e.path, e.line_of("woord"), "woord", f"'{woord}' staat al op regel {first[key]} — voeg de woorden uit 'ook' daar toe"))
        first.setdefault(key, e.line_of("woord"))
        if key and f" {key}" not in text:
            problems.append(Problem(e.path, e.line_of("woord"), "woord", f"'{woord}' komt in geen enkele pagina voor — kies het woord dat de site zelf gebruikt (in een titel of tekst), anders vindt het zoeken niets"))
    return problems


def _strings(value) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return " ".join(_strings(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return " ".join(_strings(v) for v in value)
    return ""


def synonyms(entries: list[Record]) -> dict[str, list[str]]:
    """what visitors type (normalised) -> the site's words."""
    out: dict[str, list[str]] = {}
    for e in entries:
        target = " ".join(words(e.get("woord", "")))
        for said in e.get("ook") or []:
            key = " ".join(words(said))
            if key and target and key != target and target not in out.setdefault(key, []):
                out[key].append(target)
    return out


def word_book(catalogue_records, entries: list[Record], meta=()) -> dict:
    """The JSON the browser loads: synonyms, vocabulary (frequent first), titles, meta pages,
    and for a search that finds nothing: menukaart filters and the most used tools."""
    counts: Counter = Counter()
    used: Counter = Counter()
    titles: list[str] = []
    for r in catalogue_records:
        for name in VOCABULARY_FIELDS:
            counts.update(w for w in words(_strings(r.get(name))) if len(w) >= MIN_WORD and not w.isdigit())
        used.update(t for t in r.get("tools", []) if isinstance(t, str) and r.collection.name != "tools")
        if r.collection.name in TITLE_COLLECTIONS:
            titles.append(r.title)
            titles += [a for a in r.get("aliassen", []) if isinstance(a, str)]
    syn = synonyms(entries)
    for targets in syn.values():
        for t in targets:
            counts.update(w for w in t.split() if len(w) >= MIN_WORD)
    ranked = [w for w, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    tools = {r.id: r for r in catalogue_records if r.collection.name == "tools"}
    top = [{"t": tools[i].title, "u": tools[i].url} for i, _ in sorted(used.items(), key=lambda kv: (-kv[1], kv[0])) if i in tools][:5]
    facets = [{"t": label, "u": "menukaart/?" + urlencode({"type": value})} for label, value in MENUKAART_TYPES
              if any(r.collection.label_singular == value for r in catalogue_records)]
    book = {"synoniemen": syn, "woorden": [], "titels": sorted(set(titles)), "meta": list(meta), "facetten": facets, "tools": top}
    room = MAX_BYTES - len(_dump(book).encode("utf-8"))
    for w in ranked:  # the most frequent words first, as long as they fit
        room -= len(w.encode("utf-8")) + 3  # quotes and comma
        if room < 0:
            break
        book["woorden"].append(w)
    return book


def _dump(book: dict) -> str:
    return json.dumps(book, ensure_ascii=False, separators=(",", ":"))


def write_word_book(catalogue_records, data_dir: Path, schema_dir: Path, site_dir: Path, meta=()) -> Path:
    """site/zoeken/zoekwoorden.json, fetched by the search with its first query."""
    entries: list[Record] = []
    path, schema = Path(data_dir) / FILE, load_schema(schema_dir)
    if path.is_file() and schema is not None:
        entries, _ = read(path, str(path), schema)  # already validated with the rest of data/
    out = Path(site_dir) / "zoeken" / "zoekwoorden.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(_dump(word_book(catalogue_records, entries, meta)), "utf-8")
    return out
