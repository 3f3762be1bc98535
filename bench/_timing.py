"""The timing loop every benchmark here uses (run as ``python bench/<name>.py``, so this folder
is on ``sys.path``)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterable
from pathlib import Path


def timed_runs(
    func: Callable[[], object], *, repeat: int = 5, seconds: float = 0.0, warm_up: bool = True
) -> list[float]:
    """Wall times in ms of at least ``repeat`` calls, repeated for about ``seconds`` more if given.

    ``warm_up`` makes one untimed call first (caches, lazy imports).
    """
    if warm_up:
        func()
    times: list[float] = []
    deadline = time.perf_counter() + seconds
    while len(times) < repeat or time.perf_counter() < deadline:
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return times


def median_ms(func: Callable[[], object], *, repeat: int = 5, seconds: float = 0.0, warm_up: bool = True) -> float:
    """The median of :func:`timed_runs`."""
    return statistics.median(timed_runs(func, repeat=repeat, seconds=seconds, warm_up=warm_up))


def resumes_in(paths: Iterable[Path]) -> list[Path]:
    """The files among ``paths`` that hold a résumé (the corpus has one of another dialect,
    which cvconvert refuses as no résumé)."""
    import cvconvert

    kept = []
    for path in paths:
        try:
            cvconvert.read(path)
        except cvconvert.CvConvertError:
            continue
        kept.append(path)
    return kept
