"""Run Pagefind over a built site and check that every content page was indexed."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

BODY_MARK = "data-pagefind-body"


def content_pages(site_dir: Path) -> list[Path]:
    """Pages that carry the Pagefind body mark: every page a visitor can find."""
    return [p for p in sorted(site_dir.rglob("*.html")) if "pagefind" not in p.parts and BODY_MARK in p.read_text("utf-8")]


def index_site(site_dir: Path) -> int:
    """Index `site_dir` afresh and return the number of pages Pagefind indexed."""
    shutil.rmtree(site_dir / "pagefind", ignore_errors=True)
    run = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site_dir)], capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"Pagefind faalde:\n{run.stdout}\n{run.stderr}")
    found = re.search(r"Indexed (\d+) pages?", run.stdout)
    if not found:
        raise RuntimeError(f"Pagefind meldde geen aantal pagina's:\n{run.stdout}")
    return int(found.group(1))


def index_and_check(site_dir: Path) -> int:
    indexed = index_site(site_dir)
    expected = len(content_pages(site_dir))
    if indexed != expected:
        raise RuntimeError(f"Pagefind indexeerde {indexed} pagina's, maar de site heeft er {expected} met inhoud")
    return indexed
