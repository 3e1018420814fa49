"""Measures how long the GUI thread stops answering: a QTimer heartbeat.

A timer due every ``interval_ms`` fires late when the event loop is blocked; the lateness is
the stall. Tests and benchmarks print the longest one (no timing is asserted: machines are
noisy).
"""

from __future__ import annotations

import time
from typing import List, Optional

from qgis.PyQt.QtCore import QObject, QTimer


class StallMonitor(QObject):
    def __init__(self, interval_ms: int = 10, parent: Optional[QObject] = None):
        super().__init__(parent)
        self.interval_ms = interval_ms
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._beat)
        self._last: Optional[float] = None
        self.stalls_ms: List[float] = []
        self.phases: List[str] = []  # what the GUI thread did during each stall
        self.phase = ""
        self._marked: List[str] = []  # phases begun since the last heartbeat
        self.beats = 0

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _beat(self) -> None:
        now = time.perf_counter()
        if self._last is not None:
            self.stalls_ms.append(max(0.0, (now - self._last) * 1000.0 - self.interval_ms))
            # The blocking work began after the last heartbeat: every phase marked since
            # then may be the culprit, not just the one current when the timer fired.
            self.phases.append(" + ".join(self._marked) or self.phase)
        self._marked = []
        self._last = now
        self.beats += 1

    @property
    def longest_stall_ms(self) -> float:
        return max(self.stalls_ms, default=0.0)

    def mark(self, phase: str) -> None:
        """Names what the GUI does from now on, so a stall can be attributed."""
        self.phase = phase
        self._marked.append(phase)

    def longest_by_phase(self) -> dict:
        found: dict = {}
        for phase, stall in zip(self.phases, self.stalls_ms):
            found[phase] = max(found.get(phase, 0.0), stall)
        return found

    def report(self) -> str:
        return (f"GUI stall monitor: {self.beats} heartbeats every {self.interval_ms} ms, "
                f"longest stall {self.longest_stall_ms:.1f} ms")

    def __enter__(self) -> StallMonitor:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
