"""The Frictionless Table Schemas in data/schema/, read once and explained to the rest.

The JSON files are the single source of truth for fields. Three extension keys, all
documented in data/schema/README.md, carry what Table Schema cannot say itself:

- ``vocabulaire``: the allowed values come from data/schema/vocabulaires.json;
- ``verwijst``: an array field that holds ids of another collection;
- ``opmaak: markdown``: the text may use Markdown and is sanitised on render.

Array fields cannot carry foreign keys in frictionless, so each becomes a *link table*
(``<collection>-<field>``: one row per item), derived here, never written by hand.
"""
from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path


@dataclass(frozen=True)
class Collection:
    """One kind of record: where its files live and what visitors call it."""

    name: str  # resource name and URL prefix
    folder: str  # folder under data/
    singular: str  # column name in link tables, menukaart type
    label: str  # plural, as visitors read it
    label_singular: str
    grouped_by: str | None = None  # a field whose value is the sub-folder

    @property
    def url(self) -> str:
        return f"{self.name}/"


COLLECTIONS: tuple[Collection, ...] = (
    Collection("principes", "principes", "principe", "Werkende principes", "Werkend principe"),
    Collection("tools", "tools", "tool", "Tools en werkvormen", "Tool"),
    Collection("routekaart", "routekaart", "fase", "Routekaart", "Fase"),
    Collection("kernaanpakken", "kernaanpakken", "kernaanpak", "Kernaanpakken", "Kernaanpak"),
    Collection("wijken", "wijken", "wijk", "Wijken", "Wijk"),
    Collection("praktijken", "good-practices", "praktijk", "Good practices", "Praktijk", grouped_by="wijk"),
)
BY_NAME = {c.name: c for c in COLLECTIONS}
BY_FOLDER = {c.folder: c for c in COLLECTIONS}


@dataclass(frozen=True)
class Field:
    """A schema field with the Menukaart extensions made explicit."""

    descriptor: dict
    vocabularies: dict = field(repr=False, compare=False, hash=False)

    @property
    def name(self) -> str:
        return self.descriptor["name"]

    @property
    def type(self) -> str:
        return self.descriptor.get("type", "string")

    @property
    def title(self) -> str:
        return self.descriptor.get("title", self.name)

    @property
    def description(self) -> str:
        return self.descriptor.get("description", "")

    @property
    def constraints(self) -> dict:
        return self.descriptor.get("constraints", {})

    @property
    def required(self) -> bool:
        return bool(self.constraints.get("required"))

    @property
    def markdown(self) -> bool:
        return self.descriptor.get("opmaak") == "markdown"

    @property
    def references(self) -> str | None:
        return self.descriptor.get("verwijst")

    @property
    def vocabulary(self) -> str | None:
        return self.descriptor.get("vocabulaire")

    @property
    def enum(self) -> list[str] | None:
        if self.vocabulary:
            return self.vocabularies[self.vocabulary]
        return self.constraints.get("enum")

    @property
    def is_list(self) -> bool:
        return self.type == "array"

    @cached_property
    def item_fields(self) -> tuple["Field", ...]:
        """Sub-fields of an array of mappings (like bronnen); empty for other fields."""
        item = self.descriptor.get("arrayItem", {})
        return tuple(Field(d, self.vocabularies) for d in item.get("fields", ()))

    @property
    def item_constraints(self) -> dict:
        return self.descriptor.get("arrayItem", {}).get("constraints", {})

    def frictionless_descriptor(self) -> dict:
        """The plain Table Schema field: vocabulary expanded, extension keys kept (they are allowed)."""
        d = copy.deepcopy(self.descriptor)
        d.pop("arrayItem", None)
        if self.vocabulary:
            d.setdefault("constraints", {})["enum"] = list(self.enum)
        return d


@dataclass(frozen=True)
class LinkTable:
    """The rows of one array field: (record id, position, value or sub-fields).

    A list inside the items of another list (a meeting's `tools` inside `bijeenkomsten`)
    gets its own table, with `parent` set: one row per value, keyed by the position of the
    item and the position of the value in the item's list.
    """

    collection: Collection
    field: Field
    parent: Field | None = None

    @property
    def name(self) -> str:
        return f"{self.collection.name}-{self.veld.replace('.', '-')}"

    @property
    def veld(self) -> str:
        """The field as editors write it in messages: `tools`, or `bijeenkomsten.tools`."""
        return f"{self.parent.name}.{self.field.name}" if self.parent else self.field.name

    def descriptor(self) -> dict:
        owner = self.collection.singular
        fields = [
            {"name": owner, "type": "string", "title": self.collection.label_singular, "constraints": {"required": True}},
            {"name": "positie", "type": "integer", "title": "Positie in de lijst" if not self.parent else f"Positie in de lijst '{self.parent.title}'", "constraints": {"required": True, "minimum": 1}},
        ]
        key = [owner, "positie"]
        if self.parent:
            fields.append({"name": "subpositie", "type": "integer", "title": f"Positie in de lijst '{self.field.title}'", "constraints": {"required": True, "minimum": 1}})
            key.append("subpositie")
        fks = [{"fields": [owner], "reference": {"resource": self.collection.name, "fields": ["id"]}}]
        if self.field.item_fields:
            fields += [f.frictionless_descriptor() for f in self.field.item_fields if not f.is_list]
        else:
            value = {"name": "waarde", "type": "string", "title": self.field.title, "constraints": {"required": True, **self.field.item_constraints}}
            if self.field.enum:
                value["constraints"]["enum"] = list(self.field.enum)
            fields.append(value)
            if self.field.references:
                fks.append({"fields": ["waarde"], "reference": {"resource": self.field.references, "fields": ["id"]}})
        return {
            "title": f"{self.collection.label}: {self.field.title}",
            "description": f"Eén rij per waarde in het veld '{self.veld}' van {self.collection.label.lower()}.",
            "fields": fields,
            "primaryKey": key,
            "foreignKeys": fks,
        }


@dataclass(frozen=True)
class Schema:
    """A collection's Table Schema, split into the main table and its link tables."""

    collection: Collection
    descriptor: dict
    vocabularies: dict = field(repr=False)

    @cached_property
    def fields(self) -> tuple[Field, ...]:
        return tuple(Field(d, self.vocabularies) for d in self.descriptor["fields"])

    @cached_property
    def by_name(self) -> dict[str, Field]:
        return {f.name: f for f in self.fields}

    @property
    def scalar_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if not f.is_list)

    @property
    def list_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.is_list)

    @property
    def link_tables(self) -> tuple[LinkTable, ...]:
        tables = []
        for f in self.list_fields:
            tables.append(LinkTable(self.collection, f))
            tables += [LinkTable(self.collection, sub, parent=f) for sub in f.item_fields if sub.is_list]
        return tuple(tables)

    def main_descriptor(self) -> dict:
        d = {k: v for k, v in self.descriptor.items() if k not in ("fields", "name")}
        d["fields"] = [f.frictionless_descriptor() for f in self.scalar_fields]
        return d

    def scalar_references(self) -> dict[str, str]:
        """field name -> collection name, for scalar foreign keys such as a practice's wijk."""
        return {fk["fields"][0]: fk["reference"]["resource"] for fk in self.descriptor.get("foreignKeys", ())}

    def references(self) -> dict[str, str]:
        """Every field that points at another collection, scalar or list."""
        refs = self.scalar_references()
        refs.update({f.name: f.references for f in self.list_fields if f.references})
        return refs

    def item_references(self) -> dict[tuple[str, str], str]:
        """(list field, sub-field) -> collection, for lists inside list items such as a meeting's tools."""
        return {(f.name, sub.name): sub.references for f in self.list_fields for sub in f.item_fields if sub.references}


@dataclass(frozen=True)
class SchemaSet:
    schemas: dict[str, Schema]
    vocabularies: dict[str, list[str]]
    labels: dict[str, dict[str, str]] = field(default_factory=dict)  # vocabulary -> value -> readable name ("_namen")

    def __getitem__(self, name: str) -> Schema:
        return self.schemas[name]

    def __iter__(self):
        return iter(self.schemas.values())


def load_schemas(schema_dir: Path) -> SchemaSet:
    raw = json.loads((schema_dir / "vocabulaires.json").read_text("utf-8"))
    vocabularies = {k: v for k, v in raw.items() if not k.startswith("_")}
    schemas = {}
    for c in COLLECTIONS:
        descriptor = json.loads((schema_dir / f"{c.name}.schema.json").read_text("utf-8"))
        schemas[c.name] = Schema(c, descriptor, vocabularies)
    return SchemaSet(schemas, vocabularies, raw.get("_namen", {}))
