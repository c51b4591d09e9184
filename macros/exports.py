"""The published data package: one CSV and one JSON file per resource, plus datapackage.json.

The tables are the same ones the validator hands to frictionless (validate.flatten), so
the published data cannot drift from what was checked. Every record is one row of its
main table; a package that would lose one is refused.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

from .catalogue import Catalogue

LICENSE = {"name": "CC-BY-4.0", "title": "Creative Commons Naamsvermelding 4.0", "path": "https://creativecommons.org/licenses/by/4.0/deed.nl"}


def descriptors(catalogue: Catalogue) -> dict[str, dict]:
    """resource name -> Table Schema, main tables first."""
    out = {}
    for schema in catalogue.schemas:
        out[schema.collection.name] = schema.main_descriptor()
        for link in schema.link_tables:
            out[link.name] = link.descriptor()
    return out


def _typed(value, field_type: str):
    """Cells are text in the tables; JSON readers deserve numbers and booleans."""
    if value is None or field_type not in ("integer", "boolean"):
        return value
    if field_type == "integer":
        return int(value)
    return value if isinstance(value, bool) else value == "true"


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def json_name(resource: str) -> str:
    """`.rows.json`, because frictionless reads a file named like `…checklist.json` as its own metadata."""
    return f"{resource}.rows.json"


def write_data_package(catalogue: Catalogue, out_dir: Path) -> dict[str, int]:
    """Write the package into `out_dir`; return rows per resource."""
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = catalogue.tables
    resources, counts = [], {}
    for name, schema in descriptors(catalogue).items():
        header, *rows = tables[name][0]
        counts[name] = len(rows)
        with (out_dir / f"{name}.csv").open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(header)
            writer.writerows([[_csv_cell(v) for v in row] for row in rows])
        types = [f.get("type", "string") for f in schema["fields"]]
        objects = [{k: _typed(v, t) for k, v, t in zip(header, row, types) if v is not None} for row in rows]
        (out_dir / json_name(name)).write_text(json.dumps(objects, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        title = schema.get("title", name)
        plain = {k: v for k, v in schema.items() if k not in ("title", "description")}
        resources.append({"name": name, "title": title, "path": f"{name}.csv", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8", "schema": plain})
        json_schema = {k: v for k, v in plain.items() if k != "foreignKeys"}
        resources.append({"name": f"{name}-json", "title": f"{title} (JSON)", "path": json_name(name), "format": "json", "mediatype": "application/json", "schema": json_schema})
    for c, records in catalogue.by_collection.items():
        if counts[c] != len(records):
            raise RuntimeError(f"data package lost records of {c}: {counts[c]} rows for {len(records)} records")
    package = {
        "name": "menukaart-pluswijken",
        "title": "Menukaart PlusWIJken — open data",
        "description": "Werkende principes, tools, de routekaart, kernaanpakken, wijken en good practices van het lerend netwerk PlusWIJken.",
        "licenses": [LICENSE],
        "resources": resources,
    }
    (out_dir / "datapackage.json").write_text(json.dumps(package, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return counts
