"""A publishing process killed at a checkpoint, simulated in process for the e2e tests."""

from __future__ import annotations


class SimulatedCrash(BaseException):
    """Stands for the process being killed at a checkpoint (not an ordinary error)."""


def crash_at(point: str):
    """A checkpoint hook that kills the run (SimulatedCrash) when it reaches ``point``."""
    def hook(name: str) -> None:
        if name == point:
            raise SimulatedCrash(name)
    return hook
