"""The validated records and the links between them, computed once in both directions.

A tool names its principes, a principe names its tools: whichever side an editor
filled in, both pages show the link. Facets (type, fase, cluster, …) are derived here
too, so the menukaart, the search filters and the data export agree.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .problems import DataError
from .records import Record
from .schema import BY_NAME, COLLECTIONS, SchemaSet
from .validate import flatten, validate


def _sort_key(record: Record):
    return (record.get("nummer", record.get("volgorde", 0)) if record.collection.name in ("routekaart", "principes") else 0, record.title.casefold())


@dataclass(repr=False)
class Catalogue:
    records: list[Record]
    schemas: SchemaSet

    def __repr__(self) -> str:
        # mkdocs-macros writes every config variable (the catalogue among them) as JSON for its
        # debug log on every build, even when nobody reads it; a dataclass repr of thousands of
        # records made that cost a third of a second per build at 5,000 practices.
        return f"<Catalogue: {len(self.records)} records>"

    @cached_property
    def _index(self) -> dict[tuple[str, str], Record]:
        return {r.key: r for r in self.records}

    @cached_property
    def by_collection(self) -> dict[str, list[Record]]:
        grouped: dict[str, list[Record]] = {c.name: [] for c in COLLECTIONS}
        for r in self.records:
            grouped[r.collection.name].append(r)
        return {name: sorted(rs, key=_sort_key) for name, rs in grouped.items()}

    @cached_property
    def tables(self) -> dict[str, tuple[list, list]]:
        """The records as flat tables (validate.flatten), shared by the export and the /data/ page."""
        return flatten(self.records, self.schemas)

    def get(self, collection: str, record_id: str) -> Record | None:
        return self._index.get((collection, record_id))

    def __len__(self) -> int:
        return len(self.records)

    @cached_property
    def _links(self) -> dict[tuple[str, str], dict[str, set[tuple[str, str]]]]:
        """record key -> other collection -> keys of linked records (both directions)."""
        links: dict = defaultdict(lambda: defaultdict(set))
        for r in self.records:
            for other in self.named_by(r):
                links[r.key][other.collection.name].add(other.key)
                links[other.key][r.collection.name].add(r.key)
        return links

    def named_by(self, record: Record):
        """The existing records that `record`'s own fields and list items name."""
        for field, target in self.schemas[record.collection.name].references().items():
            value = record.values.get(field)
            for other_id in value if isinstance(value, list) else [value] if value else []:
                other = self.get(target, other_id)
                if other is not None:
                    yield other
        for _, (_, other) in self._item_links(record):
            yield other

    def _item_links(self, record: Record):
        """((list field, sub-field), (item, linked record)) for lists inside items, such as a meeting's tools."""
        for (field, sub), target in self.schemas[record.collection.name].item_references().items():
            for item in record.get(field, []):
                for other_id in (item.get(sub) or []) if isinstance(item, dict) else []:
                    other = self.get(target, other_id)
                    if other is not None:
                        yield (field, sub), (item, other)

    def item_related(self, item: dict, collection: str, sub: str = "tools") -> list[Record]:
        """The records one list item names (a meeting's tools), in the editor's order."""
        return [r for r in (self.get(collection, i) for i in item.get(sub) or []) if r is not None]

    @cached_property
    def _meetings(self) -> dict[tuple[str, str], list[tuple[Record, int, dict]]]:
        found: dict = defaultdict(list)
        for fase in self.by_collection["routekaart"]:
            for position, meeting in enumerate(fase.get("bijeenkomsten", []), 1):
                for tool in self.item_related(meeting, "tools"):
                    found[tool.key].append((fase, position, meeting))
        return found

    def meetings_with(self, record: Record) -> list[tuple[Record, int, dict]]:
        """(fase, position, meeting) for every routekaart meeting that names this tool."""
        return self._meetings.get(record.key, [])

    def related(self, record: Record, collection: str) -> list[Record]:
        """Records of `collection` linked to `record`, whichever side named the link."""
        keys = self._links.get(record.key, {}).get(collection, ())
        return sorted((self._index[k] for k in keys), key=_sort_key)

    def practices_of(self, wijk: Record) -> list[Record]:
        return self.related(wijk, "praktijken")

    def wijken_of(self, practices: list[Record]) -> list[Record]:
        """The wijken of these practices, each once, in the order the practices name them."""
        found: dict[tuple[str, str], Record] = {}
        for p in practices:
            for key in sorted(self._links.get(p.key, {}).get("wijken", ()), key=lambda k: _sort_key(self._index[k])):
                found.setdefault(key, self._index[key])
        return list(found.values())

    def clusters(self, record: Record) -> list[str]:
        if record.collection.name == "principes":
            return [record.get("cluster")]
        order = self.schemas.vocabularies["cluster"]
        found = {p.get("cluster") for p in self.related(record, "principes")}
        return [c for c in order if c in found]

    def fases(self, record: Record) -> list[Record]:
        if record.collection.name == "routekaart":
            return [record]
        return self.related(record, "routekaart")

    @cached_property
    def _facets(self) -> dict[tuple[str, str], dict[str, list[str]]]:
        return {}

    def prepare(self) -> None:
        """Build the lookups every record page uses, before the pages are rendered on several cores.

        Built lazily inside each process instead, they would be built once per process, and
        the facets a child computed would be lost to the parent, which needs them all again
        for the menukaart.
        """
        _ = self._links, self._meetings  # cached properties: built here, once
        for record in self.records:
            self.facets(record)

    def facets(self, record: Record) -> dict[str, list[str]]:
        """Facet name -> values, as the menukaart and Pagefind filters show them.

        Computed once per record: the record page, the menukaart index and every facet count
        on the home page ask for the same facets (read them, never change them).
        """
        if record.key not in self._facets:
            self._facets[record.key] = self._compute_facets(record)
        return self._facets[record.key]

    def _compute_facets(self, record: Record) -> dict[str, list[str]]:
        name = record.collection.name
        facets = {
            "type": [record.collection.label_singular],
            "fase": [fase_label(f) for f in self.fases(record)],
            "cluster": self.clusters(record),
            "doelgroep": list(record.get("doelgroepen", [])),
            "thema": list(record.get("themas", [])),
        }
        if name == "praktijken":
            wijk = self.get("wijken", record.get("wijk"))
            facets["wijk"] = [wijk.title] if wijk else []
            facets["gemeente"] = [wijk.get("gemeente")] if wijk and wijk.get("gemeente") else []
            facets["status"] = [record.get("status")]
        elif name == "wijken":
            facets["wijk"] = [record.title]
            facets["gemeente"] = [record.get("gemeente")] if record.get("gemeente") else []
        else:
            wijken = {w.title for p in self.related(record, "praktijken") for w in self.related(p, "wijken")}
            facets["wijk"] = sorted(wijken)
        return {k: [v for v in vs if v] for k, vs in facets.items() if any(vs)}


def fase_label(fase: Record) -> str:
    return f"Fase {fase.get('nummer')}"


def load_catalogue(data_dir: Path, root: Path | None = None) -> Catalogue:
    """Validate everything and return the catalogue; raise DataError with all problems otherwise."""
    result = validate(Path(data_dir), root=root)
    if result.problems:
        raise DataError(result.problems)
    typed = [_typed(r, result.schemas) for r in result.records]
    return Catalogue(typed, result.schemas)


def _typed(record: Record, schemas: SchemaSet) -> Record:
    """Cells were text for frictionless; give integers and booleans their Python type."""
    for field in schemas[record.collection.name].scalar_fields:
        value = record.values.get(field.name)
        if value is None:
            continue
        if field.type == "integer":
            record.values[field.name] = int(value)
        elif field.type == "boolean":
            record.values[field.name] = value == "true"
    return record


__all__ = ["Catalogue", "load_catalogue", "fase_label", "BY_NAME"]
