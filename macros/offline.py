"""The offline service worker: which files a phone keeps after one visit, and the build id.

A procesbegeleider opens the Menukaart once with a connection; after that the routekaart,
the tools and principes, Mijn selectie and the planner open without one (see macros/sw.js).
The worker must sit at the site root to control every page, so the build writes it there.
Its id is a hash of the built site, so every build that changes anything gets a new worker,
and the new worker deletes the caches of the old one.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

WORKER = "sw.js"
SOURCE = Path(__file__).with_name("sw.js")
# Pages stored on the first visit: folder paths relative to the site root. A folder that
# a build does not have (the planner, built separately) is simply left out.
PAGES = ("", "offline/", "selectie/", "bijeenkomst/", "routekaart/", "tools/", "principes/")
RECORD_FOLDERS = ("routekaart", "tools", "principes")
# The shell: every style, script and image the pages load (source maps excluded).
SHELL_SUFFIXES = (".css", ".js", ".svg", ".png", ".webmanifest")
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
    )
    return pages + shell


def build_id(site_dir: Path) -> str:
    """A short hash of every built file (path and content): a new build, a new id."""
    site = Path(site_dir)
    digest = hashlib.sha256()
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site)
        if not path.is_file() or rel.parts[0] in NOT_HASHED or rel.as_posix() == WORKER or path.suffix == ".map":
            continue
        digest.update(rel.as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def write_worker(site_dir: Path) -> Path:
    """Write sw.js to the site root; return its path."""
    site = Path(site_dir)
    source = SOURCE.read_text(encoding="utf-8")
    text = source.replace("__MENUKAART_BUILD__", build_id(site)).replace(
        "__MENUKAART_PRECACHE__", json.dumps(precache_list(site), ensure_ascii=False)
    )
    out = site / WORKER
    out.write_text(text, encoding="utf-8")
    return out
