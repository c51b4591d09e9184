"""A clean build writes over the previous site's files and then deletes what it did not write;
it keeps what MkDocs' own cleaning keeps (macros/old_site.py)."""
from __future__ import annotations

from macros import old_site


def _old_site(root):
    site = root / "site"
    for page in ("tools/blijft", "tools/verdwenen", "praktijken/verdwenen-nep"):
        (site / page).mkdir(parents=True)
        (site / page / "index.html").write_text("<p>oud</p>", "utf-8")
    (site / "robots.txt").write_text("User-agent: *\n", "utf-8")
    (site / "pagefind").mkdir()
    (site / "pagefind" / "oud.pf_fragment").write_bytes(b"oud")
    (site / ".git").mkdir()  # e.g. a gh-pages checkout: MkDocs' own cleaning keeps it too
    return site


def test_the_build_writes_over_the_old_files_and_what_it_did_not_write_goes(tmp_path):
    site = _old_site(tmp_path)
    kept = site / "tools" / "blijft" / "index.html"
    inode = kept.stat().st_ino
    old = old_site.set_aside(site)
    assert old is not None
    assert sorted(p.name for p in site.iterdir()) == [".git"]  # what MkDocs' cleaning then finds
    old_site.put_back(old)
    assert sorted(p.name for p in site.iterdir()) == [".git", "pagefind", "praktijken", "tools"]  # old top-level files are gone
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # nothing left beside it
    kept.write_text("<p>nieuw</p>", "utf-8")  # as MkDocs writes a page
    (site / "tools" / "nieuw").mkdir()
    (site / "tools" / "nieuw" / "index.html").write_text("<p>nieuw</p>", "utf-8")
    removed = old_site.remove_unwritten(old, skip=("pagefind",))
    assert sorted(removed) == ["praktijken/verdwenen-nep/index.html", "tools/verdwenen/index.html"]
    assert kept.read_text("utf-8") == "<p>nieuw</p>" and kept.stat().st_ino == inode  # the same file, written over
    assert (site / "tools" / "nieuw" / "index.html").is_file()
    assert not (site / "praktijken").exists() and not (site / "tools" / "verdwenen").exists()  # folders left empty go too
    assert (site / "pagefind" / "oud.pf_fragment").is_file() and (site / ".git").is_dir()  # skipped, hidden


def test_a_build_that_stops_before_putting_back_leaves_no_old_site_beside(tmp_path):
    site = _old_site(tmp_path)
    old = old_site.set_aside(site)
    assert old_site.remove_unwritten(old) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert sorted(p.name for p in site.iterdir()) == [".git"]


def test_nothing_to_set_aside_changes_nothing(tmp_path):
    assert old_site.set_aside(tmp_path / "bestaat-niet") is None
    (tmp_path / "leeg").mkdir()
    assert old_site.set_aside(tmp_path / "leeg") is None
    old_site.put_back(None)
    assert old_site.remove_unwritten(None) == []
