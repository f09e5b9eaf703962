"""Where a build's CPU time goes: seconds per named phase, counted only when asked for.

The benchmark sets ``ERRATA_PHASES`` to a file; the hooks then time each of
their phases (and the third-party steps they cause) and write the totals there
when the build ends. Without it, :meth:`PhaseClock.phase` hands back one shared
do-nothing context, so an ordinary build pays a function call per phase.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import time
from pathlib import Path
from typing import Callable, Iterator

ENVIRONMENT_VARIABLE = "ERRATA_PHASES"
_NOTHING = contextlib.nullcontext()


class PhaseClock:
    """CPU seconds (user + system, this process) and calls per phase.

    >>> clock = PhaseClock(enabled=True)
    >>> with clock.phase("cards"):
    ...     _ = sum(range(1000))
    >>> sorted(clock.totals()), clock.totals()["cards"]["calls"]
    (['cards'], 1)
    >>> PhaseClock(enabled=False).phase("cards") is PhaseClock(enabled=False).phase("tables")
    True
    """

    def __init__(self, enabled: bool, path: Path | None = None):
        self.enabled = enabled
        self.path = path
        self._seconds: dict[str, float] = {}
        self._calls: dict[str, int] = {}

    @classmethod
    def from_environment(cls) -> "PhaseClock":
        """Enabled when ``ERRATA_PHASES`` names the file the totals go to."""
        target = os.environ.get(ENVIRONMENT_VARIABLE)
        return cls(bool(target), Path(target) if target else None)

    def phase(self, name: str):
        return self._timed(name) if self.enabled else _NOTHING

    @contextlib.contextmanager
    def _timed(self, name: str) -> Iterator[None]:
        start = time.process_time()
        try:
            yield
        finally:
            self._seconds[name] = self._seconds.get(name, 0.0) + time.process_time() - start
            self._calls[name] = self._calls.get(name, 0) + 1

    def wrap(self, name: str, function: Callable) -> Callable:
        """``function`` timed as ``name`` (for steps that are not ours to edit, like a plugin's event)."""
        if not self.enabled:
            return function

        @functools.wraps(function)
        def timed(*args, **kwargs):
            with self._timed(name):
                return function(*args, **kwargs)

        return timed

    def totals(self) -> dict[str, dict[str, float]]:
        return {name: {"seconds": self._seconds[name], "calls": self._calls[name]} for name in self._seconds}

    def write(self) -> None:
        """Write the totals to the file named by the environment, with the process's whole CPU time beside them."""
        if self.enabled and self.path is not None:
            process = time.process_time()
            self.path.write_text(json.dumps({"process_seconds": process, "phases": self.totals()}, indent=1), encoding="utf-8")
