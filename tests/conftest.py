"""Shared fixtures: the real site built once per run, served over HTTP, and a browser.

Pagefind only works over HTTP, so browser tests use `site_url`. Chromium is Debian's
(/usr/bin/chromium, installed by `make test`); Playwright never downloads a browser.
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("MENUKAART_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]


def build_site(dest: Path, config: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run a strict MkDocs build of the project into `dest`."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(dest)]
    if config:
        cmd += ["-f", str(config)]
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=full_env)


def mkdocs_yml() -> dict:
    """mkdocs.yml as data. MkDocs' own !ENV tag (site_url from SITE_URL) reads as None here."""
    import yaml

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_constructor("!ENV", lambda loader, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=_Loader)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """The real site, built once for the whole run."""
    dest = tmp_path_factory.mktemp("site")
    run = build_site(dest)
    assert run.returncode == 0, run.stdout + run.stderr
    return dest


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass

    def send_error(self, code, message=None, explain=None):
        """Answer a missing page with the site's 404.html, as static hosts do."""
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve(directory: Path):
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


@pytest.fixture(scope="session")
def site_url(site_dir) -> str:
    server = serve(site_dir)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} ontbreekt: `make test` installeert Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nl-NL")
    pg = context.new_page()
    yield pg
    context.close()


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A throw-away copy of data/ (schemas and records) to break on purpose."""
    dest = tmp_path / "data"
    shutil.copytree(ROOT / "data", dest)
    return dest
