"""Spread a CPU-bound map over forked processes, for the build's one heavy loop.

A build is one Python process. Rendering thousands of record pages (Jinja, Markdown, the
sanitiser) is the largest part of its own work and keeps one core busy while the others
wait. A forked child starts with everything the parent already holds — catalogue,
templates, Markdown converter — so nothing is loaded, validated or pickled on the way in;
only the finished strings travel back, in order.
"""
from __future__ import annotations

import multiprocessing
import os
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many items per process, starting one costs more than it saves. The real
# content (a hundred records or so) therefore never forks, under `make serve` neither.
MIN_ITEMS_PER_WORKER = 400

_job: tuple[Callable, Sequence] | None = None  # what a forked worker inherits


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def map_forked(func: Callable[[T], R], items: Sequence[T], workers: int | None = None, min_per_worker: int | None = None) -> list[R]:
    """[func(x) for x in items], split over up to `workers` processes (default: one per core).

    func must not change state the caller relies on afterwards: changes made in a child stay
    there. Exceptions reach the caller as they would without processes. `min_per_worker`
    (default MIN_ITEMS_PER_WORKER): with fewer items than this per process they stay in
    this one; items that are already heavy chunks of work pass 1.
    """
    global _job
    workers = min(workers or usable_cores(), len(items) // (min_per_worker or MIN_ITEMS_PER_WORKER))
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [func(x) for x in items]
    cuts = [round(i * len(items) / workers) for i in range(workers + 1)]
    _job = (func, items)
    try:
        with multiprocessing.get_context("fork").Pool(workers - 1) as pool:
            others = pool.map_async(_run_slice, list(zip(cuts[1:-1], cuts[2:])), chunksize=1)
            mine = [func(x) for x in items[: cuts[1]]]  # this process takes the first slice meanwhile
            return mine + [r for part in others.get() for r in part]
    finally:
        _job = None


def _run_slice(bounds: tuple[int, int]) -> list:
    func, items = _job
    return [func(x) for x in items[bounds[0] : bounds[1]]]
