"""Record pages rendered on several cores are the same pages, in the same order."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from macros import parallel
from macros.catalogue import load_catalogue
from macros.pages import PageBuilder

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def always_fork(monkeypatch):
    """The real content is too small to fork; make every item count."""
    monkeypatch.setattr(parallel, "MIN_ITEMS_PER_WORKER", 1)


def _square_and_pid(x: int) -> tuple[int, int]:
    return x * x, os.getpid()


def _fail_on_seven(x: int) -> int:
    if x == 7:
        raise ValueError("zeven")
    return x


def test_results_come_back_in_order_from_other_processes(always_fork):
    out = parallel.map_forked(_square_and_pid, list(range(50)), workers=3)
    assert [v for v, _ in out] == [x * x for x in range(50)]
    pids = {pid for _, pid in out}
    # This process took a slice and children the rest. A pool does not promise that each of its
    # two workers takes one slice (under load one may take both), so count at least one child.
    assert os.getpid() in pids and 2 <= len(pids) <= 3


def test_small_inputs_stay_in_this_process():
    out = parallel.map_forked(_square_and_pid, list(range(10)), workers=4)
    assert {pid for _, pid in out} == {os.getpid()}


@pytest.mark.parametrize("items", [[7] + [0] * 9, [0] * 5 + [7] + [0] * 4], ids=["in this process", "in a child"])
def test_an_error_reaches_the_caller(always_fork, items):
    with pytest.raises(ValueError, match="zeven"):
        parallel.map_forked(_fail_on_seven, items, workers=2)


def test_forked_record_pages_equal_pages_rendered_one_by_one(always_fork):
    catalogue = load_catalogue(ROOT / "data", root=ROOT)
    builder = PageBuilder(catalogue, repo_url="https://github.com/voorbeeld/menukaart")
    pages = builder.all_pages()
    records = [p.record for p in pages if p.record is not None]
    assert records == catalogue.records
    for page in pages[: len(records)]:
        one = builder.record_page(page.record)
        assert (page.src_uri, page.title, page.description, page.body) == (one.src_uri, one.title, one.description, one.body)


def test_data_checked_on_several_cores_gives_the_same_records_and_problems(data_copy, monkeypatch):
    """Files read and tables checked in other processes: every problem still found, records the same."""
    from macros import validate as validating

    practice = data_copy / "good-practices" / "den-haag-zuidwest" / "heel-zuidwest-duurzaam-in-beweging.yaml"
    text = practice.read_text("utf-8")
    practice.write_text(text.replace("status: idee", "status: misschien").replace("wijk: den-haag-zuidwest", "wijk: den-haag-zuidwest\nkleur: blauw"), "utf-8")
    tool = data_copy / "tools" / "actieleren.yaml"
    tool.write_text(tool.read_text("utf-8").replace("bijgewerkt:", "principes:\n  - bestaat-niet-nep\nbijgewerkt:", 1), "utf-8")

    def run():
        result = validating.validate(data_copy, root=data_copy.parent)
        return [str(p) for p in result.problems], [(r.path, r.values, r.lines, r.item_lines) for r in result.records], result.records

    alone, alone_records, _ = run()
    monkeypatch.setattr(parallel, "MIN_ITEMS_PER_WORKER", 1)
    monkeypatch.setattr(validating, "MIN_ROWS_TO_SPLIT", 0)
    shared, shared_records, records = run()
    assert shared == alone and shared_records == alone_records
    assert {p.split(": ")[1] for p in alone} >= {"status", "kleur", "principes"}, alone
    assert all(r.collection is validating.BY_FOLDER[r.collection.folder] for r in records)
