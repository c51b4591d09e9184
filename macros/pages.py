"""Records to page bodies: one page per record and one index page per collection.

Pages are rendered with our own Jinja environment with autoescape on and
StrictUndefined: record text is only ever a *variable* here, never a template, so
`{{ … }}` typed by an editor stays text. Markdown fields arrive already sanitised
(richtext). The result is plain HTML plus a plain-text title; the MkDocs glue only
hands it to the theme, so another renderer could use this module unchanged.
"""
from __future__ import annotations

import functools
import html
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import jinja2

from . import richtext
from .parallel import map_forked
from .catalogue import Catalogue, fase_label
from .exports import descriptors, json_name
from .records import Record
from .schema import BY_NAME, COLLECTIONS, Collection

TEMPLATES = Path(__file__).parent / "templates"
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]
SHOWN_APART = {"id", "titel", "samenvatting", "bronnen", "bijgewerkt", "aliassen", "kern", "cluster", "volgorde", "nummer", "wijk", "pilotwijk", "soort", "gemeente", "regio", "status", "status_bron", "periode", "contact"}


@dataclass
class Page:
    src_uri: str  # e.g. "tools/din.md" — MkDocs turns it into /tools/din/
    title: str  # plain text; escaping is the theme glue's job
    description: str
    body: str  # HTML, complete and safe
    record: Record | None = None
    meta: dict = field(default_factory=dict)

    @property
    def url(self) -> str:
        stem = self.src_uri.removesuffix(".md")
        return "" if stem == "index" else (stem.removesuffix("index") if stem.endswith("/index") else stem + "/")


def dutch_date(value: str | None) -> str:
    if not value:
        return ""
    d = date.fromisoformat(value)
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def edit_url(repository: str, branch: str = "main") -> str:
    """Prefix of GitHub's web editor for a file in the repository ('' without a repository).

    A plain link: nothing is fetched from GitHub when a page loads.
    """
    return f"{repository.rstrip('/')}/edit/{branch}/" if repository else ""


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.do"],
    )
    env.filters["markdown"] = richtext.to_html
    env.filters["datum"] = dutch_date
    env.globals["fase_label"] = fase_label
    return env


@functools.cache
def shared_environment() -> jinja2.Environment:
    """One environment per process; Jinja reloads a template whose file changed."""
    return environment()


class PageBuilder:
    """Renders every generated page of the site from one catalogue."""

    def __init__(self, catalogue: Catalogue, repo_url: str = "", branch: str = "main", history=None):
        self.catalogue = catalogue
        self.edit_prefix = edit_url(repo_url, branch)
        self.history = history or (lambda path: [])
        self.env = shared_environment()  # compiled templates outlive a build: `make serve` builds again and again

    @functools.cached_property
    def _record_template(self) -> jinja2.Template:
        """Looked up once per build: each lookup asks the file system whether the template changed."""
        return self.env.get_template("record.html")

    def all_pages(self) -> list[Page]:
        records = self.catalogue.records
        self.catalogue.prepare()
        bodies = map_forked(self.record_body, records)  # the build's heaviest loop, on every core
        pages = [self._record_page(r, body) for r, body in zip(records, bodies, strict=True)]
        return pages + self.overview_pages()

    def overview_pages(self) -> list[Page]:
        """The generated pages that are not one record's: they change with any record."""
        return [self.index_page(c) for c in COLLECTIONS] + [self.data_page()]

    def data_page(self) -> Page:
        """/data/: the downloads, listed from the same descriptors the package is written from."""
        rows = self._row_counts()
        resources = [{"name": n, "title": d.get("title", n), "rows": rows[n], "json": json_name(n)} for n, d in descriptors(self.catalogue).items()]
        body = self.env.get_template("data.html").render(resources=resources)
        return Page("data/index.md", "Open data", "Alle gegevens van de Menukaart als open data: CSV en JSON in een Frictionless Data Package.", body)

    def _row_counts(self) -> dict[str, int]:
        """Rows per published table, counted as validate.flatten makes them, without making them (costly at 5,000 records)."""
        counts = {}
        for schema in self.catalogue.schemas:
            records = self.catalogue.by_collection[schema.collection.name]
            counts[schema.collection.name] = len(records)
            for link in schema.link_tables:
                counts[link.name] = sum(len(r.values.get(link.field.name) or []) for r in records)
        return counts

    # -- record pages

    def record_page(self, record: Record) -> Page:
        return self._record_page(record, self.record_body(record))

    def _record_page(self, record: Record, body: str) -> Page:
        return Page(f"{record.collection.name}/{record.id}.md", record.title, record.get("samenvatting", ""), body, record)

    def record_body(self, record: Record) -> str:
        c = record.collection
        schema = self.catalogue.schemas[c.name]
        return self._record_template.render(
            r=record,
            c=c,
            base="../../",
            fields=[f for f in schema.fields if f.name not in SHOWN_APART and not f.references and record.values.get(f.name)],
            related=self._related(record),
            facets=self.catalogue.facets(record),
            wijk=self.catalogue.get("wijken", record.get("wijk")) if c.name == "praktijken" else None,
            practices=self.catalogue.practices_of(record) if c.name == "wijken" else [],
            edit_url=self.edit_prefix + record.path if self.edit_prefix else "",
            history=self.history(record.path),
            vocab_labels=self.catalogue.schemas.vocabularies,
            document_names=self.catalogue.schemas.labels.get("documenten", {}),  # readable names, not ids
            catalogue=self.catalogue,  # the stepper and "where used" need records beyond the linked ones
        )

    def _related(self, record: Record) -> list[tuple[Collection, list[Record]]]:
        """Linked records per collection, in the order a reader looks for them."""
        order = ["routekaart", "principes", "tools", "kernaanpakken", "praktijken", "wijken"]
        out = []
        for name in order:
            if name == record.collection.name:
                continue
            if record.collection.name == "wijken" and name == "praktijken":
                continue  # a wijk page lists its practices in full
            linked = self.catalogue.related(record, name)
            if linked:
                out.append((BY_NAME[name], linked))
        return out

    # -- index pages

    def index_page(self, c: Collection) -> Page:
        records = self.catalogue.by_collection[c.name]
        template = self.env.get_template(f"index_{c.name}.html")
        body = template.render(c=c, records=records, base="../", catalogue=self.catalogue, vocab=self.catalogue.schemas.vocabularies)
        return Page(f"{c.name}/index.md", c.label, self.catalogue.schemas[c.name].descriptor.get("description", ""), body)


def escape_title(title: str) -> str:
    """For the theme, which inserts page titles without escaping them."""
    return html.escape(title, quote=True)
