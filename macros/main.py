"""mkdocs-macros entry point: a few read-only helpers for the hand-written pages in docs/.

Only our own Markdown in docs/ is rendered as Jinja. Generated record pages switch
macros off (`render_macros: false`) and their text never reaches this environment.
Every helper returns escaped HTML (rendered by our own autoescaping templates) or plain
numbers, never record text as markup. A helper that names a record or a filter value
that does not exist stops the build, so a renamed record cannot leave a dead link.
"""
from __future__ import annotations

import html
import re
from urllib.parse import urlencode

from markupsafe import Markup

from macros import freshness, late_html
from macros import menukaart as kaart
from macros import submission_form
from macros.feed import recent_practices
from macros.pages import dutch_date, edit_url, shared_environment

QUESTIONS_TOOL = "monitorvragen-wijzer-in-de-wijk"
_templates = shared_environment()  # compiled once per process, not once per build (this module is loaded again each build)


def monitor_questions(record) -> list[str]:
    """The numbered list in the tool's 'hoe' field: the four questions, as the record words them."""
    return re.findall(r"^\s*\d+\.\s+(.+?)\s*$", record.get("hoe", ""), flags=re.M)


def define_env(env):
    def catalogue():
        return env.conf["extra"]["menukaart"]

    def base() -> str:
        """Relative way back to the site root from the page being rendered."""
        return "../" * env.page.url.count("/")

    def render(template: str, **context) -> Markup:
        return Markup(_templates.get_template(template).render(base=base(), **context))

    def around_markdown(html: str) -> Markup:
        """Finished HTML skips Markdown: a marker now, the HTML after conversion (macros/late_html.py).

        Only for HTML without headings: Markdown takes those into the page's table of contents."""
        return late_html.put(env.page.file.src_uri, html)

    def wijk_per_practice(practices) -> dict:
        """practice id -> its wijk record, for lists that name the wijk beside each practice."""
        return {r.id: catalogue().get("wijken", r.get("wijk")) for r in practices}

    per_build: dict = {}  # define_env runs once per build, so this never outlives the catalogue

    def facet_counts() -> dict:
        """Counted once per build: the home page asks for them once per question."""
        if "counts" not in per_build:
            per_build["counts"] = kaart.facet_counts(catalogue())
        return per_build["counts"]

    def record(collection: str, record_id: str):
        found = catalogue().get(collection, record_id)
        if found is None:
            raise ValueError(f"docs/{env.page.file.src_uri} noemt {collection}/{record_id}, maar dat record bestaat niet")
        return found

    @env.macro
    def aantal(collectie: str) -> int:
        """Number of records in a collection, e.g. {{ aantal('tools') }}."""
        return len(catalogue().by_collection[collectie])

    @env.macro
    def lijst(collectie: str, limiet: int = 0) -> Markup:
        """A plain list of links to the records of a collection."""
        records = catalogue().by_collection[collectie]
        if limiet:
            records = records[:limiet]
        items = "".join(f'<li><a href="{base()}{html.escape(r.url)}">{html.escape(r.title)}</a></li>' for r in records)
        return Markup(f"<ul>{items}</ul>")

    @env.macro
    def recente_praktijken(aantal: int = 5) -> Markup:
        """The practices updated most recently, newest first."""
        practices = recent_practices(catalogue(), aantal)
        return render("home_recent.html", practices=practices, wijken=wijk_per_practice(practices))

    @env.macro
    def monitorvraag(nummer: int, principes=(), tools=(), routekaart=(), filters=None) -> Markup:
        """Question `nummer` of the monitoring tool, with links to records and menukaart filters."""
        questions = monitor_questions(record("tools", QUESTIONS_TOOL))
        if not 1 <= nummer <= len(questions):
            raise ValueError(f"{QUESTIONS_TOOL} heeft geen vraag {nummer}")
        records = [record(c, i) for c, ids in (("principes", principes), ("tools", tools), ("routekaart", routekaart)) for i in ids]
        counts = facet_counts()
        links = []
        for facet, value in (filters or {}).items():
            if value not in counts.get(facet, {}):
                raise ValueError(f"docs/{env.page.file.src_uri}: op de menukaart bestaat geen filter {facet} = {value}")
            label = f"{kaart.FACETS[facet]}: {value} ({counts[facet][value]})"
            links.append((label, urlencode({facet: value})))
        return render("home_vraag.html", nummer=nummer, vraag=questions[nummer - 1], records=records, filters=links)

    @env.macro
    def menukaart_pagina() -> Markup:
        """The /menukaart/ body: principes and tools as cards, practices per wijk as links."""
        cat = catalogue()
        cards = cat.by_collection["principes"] + cat.by_collection["tools"]
        wijken = [(w, n) for w in cat.by_collection["wijken"] if (n := len(cat.practices_of(w)))]
        return around_markdown(render("menukaart.html", cards=cards, wijken=wijken, catalogue=cat, index_file=kaart.FILE_NAME))

    @env.macro
    def indienen_formulier() -> Markup:
        """The /indienen/ form, generated from the practice schema and the current records."""
        cat = catalogue()
        extra = env.conf["extra"]
        spec = submission_form.form_spec(cat.schemas[submission_form.COLLECTION], cat, extra.get("repository", ""), extra.get("branch", "main"), extra.get("redactie_email") or "")
        return around_markdown(submission_form.render_form(spec, base()))

    @env.macro
    def te_actualiseren() -> Markup:
        """Practices not updated for more than a year, oldest first, each with an edit link."""
        cat = catalogue()
        extra = env.conf["extra"]
        today = freshness.build_date()
        stale = freshness.stale_practices(cat, today)
        edit = edit_url(extra.get("repository", ""), extra.get("branch", "main"))
        wijken = wijk_per_practice(stale)
        rows = Markup("\n").join(_stale_row(r, wijken[r.id], base(), edit) for r in stale)
        return around_markdown(render("te_actualiseren.html", stale=stale, rows=rows, cutoff=freshness.cutoff(today), today=today))


def _stale_row(r, wijk, base: str, edit: str) -> Markup:
    """One practice of /te-actualiseren/, every value escaped. Thousands of rows through the
    template loop (or Markup.format) cost a third of a second on every edit under `make serve`."""
    e = html.escape
    title, day = e(r.title), r.get("bijgewerkt")
    wijk_part = f" ({e(wijk.title)})" if wijk else ""
    edit_part = f' · <a href="{e(edit + r.path)}" rel="noopener noreferrer">bewerk op GitHub<span class="mk-visually-hidden">: {title}</span></a>' if edit else ""
    return Markup(
        f'<li data-mk-stale="{e(r.id)}"><a href="{e(base + r.url)}">{title}</a>{wijk_part} · bijgewerkt op '
        f'<time datetime="{e(day)}">{e(dutch_date(day))}</time>{edit_part}</li>'
    )
