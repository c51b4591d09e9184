"""Pagefind for the build (fed page by page) and for `make serve` (over the site), and the check that every content page was indexed."""
from __future__ import annotations

import base64
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
import time
from pathlib import Path, PurePosixPath

BODY_MARK = "data-pagefind-body"
# The "¶" permalinks Markdown puts in every heading would end up in result titles and excerpts.
EXCLUDED = ".headerlink"


# The opening tag that carries the body mark, and the page's <html> tag (its language).
_BODY_TAG = re.compile(r"<[a-zA-Z][^<>]*\s" + BODY_MARK + r"(?=[\s/>=])")
_HTML_TAG = re.compile(r"<html\b[^>]*>", re.IGNORECASE)


def searchable_part(html: str) -> str:
    """What Pagefind needs of a page it is handed: the <html> tag and everything from the body mark on.

    With a body mark on the page Pagefind indexes nothing outside it, and all our Pagefind
    attributes are inside it. The head, header and navigation before it are half of a record
    page's bytes and a third of Pagefind's time. Only a prefix is dropped, so the marked
    element always arrives whole; its dropped ancestors leave closing tags that HTML parsers skip.
    """
    body = _BODY_TAG.search(html)
    opening = _HTML_TAG.search(html, 0, body.start()) if body else None
    if body is None or opening is None:
        return html
    return f"{opening.group(0)}<head></head><body>{html[body.start():]}"


def content_pages(site_dir: Path, known: set[str] | frozenset[str] = frozenset()) -> list[Path]:
    """Pages that carry the Pagefind body mark: every page a visitor can find.

    `known`: paths in the site of pages whose HTML the build saw carry the mark as it wrote
    them; only the other files are read (at 5,000 practices, reading them all took a second).
    """
    return [
        p for p in sorted(site_dir.rglob("*.html"))
        if "pagefind" not in p.parts and (p.relative_to(site_dir).as_posix() in known or BODY_MARK in p.read_text("utf-8"))
    ]


def _pagefind(site_dir: Path, *extra: str) -> list[str]:
    """The one Pagefind command line over a whole site: `make serve`'s background runs, index_site()."""
    return [sys.executable, "-m", "pagefind", "--site", str(site_dir), *extra, "--exclude-selectors", EXCLUDED]


def _indexed_count(output: str) -> int | None:
    found = re.search(r"Indexed (\d+) pages?", output)
    return int(found.group(1)) if found else None


class Indexing:
    """Pagefind fed each content page while MkDocs renders the next one, so the build hardly waits for search.

    A build renders its pages on one core. Pagefind, run as a service (the `pagefind[bin]`
    binary with --service), parses each page on another core as soon as MkDocs has made it;
    at the end only the index itself is left to build, and that happens while the open data
    and feeds are written. Pagefind gets the same HTML MkDocs writes (from the body mark on)
    and the page's path in the site, from which it makes the same URL as when it reads the
    folder itself.

    Pagefind hands the finished files back and this process writes them. Writing them itself,
    Pagefind started dozens of threads that fought over its allocator (seconds in the kernel):
    at 5,000 practices that took up to twice as long as building the index.

    The pages go to Pagefind in batches, a few times a second, from one thread that sleeps in
    the kernel while Pagefind reads; its answers go to a file, read at the end. A thread that
    woke for every page made the rendering thread wait for the GIL: the build took 1.5x as long.
    """

    BATCH_SECONDS = 0.25

    def __init__(self, site_dir: Path):
        self.site_dir = Path(site_dir)
        self.pages: set[str] = set()  # paths in the site of the content pages handed to Pagefind
        self._next_id = 0
        self._batch: list[bytes] = []  # encoded messages not yet in the pipe
        self._lock = threading.Lock()
        self._last_sent = threading.Event()  # finish() queued the last message
        self._answers = tempfile.TemporaryFile()
        self._log = tempfile.TemporaryFile()
        self._proc = subprocess.Popen([str(_binary()), "--service"], stdin=subprocess.PIPE, stdout=self._answers, stderr=self._log)
        # A daemon thread: a failed or interrupted build never waits for it, and Pagefind
        # stops by itself when its input closes with this process.
        self._writer = threading.Thread(target=self._write_batches, name="pagefind-in", daemon=True)
        self._writer.start()
        self._send({"type": "NewIndex", "config": {"exclude_selectors": [EXCLUDED]}})

    def add(self, path: str, html: str) -> None:
        """One page as MkDocs writes it to `path` (relative to the site folder); pages without the body mark are left out, as Pagefind itself would."""
        if BODY_MARK not in html:
            return
        self.pages.add(path)
        self._send({"type": "AddFile", "index_id": 0, "file_path": path, "url": None, "file_contents": searchable_part(html)})

    def finish(self) -> None:
        """Every page is in: let Pagefind build the index, in the background (see result())."""
        self._send({"type": "GetFiles", "index_id": 0})
        self._last_sent.set()

    def stop(self) -> None:
        """Give up on the index (the build failed for another reason)."""
        self._kill()
        self._close()

    def result(self) -> int:
        """Wait for Pagefind's index and write it to the site; return the number of pages in it."""
        indexed, errors, files, read, unfinished = 0, [], None, 0, b""
        fd = self._answers.fileno()
        while True:
            exited = self._proc.poll() is not None
            # pread, not seek+read: Pagefind writes through the same file offset. Only what is
            # new is read: the last answer (the whole index) is tens of MB at 5,000 practices.
            new = os.pread(fd, os.fstat(fd).st_size - read, read)
            read += len(new)
            *answers, unfinished = (unfinished + new).split(b",") if b"," in new else (unfinished + new,)
            for answer in answers:
                message = json.loads(base64.b64decode(answer))
                kind = message["payload"]["type"]
                indexed += kind == "IndexedFile"
                if kind == "GetFiles":
                    files = message["payload"]["files"]
                if kind == "Error":
                    errors.append(message["payload"].get("message", "?"))
            if errors or exited or files is not None:
                break
            time.sleep(0.02)
        if files is not None:
            self._writer.join()
            self._proc.stdin.close()  # Pagefind exits when its input closes
            code = self._proc.wait()
        else:
            code = self._kill()
        self._log.seek(0)
        log = self._log.read().decode("utf-8", "replace")
        self._close()
        if files is None or errors or code != 0:
            raise RuntimeError("Pagefind faalde:\n" + "\n".join(errors or ["de index is niet gemaakt"]) + (f"\n{log}" if log else ""))
        if indexed != len(self.pages):
            raise RuntimeError(f"Pagefind las {indexed} van de {len(self.pages)} pagina's")
        write_bundle(self.site_dir / "pagefind", files)
        return written_page_count(self.site_dir / "pagefind")

    def _send(self, payload: dict) -> None:
        """Pagefind's service reads base64-encoded JSON messages, each followed by a comma."""
        message = base64.b64encode(json.dumps({"message_id": self._next_id, "payload": payload}).encode("utf-8")) + b","
        self._next_id += 1
        with self._lock:
            self._batch.append(message)

    def _write_batches(self) -> None:
        pipe = self._proc.stdin.fileno()
        while True:
            last = self._last_sent.wait(self.BATCH_SECONDS)
            with self._lock:
                batch, self._batch = self._batch, []
            data = memoryview(b"".join(batch))
            try:
                while data:
                    data = data[os.write(pipe, data) :]
            except OSError:  # Pagefind is gone (BrokenPipeError), or stop() closed the pipe: result() says why
                return
            if last and not self._batch:
                return

    def _kill(self) -> int:
        if self._proc.poll() is None:
            self._proc.kill()
        return self._proc.wait()

    def _close(self) -> None:
        for handle in (self._answers, self._log):
            handle.close()


def _binary() -> Path:
    """The Pagefind of the `pagefind[bin]` package (or PAGEFIND_BINARY_PATH), as `python -m pagefind` finds it."""
    from pagefind.service import get_executable

    found = get_executable()
    if found is None:
        raise RuntimeError("Pagefind ontbreekt: installeer pagefind[bin] (make doet dat)")
    return found


def write_bundle(bundle: Path, files: list[dict]) -> None:
    """Pagefind's files as its service hands them over ({path, content in base64}), in place of any older index.

    Written over the older index's files, which mostly have the same names (hashes of their
    content), and then its other files deleted: see macros/old_site.py for why not delete first.
    """
    made: set[Path] = set()
    written: set[Path] = set()
    for file in files:
        relative = PurePosixPath(file["path"])
        if relative.is_absolute() or ".." in relative.parts:
            raise RuntimeError(f"Pagefind gaf een bestand buiten de zoekindex terug: {file['path']}")
        path = bundle / relative
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_bytes(base64.b64decode(file["content"]))
        written.add(path)
    for folder, _, names in os.walk(bundle, topdown=False):
        for name in names:
            if Path(folder, name) not in written:
                os.unlink(os.path.join(folder, name))
        if not os.listdir(folder):
            os.rmdir(folder)


def written_page_count(bundle: Path) -> int:
    """The number of pages in a written Pagefind index, from its entry file (all languages together)."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    return sum(language["page_count"] for language in entry["languages"].values())


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
    """Index a built `site_dir` afresh, as Pagefind's own command does; return the number of pages it indexed."""
    shutil.rmtree(site_dir / "pagefind", ignore_errors=True)
    done = subprocess.run(_pagefind(site_dir), capture_output=True, text=True)
    count = _indexed_count(done.stdout)
    if done.returncode != 0 or count is None:
        raise RuntimeError(f"Pagefind faalde:\n{done.stdout}{done.stderr}")
    return count


def check(site_dir: Path, indexed: int, known: set[str] | frozenset[str] = frozenset()) -> int:
    expected = len(content_pages(site_dir, known))
    if indexed != expected:
        raise RuntimeError(f"Pagefind indexeerde {indexed} pagina's, maar de site heeft er {expected} met inhoud")
    return indexed


def index_and_check(site_dir: Path) -> int:
    return check(site_dir, index_site(site_dir))
