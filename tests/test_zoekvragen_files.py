"""Shape of the search query sets in tests/zoekvragen/ (issue 11, "Measured, not guessed").

The sets are hand-written from the content; a typo in an expected URL would silently turn a
query into a miss, so every `verwacht` path must resolve to a record file or a docs page.
The fresh set (vers.yaml) must share no query with the tuning set (oefen.yaml).
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SETS = ROOT / "tests" / "zoekvragen"
KINDS = {"woord", "samenstelling", "synoniem", "plaats", "vraag", "tikfout"}
KEYS = {"vraag", "soort", "verwacht", "top"}
MINIMUM = {"oefen.yaml": 90, "vers.yaml": 40}
# URL prefix → data folder. Each collection also has a generated index page (<prefix>/).
COLLECTIONS = {
    "principes": "principes",
    "tools": "tools",
    "routekaart": "routekaart",
    "kernaanpakken": "kernaanpakken",
    "wijken": "wijken",
    "praktijken": "good-practices",
}


def page_exists(url: str, root: Path = ROOT) -> bool:
    """True when `url` (as built: 'tools/din/') is a record page, a collection index or a docs page."""
    parts = url.strip("/").split("/")
    if parts[0] in COLLECTIONS and len(parts) <= 2:
        folder = root / "data" / COLLECTIONS[parts[0]]
        if len(parts) == 1:
            return folder.is_dir()
        if parts[0] == "praktijken":
            return len(list(folder.glob(f"*/{parts[1]}.yaml"))) == 1
        return (folder / f"{parts[1]}.yaml").is_file()
    stem = root / "docs" / url.strip("/")
    return stem.with_suffix(".md").is_file() or (stem / "index.md").is_file()


def load(name: str) -> list:
    return yaml.safe_load((SETS / name).read_text(encoding="utf-8"))


def normalise(q: str) -> str:
    return " ".join(q.lower().split())


@pytest.mark.parametrize("name", sorted(MINIMUM))
def test_query_set_shape(name):
    entries = load(name)
    assert isinstance(entries, list) and len(entries) >= MINIMUM[name], f"{name}: at least {MINIMUM[name]} queries"
    problems, seen = [], set()
    for i, e in enumerate(entries, 1):
        label = f"{name} #{i} {e.get('vraag')!r}" if isinstance(e, dict) else f"{name} #{i}"
        if not isinstance(e, dict) or set(e) != KEYS:
            problems.append(f"{label}: keys must be exactly {sorted(KEYS)}")
            continue
        if not isinstance(e["vraag"], str) or not e["vraag"].strip():
            problems.append(f"{label}: empty vraag")
        elif normalise(e["vraag"]) in seen:
            problems.append(f"{label}: duplicate query")
        else:
            seen.add(normalise(e["vraag"]))
        if e["soort"] not in KINDS:
            problems.append(f"{label}: soort {e['soort']!r} not in {sorted(KINDS)}")
        if e["top"] != (5 if e["soort"] == "vraag" else 3):
            problems.append(f"{label}: top must be 5 for soort vraag, else 3")
        urls = e["verwacht"]
        if not isinstance(urls, list) or not urls or len(set(urls)) != len(urls):
            problems.append(f"{label}: verwacht must be a non-empty list without repeats")
            continue
        for url in urls:
            if not isinstance(url, str) or url.startswith("/") or not url.endswith("/"):
                problems.append(f"{label}: {url!r} must look like 'tools/din/' (no leading slash, trailing slash)")
            elif not page_exists(url):
                problems.append(f"{label}: {url!r} is no record or page")
    assert not problems, "\n".join(problems)
    assert {e["soort"] for e in entries} == KINDS, f"{name}: every kind must occur"


def test_fresh_set_shares_no_query_with_tuning_set():
    tuned = {normalise(e["vraag"]) for e in load("oefen.yaml")}
    overlap = [e["vraag"] for e in load("vers.yaml") if normalise(e["vraag"]) in tuned]
    assert not overlap, f"vers.yaml repeats queries from oefen.yaml: {overlap}"


def test_page_exists_rejects_typos(tmp_path):
    (tmp_path / "data" / "tools").mkdir(parents=True)
    (tmp_path / "data" / "tools" / "din.yaml").write_text("id: din\n")
    (tmp_path / "data" / "good-practices" / "wijk-a").mkdir(parents=True)
    (tmp_path / "data" / "good-practices" / "wijk-a" / "p.yaml").write_text("id: p\n")
    (tmp_path / "docs" / "over").mkdir(parents=True)
    (tmp_path / "docs" / "over" / "index.md").write_text("# Over\n")
    (tmp_path / "docs" / "over" / "theory-u.md").write_text("# U\n")
    assert page_exists("tools/din/", tmp_path) and page_exists("tools/", tmp_path)
    assert page_exists("praktijken/p/", tmp_path) and page_exists("over/", tmp_path)
    assert page_exists("over/theory-u/", tmp_path)
    assert not page_exists("tools/dinn/", tmp_path)
    assert not page_exists("praktijken/wijk-a/", tmp_path)
    assert not page_exists("over/theorie-u/", tmp_path)
    assert not page_exists("principes/", tmp_path)
