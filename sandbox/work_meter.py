"""How long the sandbox's background jobs kept it busy, for the benchmarks only.

``busy_s`` is the time during which at least one job ran (overlapping jobs count once): the
platform's own work plus the deliberate pauses between statuses. ``pause_s`` is the part
spent in those pauses. A client's overhead is its wall time minus ``busy_s``. Read through
``GET /admin/work`` (trainer token), never in an API reply.
"""

from __future__ import annotations

import threading
import time
from typing import Callable, Dict


class WorkMeter:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._running = 0
        self._busy_since = 0.0
        self._busy_s = 0.0
        self._pause_s = 0.0
        self._jobs = 0

    def job_started(self) -> None:
        with self._lock:
            if self._running == 0:
                self._busy_since = self._clock()
            self._running += 1
            self._jobs += 1

    def job_ended(self) -> None:
        with self._lock:
            self._running -= 1
            if self._running == 0:
                self._busy_s += self._clock() - self._busy_since

    def paused(self, seconds: float) -> None:
        with self._lock:
            self._pause_s += seconds

    def snapshot(self) -> Dict[str, float]:
        with self._lock:
            busy = self._busy_s + (self._clock() - self._busy_since if self._running else 0.0)
            return {"busy_s": round(busy, 4), "pause_s": round(self._pause_s, 4),
                    "jobs": self._jobs, "running": self._running}
