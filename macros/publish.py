"""What search engines and chat apps read: last-modified dates, robots.txt, link-preview tags.

MkDocs-free: the glue (macros/mkdocs_hooks.py) hands these to the theme. Everything that
needs an absolute URL takes the site's address (SITE_URL) and leaves the URL out when there
is none: a relative og:url or og:image is worse than none, because chat apps do not resolve it.
"""
from __future__ import annotations

import html
import subprocess
from pathlib import Path
from urllib.parse import urljoin

from .catalogue import Catalogue
from .pages import Page

LOCALE = "nl_NL"
IMAGE_SIZE = (1200, 630)  # what Facebook, LinkedIn, Teams and WhatsApp show without cropping
IMAGE_FOLDER = "assets/delen"  # one PNG per kind of page (macros/share_image.py)
SITE_KIND = "site"


def generated_dates(pages: list[Page], catalogue: Catalogue, history=None) -> dict[str, str]:
    """src_uri -> YYYY-MM-DD for generated pages: a record's `bijgewerkt`, an overview's newest one.

    A record without `bijgewerkt` takes the last commit of its data file (macros/history.py).
    """
    history = history or (lambda path: [])
    dates = {}
    for page in pages:
        if page.record is not None:
            day = page.record.get("bijgewerkt") or next((h["date"] for h in history(page.record.path)), "")
        elif page.src_uri == "data/index.md":
            day = max((r.get("bijgewerkt") or "" for r in catalogue.records), default="")
        else:
            collection = page.src_uri.split("/", 1)[0]
            day = max((r.get("bijgewerkt") or "" for r in catalogue.by_collection.get(collection, [])), default="")
        if day:
            dates[page.src_uri] = day
    return dates


def git_dates(root: Path, folder: str = "docs") -> dict[str, str]:
    """Path under `folder` -> date of its last commit (YYYY-MM-DD); empty outside a git checkout.

    One `git log` for the whole folder, newest first, so the first date seen per file wins.
    """
    try:
        out = subprocess.run(
            ["git", "-C", str(root), "log", "--no-merges", "--date=short", "--format=@@%ad", "--name-only", "--", folder],
            capture_output=True, text=True, check=True, timeout=60,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[str, str] = {}
    day = ""
    for line in out.splitlines():
        if line.startswith("@@"):
            day = line[2:]
        elif line.strip() and day:
            dates.setdefault(line.strip().removeprefix(folder + "/"), day)
    return dates


def robots_txt(site_url: str = "") -> str:
    """Everything may be crawled; the sitemap is named when the site knows its address.

    Crawlers read robots.txt only at the root of a host: on a project site
    (owner.github.io/menukaart/) the sitemap is still found through Search Console.
    """
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines += ["", "Sitemap: " + urljoin(site_url.rstrip("/") + "/", "sitemap.xml")]
    return "\n".join(lines) + "\n"


def image_url(site_url: str, kind: str) -> str:
    return urljoin(site_url.rstrip("/") + "/", f"{IMAGE_FOLDER}/{kind}.png") if site_url else ""


def share_tags(*, title: str, description: str, site_name: str, url: str = "", image: str = "", image_alt: str = "", article: bool = False) -> str:
    """Open Graph and Twitter card <meta> tags; every value escaped here, from plain text.

    `url` and `image` must be absolute (or empty: then their tags are left out, and the
    Twitter card becomes a small "summary" card, since there is no image to show).
    """
    tags = [
        ("property", "og:type", "article" if article else "website"),
        ("property", "og:site_name", site_name),
        ("property", "og:locale", LOCALE),
        ("property", "og:title", title),
        ("property", "og:description", description),
    ]
    if url:
        tags.append(("property", "og:url", url))
    if image:
        tags += [
            ("property", "og:image", image),
            ("property", "og:image:type", "image/png"),
            ("property", "og:image:width", str(IMAGE_SIZE[0])),
            ("property", "og:image:height", str(IMAGE_SIZE[1])),
            ("property", "og:image:alt", image_alt),
        ]
    tags += [
        ("name", "twitter:card", "summary_large_image" if image else "summary"),
        ("name", "twitter:title", title),
        ("name", "twitter:description", description),
    ]
    if image:
        tags += [("name", "twitter:image", image), ("name", "twitter:image:alt", image_alt)]
    return "\n".join(f'<meta {attr}="{key}" content="{html.escape(value, quote=True)}">' for attr, key, value in tags)
