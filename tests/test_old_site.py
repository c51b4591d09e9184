"""A clean build deletes the previous site in the background, and keeps what MkDocs' own cleaning keeps."""
from __future__ import annotations

from macros import old_site


def test_the_old_site_is_moved_aside_and_deleted_but_hidden_entries_stay(tmp_path):
    site = tmp_path / "site"
    (site / "praktijken" / "testpraktijk-nep").mkdir(parents=True)
    (site / "praktijken" / "testpraktijk-nep" / "index.html").write_text("<html lang=\"nl\"></html>", "utf-8")
    (site / "robots.txt").write_text("User-agent: *\n", "utf-8")
    (site / ".git").mkdir()  # e.g. a gh-pages checkout: MkDocs' own cleaning keeps it too
    deleting = old_site.clear_aside(site)
    assert deleting is not None
    assert sorted(p.name for p in site.iterdir()) == [".git"]
    old_site.finish(deleting)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # nothing of the old site left beside it


def test_nothing_to_clear_starts_nothing(tmp_path):
    assert old_site.clear_aside(tmp_path / "bestaat-niet") is None
    (tmp_path / "leeg").mkdir()
    assert old_site.clear_aside(tmp_path / "leeg") is None
