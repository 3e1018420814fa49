"""Fault injection: seeded, so a run with the same seed and the same calls fails the same way.

Knobs (``POST /admin/faults`` JSON or ``SANDBOX_FAULTS`` env var holding the same JSON):
error_rate + statuses, rate_429 + retry_after, reset_rate (connection cut), slow_rate + slow_s,
fail_step (``checks`` | ``integration`` | ``harvest`` | ``publication``), token_lifetime,
column_suffix (appended to every column the integration creates: a platform whose GDAL names
columns otherwise than the plugin predicts, as a newer GDAL cutting long names would).
"""

from __future__ import annotations

import json
import os
import random
import threading
from collections import Counter
from dataclasses import asdict, dataclass, field, fields
from typing import List, Optional

STEPS = ("checks", "integration", "harvest", "publication")


@dataclass
class FaultConfig:
    error_rate: float = 0.0
    statuses: List[int] = field(default_factory=lambda: [500, 502, 503])
    rate_429: float = 0.0
    retry_after: int = 1
    reset_rate: float = 0.0
    slow_rate: float = 0.0
    slow_s: float = 0.0
    fail_step: Optional[str] = None
    token_lifetime: Optional[float] = None
    column_suffix: str = ""


@dataclass(frozen=True)
class Decision:
    """What to do with one request."""

    status: Optional[int] = None       # answer this error instead of the route
    retry_after: Optional[int] = None
    reset: bool = False                # cut the connection
    delay_s: float = 0.0


def _check(config: FaultConfig) -> None:
    for name in ("error_rate", "rate_429", "reset_rate", "slow_rate"):
        value = getattr(config, name)
        if not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise ValueError(f"{name} must be a number between 0 and 1")
    if not config.statuses or not all(isinstance(s, int) and 400 <= s < 600
                                      for s in config.statuses):
        raise ValueError("statuses must be a non-empty list of HTTP error codes")
    if config.fail_step not in (None, "", *STEPS):
        raise ValueError(f"fail_step must be one of {', '.join(STEPS)}")
    if config.token_lifetime is not None and config.token_lifetime <= 0:
        raise ValueError("token_lifetime must be positive")
    if not isinstance(config.column_suffix, str):
        raise ValueError("column_suffix must be a string")


class Faults:
    """The current knobs, a seeded random source and per-route request counters."""

    def __init__(self, seed: int = 0):
        self._lock = threading.Lock()
        self._seed = seed
        self._random = random.Random(seed)
        self.config = FaultConfig()
        self._requests: Counter = Counter()
        self._injected: Counter = Counter()
        env = os.environ.get("SANDBOX_FAULTS")
        if env:
            self.configure(json.loads(env))

    def configure(self, changes: dict) -> FaultConfig:
        """Merge ``changes`` into the knobs (unknown names are an error); reseeds if asked."""
        known = {f.name for f in fields(FaultConfig)}
        unknown = set(changes) - known - {"seed"}
        if unknown:
            raise ValueError(f"unknown fault knobs: {', '.join(sorted(unknown))}")
        with self._lock:
            merged = FaultConfig(**{**asdict(self.config),
                                    **{k: v for k, v in changes.items() if k != "seed"}})
            _check(merged)
            self.config = merged
            if "seed" in changes:
                self._seed = int(changes["seed"])
                self._random = random.Random(self._seed)
            return merged

    def reset(self) -> None:
        with self._lock:
            self.config = FaultConfig()
            self._random = random.Random(self._seed)
            self._requests.clear()
            self._injected.clear()

    def decide(self, route: str) -> Decision:
        """Draw the fate of one request (always the same number of draws: replayable)."""
        with self._lock:
            self._requests[route] += 1
            cfg = self.config
            draws = [self._random.random() for _ in range(5)]
            if draws[0] < cfg.reset_rate:
                self._injected["reset"] += 1
                return Decision(reset=True)
            if draws[1] < cfg.rate_429:
                self._injected["429"] += 1
                return Decision(status=429, retry_after=cfg.retry_after)
            if draws[2] < cfg.error_rate:
                status = cfg.statuses[int(draws[3] * len(cfg.statuses)) % len(cfg.statuses)]
                self._injected[str(status)] += 1
                return Decision(status=status)
            if draws[4] < cfg.slow_rate:
                self._injected["slow"] += 1
                return Decision(delay_s=cfg.slow_s)
            return Decision()

    def count_only(self, route: str) -> None:
        with self._lock:
            self._requests[route] += 1

    def step_fails(self, step: str) -> bool:
        return self.config.fail_step == step

    def stats(self) -> dict:
        with self._lock:
            return {
                "requests": dict(self._requests),
                "total": sum(self._requests.values()),
                "injected": dict(self._injected),
                "faults": asdict(self.config),
                "seed": self._seed,
            }
