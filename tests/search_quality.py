"""Search quality, measured: the query sets in tests/zoekvragen/*.yaml run through
window.menukaartZoek on the built site (over HTTP, in Chromium).

Each query lists the pages that answer it (`verwacht`); it is a hit when any of them is in
the first `top` results. Used by tests/test_search_quality.py (fails below 95 % per file
or on a query without results) and by `make bench` (share per kind).

    python -m tests.search_quality [SITE_DIR] [FILE.yaml ...]   # prints misses and shares
"""
from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
QUERY_DIR = ROOT / "tests" / "zoekvragen"
KINDS = ("woord", "samenstelling", "synoniem", "plaats", "vraag", "tikfout")
SEARCH_JS = "async ([q, max]) => (await window.menukaartZoek(q, {max})).map(r => r.url)"


@dataclass
class Outcome:
    vraag: str
    soort: str
    verwacht: list[str]
    top: int
    found: list[str]  # site-relative paths, best first

    @property
    def hit(self) -> bool:
        return any(p in self.found[: self.top] for p in self.verwacht)


@dataclass
class Score:
    name: str
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def share(self) -> float:
        return sum(o.hit for o in self.outcomes) / len(self.outcomes) if self.outcomes else 0.0

    def per_kind(self) -> dict[str, tuple[int, int]]:
        kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for o in self.outcomes:
            kinds[o.soort][0] += o.hit
            kinds[o.soort][1] += 1
        return {k: tuple(kinds[k]) for k in sorted(kinds, key=lambda k: KINDS.index(k) if k in KINDS else 99)}

    @property
    def misses(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.hit]

    @property
    def empty(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.found]


def query_files(folder: Path = QUERY_DIR) -> list[Path]:
    return sorted(folder.glob("*.yaml"))


def load_queries(path: Path) -> list[dict]:
    return yaml.safe_load(Path(path).read_text("utf-8")) or []


def site_path(url: str, site_url: str) -> str:
    """'/tools/rasci/' or 'http://host/tools/rasci/' -> 'tools/rasci/' (relative to the site root)."""
    path = urlsplit(url).path
    root = urlsplit(site_url).path
    return path[len(root):] if path.startswith(root) else path.lstrip("/")


def run_file(page, site_url: str, path: Path) -> Score:
    """Every query of one file through window.menukaartZoek on an open page of the site."""
    score = Score(Path(path).name)
    page.wait_for_function("typeof window.menukaartZoek === 'function'")
    for q in load_queries(path):
        top = int(q.get("top", 3))
        urls = page.evaluate(SEARCH_JS, [q["vraag"], max(top, 10)])
        found = [site_path(u, site_url) for u in urls]
        score.outcomes.append(Outcome(q["vraag"], q["soort"], list(q["verwacht"]), top, found))
    return score


def describe(score: Score) -> str:
    lines = [f"{score.name}: {sum(o.hit for o in score.outcomes)}/{len(score.outcomes)} = {score.share:.0%}"]
    for kind, (hits, total) in score.per_kind().items():
        lines.append(f"  {kind:<14} {hits}/{total} = {hits / total:.0%}")
    for o in score.misses:
        lines.append(f"  MIS [{o.soort}] {o.vraag!r}: verwacht {o.verwacht} in top {o.top}, kreeg {o.found[:o.top]}")
    return "\n".join(lines)


def measure(browser, site_url: str, files: list[Path] | None = None) -> list[Score]:
    """Open the site once and score every query file (for `make bench` and the CLI)."""
    context = browser.new_context(locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(site_url + "tools/")
        return [run_file(page, site_url, f) for f in (files if files is not None else query_files())]
    finally:
        context.close()


def bench_lines(browser, site_url: str) -> list[str]:
    """The share per kind per query file, as printed by `make bench`."""
    return [describe(s).splitlines()[0] + "  (" + ", ".join(f"{k} {h}/{t}" for k, (h, t) in s.per_kind().items()) + ")" for s in measure(browser, site_url)]


def bench_report(browser, work: Path) -> list[str]:
    """For `make bench`: build the real site into `work`, serve it, print the share per kind."""
    from tests.conftest import build_site, serve

    site = Path(work) / "zoek-site"
    run = build_site(site)
    if run.returncode != 0:
        return ["zoekkwaliteit: build mislukt\n" + run.stdout[-2000:] + run.stderr[-2000:]]
    server = serve(site)
    try:
        return ["zoekkwaliteit (window.menukaartZoek, eerste 3; hele vragen eerste 5):"] + ["  " + line for line in bench_lines(browser, f"http://127.0.0.1:{server.server_address[1]}/")]
    finally:
        server.shutdown()


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    from tests.conftest import CHROMIUM, CHROMIUM_ARGS, serve

    site = Path(argv[0]) if argv else ROOT / "site"
    files = [Path(a) for a in argv[1:]] or query_files()
    server = serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for score in measure(browser, f"http://127.0.0.1:{server.server_address[1]}/", files):
                print(describe(score))
            browser.close()
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
