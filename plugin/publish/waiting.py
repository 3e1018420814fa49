"""Waiting on the platform: poll when the job should be over, not on a fixed rhythm.

A real execution reply carries only a status and dates, so the end is predicted: from the
expected duration (the work's size × the rate a finished job of the same kind showed, see
``pacing``), from a progress figure when a reply happens to carry one, else from the time
already spent (a job that has run ``t`` seconds is re-polled ``OVERDUE_RATIO × t`` later, so
the wait past its end stays ≤ 5 % of its length). Every delay lies between a floor and a cap.

A prediction only brings a poll forward, never puts one off: the next poll comes at the
predicted end when that is sooner than ``OVERDUE_RATIO × t`` (the floor at least), else on
the time spent. A right prediction is seen just after its end; a wrong one costs no more
waiting than no prediction (≤ 5 % past the end), where a prediction too long used to cost
up to its whole length (a 10–16 pyramid predicted from a 10–14 one waited 85 s for nothing,
a second 10–14 publication whose jobs ran faster than the first waited ~1 s per job).

Rates are learned on jobs of other sizes, so a prediction is often off by a few tens of %:
from 80 % of the predicted length to 125 % of it, polls come after 3 % of the time spent, so
a job ending there is seen within 3 % of its length. With 10 % instead of 5 % and no such
window, a 10–16 pyramid (30 s) was seen up to 3 s late: 7.7–9.6 % of the publication's wall
time went to waiting past ends (bench/scale.py, P2-deep, goal ≤ 5 %).

Bound: a job lasting ``T`` seconds costs at most ``max_polls(T)`` polls, ``late_polls()``
(20) more with a prediction (its predicted end and the window around it): ~``floor/ratio``
polls at the floor, then ``log(cap/floor)/log(1 + ratio)`` growing ones, then one per ``cap``;
with the defaults a 6-hour harvest (the timeout) costs ≤ 300 polls, a 1-hour one ≤ 150,
a 1-minute one ≤ 60 (tests/plugin/publish/test_waiting.py checks these on a fake clock).
Cancel is honoured between polls and during sleeps.
"""

from __future__ import annotations

import logging
import math
import os
import time
from typing import Callable, Dict, Optional, TypeVar

from ..i18n import tr
from .errors import PublishCancelledError, WaitTimeoutError

T = TypeVar("T")

FIRST_DELAY_S = 0.5     # the floor: a young job is seen finishing within half a second
MAX_DELAY_S = 120.0     # the cap: a long job is still looked at every two minutes
OVERDUE_RATIO = 0.05    # without a prediction, re-poll after 5 % of the time spent
JUST_AFTER_S = 0.1      # aim a little past the predicted end, not a little before
SLEEP_SLICE_S = 0.1
TRUST_GROWTH = OVERDUE_RATIO  # a prediction never puts a poll off past the time-spent rule
# Around a predicted end the job is most likely finishing: re-poll after 3 % of the time
# spent (not 5 %) from 80 % of the predicted length to 125 % of it (rates learned on other
# sizes miss by that much), then the time-spent rule.
LATE_RATIO = 0.03
NEAR_SHARE = 0.8
LATE_WINDOW = 1.25
# A poll aimed at a predicted end, or in the late window, may come this soon after the one
# before (not the floor's half second): a job predicted to end 0.2 s after a poll is seen
# then, not 0.3 s later. Those polls are counted in late_polls().
PREDICTED_FLOOR_S = 0.1
JUST_AFTER_SHARE = 0.05  # ... and a short job's aim is a share of it past its end, not 0.1 s
# The environment may lower the floor (like network_limits' knobs) for a local platform
# whose jobs end in milliseconds: a class's sandbox, the tests. Never raised: the stated
# poll bound and the client overhead assume at most the default floor.
POLL_FLOOR_ENV = "GPF_POLL_FLOOR_S"
LOGGER = logging.getLogger(__name__)


def configured_floor(default: float = FIRST_DELAY_S) -> float:
    """The poll floor: ``GPF_POLL_FLOOR_S`` when it is a number in (0, default], else the
    default. Read each time a workflow is built, so a test's ``setenv`` applies."""
    text = os.environ.get(POLL_FLOOR_ENV, "").strip()
    if not text:
        return default
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0.0 < value <= default:
        LOGGER.warning("%s=%r is not a number of seconds in (0, %s]: %s s kept",
                       POLL_FLOOR_ENV, text, default, default)
        return default
    return value


def next_delay(elapsed_s: float, *, expected_s: Optional[float] = None,
               fraction: Optional[float] = None, first_s: float = FIRST_DELAY_S,
               max_s: float = MAX_DELAY_S, ratio: float = OVERDUE_RATIO) -> float:
    """Seconds to wait before the next poll of a job running for ``elapsed_s``."""
    aimed_floor = min(PREDICTED_FLOOR_S, first_s)
    if fraction is not None and 0.0 < fraction < 1.0 and elapsed_s > 0:
        remaining = elapsed_s * (1.0 - fraction) / fraction + JUST_AFTER_S
    elif expected_s is not None and elapsed_s < expected_s:
        to_end = expected_s - elapsed_s + min(JUST_AFTER_S, JUST_AFTER_SHARE * expected_s)
        if elapsed_s >= NEAR_SHARE * expected_s:   # near the predicted end
            step = max(LATE_RATIO * elapsed_s, aimed_floor)
            return min(max(min(to_end, step), aimed_floor), max_s)
        spent_rule = max(first_s, TRUST_GROWTH * elapsed_s)
        if to_end < spent_rule:   # aimed at the predicted end
            return min(max(to_end, aimed_floor), max_s)
        remaining = spent_rule
    elif expected_s is not None and elapsed_s < LATE_WINDOW * expected_s:
        return min(max(LATE_RATIO * elapsed_s, aimed_floor), max_s)
    else:
        remaining = ratio * elapsed_s
    return min(max(remaining, first_s), max_s)


def polls_for(duration_s: float, first_s: float = FIRST_DELAY_S, max_s: float = MAX_DELAY_S,
              ratio: float = OVERDUE_RATIO, expected_s: Optional[float] = None) -> int:
    """Polls ``wait_for`` makes on a job lasting ``duration_s`` (the first poll included)."""
    elapsed, polls = 0.0, 1
    while elapsed < duration_s:
        elapsed += next_delay(elapsed, expected_s=expected_s, first_s=first_s, max_s=max_s,
                              ratio=ratio)
        polls += 1
    return polls


def max_polls(duration_s: float, first_s: float = FIRST_DELAY_S, max_s: float = MAX_DELAY_S,
              ratio: float = OVERDUE_RATIO) -> int:
    """The stated bound on polls for a job of ``duration_s``, with no prediction at all
    (a prediction only removes polls: it replaces waits shorter than the time left), plus
    one for a job that ends a hair after a poll."""
    return polls_for(duration_s, first_s, max_s, ratio) + 1


def late_polls() -> int:
    """Polls a prediction may add: its predicted end, then those of the late window, from
    the predicted end to 1.25 times it: 3 % steps (a long job) or steps of the aimed floor
    (a job of a few seconds, whose 3 % is less than that floor)."""
    growing = math.log(LATE_WINDOW / NEAR_SHARE) / math.log(1 + LATE_RATIO)
    # a short job: the window (W - N)·E in steps of at least r·N·E
    at_floor = (LATE_WINDOW - NEAR_SHARE) / (LATE_RATIO * NEAR_SHARE)
    return 1 + math.ceil(max(growing, at_floor))


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
             first_s: float = FIRST_DELAY_S, max_s: float = MAX_DELAY_S,
             ratio: float = OVERDUE_RATIO, expected_s: Optional[float] = None,
             fraction: Optional[Callable[[T], Optional[float]]] = None,
             cancelled: Callable[[], bool] = lambda: False,
             on_poll: Optional[Callable[[T], None]] = None,
             what: str = "",
             timing: Optional[Dict[str, float]] = None,
             clock: Callable[[], float] = time.monotonic,
             sleep: Callable[[float], None] = time.sleep) -> T:
    """Call ``poll()`` until ``done(state)``; return that state.

    ``expected_s``: the predicted length of the job; ``fraction(state)``: the share done when
    a reply carries one (None otherwise). Raises PublishCancelledError once ``cancelled()``
    is true, WaitTimeoutError after ``timeout_s``. ``done`` may raise to report a failed
    terminal state. ``timing``, when given, receives the seconds from the start to the last
    poll that saw the job running (``running_s``) and to the one that saw it done
    (``done_s``): its length lies between the two.
    """
    started = clock()
    deadline = started + timeout_s
    while True:
        if cancelled():
            raise PublishCancelledError()
        state = poll()
        if on_poll is not None:
            on_poll(state)
        if done(state):
            if timing is not None:
                timing["done_s"] = clock() - started
            return state
        now = clock()
        if timing is not None:
            timing["running_s"] = now - started
        remaining = deadline - now
        if remaining <= 0:
            raise WaitTimeoutError(tr("{0} did not finish within {1:.0f} s").format(
                what or tr("the platform"), timeout_s))
        share = fraction(state) if fraction is not None else None
        delay = next_delay(now - started, expected_s=expected_s, fraction=share,
                           first_s=first_s, max_s=max_s, ratio=ratio)
        interruptible_sleep(min(delay, remaining), cancelled, sleep)
