"""Waiting on the platform: poll fast at first, then back off.

A state change is seen within about two seconds while a job is young, yet a one-hour harvest
costs a few hundred requests, not thousands. Cancel is honoured between polls and during sleeps.
"""

from __future__ import annotations

import time
from typing import Callable, Iterator, Optional, TypeVar

from ..i18n import tr
from .errors import PublishCancelledError, WaitTimeoutError

T = TypeVar("T")

FIRST_DELAY_S = 0.5
MAX_DELAY_S = 15.0
GROWTH = 1.3
SLEEP_SLICE_S = 0.1


def poll_delays(first_s: float = FIRST_DELAY_S, max_s: float = MAX_DELAY_S,
                growth: float = GROWTH) -> Iterator[float]:
    """Delays between polls: ``first_s``, then growing geometrically up to ``max_s``."""
    delay = first_s
    while True:
        yield min(delay, max_s)
        delay = min(delay * growth, max_s)


def polls_for(duration_s: float, first_s: float = FIRST_DELAY_S, max_s: float = MAX_DELAY_S,
              growth: float = GROWTH) -> int:
    """Polls ``wait_for`` makes on a job lasting ``duration_s`` (the first poll included)."""
    elapsed, polls = 0.0, 1
    for delay in poll_delays(first_s, max_s, growth):
        if elapsed >= duration_s:
            return polls
        elapsed += delay
        polls += 1
    raise AssertionError("unreachable")  # pragma: no cover


def interruptible_sleep(seconds: float, cancelled: Callable[[], bool],
                        sleep: Callable[[float], None] = time.sleep) -> None:
    """Sleep in short slices so a cancel is seen within ``SLEEP_SLICE_S``."""
    remaining = seconds
    while remaining > 0:
        if cancelled():
            raise PublishCancelledError()
        chunk = min(SLEEP_SLICE_S, remaining)
        sleep(chunk)
        remaining -= chunk


def wait_for(poll: Callable[[], T], done: Callable[[T], bool], *, timeout_s: float,
             first_s: float = FIRST_DELAY_S, max_s: float = MAX_DELAY_S, growth: float = GROWTH,
             cancelled: Callable[[], bool] = lambda: False,
             on_poll: Optional[Callable[[T], None]] = None,
             what: str = "",
             clock: Callable[[], float] = time.monotonic,
             sleep: Callable[[float], None] = time.sleep) -> T:
    """Call ``poll()`` until ``done(state)``; return that state.

    Raises PublishCancelledError once ``cancelled()`` is true, WaitTimeoutError after
    ``timeout_s``.
    ``done`` may raise to report a failed terminal state.
    """
    deadline = clock() + timeout_s
    for delay in poll_delays(first_s, max_s, growth):
        if cancelled():
            raise PublishCancelledError()
        state = poll()
        if on_poll is not None:
            on_poll(state)
        if done(state):
            return state
        remaining = deadline - clock()
        if remaining <= 0:
            raise WaitTimeoutError(tr("{0} did not finish within {1:.0f} s").format(
                what or tr("the platform"), timeout_s))
        interruptible_sleep(min(delay, remaining), cancelled, sleep)
    raise AssertionError("unreachable")  # pragma: no cover
