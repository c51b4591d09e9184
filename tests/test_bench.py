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


def _row(n, build_s=10.0, bare_s=6.0, page=20_000.0, first_kb=250.0, first_ms=300.0, later_kb=40.0, validate_s=2.0, peak=500e6, start_s=30.0, edit_s=2.0):
    from tests.bench import FIRST_QUERIES, Row, Search, Serve

    first = {q: (first_kb, first_ms, 3) for _, q in FIRST_QUERIES}
    search = Search(kb=[first_kb, later_kb], ms=[first_ms, 50.0], hits=[10, 5], ui_kb=300.0, ui_ms=600.0, first=first)
    serve = Serve(start_s, [edit_s] * 3, 50.0)
    return Row(n, 2, n + 100, validate_s, build_s, int(peak), bare_s, int(peak / 5), 1.0, 10**7, page, int(page) + 500, search, bare_s * 1.3,
               make_build_s=build_s, serve=serve)


def _verdicts(cells):
    """Measure -> verdict in the last column, for the rows that have a target."""
    return {row[0]: row[-1] for row in cells[1:] if row[1] and row[1] != "maatstaf"}


def test_table_judges_every_target_at_the_largest_size():
    from tests.bench import table

    good = _verdicts(table([_row(100), _row(5000)]))
    assert len(good) == 12 and set(good.values()) == {"ja"}  # validate, ratio, memory, page size, 3 + 3 search targets, 2 serve targets
    bad = _verdicts(table([_row(100), _row(5000, build_s=13.0, page=27_000.0, first_kb=301.0, first_ms=501.0, later_kb=101.0, validate_s=10.5, peak=2.1e9, start_s=41.0, edit_s=3.1)]))
    assert set(bad.values()) == {"**nee**"}


def test_real_content_targets_and_a_serve_change_that_never_showed():
    from tests.bench import Serve, real_table

    assert [r[-1] for r in real_table(14.9, Serve(5.0, [1.4, 1.5, 9.0]))[1:] if r[1]] == ["ja", "ja"]
    assert [r[-1] for r in real_table(15.1, Serve(5.0, [1.0, None, 1.0]))[1:] if r[1]] == ["**nee**", "**nee**"]
    assert "niet gezien" in real_table(3.0, Serve(5.0, [None]))[3][2]


def test_bare_site_with_search_keeps_materials_search_plugin(tmp_path):
    bare = make_bare_site(tmp_path / "bare", 3, search=True)
    config = (bare / "mkdocs.yml").read_text("utf-8")
    assert "  - search" in config and "plugins: []" not in config


def test_report_names_the_pagefind_that_was_measured(monkeypatch):
    import importlib.metadata

    from tests import bench

    monkeypatch.delenv("PAGEFIND_BINARY_PATH", raising=False)
    assert bench.pagefind_version.__wrapped__() == importlib.metadata.version("pagefind_bin")
    monkeypatch.setattr(bench, "pagefind_version", lambda: "1.5.2")
    assert "met Pagefind 1.5.2." in bench.report([_row(100), _row(5000)], 4.0, bench.Serve(5.0, [1.0]))


def test_newer_pagefind_is_mentioned_only_while_an_older_one_is_measured(monkeypatch):
    from tests import bench

    newer = bench.NEWER_PAGEFIND["version"]
    monkeypatch.setattr(bench, "pagefind_version", lambda: "1.5.2")
    assert f"Pagefind {newer} staat al op npm" in bench.still_missed([_row(100), _row(5000, first_ms=700.0)])
    monkeypatch.setattr(bench, "pagefind_version", lambda: newer)
    missed = bench.still_missed([_row(100), _row(5000, first_ms=700.0)])
    assert "Eerste zoekvraag" in missed and "npm" not in missed


def test_pair_ratio_is_shown_next_to_the_judged_ratio_without_a_verdict():
    from tests.bench import table

    rows = [_row(100), _row(5000, build_s=13.0)]  # fastest of each: 13 / 6 = 2.17
    rows[-1].make_pair_ratios = [1.5, 1.9, 2.4]
    cells = table(rows)
    pair = next(row for row in cells if row[0].startswith("Dezelfde verhouding per paar"))
    assert pair[-2:] == ["1,90×", ""]  # the middle pair; no target, so no verdict
    assert pair[-3] == "–"  # a row without pairs says so instead of inventing a figure
    assert _verdicts(cells)["`make build` ten opzichte van de kale build"] == "**nee**"
