"""Run Pagefind over a built site and check that every content page was indexed."""
from __future__ import annotations

import ctypes
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

BODY_MARK = "data-pagefind-body"
# The "¶" permalinks Markdown puts in every heading would end up in result titles and excerpts.
EXCLUDED = ".headerlink"


def content_pages(site_dir: Path) -> list[Path]:
    """Pages that carry the Pagefind body mark: every page a visitor can find."""
    return [p for p in sorted(site_dir.rglob("*.html")) if "pagefind" not in p.parts and BODY_MARK in p.read_text("utf-8")]


def _pagefind(site_dir: Path, *extra: str) -> list[str]:
    """The one Pagefind command line, for the build and for `make serve`'s background runs."""
    return [sys.executable, "-m", "pagefind", "--site", str(site_dir), *extra, "--exclude-selectors", EXCLUDED]


def _indexed_count(output: str) -> int | None:
    found = re.search(r"Indexed (\d+) pages?", output)
    return int(found.group(1)) if found else None


class Indexing:
    """Pagefind running in the background, so the rest of the build can go on meanwhile.

    Pagefind only reads the HTML pages; what is written next to them while it runs
    (open data, feeds) does not change its index.
    """

    def __init__(self, site_dir: Path):
        shutil.rmtree(site_dir / "pagefind", ignore_errors=True)
        self._out = tempfile.TemporaryFile("w+")
        self._proc = subprocess.Popen(_pagefind(site_dir), stdout=self._out, stderr=subprocess.STDOUT, text=True)

    def stop(self) -> None:
        """Give up on the index (the build failed for another reason)."""
        self._proc.kill()
        self._proc.wait()
        self._out.close()

    def result(self) -> int:
        """Wait for Pagefind; return the number of pages it indexed."""
        code = self._proc.wait()
        self._out.seek(0)
        output = self._out.read()
        self._out.close()
        if code != 0:
            raise RuntimeError(f"Pagefind faalde:\n{output}")
        count = _indexed_count(output)
        if count is None:
            raise RuntimeError(f"Pagefind meldde geen aantal pagina's:\n{output}")
        return count


class Reindexer:
    """Under `make serve`: Pagefind in the background, after a quiet period, swapped in when done.

    Indexing thousands of pages takes longer than rebuilding the few an edit changed, so the
    editor's page reloads first and search catches up; the old index answers meanwhile.
    On Linux the work runs in a forked child at low priority: the open data written before
    Pagefind is Python, and in this process it would hold the interpreter lock while the
    next edit is being built (an edit took twice as long when the two met).
    """

    def __init__(self, site_dir: Path, quiet_seconds: float, before=None):
        self.site_dir = Path(site_dir)
        self.quiet = quiet_seconds
        self.before = before  # other slow, lagging work (the open data) done in the same quiet moment
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()  # one Pagefind at a time
        self.runs = 0
        self._asked = 0  # builds that want a fresh index …
        self._made = 0  # … and how many of them the last run covered

    def poke(self, delay: float | None = None) -> None:
        """A build happened: index again once it has been quiet for a while (or after `delay`)."""
        self._asked += 1
        if self._timer is not None:
            self._timer.cancel()
        self._timer = threading.Timer(self.quiet if delay is None else delay, self._run)
        self._timer.daemon = True
        self._timer.start()

    def run_now(self) -> None:
        """Index now instead of after the quiet period (tests do this)."""
        if self._timer is not None:
            self._timer.cancel()
        self._asked += 1
        self._run()

    def _run(self) -> None:
        with self._lock:
            asked = self._asked
            if self._made >= asked:
                return  # a run that waited for this lock finds its work done already
            ok, messages = _in_child(self._work) if FORK else self._work()
            for line in messages:
                print(line, file=sys.stderr, flush=True)
            self._made = asked
            if ok:
                self.runs += 1

    def _work(self) -> tuple[bool, list[str]]:
        """Open data, then a fresh index swapped in; returns (index swapped, messages for the terminal)."""
        messages = []
        if self.before is not None:
            try:
                self.before()
            except Exception as err:  # noqa: BLE001 — the server goes on; the next quiet moment tries again
                messages.append(f"Open data niet bijgewerkt: {err!r}")
        fresh, live, old = (self.site_dir / name for name in ("pagefind.nieuw", "pagefind", "pagefind.oud"))
        shutil.rmtree(fresh, ignore_errors=True)
        done = subprocess.run(_pagefind(self.site_dir, "--output-path", str(fresh)), capture_output=True, text=True, preexec_fn=_die_with_parent if FORK else None)
        if done.returncode != 0:
            return False, messages + [f"Pagefind faalde:\n{done.stdout}{done.stderr}"]
        shutil.rmtree(old, ignore_errors=True)
        if live.exists():
            live.rename(old)
        fresh.rename(live)
        shutil.rmtree(old, ignore_errors=True)
        count = _indexed_count(done.stdout)
        return True, messages + [f"Zoekindex bijgewerkt ({'?' if count is None else count} pagina's)."]


FORK = sys.platform.startswith("linux")  # elsewhere fork() in a threaded server is not safe: work in the thread
NICENESS = 10  # the background work yields the processor to the server's next build


def _die_with_parent() -> None:
    """Linux: end this process when the one that started it ends (a stopped server leaves no indexer running)."""
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


PR_SET_PDEATHSIG = 1


def _in_child(work) -> tuple[bool, list[str]]:
    """work() in a forked child at low priority; its (bool, messages) come back through a pipe.

    The child starts with the server's catalogue as it is at this moment, writes files and
    exits without touching anything the threads of the server may hold (logging, stdout).
    """
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        try:
            os.close(read_end)
            _die_with_parent()
            os.nice(NICENESS)
            try:
                result = work()
            except BaseException as err:  # noqa: BLE001 — reported by the server, which goes on
                result = (False, [f"Zoekindex niet bijgewerkt: {err!r}"])
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(json.dumps(result).encode("utf-8"))
        finally:
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        answer = pipe.read()
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0 or not answer:
        return False, ["Zoekindex niet bijgewerkt: het achtergrondproces stopte onverwacht."]
    ok, messages = json.loads(answer)
    return ok, messages


def index_site(site_dir: Path) -> int:
    """Index `site_dir` afresh and return the number of pages Pagefind indexed."""
    return Indexing(site_dir).result()


def check(site_dir: Path, indexed: int) -> int:
    expected = len(content_pages(site_dir))
    if indexed != expected:
        raise RuntimeError(f"Pagefind indexeerde {indexed} pagina's, maar de site heeft er {expected} met inhoud")
    return indexed


def index_and_check(site_dir: Path) -> int:
    return check(site_dir, index_site(site_dir))
