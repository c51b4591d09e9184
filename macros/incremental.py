"""Under `make serve`: what one edit changes, so only that is validated and rendered again.

MkDocs rebuilds the whole site on every change; with thousands of practices that took half
a minute per edit. A Session keeps what the previous build produced (file stamps, the last
good version of every record, the rendered pages) and works out from the files that
changed which records to read again, which to validate together (the changed ones plus
everything they may refer to or be referred to by), and which pages may look different.
It knows nothing of MkDocs: the glue hands its answers to MkDocs' --dirty mode.

An edit that is not a record file (docs/, overrides/, macros/, mkdocs.yml, a schema)
rebuilds everything, as before. A record file with problems keeps its last good version on
the site; the problems go to the terminal and onto the pages (the glue's banner).
"""
from __future__ import annotations

import html
import os
import stat
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import editor_checks
from .catalogue import Catalogue, _typed
from .pages import Page, PageBuilder
from .parallel import map_forked
from .problems import Problem
from .records import Record
from .schema import COLLECTIONS, Collection
from .validate import _integrity, _table_problems, read_record, validate

Stamps = dict[str, tuple[int, int]]
BESIDES_DATA = ("docs", "macros", "overrides", "mkdocs.yml")  # what `make serve` watches, next to the data
SKIPPED_DIRS = {"__pycache__", ".git"}
EDITOR_LEFTOVERS = ("~", ".swp", ".swx", ".tmp")  # an editor's own files: saving one must not rebuild everything


def _ignored(name: str) -> bool:
    return name.startswith(".") or name.endswith(EDITOR_LEFTOVERS)


def stamps(paths: list[Path]) -> Stamps:
    """path -> (mtime in ns, size) for every file under `paths`; cheap at 5,000 files."""
    out: Stamps = {}
    for top in paths:
        if top.is_file():
            st = top.stat()
            out[str(top)] = (st.st_mtime_ns, st.st_size)
            continue
        for folder, dirs, files in os.walk(top):
            dirs[:] = [d for d in dirs if d not in SKIPPED_DIRS]
            for f in files:
                if _ignored(f):
                    continue
                path = os.path.join(folder, f)
                try:
                    st = os.stat(path)
                except FileNotFoundError:  # removed while we looked
                    continue
                out[path] = (st.st_mtime_ns, st.st_size)
    return out


def changed(old: Stamps, new: Stamps) -> set[str]:
    """Files added, removed or rewritten between two stamps."""
    return {p for p in old.keys() | new.keys() if old.get(p) != new.get(p)}


def record_collection(data_dir: Path, path: str | Path) -> Collection | None:
    """The collection a path under data/ holds a record of, or None (schema, README, elsewhere)."""
    try:
        parts = Path(path).relative_to(data_dir).parts
    except ValueError:
        return None
    if not parts or not parts[-1].endswith(".yaml"):
        return None
    for c in COLLECTIONS:
        if parts[0] == c.folder and len(parts) == (3 if c.grouped_by else 2):
            return c
    return None


def discovery_order(records: list[Record]) -> list[Record]:
    """The order validate() finds records in (collection, then path), so pages and exports match a clean build."""
    rank = {c.name: i for i, c in enumerate(COLLECTIONS)}
    return sorted(records, key=lambda r: (rank[r.collection.name], Path(r.path).parts))


def refers_to(records: list[Record], schemas, keys: set[tuple[str, str]]) -> set[str]:
    """Paths of the records whose reference fields name one of `keys` (even if that record is gone)."""
    out = set()
    targets = {collection for collection, _ in keys}
    # Only collections with a reference field into a changed collection can refer to a key
    # (nothing refers to a practice, so a practice edit reads none of the 5,000 others).
    fields = {s.collection.name: {n: t for n, t in s.references().items() if t in targets} for s in schemas}
    items = {s.collection.name: {fs: t for fs, t in s.item_references().items() if t in targets} for s in schemas}  # a meeting's tools
    for r in records:
        for name, target in fields[r.collection.name].items():
            value = r.values.get(name)
            if any((target, v) in keys for v in (value if isinstance(value, list) else [value] if value else [])):
                out.add(r.path)
        for (name, sub), target in items[r.collection.name].items():
            named = [v for item in r.values.get(name) or [] if isinstance(item, dict) for v in item.get(sub) or []]
            if any((target, v) in keys for v in named):
                out.add(r.path)
    return out


def carry_links(previous: Catalogue, catalogue: Catalogue, keys: set[tuple[str, str]], referring: set[tuple[str, str]] = frozenset()) -> None:
    """Give `catalogue` the links of `previous`, redone only where an edit can have changed them.

    Catalogue._links walks every record (seconds at 5,000). A link is a pair of records of
    which at least one names the other; after an edit only pairs with an edited record (`keys`)
    can differ: the pairs its fields named before and name now, and the pairs of the records
    that name it (`referring`: nothing names a practice, a tool is named by its practices).
    Each such pair is checked again in the new catalogue. Entries of other records are shared
    with `previous`, which is never changed again.
    """
    old = previous._links
    links = dict(old)
    own: set = set()

    def entry(key):
        if key not in own:
            links[key] = defaultdict(set, {c: set(v) for c, v in old.get(key, {}).items()})
            own.add(key)
        return links[key]

    named_now: dict = {}

    def names_now(key) -> set:
        if key not in named_now:
            named_now[key] = _names(catalogue, key)
        return named_now[key]

    pairs = {(key, other) for key in set(keys) | set(referring) for other in _names(previous, key) | names_now(key)}
    for a, b in pairs:
        linked = b in names_now(a) or a in names_now(b)
        for x, y in ((a, b), (b, a)):
            if linked and y not in old.get(x, {}).get(y[0], ()):
                entry(x)[y[0]].add(y)
            elif not linked and y in old.get(x, {}).get(y[0], ()):
                entry(x)[y[0]].discard(y)
    for key in keys:
        if catalogue.get(*key) is None and key in links and not any(links[key].values()):
            del links[key]  # a removed record
    catalogue.__dict__["_links"] = links  # what the cached property would have computed


def _names(catalogue: Catalogue, key: tuple[str, str]) -> set[tuple[str, str]]:
    """The records `key` names in `catalogue` (none if it is not there)."""
    record = catalogue.get(*key)
    return set() if record is None else {other.key for other in catalogue.named_by(record)}


def linked_keys(catalogue: Catalogue, keys: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """Records linked to any of `keys`, in either direction."""
    out: set = set()
    for key in keys:
        out |= {k for ks in catalogue._links.get(key, {}).values() for k in ks}
    return out


def shown_on(catalogue: Catalogue, keys: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """Records whose page shows something of `keys` (templates/record.html, Catalogue.facets).

    A page shows its linked records (titles, fase numbers, clusters, a wijk's gemeente; a fase
    and the tools of its meetings are linked too). One more step away: a tool, principe or
    kernaanpak names the wijken of its practices ("In deze wijken", the wijk facet). Nothing
    else: an edit to a tool renders its practices, not all 5,000.
    """
    out = linked_keys(catalogue, keys)
    practices_of_wijken = {k for k in linked_keys(catalogue, {k for k in keys if k[0] == "wijken"}) if k[0] == "praktijken"}
    out |= {k for k in linked_keys(catalogue, practices_of_wijken) if k[0] != "praktijken"}
    return out


@dataclass
class Update:
    """What the session decided for one build."""

    full: bool  # everything was read and rendered afresh
    changed_keys: set = field(default_factory=set)  # records added, edited or removed (old and new keys)
    problems: list[Problem] = field(default_factory=list)  # in the data as it is on disk now


class Session:
    """The state one `make serve` carries from build to build."""

    def __init__(self, data_dir: Path, root: Path, project: Path | None = None):
        # Real paths, as the watcher's are made (notify), so both name a file the same way.
        self.data_dir = Path(os.path.realpath(data_dir))
        self.root = Path(root)  # paths are shown relative to it, as `make validate` shows them
        self.project = Path(os.path.realpath(project or root))  # where docs/, macros/, overrides/ and mkdocs.yml live
        self.stamps: Stamps | None = None
        self.good: dict[str, Record] = {}  # shown path -> last good record
        self.catalogue: Catalogue | None = None
        self.pages: dict[str, Page] = {}  # src_uri -> page as last rendered
        self.modified: set[str] = set()  # src_uris rendered differently in this build
        self.removed_urls: set[str] = set()  # pages of records that are gone: their folders go too
        self.problems: list[Problem] = []
        self.last: Update | None = None
        self.bannered: set[str] = set()  # src_uris that got the error banner in this build (the glue fills it)
        self.had_banner: set[str] = set()  # … and in the build before
        self.markdown: dict[str, str] = {}  # hand-written page -> its Markdown after the macros, last build
        self._hints: set[str] | None = None  # paths the file watcher notified since the last build; None: no watcher
        self._whole_tree = False
        self._hints_lock = threading.Lock()

    def _shown(self, path: str | Path) -> str:
        try:
            return str(Path(path).resolve().relative_to(self.root.resolve()))
        except ValueError:
            return str(path)

    # -- what changed

    def watch(self) -> None:
        """From now on the file watcher tells which paths changed (notify); see load()."""
        with self._hints_lock:
            self._hints = set()

    def notify(self, path: str, is_directory: bool = False) -> None:
        """The file watcher saw `path` change (called from its thread)."""
        with self._hints_lock:
            if self._hints is None:
                return
            if is_directory:
                self._whole_tree = True  # a folder moved or removed: which files went with it is unknown
            else:
                folder, name = os.path.split(path)
                self._hints.add(os.path.join(os.path.realpath(folder), name))

    def _take_hints(self) -> set[str] | None:
        """The paths notified since the last build, or None: look at every file."""
        with self._hints_lock:
            hints, whole = self._hints, self._whole_tree
            if hints is not None:
                self._hints, self._whole_tree = set(), False
        if hints is None or whole or not hints:  # not watching, a folder event, or a change nobody told us of
            return None
        return {p for p in hints if not _ignored(os.path.basename(p)) and not SKIPPED_DIRS & set(Path(p).parts)}

    def _stamps_now(self) -> Stamps:
        """Stamps of every file as it is now: from the watcher's paths if it told us, else by looking at all.

        Walking 5,000 files costs about a second while serving, where the watcher already knows.
        """
        hints = self._take_hints() if self.stamps is not None else None
        if hints is None:
            return stamps([self.data_dir] + [self.project / name for name in BESIDES_DATA])
        now = dict(self.stamps)
        for path in hints:
            try:
                st = os.stat(path)
            except FileNotFoundError:
                now.pop(path, None)
            else:
                if stat.S_ISREG(st.st_mode):
                    now[path] = (st.st_mtime_ns, st.st_size)
        return now

    # -- data

    def load(self) -> Update:
        """Bring the catalogue up to date with the files on disk; never raises on data problems."""
        now = self._stamps_now()
        diff = changed(self.stamps, now) if self.stamps is not None else None
        self.stamps = now
        if diff is None or any(record_collection(self.data_dir, p) is None for p in diff):
            update = self._load_all()
        else:
            update = self._load_changed(diff)
        self.problems = update.problems
        self.last = update
        return update

    def _load_all(self) -> Update:
        result = validate(self.data_dir, root=self.root)
        bad = {p.path for p in result.problems}
        fresh = {r.path: _typed(r, result.schemas) for r in result.records if r.path not in bad}
        # A broken file keeps its last good version; a file that is gone is gone.
        kept = {path: r for path, r in self.good.items() if path in bad and (self.root / path).is_file()}
        self.good = {**fresh, **kept}
        self.catalogue = Catalogue(discovery_order(list(self.good.values())), result.schemas)
        return Update(full=True, problems=result.problems)

    def _load_changed(self, paths: set[str]) -> Update:
        schemas = self.catalogue.schemas
        problems: list[Problem] = []
        fresh: dict[str, Record] = {}
        gone: list[str] = []
        for path in sorted(paths):
            shown = self._shown(path)
            if not Path(path).is_file():
                gone.append(shown)
                continue
            record, found = read_record(Path(path), shown, schemas[record_collection(self.data_dir, path).name])
            problems += found
            problems += editor_checks.placeholder_problems(Path(path).read_text("utf-8"), shown)  # as validate() does
            if record is not None:
                fresh[shown] = record
        before = {self.good[p].key for p in list(fresh) + gone if p in self.good}
        keys = before | {r.key for r in fresh.values()}
        candidate = {path: r for path, r in self.good.items() if path not in gone}
        candidate.update(fresh)
        records = discovery_order(list(candidate.values()))
        # Validate together: the changed records, every record they may refer to (all but the
        # practices, which nothing refers to by id), and the records that refer to a changed one.
        referring = refers_to(records, schemas, keys)
        subset = [r for r in records if r.path in fresh or r.collection.name != "praktijken" or r.path in referring]
        tables = {k[0] for k in keys} | {r.collection.name for r in subset if r.path in referring}
        checked = {r.path for r in subset if r.collection.name in tables} | set(gone)
        same_key = {r.key for r in subset}  # a duplicate id can sit in any file
        problems += [p for p in _integrity([r for r in records if r.key in same_key], schemas, date.today()) if p.path in checked]
        problems += _table_problems(subset, schemas, only=tables)
        problems = sorted(set(problems))
        bad = {p.path for p in problems}
        for shown, record in fresh.items():
            if shown not in bad:  # a broken file keeps its last good version, if it had one
                self.good[shown] = _typed(record, schemas)
        for p in gone:
            self.good.pop(p, None)
        previous, self.catalogue = self.catalogue, Catalogue(discovery_order(list(self.good.values())), schemas)
        carry_links(previous, self.catalogue, keys, {self.good[p].key for p in referring if p in self.good})
        # Facets follow the links; only the records an edit shows on can differ.
        stale = keys | shown_on(previous, keys) | shown_on(self.catalogue, keys)
        self.catalogue._facets.update({k: v for k, v in previous._facets.items() if k not in stale})
        earlier = [p for p in self.problems if p.path not in checked]  # untouched files keep theirs
        return Update(full=False, changed_keys=keys, problems=sorted(set(problems) | set(earlier)))

    # -- pages

    def render(self, builder: PageBuilder, previous: Catalogue | None) -> list[Page]:
        """Every generated page, in the order a clean build has them; sets .modified and .removed_urls."""
        pages = self._render(builder, previous)
        # The error banner comes and goes without the record changing: the page of a broken
        # file gets it, and every page that had it loses it once the data is right again.
        broken = {p.path for p in self.problems}
        self.modified |= {uri for uri, page in self.pages.items() if page.record is not None and page.record.path in broken}
        self.modified |= self.bannered & self.pages.keys()
        self.had_banner, self.bannered = self.bannered, set()
        return pages

    def docs_unchanged(self, uri: str, markdown: str) -> bool:
        """A hand-written page whose macros gave the same Markdown as in the last build, and no banner to add or remove.

        Its HTML from the last build is still right; only an edit outside data/ (which
        rebuilds everything) could change the rest of the page.
        """
        same = not self.last.full and not self.problems and uri not in self.had_banner and self.markdown.get(uri) == markdown
        self.markdown[uri] = markdown
        return same

    def _render(self, builder: PageBuilder, previous: Catalogue | None) -> list[Page]:
        update = self.last
        catalogue = self.catalogue
        if update.full or previous is None or not self.pages:
            pages = builder.all_pages()
            old = self.pages
            self.pages = {p.src_uri: p for p in pages}
            self.modified = set(self.pages)  # the edit may be to the theme, the nav or a template: every page again
            self.removed_urls = {p.url for uri, p in old.items() if uri not in self.pages}
            return pages
        keys = update.changed_keys
        candidates = keys | shown_on(previous, keys) | shown_on(catalogue, keys)
        records = [r for r in catalogue.records if r.key in candidates]
        bodies = map_forked(builder.record_body, records)
        fresh = {p.src_uri: p for p in (builder._record_page(r, b) for r, b in zip(records, bodies, strict=True))}
        overviews = builder.overview_pages()  # they list every record: always again
        fresh.update({p.src_uri: p for p in overviews})
        old = self.pages
        pages = [fresh.get(uri) or old[uri] for uri in (f"{r.collection.name}/{r.id}.md" for r in catalogue.records)]
        pages += overviews
        self.pages = {p.src_uri: p for p in pages}
        self.modified = {uri for uri, p in fresh.items() if _differs(old.get(uri), p)}
        self.removed_urls = {p.url for uri, p in old.items() if uri not in self.pages}
        return pages


def error_banner(problems: list[Problem], shown: int = 20) -> str:
    """HTML for the top of a page under `make serve`: the problems in the data, escaped, in Dutch."""
    items = "".join(f"<li><code>{html.escape(f'{p.path}:{p.line}')}</code>: {html.escape(p.veld)}: {html.escape(p.bericht)}</li>" for p in problems[:shown])
    more = f"<p>En nog {len(problems) - shown} andere fouten; zie de terminal.</p>" if len(problems) > shown else ""
    return (
        '<div class="admonition failure" role="alert" data-menukaart-fout data-pagefind-ignore="all">'
        '<p class="admonition-title">Fout in de data: de site toont nog de laatste goede versie</p>'
        f"<ul>{items}</ul>{more}<p>Herstel het bestand en sla het op. Deze pagina laadt dan vanzelf opnieuw.</p></div>"
    )


def _differs(old: Page | None, new: Page) -> bool:
    return old is None or (old.title, old.description, old.body, old.meta) != (new.title, new.description, new.body, new.meta)
