"""Whether work grows linearly with its input, told by CPU time rather than by a wall-clock limit.

A limit in seconds fails on a loaded machine (another test worker, a browser, a benchmark beside it)
and says nothing about growth; the ratio of two sizes' CPU times does: four times the input takes
about four times as long when the work is linear, sixteen times when a step is quadratic.
"""

from __future__ import annotations

import time
from typing import Callable


def cpu_seconds(work: Callable[[], object]) -> float:
    """The best of three runs' CPU time of this process (``time.process_time``): on a loaded two-core
    machine one run in two could still be stretched (CI once measured a linear step at over 8×)."""
    times = []
    for _ in range(3):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return min(times)


def grows_linearly(work: Callable[[int], object], size: int, floor: float = 0.02) -> bool:
    """Whether ``work(4 * size)`` takes under eight times ``work(size)``'s CPU time (``floor`` seconds at
    least for the small one, so that timer noise on quick work does not decide).

    >>> grows_linearly(lambda n: sum(range(n)), 100_000)
    True
    """
    # Measured twice where the first says no: a quadratic step fails both (sixteen times), while a linear one that a
    # loaded machine stretched once (CI: 8.1× for a step measured at 4.4× alone) passes the second.
    for _ in range(2):
        small = cpu_seconds(lambda: work(size))
        if cpu_seconds(lambda: work(4 * size)) < 8 * max(small, floor):
            return True
    return False
