"""The offline service worker: which files a phone keeps after one visit, and the build id.

A procesbegeleider opens the Menukaart once with a connection; after that the routekaart,
the tools and principes, Mijn selectie and the planner open without one (see macros/sw.js).
The worker must sit at the site root to control every page, so the build writes it there.
Its id is a hash of the built site (see build_id), so a build that changes what it stores
gets a new worker, and the new worker deletes the caches of the old one.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

WORKER = "sw.js"
SOURCE = Path(__file__).with_name("sw.js")
# Pages stored on the first visit: folder paths relative to the site root. A folder that
# a build does not have (the planner, built separately) is simply left out.
PAGES = ("", "offline/", "selectie/", "bijeenkomst/", "routekaart/", "tools/", "principes/")
RECORD_FOLDERS = ("routekaart", "tools", "principes")
# The shell: every style, script and image the pages load (source maps excluded).
SHELL_SUFFIXES = (".css", ".js", ".svg", ".png", ".webmanifest")
SHELL_SKIPPED = ("assets/delen/",)  # link-preview images: read by chat apps, never by a page
# Data the stored pages fetch: the planner needs its agenda points and werkbladen offline too.
DATA_FILES = ("bijeenkomst/planner.json",)
NOT_HASHED = ("pagefind",)  # written by Pagefind in parallel; search is online only anyway


def precache_list(site_dir: Path) -> list[str]:
    """URLs relative to the site root, pages first; only what this build has."""
    site = Path(site_dir)
    pages = [p for p in PAGES if (site / p / "index.html").is_file()]
    for folder in RECORD_FOLDERS:
        pages += sorted(f"{folder}/{d.name}/" for d in (site / folder).glob("*") if (d / "index.html").is_file())
    shell = sorted(
        p.relative_to(site).as_posix()
        for p in (site / "assets").rglob("*")
        if p.is_file() and p.suffix in SHELL_SUFFIXES
        and not p.relative_to(site).as_posix().startswith(SHELL_SKIPPED)
    )
    data = [f for f in DATA_FILES if (site / f).is_file()]
    return pages + shell + data


def build_id(site_dir: Path, stored: list[str] | None = None) -> str:
    """A short hash of the build: the content of every file the worker stores, and the path
    and size of every other file. Stored files are what an old worker would serve stale;
    every other page is fetched from the network first anyway, and reading all of them
    would cost seconds at thousands of practices.
    """
    site = Path(site_dir)
    stored = precache_list(site) if stored is None else stored
    stored_files = {url + "index.html" if url == "" or url.endswith("/") else url for url in stored}
    entries = []
    for folder, dirs, files in os.walk(site):  # os.walk, not pathlib: ten times faster here
        rel_folder = os.path.relpath(folder, site).replace(os.sep, "/")
        prefix = "" if rel_folder == "." else rel_folder + "/"
        if not prefix:
            dirs[:] = [d for d in dirs if d not in NOT_HASHED]
        entries += [(prefix + name, os.path.join(folder, name)) for name in files if not name.endswith(".map")]
    digest = hashlib.sha256()
    for rel, full in sorted(entries):
        if rel == WORKER:
            continue
        digest.update(rel.encode("utf-8") + b"\0")
        if rel in stored_files:
            with open(full, "rb") as f:
                digest.update(hashlib.sha256(f.read()).digest())
        else:
            digest.update(str(os.path.getsize(full)).encode("ascii") + b"\0")
    return digest.hexdigest()[:16]


def write_worker(site_dir: Path) -> Path:
    """Write sw.js to the site root; return its path."""
    site = Path(site_dir)
    source = SOURCE.read_text(encoding="utf-8")
    stored = precache_list(site)
    text = source.replace("__MENUKAART_BUILD__", build_id(site, stored)).replace(
        "__MENUKAART_PRECACHE__", json.dumps(stored, ensure_ascii=False)
    )
    out = site / WORKER
    out.write_text(text, encoding="utf-8")
    return out
