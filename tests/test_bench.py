"""`make bench` must not rot: its fake practices have to pass validation and look fake.

No timing here (timings belong in the bench itself); this only checks the generator.
"""
from __future__ import annotations

from tests.bench import make_bare_site, make_project
from macros.validate import validate


def test_fake_practices_are_valid_and_clearly_fake(tmp_path):
    project = make_project(tmp_path / "project", 20, git=False)
    result = validate(project / "data", root=project)
    assert result.problems == []
    fake = [r for r in result.records if r.collection.name == "praktijken" and r.id.startswith("testpraktijk-")]
    assert len(fake) == 20
    assert all(r.title.endswith("(nep)") for r in fake)
    wijken = {r.get("wijk") for r in fake}
    assert len(wijken) >= 2 and all(w.startswith("testwijk-") and w.endswith("-nep") for w in wijken)
    assert all(r.get("aanpak") and r.get("principes") for r in fake)


def test_generator_is_deterministic_and_leaves_real_data_alone(tmp_path):
    from tests.bench import ROOT

    before = sorted(p.relative_to(ROOT) for p in (ROOT / "data").rglob("*.yaml"))
    a = make_project(tmp_path / "a", 5, git=False)
    b = make_project(tmp_path / "b", 5, git=False)
    files = sorted((a / "data" / "good-practices").rglob("testpraktijk-*.yaml"))
    assert len(files) == 5
    for f in files:
        assert f.read_text("utf-8") == (b / f.relative_to(a)).read_text("utf-8")
    assert sorted(p.relative_to(ROOT) for p in (ROOT / "data").rglob("*.yaml")) == before
    assert not any("testpraktijk" in str(p) for p in before)


def test_bare_site_has_the_asked_number_of_pages(tmp_path):
    bare = make_bare_site(tmp_path / "bare", 7)
    assert len(list((bare / "docs").rglob("*.md"))) == 7
    assert "plugins: []" in (bare / "mkdocs.yml").read_text("utf-8")
