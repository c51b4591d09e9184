"""Builds a project the way `mkdocs serve --dirty` rebuilds it, one build per line on stdin.

Run in a project copy (cwd), with the site folder as argument. Each line "build" runs one
build in this same process, as the serve loop does (a fresh config, the same hooks module);
"index" runs Pagefind over the site now (the serve loop does that after a quiet period);
"quit" ends. After each command the driver prints "ok" or "error: …" on one line.
"""
from __future__ import annotations

import sys
import traceback

from mkdocs.commands.build import build
from mkdocs.config import load_config

URL = "http://127.0.0.1:8000/"


def main(site: str) -> None:
    started = False
    for line in sys.stdin:
        command = line.strip()
        try:
            if command == "build":
                config = load_config(config_file="mkdocs.yml", site_dir=site)
                if not started:
                    config.plugins.on_startup(command="serve", dirty=True)
                    started = True
                config.site_url = URL
                build(config, serve_url=URL, dirty=True)
            elif command == "index":
                hooks = sys.modules["mkdocs_hooks"] if "mkdocs_hooks" in sys.modules else sys.modules["macros/mkdocs_hooks.py"]
                hooks._state["reindexer"].run_now()
            elif command == "quit":
                print("ok", flush=True)
                return
            print("ok", flush=True)
        except BaseException as err:  # noqa: BLE001 — reported to the test
            print("error: " + " ".join((repr(err) + " " + traceback.format_exc()).split()), flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
