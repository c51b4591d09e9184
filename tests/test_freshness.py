"""Freshness: 'bijgewerkt' and the git history on every practice page; /te-actualiseren/."""
from __future__ import annotations

import html
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from macros import freshness
from macros.catalogue import load_catalogue
from macros.pages import dutch_date
from tests.conftest import build_site, mkdocs_yml

ROOT = Path(__file__).resolve().parent.parent
EDIT = "https://github.com/pluswijken/menukaart/edit/main/"


@pytest.mark.parametrize(
    "today, expected",
    [
        (date(2026, 11, 23), date(2025, 11, 23)),
        (date(2026, 1, 15), date(2025, 1, 15)),
        (date(2024, 2, 29), date(2023, 2, 28)),
        (date(2026, 3, 31), date(2025, 3, 31)),
    ],
)
def test_cutoff_is_the_same_day_a_year_earlier(today, expected):
    assert freshness.cutoff(today) == expected


def test_cutoff_clamps_to_the_end_of_a_shorter_month():
    assert freshness.cutoff(date(2025, 3, 31), months=1) == date(2025, 2, 28)


def _set_updated(data: Path, practice_id: str, day: str) -> Path:
    path = next(data.glob(f"good-practices/*/{practice_id}.yaml"))
    text = path.read_text("utf-8")
    path.write_text(re.sub(r"^bijgewerkt: .*$", f"bijgewerkt: {day}", text, flags=re.M), "utf-8")
    return path


def test_only_practices_older_than_twelve_months_are_stale_oldest_first(data_copy):
    ids = sorted(p.stem for p in data_copy.glob("good-practices/*/*.yaml"))
    _set_updated(data_copy, ids[0], "2025-11-23")  # exactly twelve months: not yet
    _set_updated(data_copy, ids[1], "2025-11-22")
    _set_updated(data_copy, ids[2], "2019-05-01")
    cat = load_catalogue(data_copy, root=data_copy.parent)
    stale = freshness.stale_practices(cat, date(2026, 11, 23))
    assert [r.id for r in stale] == [ids[2], ids[1]]


# ---------------------------------------------------------------- build


@pytest.fixture(scope="module")
def stale_site(tmp_path_factory):
    """The site built from a copy of data/ in which one practice is old."""
    base = tmp_path_factory.mktemp("stale")
    data = base / "data"
    shutil.copytree(ROOT / "data", data)
    path = _set_updated(data, sorted(p.stem for p in data.glob("good-practices/*/*.yaml"))[0], "2020-01-31")
    site = base / "site"
    run = build_site(site, env={"MENUKAART_DATA": str(data)})
    assert run.returncode == 0, run.stdout + run.stderr
    return site, path.relative_to(base)


@pytest.mark.build
def test_stale_page_lists_the_old_practice_with_an_edit_link(stale_site):
    site, rel = stale_site
    text = (site / "te-actualiseren" / "index.html").read_text("utf-8")
    items = re.findall(r'<li data-mk-stale="([^"]+)">(.*?)</li>', text, re.S)
    assert [i for i, _ in items] == [rel.stem]
    item = items[0][1]
    assert f'href="../praktijken/{rel.stem}/"' in item
    assert f'href="{EDIT}{rel.as_posix()}"' in item
    assert "31 januari 2020" in item
    assert "data-mk-empty" not in text


@pytest.mark.build
def test_stale_page_on_the_real_data_is_honest(site_dir):
    cat = load_catalogue(ROOT / "data", root=ROOT)
    stale = freshness.stale_practices(cat, freshness.build_date())
    text = (site_dir / "te-actualiseren" / "index.html").read_text("utf-8")
    assert re.findall(r'data-mk-stale="([^"]+)"', text) == [r.id for r in stale]
    assert ("data-mk-empty" in text) == (not stale)
    assert len(re.findall(r"<h1\b", text)) == 1


@pytest.mark.build
def test_stale_page_is_in_the_navigation_once(site_dir):
    nav = mkdocs_yml()["nav"]
    assert {"Te actualiseren": "te-actualiseren.md"} in nav
    home = (site_dir / "index.html").read_text("utf-8")
    assert home.count('href="te-actualiseren/"') >= 1


def _git_log(path: str) -> list[tuple[str, str]]:
    out = subprocess.run(["git", "-C", str(ROOT), "log", "--no-merges", "--date=short", "--format=%ad%x1f%s", "--", path], capture_output=True, text=True, check=True).stdout
    return [tuple(line.split("\x1f", 1)) for line in out.splitlines()]


@pytest.mark.build
def test_practice_pages_show_bijgewerkt_and_their_git_history(site_dir):
    cat = load_catalogue(ROOT / "data", root=ROOT)
    checked = 0
    for record in cat.by_collection["praktijken"]:
        text = (site_dir / record.url / "index.html").read_text("utf-8")
        updated = record.get("bijgewerkt")
        assert f'<time datetime="{updated}">{dutch_date(updated)}</time>' in text, record.id
        expected = _git_log(record.path)
        history = re.search(r'<details class="mk-history">(.*?)</details>', text, re.S)
        if not expected:
            assert history is None, record.id
            continue
        entries = re.findall(r'<li><time datetime="([^"]+)">[^<]*</time>: (.*?)</li>', history.group(1), re.S)
        assert [(d, html.unescape(m)) for d, m in entries] == expected, record.id
        checked += 1
    assert checked, "no practice file has git history: is this a git checkout?"


def test_a_stale_row_escapes_every_value_an_editor_typed():
    from types import SimpleNamespace

    from macros.main import _stale_row

    hostile = '"><script>alert(1)</script>'
    record = SimpleNamespace(id="x", url="praktijken/x/", title=hostile, path="data/good-practices/w/x.yaml", get=lambda name: "2020-01-02")
    row = str(_stale_row(record, SimpleNamespace(title=hostile), "../", "https://github.com/o/r/edit/main/"))
    assert "<script>" not in row and row.count("&lt;script&gt;") == 3
    assert 'href="../praktijken/x/"' in row and "2 januari 2020" in row and 'href="https://github.com/o/r/edit/main/data/good-practices/w/x.yaml"' in row
