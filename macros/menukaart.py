"""The menukaart index: one compact JSON file the /menukaart/ page fetches and filters.

The page itself stays the same size whatever the number of practices: only this file
grows, and only with one short line per card. Facet values are stored once and items
point at them by position, so a wijk name is not repeated for every practice in it.
Everything here is plain data; the browser inserts it as text (textContent).
"""
from __future__ import annotations

import json
from pathlib import Path

from .catalogue import Catalogue
from .records import Record

# Collections that become cards, in the order the cards appear.
CARD_COLLECTIONS = ("principes", "tools", "kernaanpakken", "praktijken")

# Facet key (the checkbox name and URL parameter) -> the label a visitor reads.
FACETS = {
    "type": "Soort",
    "fase": "Fase",
    "cluster": "Groep",
    "doelgroep": "Doelgroep",
    "thema": "Thema",
    "wijk": "Wijk",
    "gemeente": "Gemeente",
    "status": "Status",
}
FILE_NAME = "menukaart.json"  # written next to /menukaart/index.html


def card_records(catalogue: Catalogue) -> list[Record]:
    return [r for name in CARD_COLLECTIONS for r in catalogue.by_collection[name]]


def facet_order(catalogue: Catalogue) -> dict[str, list[str]]:
    """Every facet value that occurs on a card, in the order a reader expects it."""
    found: dict[str, set[str]] = {name: set() for name in FACETS}
    for record in card_records(catalogue):
        for name, values in catalogue.facets(record).items():
            if name in found:
                found[name].update(values)
    vocab = catalogue.schemas.vocabularies
    fixed = {
        "type": [catalogue.by_collection[name][0].collection.label_singular for name in CARD_COLLECTIONS if catalogue.by_collection[name]],
        "fase": [f"Fase {f.get('nummer')}" for f in catalogue.by_collection["routekaart"]],
        "cluster": vocab.get("cluster", []),
        "doelgroep": vocab.get("doelgroepen", []),
        "thema": vocab.get("themas", []),
        "status": vocab.get("status", []),
    }
    order = {}
    for name, values in found.items():
        known = fixed.get(name)
        ordered = [v for v in known if v in values] if known else []
        ordered += sorted(values - set(ordered), key=str.casefold)
        order[name] = ordered
    return order


def build_index(catalogue: Catalogue) -> dict:
    """{"facets": [{name, label, values}], "items": [{t, u, s, a?, f}]} — keys kept short on purpose."""
    order = facet_order(catalogue)
    position = {name: {v: i for i, v in enumerate(values)} for name, values in order.items()}
    if _made["order"] != order:
        _made.update(order=order, items={})
    made = _made["items"]
    items = []
    for record in card_records(catalogue):
        values = catalogue.facets(record)
        earlier = made.get(record.key)
        if earlier is None or earlier[0] is not record or earlier[1] is not values:
            earlier = made[record.key] = (record, values, _item(record, values, position))
        items.append(earlier[2])
    facets = [{"name": name, "label": label, "values": order[name]} for name, label in FACETS.items() if order[name]]
    return {"facets": facets, "items": items}


# The items of the last index, per record. Under `make serve` an edit keeps every other record
# and its facets (the same objects), so their items need not be made again: at 5,000
# practices that was a third of a second per edit. Any change in the facet values starts afresh.
_made: dict = {"order": None, "items": {}}


def _item(record: Record, values: dict[str, list[str]], position: dict[str, dict[str, int]]) -> dict:
    facets = {name: [position[name][v] for v in vs] for name, vs in values.items() if name in position and vs}
    item = {"t": record.title, "u": record.url, "s": record.get("samenvatting", ""), "f": facets}
    if record.get("aliassen"):
        item["a"] = " ".join(record.get("aliassen"))
    return item


def facet_counts(catalogue: Catalogue) -> dict[str, dict[str, int]]:
    """facet -> value -> number of cards with that value (for server-side use and tests)."""
    counts: dict[str, dict[str, int]] = {name: {v: 0 for v in values} for name, values in facet_order(catalogue).items()}
    for record in card_records(catalogue):
        for name, values in catalogue.facets(record).items():
            for v in values:
                if name in counts:
                    counts[name][v] += 1
    return counts


def write_index(catalogue: Catalogue, site_dir: Path) -> Path:
    """Write /menukaart/menukaart.json; return its path."""
    out = Path(site_dir) / "menukaart" / FILE_NAME
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(build_index(catalogue), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return out
