"""A validated record: plain values plus where each came from, nothing MkDocs-specific."""
from __future__ import annotations

from dataclasses import dataclass, field

from .schema import Collection


@dataclass
class Record:
    collection: Collection
    path: str  # as shown to editors, relative to the repository
    values: dict = field(default_factory=dict)
    lines: dict = field(default_factory=dict)  # field -> line of its value
    item_lines: dict = field(default_factory=dict)  # field -> [line of each item]
    line: int = 1  # first line of the record
    sub_lines: dict = field(default_factory=dict)  # ("bronnen.url", position) -> line
    unreadable: set = field(default_factory=set)  # (field, position) already reported while reading

    @property
    def id(self) -> str:
        return self.values.get("id") or ""

    @property
    def title(self) -> str:
        return self.values.get("titel") or self.id

    @property
    def key(self) -> tuple[str, str]:
        return (self.collection.name, self.id)

    @property
    def url(self) -> str:
        """Site-relative URL, without a leading slash (MkDocs style)."""
        return f"{self.collection.name}/{self.id}/"

    def get(self, name: str, default=None):
        value = self.values.get(name)
        return default if value is None else value

    def line_of(self, name: str, position: int | None = None) -> int:
        if (name, position) in self.sub_lines:
            return self.sub_lines[(name, position)]
        name = name.split(".")[0]
        if position is not None:
            items = self.item_lines.get(name, [])
            if 0 < position <= len(items):
                return items[position - 1]
        return self.lines.get(name, self.line)
