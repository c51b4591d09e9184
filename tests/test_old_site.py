"""A clean build moves the previous site aside and deletes it in the background, and keeps what MkDocs' own cleaning keeps."""
from __future__ import annotations

from macros import old_site


def test_the_old_site_is_moved_aside_and_deleted_but_hidden_entries_stay(tmp_path):
    site = tmp_path / "site"
    (site / "praktijken" / "testpraktijk-nep").mkdir(parents=True)
    (site / "praktijken" / "testpraktijk-nep" / "index.html").write_text("<html lang=\"nl\"></html>", "utf-8")
    (site / "robots.txt").write_text("User-agent: *\n", "utf-8")
    (site / ".git").mkdir()  # e.g. a gh-pages checkout: MkDocs' own cleaning keeps it too
    aside = old_site.move_aside(site)
    assert aside is not None and (aside / "robots.txt").is_file()
    assert sorted(p.name for p in site.iterdir()) == [".git"]
    old_site.finish(old_site.start_deleting(aside))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # nothing of the old site left beside it


def test_nothing_to_clear_starts_nothing(tmp_path):
    assert old_site.move_aside(tmp_path / "bestaat-niet") is None
    (tmp_path / "leeg").mkdir()
    assert old_site.move_aside(tmp_path / "leeg") is None
    assert old_site.start_deleting(None) is None
