"""How long a job should take: its size × the rate a finished job of the same kind showed.

The platform's execution replies carry no progress, so the only rate to go on is the one
measured on earlier jobs of this session (a harvest's seconds per tile, an integration's
seconds per feature). The first job of a kind has no prediction and is polled on the time it
has already spent (see ``waiting.next_delay``).
"""

from __future__ import annotations

import threading
from numbers import Real
from typing import Any, Dict, Mapping, Optional


class JobRates:
    """Seconds per unit of work, per kind of job, from the last finished job of that kind."""

    def __init__(self) -> None:
        self._rates: Dict[str, float] = {}
        self._lock = threading.Lock()  # publications may run in QgsTask threads

    def expected_s(self, kind: str, units: Optional[float]) -> Optional[float]:
        with self._lock:
            rate = self._rates.get(kind)
        if rate is None or not units or units <= 0:
            return None
        return rate * units

    def learn(self, kind: str, units: Optional[float], seconds: float) -> None:
        if units and units > 0 and seconds > 0:
            with self._lock:
                self._rates[kind] = seconds / units

    def forget(self) -> None:
        with self._lock:
            self._rates.clear()


# One per process: the second publication of a session predicts from the first.
RATES = JobRates()


def reported_fraction(raw: Mapping[str, Any]) -> Optional[float]:
    """The share done when a reply happens to carry a ``progress`` figure (0–1 or 0–100)."""
    value = raw.get("progress")
    if isinstance(value, bool) or not isinstance(value, Real):
        return None
    share = float(value) / 100.0 if value > 1 else float(value)
    return share if 0.0 < share < 1.0 else None
