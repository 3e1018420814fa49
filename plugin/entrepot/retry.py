"""When and how long to wait before trying a request again."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Callable, Optional

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
RETRYABLE_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff with jitter; ``Retry-After`` wins when the server gives one.

    ``max_attempts`` counts the first try. Tests pass a tiny ``backoff_base_s``.
    """

    max_attempts: int = 5
    backoff_base_s: float = 0.5
    backoff_max_s: float = 30.0
    retry_after_cap_s: float = 120.0
    jitter: float = 0.5  # fraction of the delay added at random, so clients spread out

    def backoff_s(self, attempt: int, rand: Callable[[], float] = random.random) -> float:
        """Delay before try ``attempt + 1`` (``attempt`` is 1 after the first failure)."""
        delay = min(self.backoff_max_s, self.backoff_base_s * 2 ** (attempt - 1))
        return delay * (1.0 + self.jitter * rand())

    def delay_s(self, attempt: int, retry_after: Optional[float]) -> float:
        if retry_after is not None:
            return min(max(retry_after, 0.0), self.retry_after_cap_s)
        return self.backoff_s(attempt)

    @staticmethod
    def may_retry_method(method: str, flagged_safe: bool = False) -> bool:
        return flagged_safe or method.upper() in IDEMPOTENT_METHODS


def parse_retry_after(value: Optional[str], now: Optional[datetime] = None) -> Optional[float]:
    """Seconds to wait from a ``Retry-After`` header: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    now = now or datetime.now(timezone.utc)
    return max(0.0, (when - now).total_seconds())
