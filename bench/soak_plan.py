"""What each soak run suffers (drawn from a seed, replayable) and the report of all runs.

Runs rotate through four kinds: ``kill`` (the publishing process is SIGKILLed at two named
points, then resumed), ``transient`` (a one-off processing failure and one kill), ``cancel``
(cancelled in a chosen step, then undone) and ``broken`` (a processing that always fails:
a clear error, then undo). Every run also gets seeded network faults.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

KINDS = ("kill", "transient", "cancel", "broken")
PROCESSING_STEPS = ("checks", "integration", "harvest", "publication")
# Failed checks mean the file is bad: retrying the same file must fail again, so a one-off
# ("transient") failure is drawn among the platform's processings only.
TRANSIENT_STEPS = ("integration", "harvest", "publication")
# Where a "cancel" run is cancelled: workflow step names (progress callback) → first message.
CANCEL_STEPS = ("data", "integration", "wmsv", "pyramid", "metadata", "wmts")
# The named kill points (plugin/publish/kill_points.py), in the order a publication reaches
# them: mid-upload, mid-harvest, and between every create call and its journal write.
KILL_POINTS = ("sending:upload", "created:upload", "created:execution_integration",
               "created:static_sld", "created:configuration_wmsv", "created:offering_wmsv",
               "created:permission_wmsv", "created:key_harvest", "created:key_access",
               "created:execution_pyramid", "running:execution_pyramid", "created:metadata",
               "created:configuration_wmts", "created:offering_wmts",
               "created:permission_wmts")
KILLS_PER_KIND = {"kill": 2, "transient": 1}
SLOTS_PER_ROTATION = sum(KILLS_PER_KIND.values())


def kill_points_for(base_seed: int, index: int) -> Tuple[str, ...]:
    """The run's kill points, in publication order. Slots are dealt round-robin over a
    seeded order of KILL_POINTS, so 20 runs or more hit every point at least once."""
    kind = KINDS[index % len(KINDS)]
    wanted = KILLS_PER_KIND.get(kind, 0)
    if not wanted:
        return ()
    order = list(KILL_POINTS)
    random.Random(base_seed).shuffle(order)
    first = (index // len(KINDS)) * SLOTS_PER_ROTATION + (0 if kind == "kill" else
                                                          KILLS_PER_KIND["kill"])
    chosen = {order[(first + n) % len(order)] for n in range(wanted)}
    return tuple(p for p in KILL_POINTS if p in chosen)


@dataclass(frozen=True)
class RunPlan:
    """What one run suffers, drawn from its own seed."""

    index: int
    seed: int
    kind: str
    faults: Dict[str, object]
    fail_step: Optional[str] = None      # processing failure (transient: first try only)
    cancel_step: Optional[str] = None
    restricted: bool = False
    kill_points: Tuple[str, ...] = ()

    @classmethod
    def draw(cls, base_seed: int, index: int) -> RunPlan:
        seed = base_seed * 1000 + index
        rng = random.Random(seed)
        kind = KINDS[index % len(KINDS)]
        faults = {
            "error_rate": round(rng.uniform(0.02, 0.08), 3),
            "statuses": [500, 502, 503],
            "rate_429": round(rng.uniform(0.02, 0.06), 3),
            "retry_after": 1,
            "reset_rate": round(rng.uniform(0.01, 0.04), 3),
            "slow_rate": round(rng.uniform(0.02, 0.08), 3),
            "slow_s": round(rng.uniform(0.1, 0.4), 2),
            "token_lifetime": rng.choice([2.0, 4.0, 8.0]),
        }
        fail_step = {"transient": rng.choice(TRANSIENT_STEPS), "cancel": None, "kill": None,
                     "broken": rng.choice(PROCESSING_STEPS)}[kind]
        cancel_step = rng.choice(CANCEL_STEPS) if kind == "cancel" else None
        kills = kill_points_for(base_seed, index)
        # The WMTS permission exists only for a restricted publication.
        restricted = rng.random() < 0.5 or "created:permission_wmts" in kills
        return cls(index=index, seed=seed, kind=kind, faults=faults, fail_step=fail_step,
                   cancel_step=cancel_step, restricted=restricted, kill_points=kills)

    def describe(self) -> str:
        f = self.faults
        extra = (f"cancel in {self.cancel_step}" if self.cancel_step
                 else f"fail {self.fail_step}{' once' if self.kind == 'transient' else ''}"
                 if self.fail_step else "no processing failure")
        kills = f", kill at {' then '.join(self.kill_points)}" if self.kill_points else ""
        return (f"5xx {f['error_rate']:.0%}, 429 {f['rate_429']:.0%}, reset "
                f"{f['reset_rate']:.0%}, slow {f['slow_rate']:.0%}×{f['slow_s']}s, token "
                f"{f['token_lifetime']:.0f}s, {extra}{kills}")


@dataclass
class RunOutcome:
    plan: RunPlan
    outcome: str = "not run"    # published | clear error | cancelled | unclear error
    attempts: int = 0
    seconds: float = 0.0
    message: str = ""
    duplicates: int = 0
    orphans: int = 0            # created by the run, referenced by no journal entry
    running_after_cancel: int = 0
    kills: List[str] = field(default_factory=list)   # kill points actually hit
    injected: Dict[str, int] = field(default_factory=dict)


@dataclass
class SoakReport:
    runs: List[RunOutcome]
    seconds: float
    skipped_for_time: int = 0

    def count(self, outcome: str) -> int:
        return sum(1 for r in self.runs if r.outcome == outcome)

    @property
    def duplicates(self) -> int:
        return sum(r.duplicates for r in self.runs)

    @property
    def orphans(self) -> int:
        return sum(r.orphans + r.running_after_cancel for r in self.runs)

    @property
    def kills_per_point(self) -> Counter:
        return Counter(point for run in self.runs for point in run.kills)

    @property
    def points_never_hit(self) -> List[str]:
        hit = self.kills_per_point
        return [p for p in KILL_POINTS if not hit[p]]

    @property
    def injected(self) -> Counter:
        total: Counter = Counter()
        for run in self.runs:
            total.update(run.injected)
        return total

    @property
    def healthy(self) -> bool:
        return self.count("unclear error") == 0 and self.duplicates == 0 and self.orphans == 0

    def summary_lines(self) -> List[str]:
        transient = [r for r in self.runs if r.plan.kind == "transient"]
        recovered = sum(1 for r in transient if r.outcome == "published")
        injected = ", ".join(f"{k} {v}" for k, v in sorted(self.injected.items())) or "none"
        kills = ", ".join(f"{p} {self.kills_per_point[p]}" for p in KILL_POINTS)
        return [
            f"runs: {len(self.runs)} in {self.seconds:.0f} s"
            + (f" ({self.skipped_for_time} not started: time budget)"
               if self.skipped_for_time else ""),
            f"kills per point: {kills}",
            "kill points never hit: " + (", ".join(self.points_never_hit) or "none"),
            f"one-off processing failures recovered by resume: {recovered} of "
            f"{len(transient)}",
            f"faults injected: {injected}",
            self.last_line(),
        ]

    def last_line(self) -> str:
        return (f"soak: {len(self.runs)} runs, {sum(self.kills_per_point.values())} kills, "
                f"{sum(self.injected.values())} faults, published {self.count('published')}, "
                f"clear errors {self.count('clear error')}, cancelled "
                f"{self.count('cancelled')}, unclear {self.count('unclear error')}, "
                f"duplicates {self.duplicates}, orphans {self.orphans}")
