"""`make bench`: does the site stay as fast at 5,000 practices as at 50?

For each size N (BENCH_SIZES, default 100,1000,5000) this copies the project into a
temporary folder, adds N clearly fake practices ("Testpraktijk 0042 (nep)") spread over
fake wijken ("Testwijk 07 (nep)"), and measures validation, the full build (Pagefind
included), a bare mkdocs-material build with as many pages as the yardstick, Pagefind on
its own, peak memory, site and page sizes, and what a search costs in headless Chromium.
It prints one table and writes it to docs/over/prestaties.md. data/ is never written to.

Peak memory is the `ru_maxrss` that os.wait4 returns for the build process: the largest
resident set of that process or of any descendant it waited for (Pagefind included) —
the peak of the largest single process, not the sum of processes running side by side.
"""
from __future__ import annotations

import functools
import json
import os
import pickle
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COPIED = ["data", "docs", "macros", "overrides", "mkdocs.yml"]
SERVE_FLAGS = ["--dirty", "--livereload"]  # as the Makefile's serve target runs `mkdocs serve`
PRACTICES_PER_WIJK = 50
QUERIES = ("wijkteam", "mantelzorg")  # a common word first, then a second search in the same page
# First queries, each in a fresh page without cache: a common word, two words, a rare word.
FIRST_QUERIES = (("een veelvoorkomend woord", "wijkteam"), ("twee woorden", "eenzaamheid ouderen"), ("een zeldzaam woord", "presencing"))
SERVE_EDITS = 3  # edits per N under `make serve`; the median counts
REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))  # builds per N (fastest counts); cold searches per N (median counts)
REPORT = ROOT / "docs" / "over" / "prestaties.md"

# ---------------------------------------------------------------- fake data

_SYLLABLES = "ba de ko lim wer zon tra mel vin bus dor gen hap jul kas lo mer nis op pel ru sta tol uin vel wo zeg ant bri cho".split()
_FRAMES = [
    "In de wijk werkten {a} en {b} samen aan {c}.",
    "Het wijkteam maakte afspraken over {a} en de {b}.",
    "Inwoners vertelden dat {a} belangrijk is voor {b}.",
    "De huisarts en de wijkverpleging bespraken {a} met het wijkteam.",
    "Mantelzorg en {a} kwamen terug in elk gesprek over {b}.",
    "Na een half jaar keek de groep samen terug op {a}.",
    "Het sociaal team zocht de {a} op in de buurt van {b}.",
    "Zo ontstond er meer ruimte voor {a}, {b} en {c}.",
    "Vrijwilligers hielpen bij {a} en bij het organiseren van {b}.",
    "Dit is nep-tekst voor de prestatietest; het gaat over {a}.",
]


def _vocabulary(size: int = 20_000) -> tuple[list[str], list[float]]:
    """Made-up words with Zipf-like weights, so the search index grows as real text would."""
    words = [a + b for a in _SYLLABLES for b in _SYLLABLES] + [a + b + c for a in _SYLLABLES for b in _SYLLABLES for c in _SYLLABLES]
    words = words[:size]
    weights, total = [], 0.0
    for rank in range(len(words)):
        total += 1.0 / (rank + 1)
        weights.append(total)
    return words, weights


_WORDS, _CUMULATIVE = _vocabulary()


class FakeText:
    """Deterministic fake Dutch-looking prose; the same seed gives the same project."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)

    def words(self, k: int) -> list[str]:
        return self.rng.choices(_WORDS, cum_weights=_CUMULATIVE, k=k)

    def sentence(self) -> str:
        a, b, c = self.words(3)
        return self.rng.choice(_FRAMES).format(a=a, b=b, c=c)

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def bullets(self, n: int) -> str:
        return "\n".join(f"- **{self.words(1)[0].capitalize()}.** {self.sentence()}" for _ in range(n))


def _ids(folder: Path) -> list[str]:
    return sorted(p.stem for p in folder.glob("*.yaml"))


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _block(text: str) -> str:
    return "|\n" + "\n".join(("  " + line) if line else "" for line in text.splitlines()) + "\n"


def wijk_id(i: int) -> str:
    return f"testwijk-{i:02d}-nep"


def fake_wijk(i: int) -> str:
    text = FakeText(10_000 + i)
    return (
        f"id: {wijk_id(i)}\n"
        f"titel: {_q(f'Testwijk {i:02d} (nep)')}\n"
        "soort: wijk\n"
        f"gemeente: {_q('Testgemeente (nep)')}\n"
        "pilotwijk: false\n"
        f"samenvatting: {_q('Een verzonnen wijk voor de prestatietest van de Menukaart. ' + text.sentence())}\n"
        f"beschrijving: {_block(text.paragraph(4))}"
        "bijgewerkt: 2025-01-01\n"
    )


def fake_practice(i: int, wijk: int, refs: dict[str, list[str]], vocab: dict[str, list[str]]) -> str:
    """One fake practice, about as long as a real one (2–4 kB of YAML)."""
    text = FakeText(i)
    rng = text.rng
    pick = lambda name, lo, hi: rng.sample(refs[name], min(len(refs[name]), rng.randint(lo, hi)))  # noqa: E731
    lines = [
        f"id: testpraktijk-{i:04d}-nep",
        f"titel: {_q(f'Testpraktijk {i:04d} (nep)')}",
        f"wijk: {wijk_id(wijk)}",
        f"samenvatting: {_q(('Verzonnen praktijk voor de prestatietest. ' + text.paragraph(2))[:290])}",
        "aanleiding: " + _block(text.paragraph(4)).rstrip("\n"),
        "aanpak: " + _block(text.paragraph(4) + "\n\n" + text.bullets(5)).rstrip("\n"),
        "resultaten: " + _block(text.paragraph(4)).rstrip("\n"),
        "geleerde_lessen: " + _block(text.bullets(3)).rstrip("\n"),
    ]
    for name, lo, hi in (("principes", 1, 4), ("tools", 1, 3), ("fases", 1, 2), ("kernaanpakken", 0, 1)):
        chosen = pick(name, lo, hi)
        if chosen:
            lines.append(f"{name}:\n" + "\n".join(f"  - {v}" for v in chosen))
    lines.append("themas:\n" + "\n".join(f"  - {_q(v)}" for v in rng.sample(vocab["themas"], 2)))
    lines.append("doelgroepen:\n" + "\n".join(f"  - {_q(v)}" for v in rng.sample(vocab["doelgroepen"], 2)))
    lines.append("partners:\n" + "\n".join(f"  - {_q(f'Testorganisatie {rng.randint(1, 99):02d} (nep)')}" for _ in range(2)))
    lines.append(f"periode: {_q(f'{2015 + i % 8}–{2023 + i % 3}')}")
    lines.append(f"status: {rng.choice(vocab['status'])}")
    lines.append("bronnen:\n  - titel: " + _q("Testbron voor de prestatietest (nep)"))
    lines.append(f"bijgewerkt: {2020 + i % 5}-{1 + i % 12:02d}-{1 + i % 28:02d}")
    return "\n".join(lines) + "\n"


def add_fake_practices(data_dir: Path, n: int) -> int:
    """Write n fake practices (and their fake wijken) into data_dir; return the number of wijken."""
    vocab = json.loads((data_dir / "schema" / "vocabulaires.json").read_text("utf-8"))
    refs = {name: _ids(data_dir / folder) for name, folder in (("principes", "principes"), ("tools", "tools"), ("fases", "routekaart"), ("kernaanpakken", "kernaanpakken"))}
    wijken = max(2, -(-n // PRACTICES_PER_WIJK))
    for w in range(wijken):
        (data_dir / "wijken" / f"{wijk_id(w)}.yaml").write_text(fake_wijk(w), "utf-8")
        (data_dir / "good-practices" / wijk_id(w)).mkdir(parents=True, exist_ok=True)
    for i in range(n):
        w = i % wijken
        (data_dir / "good-practices" / wijk_id(w) / f"testpraktijk-{i:04d}-nep.yaml").write_text(fake_practice(i, w, refs, vocab), "utf-8")
    return wijken


def make_project(dest: Path, n: int, git: bool = True) -> Path:
    """A temporary copy of the project with n fake practices; the real data/ stays untouched."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(src, dest / name)
    add_fake_practices(dest / "data", n)
    if git:  # page history comes from git: give the copy one commit, like a real checkout
        quiet = {"capture_output": True, "check": True, "cwd": dest}
        subprocess.run(["git", "init", "-q"], **quiet)
        subprocess.run(["git", "add", "data"], **quiet)
        subprocess.run(["git", "-c", "user.name=bench", "-c", "user.email=bench@example.invalid", "commit", "-q", "-m", "Testdata voor de prestatietest (nep)"], **quiet)
    return dest


def make_bare_site(dest: Path, pages: int, search: bool = False) -> Path:
    """The yardstick: plain mkdocs-material, no plugins, as many Markdown pages (smaller than a practice page: the report shows both sizes), none in the nav.

    With search=True it keeps Material's own search plugin (its default), for comparison only.
    """
    docs = dest / "docs"
    (docs / "p").mkdir(parents=True)
    plugins = "plugins:\n  - search\n" if search else "plugins: []\n"
    (dest / "mkdocs.yml").write_text(
        "site_name: Kale testsite (nep)\ntheme:\n  name: material\n  language: nl\n  font: false\n" + plugins +
        "nav:\n  - Home: index.md\nnot_in_nav: |\n  /p/*.md\n",
        "utf-8",
    )
    (docs / "index.md").write_text("# Kale testsite (nep)\n\nDe maatstaf voor de prestatietest.\n", "utf-8")
    for i in range(pages - 1):
        text = FakeText(i)
        body = [f"# Testpagina {i:04d} (nep)", text.paragraph(2)]
        for head in ("Aanleiding", "Aanpak", "Resultaten", "Geleerde lessen"):
            body += [f"## {head}", text.paragraph(3) if head != "Geleerde lessen" else text.bullets(3)]
        body += ["## Principes", "\n".join(f"- [{w}](../index.md)" for w in text.words(4))]
        (docs / "p" / f"testpagina-{i:04d}.md").write_text("\n\n".join(body) + "\n", "utf-8")
    return dest


# ---------------------------------------------------------------- measuring


def timed_run(cmd: list[str], cwd: Path, env: dict | None = None) -> tuple[float, int, str]:
    """Run cmd; return (seconds, peak RSS in bytes of the process and the children it waited for, output)."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(cwd), "PYTHONDONTWRITEBYTECODE": "1", **(env or {})}
    with tempfile.TemporaryFile("w+") as log:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=full_env, stdout=log, stderr=subprocess.STDOUT, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} faalde ({proc.returncode}):\n{output[-4000:]}")
    return seconds, usage.ru_maxrss * 1024, output


def mkdocs_build(project: Path, site: Path) -> tuple[float, int]:
    seconds, peak, _ = timed_run([sys.executable, "-m", "mkdocs", "build", "--no-strict", "--clean", "-d", str(site)], project)
    return seconds, peak


def tree_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def html_pages(site: Path) -> int:
    return sum(1 for p in site.rglob("*.html") if "pagefind" not in p.parts)


SEARCH_JS = """async (q) => {
  const t0 = performance.now();
  const pagefind = await import('/pagefind/pagefind.js');
  const found = await pagefind.search(q);
  const first = found.results.length ? await found.results[0].data() : null;
  return {ms: performance.now() - t0, count: found.results.length, url: first && first.url};
}"""


@dataclass
class Search:
    kb: list[float] = field(default_factory=list)  # per query, what crossed the wire under /pagefind/
    ms: list[float] = field(default_factory=list)
    hits: list[int] = field(default_factory=list)
    again_ms: float = 0.0  # the first query once more in the same page: its index is loaded, only the ranking is left
    ui_kb: float = 0.0  # the header search box: page load until its first result
    first: dict = field(default_factory=dict)  # FIRST_QUERIES: query -> (kB, median ms, hits), each cold
    ui_ms: float = 0.0  # typing until the first result shows, including Pagefind UI's 300 ms debounce


def measure_search(browser, site: Path) -> Search:
    """Cold search through the Pagefind JS API on a blank page, then the header search box."""
    from tests.conftest import serve

    (site / "_bench_leeg.html").write_text('<!doctype html><html lang="nl"><title>leeg</title></html>', "utf-8")
    server = serve(site)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    result = Search()
    try:
        runs, again = [], []
        for _ in range(max(3, REPEAT + 1)):  # each run cold (a new context has an empty cache); the median counts
            context = browser.new_context(locale="nl-NL")
            sent: list[tuple[str, int]] = []
            context.on("requestfinished", lambda r: sent.append((r.url, _transferred(r))))
            page = context.new_page()
            page.goto(url + "_bench_leeg.html")
            run = []
            for q in QUERIES:
                sent.clear()
                out = page.evaluate(SEARCH_JS, q)
                page.wait_for_timeout(200)  # let late responses report in
                if not out["count"]:
                    raise RuntimeError(f"zoeken op {q!r} vond niets")
                run.append((sum(b for u, b in sent if "/pagefind/" in u) / 1000, out["ms"], out["count"]))
            again.append(page.evaluate(SEARCH_JS, QUERIES[0])["ms"])
            runs.append(run)
            context.close()
        for i in range(len(QUERIES)):
            result.kb.append(max(r[i][0] for r in runs))
            result.ms.append(statistics.median(r[i][1] for r in runs))
            result.hits.append(runs[0][i][2])
        result.again_ms = statistics.median(again)
        for _, q in FIRST_QUERIES:
            cold = []
            for _ in range(max(3, REPEAT + 1)):
                context = browser.new_context(locale="nl-NL")
                sent = []
                context.on("requestfinished", lambda r: sent.append((r.url, _transferred(r))))
                page = context.new_page()
                page.goto(url + "_bench_leeg.html")
                out = page.evaluate(SEARCH_JS, q)
                page.wait_for_timeout(200)
                cold.append((sum(b for u, b in sent if "/pagefind/" in u) / 1000, out["ms"], out["count"]))
                context.close()
            result.first[q] = (max(c[0] for c in cold), statistics.median(c[1] for c in cold), cold[0][2])

        context = browser.new_context(locale="nl-NL")
        sent = []
        context.on("requestfinished", lambda r: sent.append((r.url, _transferred(r))))
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        box = page.locator("#mk-search input").first
        box.click()
        start = time.perf_counter()
        box.type(QUERIES[0], delay=0)
        page.locator(".pagefind-ui__result").first.wait_for(timeout=30_000)
        result.ui_ms = (time.perf_counter() - start) * 1000
        page.wait_for_timeout(300)
        result.ui_kb = sum(b for u, b in sent if "pagefind" in u.replace(url, "/") or "/zoeken/" in u) / 1000  # also the search's word book (zoeken/zoekwoorden.json)
        context.close()
    finally:
        server.shutdown()
        (site / "_bench_leeg.html").unlink()
    return result


def _transferred(request) -> int:
    """Body plus headers as received (the test server sends files uncompressed)."""
    sizes = request.sizes()
    return sizes["responseBodySize"] + sizes["responseHeadersSize"]


@dataclass
class Row:
    n: int
    wijken: int
    pages: int
    validate_s: float
    build_s: float
    build_peak: int
    bare_s: float
    bare_peak: int
    pagefind_s: float
    site_bytes: int
    practice_page_bytes: float
    practice_page_max: int
    search: Search
    bare_search_s: float = 0.0  # the same bare site with Material's own search plugin (for comparison only)
    bare_page_bytes: float = 0.0  # mean HTML size of a bare site's page, next to a practice page's
    pair_ratios: list[float] = field(default_factory=list)  # our build / the bare build run right after it, per pair
    make_build_s: float = 0.0  # `make build` as users run it (fastest), in the same alternation
    make_pair_ratios: list[float] = field(default_factory=list)
    serve: "Serve | None" = None


def measure(n: int, browser, work: Path) -> Row:
    from macros.search_index import index_site
    from macros.validate import validate

    project = make_project(work / f"project-{n}", n)
    wijken = max(2, -(-n // PRACTICES_PER_WIJK))
    start = time.perf_counter()
    result = validate(project / "data", root=project)
    validate_s = time.perf_counter() - start
    if result.problems:
        raise RuntimeError("nepdata ongeldig:\n" + "\n".join(map(str, result.problems[:20])))

    site = work / f"site-{n}"
    with_make = project_for_make(project)
    make_build_s = timed_run(["make", "build"], with_make)[0]
    build_s, build_peak = mkdocs_build(project, site)
    pages = html_pages(site)
    bare = make_bare_site(work / f"bare-{n}", pages)
    bare_s, bare_peak = mkdocs_build(bare, work / f"bare-site-{n}")
    pair_ratios = [build_s / bare_s]
    make_pair_ratios = [make_build_s / bare_s]
    searching = make_bare_site(work / f"bare-search-{n}", pages, search=True)
    bare_search_s, _ = mkdocs_build(searching, work / f"bare-search-site-{n}")
    for _ in range(REPEAT - 1):  # alternate, and keep the fastest of each: other work on the machine only adds time
        ours, p_ = mkdocs_build(project, site)
        build_s, build_peak = min(build_s, ours), max(build_peak, p_)
        theirs, p_ = mkdocs_build(bare, work / f"bare-site-{n}")
        bare_s, bare_peak = min(bare_s, theirs), max(bare_peak, p_)
        pair_ratios.append(ours / theirs)  # a pair runs within a minute or two: the machine's drift hits both alike
        made = timed_run(["make", "build"], with_make)[0]
        make_build_s = min(make_build_s, made)
        make_pair_ratios.append(made / theirs)
        bare_search_s = min(bare_search_s, mkdocs_build(searching, work / f"bare-search-site-{n}")[0])

    start = time.perf_counter()
    index_site(site)
    pagefind_s = time.perf_counter() - start

    practice_pages = [p.stat().st_size for p in (site / "praktijken").glob("testpraktijk-*/index.html")]
    if len(practice_pages) != n:
        raise RuntimeError(f"{len(practice_pages)} praktijkpagina's gebouwd voor {n} praktijken")
    site_bytes = tree_size(site)
    bare_page_bytes = statistics.fmean(p.stat().st_size for p in (work / f"bare-site-{n}" / "p").glob("*/index.html"))
    search = measure_search(browser, site) if n in SEARCH_SIZES else Search()
    for folder in (project, site, bare, work / f"bare-site-{n}", searching, work / f"bare-search-site-{n}"):
        shutil.rmtree(folder, ignore_errors=True)
    serve = measure_serve(work, browser, n) if n in SERVE_SIZES else None
    return Row(n, wijken, pages, validate_s, build_s, build_peak, bare_s, bare_peak, pagefind_s, site_bytes,
               statistics.fmean(practice_pages), max(practice_pages), search, bare_search_s, bare_page_bytes, pair_ratios,
               make_build_s, make_pair_ratios, serve)


def project_for_make(project: Path) -> Path:
    """The project copy with what `make build` needs beside it: the Makefile, pyproject and lock files, the ready .venv."""
    for path in ROOT.iterdir():
        if path.is_file() and path.name in ("Makefile", "pyproject.toml") or path.suffix == ".lock" or path.name.startswith("requirements"):
            shutil.copy2(path, project / path.name)
    if not (project / ".venv").exists():
        (project / ".venv").symlink_to((ROOT / ".venv").resolve())
    return project


def real_content_build(work: Path) -> float:
    """`make build` on the real content, as a user runs it, with .venv in place."""
    project = project_for_make(make_project(work / "echt", 0))
    seconds = timed_run(["make", "build"], project)[0]
    shutil.rmtree(project, ignore_errors=True)
    return seconds


# ---------------------------------------------------------------- the table


def machine() -> str:
    mem = next((int(l.split()[1]) for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal")), 0)
    return f"{os.cpu_count()} kernen (nproc), {mem / 1024 / 1024:.0f} GB geheugen, {platform.system()} {platform.machine()}, Python {platform.python_version()}"


@functools.cache
def pagefind_version() -> str:
    """The Pagefind that indexed and answered the searches: its version decides most of the search figures.

    The Python wrapper honours PAGEFIND_BINARY_PATH, so another Pagefind binary can be measured
    without changing the project: `PAGEFIND_BINARY_PATH=/pad/naar/pagefind make bench`.
    """
    out = subprocess.run([sys.executable, "-m", "pagefind", "--version"], capture_output=True, text=True, check=True).stdout
    return out.split()[-1]


def _nl(x: float, digits: int = 1) -> str:
    return f"{x:,.{digits}f}".replace(",", " ").replace(".", ",")


def table(rows: list[Row]) -> list[list[str]]:
    """Rows of the report table: measure, target, one column per N, and whether the largest N meets it."""
    first, last = rows[0], rows[-1]
    grow = last.practice_page_bytes / first.practice_page_bytes - 1
    mb = lambda b: _nl(b / 1e6, 0 if b >= 1e8 else 1)  # noqa: E731
    spec = [
        ("Aantal praktijken (nep)", "", lambda r: f"{r.n:,}".replace(",", " "), None),
        ("Wijken (nep) / pagina's in de site", "", lambda r: f"{r.wijken} / {r.pages:,}".replace(",", " "), None),
        ("Controle van de data (`validate`)", "≤ 10 s", lambda r: _nl(r.validate_s) + " s", last.validate_s <= 10),
        ("`make build` (zoals een gebruiker hem draait)", "", lambda r: _nl(r.make_build_s) + " s", None),
        ("`mkdocs build` (volledig, met Pagefind)", "", lambda r: _nl(r.build_s) + " s", None),
        ("Kale mkdocs-material-build, evenveel pagina's", "maatstaf", lambda r: _nl(r.bare_s) + " s", None),
        ("`make build` ten opzichte van de kale build", "≤ 2×", lambda r: _nl(r.make_build_s / r.bare_s, 2) + "×", last.make_build_s <= 2 * last.bare_s),
        ("Dezelfde verhouding per paar (`make build`, direct daarna de kale), middelste", "", lambda r: _nl(statistics.median(r.make_pair_ratios), 2) + "×" if r.make_pair_ratios else "–", None),
        ("`mkdocs build` ten opzichte van de kale build", "", lambda r: _nl(r.build_s / r.bare_s, 2) + "×", None),
        ("Pagefind alleen (indexeren)", "", lambda r: _nl(r.pagefind_s) + " s", None),
        ("Build min Pagefind, ten opzichte van de kale build (schatting)", "", lambda r: _nl(max(0.0, r.build_s - r.pagefind_s) / r.bare_s, 2) + "×", None),
        ("Ter vergelijking: kale build mét de zoekfunctie van Material", "", lambda r: _nl(r.bare_search_s) + " s", None),
        ("Build ten opzichte van die kale build mét zoekfunctie", "", lambda r: _nl(r.build_s / r.bare_search_s, 2) + "×" if r.bare_search_s else "–", None),
        ("Piekgeheugen van de build", "≤ 2 GB", lambda r: mb(r.build_peak) + " MB", last.build_peak <= 2e9),
        ("Piekgeheugen van de kale build", "", lambda r: mb(r.bare_peak) + " MB", None),
        ("Grootte van de hele site", "", lambda r: mb(r.site_bytes) + " MB", None),
        ("Gemiddelde praktijkpagina", f"≤ 30 % groei t.o.v. N = {first.n}", lambda r: _nl(r.practice_page_bytes / 1000) + " kB", abs(grow) <= 0.30),
        ("Grootste praktijkpagina", "", lambda r: _nl(r.practice_page_max / 1000) + " kB", None),
        ("Gemiddelde pagina van de kale site (maatstaf)", "", lambda r: _nl(r.bare_page_bytes / 1000) + " kB", None),
        (f"Eerste zoekvraag ('{QUERIES[0]}'): overgedragen", "≤ 300 kB", lambda r: _nl(r.search.kb[0]) + " kB" if r.search.kb else "–", _ok(last.search.kb, lambda kb: kb[0] <= 300)),
        ("Eerste zoekvraag: tijd tot eerste resultaat", "≤ 500 ms", lambda r: _nl(r.search.ms[0], 0) + " ms" if r.search.ms else "–", _ok(last.search.ms, lambda ms: ms[0] <= 500)),
        ("Dezelfde zoekvraag nog eens (index al geladen)", "", lambda r: _nl(r.search.again_ms, 0) + " ms" if r.search.ms else "–", None),
        (f"Tweede zoekvraag ('{QUERIES[1]}'): overgedragen", "≤ 100 kB", lambda r: _nl(r.search.kb[1]) + " kB" if r.search.kb else "–", _ok(last.search.kb, lambda kb: kb[1] <= 100)),
        ("Tweede zoekvraag: tijd tot eerste resultaat", "", lambda r: _nl(r.search.ms[1], 0) + " ms" if r.search.ms else "–", None),
    ]
    for label, q in FIRST_QUERIES:
        spec += [
            (f"Eerste zoekvraag, {label} ('{q}'), in een lege pagina: overgedragen", "≤ 300 kB", lambda r, q=q: _nl(r.search.first[q][0]) + " kB" if q in r.search.first else "–", _ok(last.search.first.get(q), lambda f: f[0] <= 300)),
            ("… tijd tot eerste resultaat / aantal treffers", "", lambda r, q=q: f"{_nl(r.search.first[q][1], 0)} ms / {r.search.first[q][2]}" if q in r.search.first else "–", None),
        ]
    spec += [
        ("Zoekbalk: eerste zoekvraag, vanaf laden pagina", "", lambda r: _nl(r.search.ui_kb) + " kB" if r.search.kb else "–", None),
        ("Zoekbalk: typen tot eerste resultaat (incl. 300 ms wachttijd)", "", lambda r: _nl(r.search.ui_ms, 0) + " ms" if r.search.kb else "–", None),
        ("`make serve`: klaar, tot de eerste pagina getoond wordt", "≤ 40 s", lambda r: _seconds(r.serve and r.serve.start_s), _ok(last.serve and last.serve.start_s, lambda v: v <= 40)),
        ("`make serve`: zoekindex klaar (op de achtergrond), vanaf de start", "", lambda r: _seconds(r.serve and r.serve.index_s), None),
        (f"`make serve`: bewerking zichtbaar in de browser, middelste van {SERVE_EDITS}", "≤ 3 s", lambda r: _seconds(r.serve and r.serve.edit_s), _ok(last.serve and last.serve.edit_s, lambda v: v <= 3)),
        ("… de afzonderlijke bewerkingen", "", lambda r: " / ".join(_seconds(e) for e in r.serve.edits_s) if r.serve else "–", None),
        ("… rekentijd (CPU) van de server per bewerking, middelste", "", lambda r: _seconds(statistics.median(r.serve.edits_cpu)) if r.serve and r.serve.edits_cpu else "–", None),
        ("`make serve`: titel van een tool bewerkt, zichtbaar, middelste (de tool staat op zoveel praktijkpagina's)", "", _tool_edit, None),
    ]
    out = [["Meting", "Doel", *[f"N = {r.n:,}".replace(",", " ") for r in rows], f"Gehaald bij N = {last.n:,}".replace(",", " ")]]
    for label, target, cell, met in spec:
        out.append([label, target, *[cell(r) for r in rows], "" if met is None else ("ja" if met else "**nee**")])
    return out


def _tool_edit(r) -> str:
    edits = getattr(r.serve, "tool_edits_s", [])  # not in results saved before this row existed
    seen = [e for e in edits if e is not None]
    if not seen or len(seen) != len(edits):
        return "–"
    return f"{_seconds(statistics.median(seen))} ({_nl(r.serve.tool_practices, 0)})"


def _ok(value, test):
    """Met, not met, or None when the figure was not measured (no verdict)."""
    return None if not value else test(value)


def _seconds(value) -> str:
    return "–" if value is None or value == 0 else _nl(value) + " s"


def markdown_table(cells: list[list[str]]) -> str:
    lines = ["| " + " | ".join(cells[0]) + " |", "|" + "|".join("---" for _ in cells[0]) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in cells[1:]]
    return "\n".join(lines)


def plain_table(cells: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in cells) for i in range(len(cells[0]))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells)


def real_table(real_build_s: float, serve: Serve | None) -> list[list[str]]:
    edit = serve.edit_s if serve else None
    rows = [
        ["Meting", "Doel", "Gemeten", "Gehaald"],
        ["`make build` (met `.venv` al aanwezig)", "≤ 15 s", f"{_nl(real_build_s)} s", "ja" if real_build_s <= 15 else "**nee**"],
        ["`make serve`: klaar, tot de eerste pagina getoond wordt", "", _seconds(serve and serve.start_s), ""],
        [f"`make serve`: gewijzigd YAML-bestand (een tool) zichtbaar, middelste van {SERVE_EDITS}", "≤ 1,5 s", _seconds(edit) if edit else "niet gezien binnen 120 s", "ja" if edit is not None and edit <= 1.5 else "**nee**"],
    ]
    if serve and serve.edits_s:
        rows.append(["… de afzonderlijke bewerkingen", "", " / ".join(_seconds(e) for e in serve.edits_s), ""])
    if serve and serve.edits_cpu:
        rows.append(["… rekentijd (CPU) van de server per bewerking, middelste", "", _seconds(statistics.median(serve.edits_cpu)), ""])
    return rows


# The first full run of `make bench`, before the speed work (23 November 2026, N = 5 000).
BEFORE = {"n": 5000, "validate_s": 9.5, "build_s": 53.0, "bare_s": 11.5, "ratio": 4.60, "peak_mb": 1256, "page_kb": 22.5,
          "first_kb": 312.4, "first_ms": 507, "later_kb": 41.4, "real_build_s": 4.5}


def before_after(rows: list[Row], real_build_s: float, serve: Serve | None) -> str:
    """Dutch section: what the first run measured, what this run measures (largest N)."""
    r = next((row for row in rows if row.n == BEFORE["n"]), None)
    if r is None:
        return ""
    b = BEFORE
    lines = [
        ("Controle van de data", f"{_nl(b['validate_s'])} s", f"{_nl(r.validate_s)} s"),
        ("Volledige build (`mkdocs build`)", f"{_nl(b['build_s'])} s", f"{_nl(r.build_s)} s"),
        ("`mkdocs build` ten opzichte van de kale build", f"{_nl(b['ratio'], 2)}×", f"{_nl(r.build_s / r.bare_s, 2)}×"),
        ("Piekgeheugen van de build", f"{b['peak_mb']:,} MB".replace(",", " "), f"{r.build_peak / 1e6:,.0f} MB".replace(",", " ")),
        ("Gemiddelde praktijkpagina", f"{_nl(b['page_kb'])} kB", f"{_nl(r.practice_page_bytes / 1000)} kB"),
        ("Eerste zoekvraag: overgedragen", f"{_nl(b['first_kb'])} kB", f"{_nl(r.search.kb[0])} kB"),
        ("Eerste zoekvraag: tijd tot eerste resultaat", f"{b['first_ms']} ms", f"{_nl(r.search.ms[0], 0)} ms"),
        ("Tweede zoekvraag: overgedragen", f"{_nl(b['later_kb'])} kB", f"{_nl(r.search.kb[1])} kB"),
        ("`make build` op de echte inhoud", f"{_nl(b['real_build_s'])} s", f"{_nl(real_build_s)} s"),
        ("`make serve`: wijziging zichtbaar (echte inhoud)", "niet gemeten", _seconds(serve and serve.edit_s)),
    ]
    cells = [["Meting (N = 5 000)", "Eerste meting", "Deze meting"]] + [list(line) for line in lines]
    return f"""## Wat we verbeterden

De eerste meting (23 november 2026) haalde een paar doelen niet. Daarna veranderden we dit:

- De Markdown-tekst uit de YAML-bestanden zetten we om met één omzetter voor de hele
  build, niet met een nieuwe omzetter voor elk veld.
- Bij de controle van de data kopieert frictionless de tabellen niet meer steeds opnieuw.
- Het menu aan de zijkant maken we één keer per map, voor alle pagina's die zelf niet in
  het menu staan (zoals de praktijken). Het ziet er hetzelfde uit als eerst.
- Pagefind maakt de zoekindex terwijl de open data wordt geschreven, niet erna.
- De zoekindex bevat geen sorteervolgorde meer die niemand gebruikte. Die lijst werd met
  elke praktijk langer, en elke eerste zoekvraag moest hem ophalen.
- De meting van `make serve` gebruikt nu echt de live reload in de browser. De oude meting
  startte `mkdocs serve` zonder live reload en zag daarom nooit een wijziging.
- De samenvatting van een principe, tool of fase staat in de zoekindex alleen bij dat
  principe, die tool of die fase zelf. Eerst telde ze ook mee op elke praktijk die ernaar
  verwijst. Zoeken op een woord uit zo'n samenvatting gaf dan alle praktijken die ernaar
  verwijzen. Nu is de index kleiner en is Pagefind sneller klaar.
- De pagina's van de praktijken, tools en andere onderdelen maakt de build nu op alle
  processorkernen tegelijk. Dat gebeurt pas vanaf 400 onderdelen per kern; de echte inhoud
  is daarvoor nog te klein.
- Stukken van het thema die op elke pagina hetzelfde zijn (op de weg terug naar de
  startpagina na), maakt de build één keer per mapdiepte. De pagina's zijn precies
  hetzelfde gebleven.
- De Markdown in de YAML-bestanden zetten we om met markdown-it-py (CommonMark, zoals
  GitHub). Dat is sneller, en een lijst onder een genummerde stap (zoals bij RASCI) komt
  nu goed op de pagina.
- De zoekbalk bovenaan haalt de filters van de zoekindex niet meer op. Hij toont geen
  filters, maar Pagefind haalde ze toch allemaal op en telde ze daarna bij elke zoekvraag
  over alle treffers. Bij 5 000 praktijken kostte dat 117 kB en ongeveer een halve seconde
  per zoekvraag. De filters blijven in de index, voor wie ze wel gebruikt.
- `make build` controleert de data één keer, in de build zelf. Eerst deed hij dat twee keer:
  eerst `make validate`, en daarna nog eens in de build. `make validate` blijft bestaan, voor
  redacteuren en de controle van pull requests.
- `make serve` maakt na een wijziging niet meer de hele site opnieuw. De server leest en
  controleert alleen het gewijzigde bestand, samen met wat ernaar verwijst en waarnaar het
  verwijst. Daarna maakt hij alleen de pagina's die ervan afhangen: de eigen pagina, de pagina's
  die ernaar linken, de overzichten en de gegevens van de menukaart. De zoekindex en de
  downloads van de open data volgen op de achtergrond, als er een paar seconden niets meer
  verandert. Een fout in een bestand staat in de terminal en bovenaan de pagina; de server
  gaat door en toont de laatste goede versie, tot het bestand weer klopt.
- Onder `make serve` meldt het besturingssysteem een gewijzigd bestand meteen. Eerst keek de
  server twee keer per seconde naar alle bestanden; met 5 000 praktijken kostte dat
  rekentijd, ook als er niets veranderde, en een wijziging werd pas na een halve seconde gezien.
- De zoekindex en de open data maakt de server in een apart proces met lage voorrang. Een
  nieuwe wijziging hoeft daar niet meer op te wachten.
- Na een wijziging van een tool, principe, fase, kernaanpak of wijk maakt de server alleen de
  pagina's die dat onderdeel tonen. Eerst maakte hij dan alle pagina's opnieuw.
- Lange lijsten die al als HTML klaar zijn (te actualiseren, de menukaart, het formulier)
  gaan niet meer door Markdown. De pagina's zijn precies hetzelfde gebleven.
- `make build` geeft Pagefind elke pagina zodra die klaar is. Pagefind leest hem op de andere
  processorkern, terwijl de build de volgende pagina maakt. Pagefind krijgt de pagina vanaf
  het begin van de inhoud: de kop en het menu sloeg hij toch over, en ze waren de helft van
  elke pagina.
- Pagefind geeft de klaar zoekindex terug en de build schrijft de bestanden zelf. Pagefind
  deed dat met een aparte thread voor elk bestand; bij 5 000 praktijken duurde dat twee keer
  zo lang als het maken van de index.
- `make build` schrijft over de bestanden van de vorige site heen en gooit aan het eind weg
  wat hij niet opnieuw schreef. Eerst gooide hij de vorige site vooraf helemaal weg. Op deze
  machine (ext4 zonder journal) kost een nieuw bestand maken vlak na het weggooien van
  duizenden andere veel tijd: de kernel zoekt dan voor elk nieuw bestand langs alle net
  vrijgekomen plekken. De kale build heeft daar nog steeds last van.
- De gegevens van een gemaakte pagina (titel, beschrijving) gaan direct naar MkDocs. Eerst
  schreef de build ze als YAML, en las MkDocs die voor elke pagina weer in.
- Pagina's die uit de data komen, gaan niet meer door de Markdown-omzetter van MkDocs. Die
  maakte voor elke pagina een nieuwe omzetter, ook voor een pagina zonder Markdown.
- frictionless controleert geen unieke id's meer (dat doen we zelf, met een duidelijkere
  melding) en niet meer of een rij in een koppeltabel bij een bestaand record hoort (die rij
  komt altijd uit dat record). Voor elke koppeltabel las frictionless daarvoor de hele tabel
  met praktijken opnieuw. De gepubliceerde open data beschrijft beide nog wel.
- Vanaf 800 bestanden leest de controle de bestanden op alle processorkernen tegelijk, en
  vanaf 5 000 rijen controleert frictionless de tabellen ook zo.
- Wat de build geladen heeft (de data, het thema) slaat de opruiming van het geheugen
  over tot de build klaar is.
- De plaatjes voor linkvoorbeelden slaan we op zonder extra compressie: 5 % groter, en
  0,3 s sneller bij elke build.
- Tekst zonder Markdown (alleen alinea's) zet de build zelf om, zonder de Markdown-omzetter.
  Die omzetter (in Python) nam bijna de helft van de tijd voor de tekst van een
  praktijkpagina, en meer dan de helft van de tekstvelden heeft geen Markdown. Een test
  controleert dat de uitkomst precies die van de omzetter is.

Seconden hangen af van de machine: de eerste meting liep op een snellere machine dan
latere metingen. Vergelijk bij de build daarom vooral de verhouding met de kale build; die
is in dezelfde run op dezelfde machine gemeten. Bij een klein verschil tussen twee
metingen speelt ook toeval mee: de machine deed ook ander werk.

{markdown_table(cells)}
"""


# Pagefind 1.6.0 is on npm since 1 November 2026, not yet on PyPI (pagefind[bin] stops at 1.5.2).
# Measured on the same N = 5 000 HTML, indexed once by each version (1.6.0: the binary from npm's
# @pagefind/linux-x64, through PAGEFIND_BINARY_PATH), with this bench's SEARCH_JS, ten cold runs
# each, taken in turns so that the machine's changing speed hits both alike; medians.
NEWER_PAGEFIND = {"version": "1.6.0", "measured": "30 november 2026", "against": "1.5.2",
                  "first_ms": 608, "against_first_ms": 961, "again_ms": 129, "against_again_ms": 334}


def _version_tuple(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", version)[:3])


def newer_pagefind_note() -> str:
    """Dutch: what the newer Pagefind measured, as long as this run used an older one."""
    v = NEWER_PAGEFIND
    if _version_tuple(pagefind_version()) >= _version_tuple(v["version"]):
        return ""
    return (
        f" Pagefind {v['version']} staat al op npm, maar nog niet op PyPI, waar de Menukaart Pagefind vandaan haalt. "
        f"Op {v['measured']} maten we beide versies om en om, op dezelfde pagina's en dezelfde machine: de eerste "
        f"zoekvraag duurde met {v['version']} {v['first_ms']} ms tegen {v['against_first_ms']} ms met {v['against']}, het "
        f"rangschikken {v['again_ms']} ms tegen {v['against_again_ms']} ms. Alle tests slaagden met {v['version']}. Zodra "
        "die versie op PyPI staat, krijgt een nieuwe `.venv` (zoals in CI) haar vanzelf: pyproject.toml vraagt "
        "`pagefind[bin]>=1.5.2,<2`."
    )


def still_missed(rows: list[Row]) -> str:
    """Dutch explanation of the targets the largest N still misses, with this run's figures."""
    r = rows[-1]
    notes = []
    if r.make_build_s > 2 * r.bare_s:
        notes.append(
            f"- **`make build` ten opzichte van de kale build** ({_nl(r.make_build_s / r.bare_s, 2)}×): Pagefind alleen duurt al "
            f"{_nl(r.pagefind_s)} s, dat is {_nl(r.pagefind_s / r.bare_s, 2)}× de hele kale build. De build geeft Pagefind elke "
            "pagina zodra die klaar is, zodat het indexeren grotendeels tegelijk loopt met het maken van de pagina's; maar op "
            "twee processorkernen delen ze de rekentijd. Daarna schrijft de build nog de bestanden van de zoekindex, één per "
            "pagina: onze build schrijft zo twee keer zoveel bestanden als de kale. De kale build maakt geen "
            "zoekindex, controleert geen data en schrijft geen open data. "
            + (f"Zonder Pagefind is onze build ongeveer {_nl((r.build_s - r.pagefind_s) / r.bare_s, 2)}× de kale build. "
               if r.build_s - r.pagefind_s >= r.bare_s else
               "Pagefind alleen werd in een drukkere minuut gemeten dan de build: een schatting van de build zonder Pagefind "
               "zou hier niets zeggen. ")
            + f"Per paar (`make build` en direct daarvoor de kale build) is de middelste verhouding "
            f"{_nl(statistics.median(r.make_pair_ratios), 2) if r.make_pair_ratios else '–'}×. Een kale site met de eigen zoekfunctie "
            f"van Material (zoals mkdocs-material standaard is) bouwt in {_nl(r.bare_search_s)} s; daar is `make build` "
            f"{_nl(r.make_build_s / r.bare_search_s, 2)}× van. Het doel blijft: ≤ 2× de kale build zonder zoekfunctie."
        )
    if r.serve and (r.serve.edit_s is None or r.serve.edit_s > 3):
        cpu = statistics.median(r.serve.edits_cpu) if r.serve.edits_cpu else None
        notes.append(
            f"- **`make serve`: bewerking zichtbaar** ({' / '.join(_seconds(e) for e in r.serve.edits_s)}): na een wijziging "
            "leest en controleert de server alleen het gewijzigde bestand met wat ernaar verwijst, en maakt hij alleen de pagina's "
            "die ervan afhangen. "
            + (f"Daarvoor rekende hij per bewerking {_seconds(cpu)} (CPU); de rest van de tijd wachtte hij op de processor, die "
               "hij deelde met andere programma's. Wat hij nog doet bij elke wijziging: de controle van het bestand met frictionless, "
               "de lijst van alle pagina's die MkDocs elke keer opnieuw samenstelt, en de handgeschreven pagina's die de data "
               "gebruiken." if cpu is not None else "")
        )
    if r.serve and (r.serve.start_s is None or r.serve.start_s > 40):
        notes.append(f"- **`make serve`: klaar** ({_seconds(r.serve.start_s)}): de eerste build maakt alle pagina's; de zoekindex volgt op de achtergrond.")
    if r.search.ms and r.search.ms[0] > 500:
        notes.append(
            f"- **Eerste zoekvraag** ({_nl(r.search.ms[0], 0)} ms): bij N = {rows[0].n} duurde alles samen "
            f"{_nl(rows[0].search.ms[0], 0)} ms. Het woord '{QUERIES[0]}' staat in de nep-tekst op {_nl(r.search.hits[0], 0)} "
            f"van de {_nl(r.pages, 0)} pagina's. Dezelfde zoekvraag nog een keer, met de index al in de browser, duurt nog "
            f"{_nl(r.search.again_ms, 0)} ms: zo lang doet Pagefind over het rangschikken van al die pagina's. De rest is het "
            "ophalen en uitpakken van de index. Beide gebeuren binnen Pagefind zelf; in onze pagina's vonden we niets meer "
            "dat dit korter maakt. Hoe lang het duurt, hangt ook sterk af van de machine: op een snellere machine haalde "
            "dezelfde meting op 23 november 431 ms."
            + newer_pagefind_note()
        )
    if r.search.kb and r.search.kb[0] > 300:
        notes.append(
            f"- **Eerste zoekvraag: overgedragen** ({_nl(r.search.kb[0])} kB): ongeveer 120 kB is vast (de zoekmachine van "
            "Pagefind in WebAssembly en zijn script); daarbij komt de lijst van alle pagina's, die met N meegroeit, en de index "
            f"van '{QUERIES[0]}'. Dat woord staat op {_nl(r.search.hits[0], 0)} van de {_nl(r.pages, 0)} pagina's, een zwaarder "
            "geval dan een echte zoekvraag zal zijn. Het verschil met het doel is klein en wisselt met de inhoud van de nep-tekst."
        )
    if not notes:
        return ""
    return "## Wat nog niet gehaald wordt\n\n" + "\n".join(notes) + "\n"


def _section(text: str) -> str:
    """Extra sections end in one blank line, so the heading after them starts a new block."""
    return text.rstrip("\n") + "\n\n" if text.strip() else ""


def report(rows: list[Row], real_build_s: float, serve: Serve | None, extra: str = "") -> str:
    cells = table(rows)
    return f"""# Prestaties

De Menukaart moet net zo vlot blijven met 5 000 praktijken als met 50. Daarom meten we
het regelmatig met `make bench`. Die opdracht maakt een tijdelijke kopie van de site en
vult die met verzonnen praktijken ("Testpraktijk 0042 (nep)") in verzonnen wijken
("Testwijk 07 (nep)"). De echte data verandert daarbij niet.

Gemeten op {date.today().isoformat()}, op {machine()}, met Pagefind {pagefind_version()}.
{os.environ.get("BENCH_NOTE", "")}

{markdown_table(cells)}

## Op de echte inhoud

{markdown_table(real_table(real_build_s, serve))}

{still_missed(rows)}
{before_after(rows, real_build_s, serve)}
{_section(extra)}## Hoe we meten

- **Controle van de data**: de tijd van de controle die ook `make validate` doet, op alle
  bestanden in de kopie.
- **`make build`**: de opdracht zoals een gebruiker hem draait, in de kopie (met de Makefile
  en de `.venv` die er al is): de controle van de data, de site, de zoekindex van Pagefind en
  de open data. Sinds december 2026 controleert `make build` de data één keer, in de build
  zelf; eerst deed hij dat twee keer (`make validate` en daarna nog eens in de build).
- **`mkdocs build`**: alleen de build, zonder `make`, zoals de eerdere metingen. Ook die
  controleert de data, maakt de zoekindex en de open data.
- **Kale build**: een gewone mkdocs-material-site zonder plug-ins, met evenveel pagina's in
  Markdown (een titel, alinea's en lijsten), die niet in het menu staan. Die pagina's zijn
  kleiner dan een praktijkpagina; de tabel noemt hun gemiddelde grootte. Op dezelfde
  machine, in dezelfde run.
  Dit is de maatstaf: `make build` mag hoogstens twee keer zo lang duren. We bouwen de
  sites {REPEAT} keer, om en om (`mkdocs build`, de kale build, `make build`), en tellen de snelste keer. Andere programma's op de machine
  kunnen een build alleen trager maken, nooit sneller. Maar de snelheid van de machine zelf
  kan binnen een paar minuten veranderen, en de snelste van elk kan uit een ander moment
  komen. Daarom staat eronder ook de verhouding per paar: `make build` en de kale build
  die er direct voor liep, de middelste van de {REPEAT} paren. Die regel heeft geen doel; het doel blijft
  bij de snelste keer, zoals eerst.
- **Ter vergelijking** bouwen we dezelfde kale site ook mét de zoekfunctie van Material,
  zoals een nieuwe mkdocs-material-site die standaard heeft. Die regels hebben geen doel.
- **Piekgeheugen**: het grootste werkgeheugen (`ru_maxrss` via `wait4`) van het
  build-proces of van een proces dat het startte, zoals Pagefind. Het is het hoogste
  gebruik van één proces, niet de som van processen die tegelijk liepen.
- **Praktijkpagina**: de gemiddelde grootte van de HTML van een nep-praktijk. Die mag
  niet groeien met het aantal praktijken: het menu, de verwijzingen en de gegevens voor de
  menukaart staan niet op elke pagina.
- **Zoeken**: in Chromium zonder scherm, op een lege pagina zonder cache. We laden
  Pagefind (`pagefind.js`), zoeken en halen de gegevens van het eerste resultaat op. We
  tellen alle bytes die daarvoor uit `/pagefind/` komen. De testserver comprimeert niets;
  een echte webserver met gzip stuurt minder. Daarna volgt een tweede zoekvraag in
  dezelfde pagina. We doen dit {max(3, REPEAT + 1)} keer, elke keer zonder cache, en noemen de
  middelste tijd. De zoekbalk bovenaan laadt daarnaast de Pagefind-interface; die regels
  tellen vanaf het openen van de pagina.
- **Eerste zoekvraag in een lege pagina**: dezelfde meting, maar elke zoekvraag in een eigen
  lege pagina zonder cache: een woord dat op bijna elke pagina staat ('wijkteam'), twee
  woorden ('eenzaamheid ouderen') en een zeldzaam woord ('presencing'). Bij twee woorden
  haalt Pagefind de index van beide woorden op. We noemen de grootste hoeveelheid bytes en
  de middelste tijd van {max(3, REPEAT + 1)} keer.
- **`make build` op de echte inhoud**: `make build` in een kopie zonder nep-praktijken.
- **`make serve`**: we starten `mkdocs serve` met dezelfde opties als `make serve`
  (`{" ".join(SERVE_FLAGS)}`) in een kopie. "Klaar" is de tijd tot de server de eerste pagina
  toont. De zoekindex maakt de server daarna op de achtergrond; ook die tijd staat in de tabel.
  Daarna openen we in Chromium de pagina van een praktijk (op de echte inhoud: van een tool)
  en veranderen we {SERVE_EDITS} keer de titel in het YAML-bestand ervan, telkens een paar
  seconden na de vorige. We meten hoe lang het duurt tot de nieuwe titel op de pagina staat, en
  noemen de middelste. De pagina laadt vanzelf opnieuw (live reload); wij laden haar niet zelf.
  Omdat andere programma's de machine delen, noemen we ook de rekentijd (CPU) die de server
  per bewerking gebruikte: zo lang duurt een bewerking ongeveer op een machine die niets
  anders doet.
"""


# ---------------------------------------------------------------- serve check


@dataclass
class Serve:
    """`make serve` in a project copy: how long until it serves, and until an edit shows."""

    start_s: float | None  # from starting `mkdocs serve` until a record page is served
    edits_s: list = field(default_factory=list)  # per edit: saved until the new title shows (None: never)
    index_s: float | None = None  # from start until the first search index is in place (it runs in the background)
    edits_cpu: list = field(default_factory=list)  # per edit: CPU seconds the server spent meanwhile (about the time on an idle machine)
    tool_edits_s: list = field(default_factory=list)  # the same for a tool's title, while its page is shown
    tool_practices: int = 0  # practices that name that tool (their pages show its title)

    @property
    def edit_s(self) -> float | None:
        seen = [e for e in self.edits_s if e is not None]
        return statistics.median(seen) if seen and len(seen) == len(self.edits_s) else None


def measure_serve(work: Path, browser, n: int, collection: str = "praktijken") -> Serve:
    """`make serve` (mkdocs serve with the Makefile's flags) on n fake practices: start, then SERVE_EDITS edits.

    Each edit changes the title in one record's YAML file while Chromium shows that record's
    page; we wait until MkDocs' live-reload script has brought the new title. We never reload
    the page ourselves, so this also proves that edits under data/ are watched and that the
    Content-Security-Policy lets that script run. The edits start once the first search index
    (made in the background) is in place, a few seconds apart, as an editor works.
    """
    project = make_project(work / f"serve-{n}", n, git=False)
    if collection == "praktijken" and n:
        target = sorted((project / "data" / "good-practices").glob("*/testpraktijk-*.yaml"))[n // 2]
    else:
        target = sorted((project / "data" / ("good-practices/*" if collection == "praktijken" else collection)).glob("*.yaml"))[0]
    url_path = {"praktijken": "praktijken"}.get(collection, collection)
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project), "PYTHONDONTWRITEBYTECODE": "1"}
    log = (work / f"serve-{n}.log").open("w+")
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", *SERVE_FLAGS, "--dev-addr", f"127.0.0.1:{port}"],
                            cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}/{url_path}/{target.stem}/"
    context = browser.new_context(locale="nl-NL")
    result = Serve(None)
    try:
        up = _poll(url, lambda body: "<h1" in body, 900, start)
        if up is None:
            return result
        result.start_s = up
        result.index_s = _wait_for_log(log, "Zoekindex bijgewerkt", 900, start)
        page = context.new_page()
        page.goto(url, wait_until="load")
        page.wait_for_timeout(1000)  # the live-reload script starts polling the server
        _edit_titles(page, proc, target, result.edits_s, result.edits_cpu)
        if collection == "praktijken" and n:
            # A tool is shown on the page of every practice that names it: those pages are made again too.
            tool = sorted((project / "data" / "tools").glob("*.yaml"))[0]
            result.tool_practices = sum(1 for p in (project / "data" / "good-practices").glob("*/*.yaml") if re.search(rf"^  - {re.escape(tool.stem)}$", p.read_text("utf-8"), re.M))
            page.goto(f"http://127.0.0.1:{port}/tools/{tool.stem}/", wait_until="load")
            page.wait_for_timeout(1000)
            _edit_titles(page, proc, tool, result.tool_edits_s, [])
        return result
    finally:
        context.close()
        proc.terminate()
        proc.wait(timeout=60)
        log.close()
        shutil.rmtree(project, ignore_errors=True)


def _edit_titles(page, proc, target: Path, seconds: list, cpu_seconds: list) -> None:
    """SERVE_EDITS edits of the title in `target` while `page` shows its page; each until the live reload shows it."""
    for i in range(SERVE_EDITS):
        marker = f"Prestatietest-wijziging {i + 1} (nep)"
        text = target.read_text("utf-8")
        target.write_text(re.sub(r"^titel: .*$", f"titel: {_q(marker)}", text, count=1, flags=re.M), "utf-8")
        edited, cpu = time.perf_counter(), _cpu_seconds(proc.pid)
        try:
            page.wait_for_function("m => (document.querySelector('h1') || {}).textContent === m", arg=marker, timeout=120_000, polling=50)
            seconds.append(time.perf_counter() - edited)
            cpu_seconds.append(_cpu_seconds(proc.pid) - cpu)
        except Exception:  # noqa: BLE001 — a timeout means: not shown
            seconds.append(None)
        page.wait_for_timeout(2000)


def _cpu_seconds(pid: int) -> float:
    """User plus system CPU time of a process (all its threads), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _wait_for_log(log, text: str, limit: float, start: float) -> float | None:
    while time.perf_counter() - start < limit:
        log.seek(0)
        if text in log.read():
            return time.perf_counter() - start
        time.sleep(0.2)
    return None


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _poll(url: str, ok, limit: float, start: float | None = None) -> float | None:
    import urllib.request

    start = start if start is not None else time.perf_counter()
    while time.perf_counter() - start < limit:
        try:
            with urllib.request.urlopen(url, timeout=5) as resp:
                if ok(resp.read().decode("utf-8", "replace")):
                    return time.perf_counter() - start
        except OSError:
            pass
        time.sleep(0.1)
    return None


# ---------------------------------------------------------------- main


def sizes_from_env(name: str = "BENCH_SIZES", default: str = "100,1000,2000,5000") -> list[int]:
    raw = os.environ.get(name, default)
    return sorted({int(s) for s in raw.split(",") if s.strip()})


SEARCH_SIZES = sizes_from_env("BENCH_SEARCH_SIZES", os.environ.get("BENCH_SIZES", "100,1000,2000,5000"))
SERVE_SIZES = sizes_from_env("BENCH_SERVE_SIZES", "100,1000,5000")


# Other report sections: functions (work folder, browser) -> Markdown, each added with one line
# here by the module that owns it (e.g. tests/search_quality.py, tests/lighthouse.py).
def _search_quality_section(work: Path, browser) -> str:
    """The share of the query sets that lands on the right page, per kind (issue 11)."""
    from tests import search_quality

    lines = search_quality.bench_report(browser, work)
    for line in lines:
        print(line, flush=True)
    return "\n## Zoekkwaliteit\n\n```\n" + "\n".join(lines) + "\n```\n"


def _lighthouse_section(work: Path, browser) -> str:
    """Lighthouse mobile performance per page kind (issue 16); BENCH_LIGHTHOUSE=0 skips it."""
    from tests import lighthouse

    return lighthouse.report_section()


EXTRA_SECTIONS: list = [_search_quality_section, _lighthouse_section]


def main() -> int:
    from playwright.sync_api import sync_playwright

    from tests.conftest import CHROMIUM, CHROMIUM_ARGS

    sizes = sizes_from_env()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="menukaart-bench-") as tmp, sync_playwright() as p:
        work = Path(tmp)
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        real_s = real_content_build(work)
        print(f"echte inhoud: make build {real_s:.1f} s", flush=True)
        serve = measure_serve(work, browser, 0, collection="tools")
        print(f"echte inhoud, make serve: klaar na {serve.start_s} s, bewerkingen zichtbaar na {serve.edits_s} s", flush=True)
        for n in sizes:
            started = time.perf_counter()
            rows.append(measure(n, browser, work))
            print(f"N = {n}: klaar in {time.perf_counter() - started:.0f} s", flush=True)
            print(plain_table(table(rows)), flush=True)
        extra = "\n".join(section(work, browser) for section in EXTRA_SECTIONS)
        browser.close()
    RESULTS.write_bytes(pickle.dumps((rows, real_s, serve, extra)))
    return write_report(rows, real_s, serve, extra)


# BENCH_NOTE: a sentence under the machine line about this run (e.g. that the machine was shared).
# The measured figures, kept outside the project, so `python -m tests.bench --rapport` can write
# the report again after its wording changed, without measuring for an hour.
RESULTS = Path(os.environ.get("BENCH_RESULTS", Path(tempfile.gettempdir()) / "menukaart-bench-resultaten.pickle"))


def write_report(rows, real_s, serve, extra) -> int:
    print()
    print(plain_table(table(rows)))
    print()
    print(plain_table(real_table(real_s, serve)))
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(report(rows, real_s, serve, extra), "utf-8")
    print(f"\ngeschreven: {REPORT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(write_report(*pickle.loads(RESULTS.read_bytes())) if sys.argv[1:] == ["--rapport"] else main())
