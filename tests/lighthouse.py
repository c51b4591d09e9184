"""Lighthouse (mobile, performance) on a page of every kind of the built site, served locally.

Run alone: `python -m tests.lighthouse [site-dir]` (builds the site first when no folder is
given; exit 1 when a page scores below TARGET). `make bench` appends `report_section()` to
docs/over/prestaties.md (BENCH_LIGHTHOUSE=0 leaves it out).

Lighthouse is the npm package, installed on first use into .cache/lighthouse/ (gitignored)
and driven with Debian's chromium: no browser download. The pages are served the way a
static host such as GitHub Pages serves them, gzip included: Lighthouse's mobile profile
(simulated slow 4G, 4× slower CPU) judges transfer sizes, and an uncompressed local server
would measure a host nobody uses. Scores move a few points from run to run, more on a
busy machine: each page is measured RUNS times and the median reported.
"""
from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from tests.browser_support import kind_path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "lighthouse"
VERSION = "12.8.2"
CHROMIUM = os.environ.get("MENUKAART_CHROMIUM", "/usr/bin/chromium")
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run"
TARGET = 90
RUNS = 3
KINDS = ["home", "menukaart", "tool", "principe", "fase", "praktijk", "wijk", "planner"]
PLANNER = "bijeenkomst/"  # helper H12's page; measured when the build has it
METRICS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS",
    "speed-index": "SI",
}
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".wasm"}


def lighthouse_bin() -> Path:
    """The lighthouse CLI, installed with npm into .cache/lighthouse/ on first use."""
    binary = CACHE / "node_modules" / ".bin" / "lighthouse"
    installed = CACHE / "node_modules" / "lighthouse" / "package.json"
    if not (binary.exists() and json.loads(installed.read_text("utf-8")).get("version") == VERSION):
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--no-save", "--prefix", str(CACHE), f"lighthouse@{VERSION}"],
            check=True, capture_output=True, text=True,
        )
    return binary


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped when the browser accepts it (as static hosts do)."""

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().do_GET()  # the redirect to the folder
            path = path / "index.html"
        if not (path.is_file() and path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(site_dir: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_GzipHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def page_paths(site_dir: Path) -> dict[str, str]:
    """Page kind -> URL path relative to the site root (the planner only when built)."""
    paths = {}
    for kind in KINDS:
        if kind == "planner":
            if (site_dir / PLANNER / "index.html").is_file():
                paths[kind] = PLANNER
        else:
            paths[kind] = kind_path(site_dir, kind)
    return paths


def audit(url: str) -> dict:
    """One Lighthouse run (mobile is its default profile): score and the main metrics."""
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    run = subprocess.run(
        [str(lighthouse_bin()), url, "--only-categories=performance", "--output=json", "--output-path=stdout",
         "--quiet", f"--chrome-flags={CHROME_FLAGS}"],
        capture_output=True, text=True, env=env, timeout=300,
    )
    if run.returncode != 0:
        raise RuntimeError(f"lighthouse {url}: {run.stderr[-2000:]}")
    report = json.loads(run.stdout)
    result = {"score": round(report["categories"]["performance"]["score"] * 100)}
    for audit_id, name in METRICS.items():
        result[name] = report["audits"][audit_id]["numericValue"]
    return result


def measure(site_dir: Path, runs: int = RUNS) -> dict[str, dict]:
    """Page kind -> median score and metrics over `runs` Lighthouse runs, plus the path."""
    server = serve(site_dir)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        results = {}
        for kind, path in page_paths(Path(site_dir)).items():
            each = [audit(base + path) for _ in range(runs)]
            median = {key: statistics.median(r[key] for r in each) for key in each[0]}
            median["scores"] = [r["score"] for r in each]
            median["path"] = path
            results[kind] = median
        return results
    finally:
        server.shutdown()


def table(results: dict[str, dict]) -> str:
    """A Markdown table: one row per page kind."""
    lines = [
        f"| pagina | score (mediaan van {len(next(iter(results.values()))['scores'])}) | FCP | LCP | TBT | CLS | SI |",
        "|---|---|---|---|---|---|---|",
    ]
    for kind, r in results.items():
        lines.append(
            f"| {kind} (`/{r['path']}`) | {r['score']:.0f} ({', '.join(map(str, r['scores']))}) | {r['FCP'] / 1000:.1f} s | "
            f"{r['LCP'] / 1000:.1f} s | {r['TBT']:.0f} ms | {r['CLS']:.3f} | {r['SI'] / 1000:.1f} s |"
        )
    return "\n".join(lines)


def build(dest: Path | None = None) -> Path:
    """The real site, built the way the tests build it."""
    from tests.conftest import build_site

    site = dest or Path(tempfile.mkdtemp(prefix="menukaart-lighthouse-"))
    run = build_site(site)
    if run.returncode != 0:
        raise RuntimeError(run.stdout + run.stderr)
    return site


def report_section(site_dir: Path | None = None) -> str:
    """The Lighthouse part of docs/over/prestaties.md (Dutch), for `make bench`."""
    if os.environ.get("BENCH_LIGHTHOUSE") == "0":
        return ""
    if shutil.which("npm") is None:
        return "\n## Lighthouse op een telefoon\n\nNiet gemeten: `npm` ontbreekt op deze machine.\n"
    site = Path(site_dir) if site_dir else build()
    results = measure(site)
    low = [kind for kind, r in results.items() if r["score"] < TARGET]
    verdict = f"Onder de {TARGET}: {', '.join(low)}." if low else f"Elke soort pagina haalt {TARGET} of meer."
    return f"""
## Lighthouse op een telefoon

Lighthouse {VERSION} (mobiel profiel: trage 4G-verbinding en een 4 keer tragere processor,
gesimuleerd), alleen de categorie prestaties, op de echte inhoud. De site komt van een
lokale server die, zoals GitHub Pages, met gzip comprimeert. Elke pagina meten we {RUNS} keer;
de tabel noemt de middelste score en tussen haakjes alle scores. Het doel is {TARGET} of meer.
{verdict} Zelf meten: `python -m tests.lighthouse`.

{table(results)}
"""


def main(argv: list[str]) -> int:
    site = Path(argv[0]) if argv else build()
    results = measure(site)
    print(table(results))
    low = [kind for kind, r in results.items() if r["score"] < TARGET]
    if low:
        print(f"\nOnder {TARGET}: {', '.join(low)}", file=sys.stderr)
    return 1 if low else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
