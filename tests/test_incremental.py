"""`make serve` rebuilds only what an edit affects, and loses nothing doing so.

An incremental rebuild after adding, editing, renaming and deleting records must give the
same site as a build from scratch of the same data: the same pages, byte for byte, the same
search entries and the same rows of open data.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from macros import incremental
from tests.bench import make_project
from tests.pagefind_index import fragments

DRIVER = Path(__file__).with_name("serve_driver.py")


class Serve:
    """A project copy rebuilt the way `mkdocs serve --dirty` does it."""

    def __init__(self, project: Path, site: Path):
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project), "PYTHONDONTWRITEBYTECODE": "1"}
        env.pop("MENUKAART_DATA", None)
        self.site = site
        self.proc = subprocess.Popen([sys.executable, str(DRIVER), str(site)], cwd=project, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def run(self, command: str) -> None:
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        answer = self.proc.stdout.readline().strip()
        assert answer == "ok", answer

    def close(self) -> str:
        self.run("quit")
        self.proc.stdin.close()
        err = self.proc.stderr.read()
        self.proc.wait(timeout=60)
        return err


_tick = [0]


def write(path: Path, text: str) -> None:
    """Write and give the file a new mtime even within the file system's time resolution."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    _tick[0] += 1
    t = time.time_ns() + _tick[0] * 1_000_000_000
    os.utime(path, ns=(t, t))


# Written only by `make build`: the sitemap is for search engines, so `make serve` leaves it out.
BUILD_ONLY = {"sitemap.xml"}


def site_files(site: Path, downloads: bool = True) -> dict[str, bytes]:
    """Every file but the search index; without the open-data downloads and the search's word
    book, which lag behind like search."""
    out = {}
    for folder, dirs, files in os.walk(site):
        if Path(folder) == site:  # the index is swapped in the background (pagefind.nieuw/.oud): never walk into it
            dirs[:] = [d for d in dirs if not d.startswith("pagefind")]
        for f in files:
            p = Path(folder) / f
            name = str(p.relative_to(site))
            lagging = (name.startswith("data/") and p.suffix != ".html") or name.startswith("zoeken/")
            if p.suffix != ".gz" and name not in BUILD_ONLY and (downloads or not lagging):
                out[name] = p.read_bytes()
    return dict(sorted(out.items()))


def search_entries(site: Path) -> list[tuple]:
    return sorted((e["url"], e["content"], repr(sorted(e["meta"].items())), repr(sorted(e["filters"].items()))) for e in fragments(site))


@pytest.fixture
def project(tmp_path) -> Path:
    return make_project(tmp_path / "project", 3, git=False)


def _practices(project: Path) -> list[Path]:
    return sorted((project / "data" / "good-practices").glob("*/*.yaml"))


def _clean_build(project: Path, site: Path, index: bool = False) -> Path:
    clean = Serve(project, site)
    try:
        clean.run("build")  # the first build of a session renders everything
        if index:
            clean.run("index")
    finally:
        clean.close()
    return site


def _edits(project: Path):
    """Each step changes the data the way an editor would; yields the step's name."""
    practices = _practices(project)
    fake = [p for p in practices if "testpraktijk" in p.name]
    real = [p for p in practices if "testpraktijk" not in p.name]
    write(real[0], re.sub(r"^titel: .*$", 'titel: "Gewijzigde titel (test)"', real[0].read_text("utf-8"), count=1, flags=re.M))
    yield "edit a practice's title"
    text = fake[0].read_text("utf-8")
    write(fake[0], re.sub(r"^principes:\n(  - .*\n)+", "principes:\n  - " + sorted((project / "data" / "principes").glob("*.yaml"))[-1].stem + "\n", text, flags=re.M))
    yield "change a practice's principes"
    new = fake[0].with_name("testpraktijk-9999-nep.yaml")
    write(new, fake[0].read_text("utf-8").replace(fake[0].stem, new.stem).replace("Testpraktijk 0000", "Testpraktijk 9999"))
    yield "add a practice"
    renamed = fake[1].with_name("testpraktijk-8888-nep.yaml")
    write(renamed, fake[1].read_text("utf-8").replace(fake[1].stem, renamed.stem))
    fake[1].unlink()
    yield "rename a practice"
    fake[2].unlink()
    yield "delete a practice"
    tool = sorted((project / "data" / "tools").glob("*.yaml"))[0]
    write(tool, re.sub(r"^titel: .*$", 'titel: "Andere tooltitel (test)"', tool.read_text("utf-8"), count=1, flags=re.M))
    yield "edit a tool's title"
    import yaml

    practice_wijk = yaml.safe_load(real[0].read_text("utf-8"))["wijk"]
    wijk = project / "data" / "wijken" / f"{practice_wijk}.yaml"
    write(wijk, re.sub(r"^titel: .*$", 'titel: "Andere wijknaam (test)"', wijk.read_text("utf-8"), count=1, flags=re.M))
    yield "edit the title of a wijk with practices (its tools and principes name it)"
    principe = sorted((project / "data" / "principes").glob("*.yaml"))[0]
    write(principe, re.sub(r"^titel: .*$", 'titel: "Ander principe (test)"', principe.read_text("utf-8"), count=1, flags=re.M))
    yield "edit a principe's title"
    fase, tool_id = next((f, m["tools"][0]) for f in sorted((project / "data" / "routekaart").glob("*.yaml"))
                         for m in yaml.safe_load(f.read_text("utf-8")).get("bijeenkomsten", []) if m.get("tools"))
    write(fase, re.sub(r"^  - titel: .*$", "  - titel: Andere bijeenkomst (test)", fase.read_text("utf-8"), count=1, flags=re.M))
    yield "edit a meeting's title (the tool pages of its tools name it)"
    tool = project / "data" / "tools" / f"{tool_id}.yaml"
    write(tool, re.sub(r"^titel: .*$", 'titel: "Tool van een bijeenkomst (test)"', tool.read_text("utf-8"), count=1, flags=re.M))
    yield "edit the title of a tool a meeting names"
    config = project / "mkdocs.yml"
    write(config, re.sub(r"^copyright: .*$", "copyright: Andere voettekst (test)", config.read_text("utf-8"), count=1, flags=re.M))
    yield "edit the footer of every page (mkdocs.yml)"


def test_incremental_rebuilds_give_the_same_site_as_a_clean_build(project, tmp_path):
    serve = Serve(project, tmp_path / "incremental")
    steps = []
    try:
        serve.run("build")
        for step in _edits(project):
            serve.run("build")
            clean = site_files(_clean_build(project, tmp_path / f"clean-{len(steps)}"), downloads=False)
            ours = site_files(tmp_path / "incremental", downloads=False)
            steps.append((step, sorted(set(ours) ^ set(clean)), [name for name in clean if name in ours and ours[name] != clean[name]]))
        serve.run("index")
    finally:
        serve.close()
    assert [s for s in steps if s[1] or s[2]] == []
    final = tmp_path / f"clean-{len(steps) - 1}"
    _clean_build(project, final, index=True)
    assert (tmp_path / "incremental" / "praktijken" / "testpraktijk-9999-nep" / "index.html").is_file()
    assert not (tmp_path / "incremental" / "praktijken" / "testpraktijk-0001-nep").exists()
    assert search_entries(tmp_path / "incremental") == search_entries(final)
    ours, clean = site_files(tmp_path / "incremental"), site_files(final)  # now with the open data
    assert any(name.startswith("data/") and name.endswith(".csv") for name in clean)
    assert sorted(ours) == sorted(clean) and [name for name in clean if ours[name] != clean[name]] == []


def test_a_broken_file_shows_a_banner_and_keeps_the_server_going_until_it_is_fixed(project, tmp_path):
    serve = Serve(project, tmp_path / "site")
    page = tmp_path / "site" / "tools"
    try:
        serve.run("build")
        tool = sorted((project / "data" / "tools").glob("*.yaml"))[0]
        good = tool.read_text("utf-8")
        html = page / tool.stem / "index.html"
        title = re.search(r"<h1[^>]*>(.*?)</h1>", html.read_text("utf-8"), re.S).group(1)
        write(tool, good.replace("titel:", "tietel:", 1))
        serve.run("build")  # no exception: the server goes on
        broken = html.read_text("utf-8")
        assert "data-menukaart-fout" in broken and f"data/tools/{tool.name}:" in broken and "tietel" in broken
        assert re.search(r"<h1[^>]*>(.*?)</h1>", broken, re.S).group(1) == title  # the last good version
        assert "data-menukaart-fout" in (tmp_path / "site" / "index.html").read_text("utf-8")
        write(tool, good)
        serve.run("build")
        assert "data-menukaart-fout" not in html.read_text("utf-8")
        assert "data-menukaart-fout" not in (tmp_path / "site" / "index.html").read_text("utf-8")
    finally:
        err = serve.close()
    assert f"data/tools/{tool.name}:" in err and "FOUT in de data" in err


def test_only_record_files_are_rebuilt_incrementally(tmp_path):
    data = tmp_path / "data"
    assert incremental.record_collection(data, data / "good-practices" / "w" / "p.yaml").name == "praktijken"
    assert incremental.record_collection(data, data / "tools" / "t.yaml").name == "tools"
    assert incremental.record_collection(data, data / "schema" / "tools.schema.json") is None
    assert incremental.record_collection(data, data / "good-practices" / "p.yaml") is None
    assert incremental.record_collection(data, tmp_path / "docs" / "index.md") is None


def test_stamps_see_added_changed_and_removed_files(tmp_path):
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    write(a, "x")
    write(b, "y")
    before = incremental.stamps([tmp_path])
    write(a, "xx")
    b.unlink()
    write(tmp_path / "c.yaml", "z")
    write(tmp_path / ".c.yaml.swp", "editor")
    write(tmp_path / "c.yaml~", "editor")
    assert incremental.changed(before, incremental.stamps([tmp_path])) == {str(a), str(b), str(tmp_path / "c.yaml")}


def test_carried_links_equal_links_computed_afresh():
    """After practice edits the links are redone for those practices only; they must match a full computation."""
    import copy
    import random

    from macros.catalogue import Catalogue, load_catalogue
    from tests.conftest import ROOT

    def nonempty(links):
        return {k: {c: set(v) for c, v in d.items() if v} for k, d in links.items() if any(d.values())}

    cat = load_catalogue(ROOT / "data", root=ROOT)
    rng = random.Random(1)
    principes = [r.id for r in cat.by_collection["principes"]]
    for trial in range(12):
        practice = rng.choice(cat.by_collection["praktijken"])
        edited = copy.deepcopy(practice)
        edited.values["principes"] = rng.sample(principes, 2)
        edited.values["tools"] = []
        records = [edited if r is practice else r for r in cat.records if not (trial % 3 == 0 and r is practice)]
        carried = Catalogue(records, cat.schemas)
        incremental.carry_links(cat, carried, {practice.key})
        assert nonempty(carried._links) == nonempty(Catalogue(records, cat.schemas)._links), trial
        cat = carried
    # A tool that others refer to: redone together with the records that refer to it.
    for trial in range(6):
        tool = rng.choice(cat.by_collection["tools"])
        edited = copy.deepcopy(tool)
        edited.values["principes"] = rng.sample(principes, 2)
        records = [edited if r is tool else r for r in cat.records]
        carried = Catalogue(records, cat.schemas)
        referring = {r.key for r in records if r.path in incremental.refers_to(records, cat.schemas, {tool.key})}
        incremental.carry_links(cat, carried, {tool.key}, referring)
        assert nonempty(carried._links) == nonempty(Catalogue(records, cat.schemas)._links), trial
        cat = carried
    # A tool that a meeting names goes away, then comes back: the fase's link goes and comes with it.
    named = next(t for t in cat.by_collection["tools"] if cat.meetings_with(t))
    for records in ([r for r in cat.records if r is not named], list(cat.records)):
        carried = Catalogue(records, cat.schemas)
        referring = {r.key for r in records if r.path in incremental.refers_to(records, cat.schemas, {named.key})}
        assert any(k[0] == "routekaart" for k in referring)
        incremental.carry_links(cat, carried, {named.key}, referring)
        assert nonempty(carried._links) == nonempty(Catalogue(records, cat.schemas)._links)
        cat = carried


def test_an_unknown_reference_in_an_edited_practice_is_reported_and_fixing_it_recovers(project, tmp_path):
    serve = Serve(project, tmp_path / "site")
    try:
        serve.run("build")
        practice = [p for p in _practices(project) if "testpraktijk" in p.name][0]
        good = practice.read_text("utf-8")
        html = tmp_path / "site" / "praktijken" / practice.stem / "index.html"
        write(practice, re.sub(r"^wijk: .*$", "wijk: bestaat-niet", good, count=1, flags=re.M).replace("principes:\n", "principes:\n  - ook-niet\n", 1))
        serve.run("build")
        page = html.read_text("utf-8")
        assert "data-menukaart-fout" in page and "bestaat-niet" in page and "ook-niet" in page
        write(practice, good)
        serve.run("build")
        assert "data-menukaart-fout" not in html.read_text("utf-8")
    finally:
        serve.close()


def test_the_error_banner_escapes_what_an_editor_typed():
    from macros.problems import Problem

    banner = incremental.error_banner([Problem("data/tools/x.yaml", 3, "titel", "<script>alert(1)</script> is geen tekst")] * 21)
    assert "<script>" not in banner and "&lt;script&gt;" in banner
    assert banner.count("<li>") == 20 and "En nog 1 andere fouten" in banner


def test_the_watchers_paths_stand_in_for_looking_at_every_file(project, monkeypatch):
    """Under `make serve` the file watcher names the changed files; walking all of data/ is only the fallback."""
    session = incremental.Session(project / "data", project, project=project)
    session.load()
    session.watch()
    practice = [p for p in _practices(project) if "testpraktijk" in p.name][0]
    walks = []
    real_stamps = incremental.stamps
    monkeypatch.setattr(incremental, "stamps", lambda paths: walks.append(paths) or real_stamps(paths))

    write(practice, re.sub(r"^titel: .*$", 'titel: "Door de watcher gezien (test)"', practice.read_text("utf-8"), count=1, flags=re.M))
    session.notify(str(practice))
    session.notify(str(practice.with_name("." + practice.name + ".swp")))  # an editor's own file: no change
    update = session.load()
    assert walks == [] and not update.full
    assert update.changed_keys == {("praktijken", practice.stem)}
    assert session.catalogue.get("praktijken", practice.stem).title == "Door de watcher gezien (test)"

    session.notify(str(practice.with_name("kladje.yaml~")))  # only leftovers: nothing to read again
    assert session.load().changed_keys == set() and walks == []

    # A folder that moved: which files went with it is unknown, so every file is looked at.
    folder = practice.parent
    moved = folder.with_name(folder.name + "-verhuisd")
    folder.rename(moved)
    session.notify(str(folder), is_directory=True)
    update = session.load()
    assert len(walks) == 1 and ("praktijken", practice.stem) in update.changed_keys
    assert any(p.path == f"data/good-practices/{moved.name}/{practice.name}" for p in update.problems)  # its folder no longer names its wijk

    # A build nobody told us the reason of (a path the session does not hear about): look at all.
    session.load()
    assert len(walks) == 2


@pytest.mark.parametrize("watch", ["", "polling"])
def test_make_serve_shows_an_edit_and_stops_without_leaving_an_indexer(project, tmp_path, watch):
    """The real `mkdocs serve` with the Makefile's flags: an edited title shows; stopping it stops its background work.

    Both ways of noticing an edit: inotify (the default on Linux) and MkDocs' own polling.
    """
    import socket
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project), "PYTHONDONTWRITEBYTECODE": "1", "MENUKAART_WATCH": watch}
    env.pop("MENUKAART_DATA", None)
    practice = [p for p in _practices(project) if "testpraktijk" in p.name][0]
    url = f"http://127.0.0.1:{port}/praktijken/{practice.stem}/"
    log = (tmp_path / "serve.log").open("w+")
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
                            cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT, text=True)

    def page_holds(text: str, limit: float = 120) -> bool:
        end = time.monotonic() + limit
        while time.monotonic() < end:
            try:
                with urllib.request.urlopen(url, timeout=5) as resp:
                    if text in resp.read().decode("utf-8"):
                        return True
            except OSError:
                pass
            time.sleep(0.2)
        return False

    try:
        assert page_holds("<h1")
        write(practice, re.sub(r"^titel: .*$", 'titel: "Bewerkt terwijl de server draait (test)"', practice.read_text("utf-8"), count=1, flags=re.M))
        assert page_holds("Bewerkt terwijl de server draait (test)", limit=60)
        # Edit again right away, while the search index of the start may still be made in the background.
        write(practice, re.sub(r"^titel: .*$", 'titel: "Nog een keer bewerkt (test)"', practice.read_text("utf-8"), count=1, flags=re.M))
        assert page_holds("Nog een keer bewerkt (test)", limit=60)
        time.sleep(3)  # a server that rebuilt on its own reading of the files would go on and on
    finally:
        proc.terminate()
        proc.wait(timeout=60)
    time.sleep(1)
    left = subprocess.run(["pgrep", "-f", str(project / "site")], capture_output=True, text=True).stdout.split()
    log.seek(0)
    output = log.read()
    assert "Traceback" not in output, output[-3000:]
    assert ("het besturingssysteem meldt gewijzigde bestanden meteen" in output) == (sys.platform.startswith("linux") and watch != "polling")
    assert 1 <= output.count("Detected file changes") <= 4, output[-3000:]
    assert left == [], f"nog draaiende processen voor deze site: {left}"


def test_the_native_watcher_reports_changes_but_not_reading(tmp_path):
    """MkDocs rebuilds on every event it hears; a build reads every file, so reading must not count."""
    import threading

    from watchdog.events import FileSystemEventHandler

    from macros import native_watch

    observer = native_watch.changes_observer()
    if observer is None:
        pytest.skip("geen inotify op dit systeem")
    seen, heard = [], threading.Event()
    handler = FileSystemEventHandler()
    handler.on_any_event = lambda event: (seen.append(event.event_type), heard.set())
    existing = tmp_path / "bestaand.yaml"
    existing.write_text("titel: x\n", "utf-8")
    observer.schedule(handler, str(tmp_path), recursive=True)
    observer.start()
    try:
        for _ in range(3):
            existing.read_text("utf-8")
        time.sleep(1)
        assert seen == []
        existing.write_text("titel: y\n", "utf-8")
        assert heard.wait(10) and "modified" in seen
    finally:
        observer.stop()
        observer.join()


def test_the_background_indexer_runs_once_per_wish_and_reports_from_its_child(tmp_path, monkeypatch):
    from macros import search_index

    monkeypatch.setattr(search_index, "FORK", False)
    indexer = search_index.Reindexer(tmp_path, quiet_seconds=60)
    calls = []
    indexer._work = lambda: (calls.append(1) or True, [])
    indexer.poke()  # quiet period of a minute: nothing yet
    indexer.run_now()
    assert len(calls) == 1 and indexer.runs == 1
    indexer._run()  # a run that was already waiting for the lock: its work is done
    assert len(calls) == 1
    indexer.poke(delay=0)
    indexer._timer.join(10)
    assert len(calls) == 2

    if search_index.sys.platform.startswith("linux"):
        assert search_index._in_child(lambda: (True, ["uit het kind"])) == (True, ["uit het kind"])
        ok, messages = search_index._in_child(lambda: 1 / 0)
        assert not ok and "ZeroDivisionError" in messages[0]
