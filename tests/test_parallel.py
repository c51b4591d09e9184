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
