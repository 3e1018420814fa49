"""How long a job should take: its size × the rate a finished job of the same kind showed.

The platform's execution replies carry no progress, so the only rate to go on is the one
measured on earlier jobs of this session (a harvest's seconds per tile, an integration's
seconds per feature). The first job of a kind has no prediction and is polled on the time it
has already spent (see ``waiting.next_delay``).
"""

from __future__ import annotations

import threading
from datetime import datetime, timezone
from numbers import Real
from typing import Any, Dict, List, Mapping, Optional, Tuple


class JobRates:
    """Per kind of job, the last two finished jobs of different sizes: one gives a rate
    (seconds per unit), two give a fixed part and a rate (a harvest's start-up and pauses do
    not grow with its tiles: a rate alone over-predicts a bigger job)."""

    def __init__(self) -> None:
        self._seen: Dict[str, List[Tuple[float, float]]] = {}   # kind → [(units, seconds)]
        self._lock = threading.Lock()  # publications may run in QgsTask threads

    def expected_s(self, kind: str, units: Optional[float]) -> Optional[float]:
        with self._lock:
            seen = list(self._seen.get(kind, ()))
        if not seen or not units or units <= 0:
            return None
        if len(seen) == 1:
            size, seconds = seen[0]
            return seconds * units / size
        (size_a, seconds_a), (size_b, seconds_b) = seen
        per_unit = (seconds_b - seconds_a) / (size_b - size_a)
        if per_unit <= 0:   # the size does not drive it: as long as the longer one
            return max(seconds_a, seconds_b)
        fixed = max(0.0, seconds_a - per_unit * size_a)
        return fixed + per_unit * units

    def learn(self, kind: str, units: Optional[float], seconds: float) -> None:
        if units and units > 0 and seconds > 0:
            with self._lock:
                kept = [seen for seen in self._seen.get(kind, ()) if seen[0] != units]
                self._seen[kind] = [*kept, (float(units), seconds)][-2:]

    def forget(self) -> None:
        with self._lock:
            self._seen.clear()


# One per process: the second publication of a session predicts from the first.
RATES = JobRates()


def reported_fraction(raw: Mapping[str, Any]) -> Optional[float]:
    """The share done when a reply happens to carry a ``progress`` figure (0–1 or 0–100)."""
    value = raw.get("progress")
    if isinstance(value, bool) or not isinstance(value, Real):
        return None
    share = float(value) / 100.0 if value > 1 else float(value)
    return share if 0.0 < share < 1.0 else None


def platform_date(value: Any) -> Optional[datetime]:
    """A date of a platform reply (ISO 8601; one without a time zone is read as UTC)."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def job_duration_s(raw: Mapping[str, Any]) -> Optional[float]:
    """A finished execution's length by the platform's own dates (``launch`` to ``finish``),
    None without both. The client's own measure includes how late it saw the end (its poll
    schedule): a rate learned from it over-predicts the next job."""
    launch, finish = platform_date(raw.get("launch")), platform_date(raw.get("finish"))
    if launch is None or finish is None:
        return None
    seconds = (finish - launch).total_seconds()
    return seconds if seconds > 0 else None


def seen_length_s(timing: Mapping[str, float]) -> Optional[float]:
    """A job's length as the polls saw it (``waiting.wait_for``'s ``timing``): the middle of
    the last poll that saw it running and the one that saw it done."""
    done = timing.get("done_s")
    if done is None:
        return None
    return (timing.get("running_s", 0.0) + done) / 2
