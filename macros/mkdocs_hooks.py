"""Thin MkDocs glue: data in at on_config, generated pages in at on_files, index at the end.

Everything of substance lives in the MkDocs-free modules; this file only hands their
results to MkDocs. Generated pages reach MkDocs without any Markdown, get their meta in
on_page_markdown and their finished, escaped HTML in on_page_content, so record text never
meets the Markdown parser or the macros plugin's Jinja.
"""
from __future__ import annotations

import functools
import gc
import html
import logging
import os
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads hooks by path, not as a package
    sys.path.insert(0, str(ROOT))

import jinja2  # noqa: E402
import watchdog.events  # noqa: E402
from markupsafe import Markup  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402
from mkdocs.structure.pages import Page as MkDocsPage  # noqa: E402
from mkdocs.structure.toc import get_toc  # noqa: E402

from macros import exports, search_index  # noqa: E402
from macros import feed, menukaart  # noqa: E402
from macros import csp  # noqa: E402
from macros import planner  # noqa: E402
from macros import incremental  # noqa: E402
from macros import native_watch  # noqa: E402
from macros import late_html  # noqa: E402
from macros import submission_form  # noqa: E402
from macros import publish, share_image  # noqa: E402
from macros import zoekwoorden  # noqa: E402
from macros import offline  # noqa: E402
from macros import old_site  # noqa: E402
from macros.catalogue import load_catalogue  # noqa: E402
from macros.history import git_history  # noqa: E402
from macros.pages import Page, PageBuilder  # noqa: E402
from macros.problems import DataError  # noqa: E402

DATA = Path(os.environ.get("MENUKAART_DATA", ROOT / "data"))  # tests and `make bench` point elsewhere
log = logging.getLogger("mkdocs.hooks.menukaart")
_state: dict = {"pages": {}}
_BLANK = re.compile(r"\s*\n\s*")


def on_config(config):
    session = _state.get("session")
    if session is not None:  # `make serve`: only what changed is read again (macros/incremental.py)
        _state["previous"] = session.catalogue
        update = session.load()
        _state["catalogue"] = session.catalogue
        _report_problems(update.problems)
        # The sitemap lists every page and matters only once published; while serving it is
        # seconds of work per edit at 5,000 practices that nobody looks at.
        config.theme.static_templates.discard("sitemap.xml")
    else:
        try:
            _state["catalogue"] = load_catalogue(DATA, root=DATA.parent)
        except DataError as err:
            raise PluginError("De data in data/ bevat fouten (draai 'make validate'):\n" + str(err)) from None
    config.extra["menukaart"] = _state["catalogue"]
    _keep_for_the_build()
    return config


def _keep_for_the_build() -> None:
    """A clean build holds what it loaded (catalogue, config, theme) until it ends: the garbage collector need not walk it again.

    Python's full collections scan every object each time; frozen, the data and templates
    are left out (0.5 s of a build at 2,000 practices). Not under `make serve`: the server
    replaces its catalogue on every edit, and what is frozen is never collected.
    """
    if _state.get("session") is None:
        gc.freeze()


def _report_problems(problems) -> None:
    """To the terminal, not through MkDocs' log: a warning there would stop a strict build, and the server must go on."""
    if problems:
        lines = "\n".join(f"  {p}" for p in problems)
        print(f"FOUT in de data ({len(problems)}); de site toont de laatste goede versie:\n{lines}", file=sys.stderr, flush=True)
    elif _state.get("had_problems"):
        print("De fouten in de data zijn hersteld.", file=sys.stderr, flush=True)
    _state["had_problems"] = bool(problems)


def on_files(files, config):
    old_site.put_back(_state.get("old_site"))  # MkDocs has cleaned by now; the build writes over the old files
    extra = config.extra
    builder = PageBuilder(_state["catalogue"], repo_url=extra.get("repository", ""), branch=extra.get("branch", "main"), history=git_history(ROOT))
    session = _state.get("session")
    pages = builder.all_pages() if session is None else session.render(builder, _state.get("previous"))
    _state["pages"] = {}
    for page in pages:
        if files.get_file_from_path(page.src_uri) is not None:
            raise PluginError(f"docs/{page.src_uri} bestaat al, maar die pagina wordt uit data/ gemaakt — haal het bestand weg")
        file = File.generated(config, page.src_uri, content=GENERATED_SOURCE)  # no Markdown: nothing to convert
        if session is not None and page.src_uri not in session.modified:
            file.is_modified = _unchanged  # MkDocs --dirty skips it: its HTML of the last build stays
        files.append(file)
        _state["pages"][page.src_uri] = page
    if session is None:  # the sitemap's dates matter for a published build, not while serving
        _state["dates"] = {**publish.git_dates(ROOT), **publish.generated_dates(list(_state["pages"].values()), _state["catalogue"], builder.history)}
    else:
        _state["same_docs"] = same = set()
        for file in files.documentation_pages():
            if file.src_uri not in _state["pages"]:
                # Our Markdown pages use the data through macros: read each again, and render
                # it again only if its macros gave other Markdown (on_page_markdown).
                file.is_modified = lambda uri=file.src_uri: uri not in same
    return files


def on_pre_page(page, config, files):
    """The sitemap's <lastmod>: a record's `bijgewerkt`, a hand-written page's last commit."""
    page.update_date = _state.get("dates", {}).get(page.file.src_uri, page.update_date)
    if page.file.src_uri in _state["pages"]:
        page.render = functools.partial(_render_without_markdown, page)
    return page


def _render_without_markdown(page, config, files) -> None:
    """Page.render for a generated page: it has no Markdown, so what MkDocs' Markdown would give for none.

    MkDocs makes a new Markdown converter with every extension for each page it renders,
    an empty one too: at thousands of record pages, about as long as Material takes to
    render their templates. The page's HTML arrives in on_page_content.
    """
    page.content = ""
    page.toc = get_toc([])
    page.present_anchor_ids = set()
    page.links_to_anchors = {}


def on_page_markdown(markdown, page, config, files):
    session = _state.get("session")
    uri = page.file.src_uri
    generated = _state["pages"].get(uri)
    if generated is not None:
        page.meta = page_meta(generated)
        return markdown
    fragments = late_html.take(uri)  # the macros' HTML, put back in on_page_content
    if session is not None and session.docs_unchanged(uri, "\0".join([markdown, *fragments])):
        _state["same_docs"].add(uri)
        return ""  # nothing to convert: MkDocs --dirty keeps the page it wrote last time
    _state.setdefault("late", {})[uri] = fragments
    return markdown


def _unchanged() -> bool:
    return False


# What MkDocs reads of a generated page: no Markdown, and a front matter that keeps the macros
# off. Its real meta follows in on_page_markdown, the first hook after MkDocs read it: parsing
# a full front matter per page (PyYAML in pure Python) took seconds of a build at 5,000 practices.
GENERATED_SOURCE = "---\nrender_macros: false\n---\n"


def page_meta(page: Page) -> dict:
    """Title and description escaped once: the theme inserts them without escaping."""
    return {
        "title": html.escape(page.title, quote=True),
        "description": html.escape(page.description, quote=True),
        "render_macros": False,
        **page.meta,
    }


def on_page_content(html_content, page, config, files):
    generated = _state["pages"].get(page.file.src_uri)
    if generated is not None:
        return generated.body
    return late_html.fill(html_content, _state.get("late", {}).pop(page.file.src_uri, []))


def on_env(env, config, files):
    env.bytecode_cache = _COMPILED  # MkDocs makes a new theme environment per build; `make serve` builds again and again
    _keep_for_the_build()  # now also the pages' own records and the navigation
    _start_indexing(config)
    rendered: dict = {}  # per build: a rebuild under `make serve` starts afresh
    env.globals["menukaart_sidebars"] = lambda page, nav, render: _sidebars(rendered, page, nav, render)
    env.globals["menukaart_per_depth"] = lambda block, base_url, render: _per_depth(rendered, block, base_url, render)
    env.globals["menukaart_share"] = lambda page: Markup(_share_tags(page, config))
    return env


class _CompiledTemplates(jinja2.BytecodeCache):
    """The theme's compiled templates, kept in memory for the life of the process.

    Jinja checks each against its source (a checksum), so an edited template is compiled again.
    """

    def __init__(self):
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket):
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket):
        self._code[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _CompiledTemplates()


def _share_tags(page, config) -> str:
    """Open Graph / Twitter tags from plain text (macros/publish.py escapes them)."""
    site_url = config.site_url or ""
    page = page if isinstance(page, MkDocsPage) else None  # 404.html has no page
    generated = _state["pages"].get(page.file.src_uri) if page else None
    kind = generated.record.collection.name if generated and generated.record else publish.SITE_KIND
    if generated is not None:
        title, description = generated.title, generated.description
    elif page is not None:  # hand-written: front matter may hold entities, so unescape before escaping once
        title = html.unescape(str(config.site_name if page.is_homepage else page.meta.get("title") or page.title or config.site_name))
        description = html.unescape(str(page.meta.get("description") or ""))
    else:
        title, description = "Pagina niet gevonden", ""
    return publish.share_tags(
        title=title, description=description or config.site_description, site_name=config.site_name,
        url=page.canonical_url if page and site_url else "", image=publish.image_url(site_url, kind),
        image_alt=share_image.alt_text(kind), article=kind != publish.SITE_KIND,
    )


def _per_depth(rendered: dict, block: str, base_url: str, render) -> str:
    """A theme block that depends only on the config and on the way back to the site root.

    Material's config, script and style blocks hold the same translations and asset links on
    every page; only their relative paths change, and those follow from base_url alone.
    """
    key = (block, base_url)
    if key not in rendered:
        rendered[key] = render()
    return rendered[key]


def _sidebars(rendered: dict, page, nav, render) -> str:
    """Material's sidebars (the whole nav), rendered once per folder for pages outside the nav.

    The nav goes into every page, and there are thousands of record pages. For a page that
    is not in the nav and has no table of contents, the sidebars differ only in their links,
    which are relative to the page's folder: every page of one folder gets the same HTML.
    """
    if not isinstance(page, MkDocsPage) or page.toc or page.meta.get("hide") or page in nav.pages:
        return render()
    folder = page.url.rstrip("/").rpartition("/")[0]
    if folder not in rendered:
        # Material's nav is mostly indentation; one line break where there was white space
        # keeps it identical on screen and makes every record page a few kB smaller.
        rendered[folder] = Markup(_BLANK.sub("\n", render()))
    return rendered[folder]


def on_startup(command, dirty):
    _state["serving"] = command == "serve"  # live reload needs an inline script (macros/csp.py)
    _state["dirty"] = dirty
    _state["session"] = incremental.Session(DATA, DATA.parent, project=ROOT) if command == "serve" and dirty else None
    _state["reindexer"] = None
    if _state["session"] is not None:
        # MkDocs warns on every --dirty build; under strict that warning would stop each one.
        logging.getLogger("mkdocs.commands.build").addFilter(_not_the_dirty_warning)
        log.info("Menukaart: na een wijziging worden alleen de pagina's gemaakt die ervan afhangen. "
                 "De zoekfunctie loopt achter: de zoekindex wordt op de achtergrond gemaakt, %d s nadat er niets meer verandert.", QUIET_SECONDS)


QUIET_SECONDS = 5


def on_serve(server, config, builder):
    """Let the session hear which files the server's watcher saw change, so it need not look at all of them."""
    session = _state.get("session")
    if session is None:
        return server
    paths = [os.path.abspath(p) for p in [config.docs_dir, config.config_file_path, *config.watch] if p]
    if native_watch.wanted():
        native_watch.replace_polling(server, paths, [config.docs_dir, config.config_file_path, *config.theme.dirs], log)
    handler = watchdog.events.FileSystemEventHandler()
    handler.on_any_event = lambda event: native_watch.tell(session, event)
    # The same paths as MkDocs watches (its docs, its config, our `watch:` list), so each is
    # still looked at by one emitter that calls both MkDocs and us.
    for path in paths:
        server.observer.schedule(handler, path, recursive=True)
    session.watch()
    return server


def _not_the_dirty_warning(record) -> bool:
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def on_post_page(output, page, config):
    session = _state.get("session")
    if session is not None and session.problems:
        session.bannered.add(page.file.src_uri)
        output = _ERROR_SPOT.sub(lambda m: m.group(0) + incremental.error_banner(session.problems), output, count=1)
    output = csp.fill_policy(output, serving=_state.get("serving", False))
    if _state.get("indexing") is not None:  # the page as MkDocs writes it (this hook runs last)
        _state["indexing"].add(page.file.dest_uri, output)
    return output


_ERROR_SPOT = re.compile(r'<article class="md-content__inner md-typeset">')


def _start_indexing(config) -> None:
    """A build (not `make serve --dirty`) hands every page to Pagefind as soon as it is made (macros/search_index.py)."""
    _stop_indexing()
    if _state.get("session") is None:
        _state["indexing"] = search_index.Indexing(Path(config.site_dir))


def on_pre_build(config):
    """A clean build writes over the previous site's files, and deletes the rest at the end (macros/old_site.py)."""
    if not _state.get("dirty", True):
        _state["old_site"] = old_site.set_aside(Path(config.site_dir))


def on_build_error(error):
    _stop_indexing()
    old_site.remove_unwritten(_state.pop("old_site", None))


def _stop_indexing() -> None:
    indexing = _state.pop("indexing", None)
    if indexing is not None:
        indexing.stop()


def on_post_template(output_content, template_name, config):
    return csp.fill_policy(output_content, serving=_state.get("serving", False))  # 404.html


def on_post_build(config):
    site = Path(config.site_dir)
    session = _state.get("session")
    if session is not None:
        for url in session.removed_urls:  # --dirty leaves the page of a removed record behind
            shutil.rmtree(site / url, ignore_errors=True)
    indexing = _state.pop("indexing", None)
    try:
        if indexing is not None:
            indexing.finish()  # Pagefind builds its index while we write the rest
        if session is None or _state["reindexer"] is None:
            counts = exports.write_data_package(_state["catalogue"], site / "data")
        menukaart.write_index(_state["catalogue"], site)  # /menukaart/menukaart.json, fetched by the page
        feed.write_feed(_state["catalogue"], site, config.site_url or "")  # /feed.xml
        submission_form.write_existing_ids(_state["catalogue"], site / "indienen")  # fetched by the form only
        share_image.write_images(site)  # og:image, one per kind of page (drawn once per process)
        (site / "robots.txt").write_text(publish.robots_txt(config.site_url or ""), "utf-8")
        planner.write_data(_state["catalogue"], site)  # /bijeenkomst/planner.json, fetched by the planner only
        if session is None:  # while serving, the word book lags behind like search (below)
            _write_word_book(config, site)
            # What this build did not write goes before the worker lists and hashes the site;
            # Pagefind's folder follows below and replaces its own files.
            old_site.remove_unwritten(_state.pop("old_site", None), skip=("pagefind",))
            offline.write_worker(site)  # /sw.js: after the files it stores and hashes; never registered while serving
        missing = [p.src_uri for p in _state["pages"].values() if not (site / p.url / "index.html").is_file()]
        if missing:
            raise PluginError(f"{len(missing)} gegenereerde pagina's ontbreken in de site, bijvoorbeeld {missing[:3]}")
        _prune_lunr(site)
    except BaseException:
        if indexing is not None:
            indexing.stop()
        raise
    if session is not None:  # `make serve`: search may lag behind, the page may not
        if _state["reindexer"] is None:
            # The downloads of /data/ lag behind like search: at 5,000 records writing them takes seconds.
            def before_search():
                exports.write_data_package(_state["catalogue"], site / "data")
                _write_word_book(config, site)

            _state["reindexer"] = search_index.Reindexer(site, QUIET_SECONDS, before=before_search)
            _state["reindexer"].poke(delay=0)  # once at the start
        else:
            _state["reindexer"].poke()
        log.info("Menukaart: %d records, %d pagina's opnieuw gemaakt; zoekindex volgt", len(_state["catalogue"]), len(session.modified))
        return
    indexed = search_index.check(site, indexing.result(), known=indexing.pages)
    log.info("Menukaart: %d records, %d pagina's in de zoekindex, %d rijen open data", len(_state["catalogue"]), indexed, sum(counts.values()))


def _write_word_book(config, site: Path) -> None:
    """/zoeken/zoekwoorden.json: synonyms, the site's own words and titles, for the search."""
    zoekwoorden.write_word_book(_state["catalogue"].records, DATA, DATA / "schema", site, config.extra.get("zoeken_meta", ()))


def _prune_lunr(site: Path) -> None:
    """Material ships lunr and its search worker with the theme; with Pagefind they are dead weight."""
    shutil.rmtree(site / "assets" / "javascripts" / "lunr", ignore_errors=True)
    for worker in (site / "assets" / "javascripts" / "workers").glob("search.*"):
        worker.unlink()
