"""wait_for: fast first polls, backoff, cancel at every wait, timeout (on a fake clock)."""

from __future__ import annotations

import pytest
from gpf_wmts_publisher.plugin.publish.errors import PublishCancelledError, WaitTimeoutError
from gpf_wmts_publisher.plugin.publish.waiting import poll_delays, polls_for, wait_for


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.now += seconds


def test_delays_start_short_and_grow_to_the_cap():
    delays = poll_delays(0.5, 15.0)
    first = [next(delays) for _ in range(40)]
    assert first[0] == 0.5
    assert all(b >= a for a, b in zip(first, first[1:]))
    assert first[-1] == 15.0


def test_a_change_is_seen_within_two_seconds_while_the_job_is_young():
    delays = poll_delays()
    elapsed, gaps = 0.0, []
    while elapsed < 5.0:
        gap = next(delays)
        gaps.append(gap)
        elapsed += gap
    assert max(gaps) <= 2.0


def test_a_one_hour_job_costs_a_few_hundred_polls_not_thousands():
    assert 100 <= polls_for(3600) <= 400
    assert polls_for(600) < 80


def test_wait_for_returns_the_first_done_state_and_polls_with_backoff():
    clock = FakeClock()
    states = iter(["WAITING", "PROGRESS", "PROGRESS", "SUCCESS"])
    poll_times = []

    def poll():
        poll_times.append(clock.now)
        return next(states)

    result = wait_for(poll, lambda s: s == "SUCCESS", timeout_s=60, first_s=0.5,
                      clock=clock, sleep=clock.sleep)
    assert result == "SUCCESS"
    gaps = [b - a for a, b in zip(poll_times, poll_times[1:])]
    assert gaps[0] == pytest.approx(0.5)
    assert gaps == sorted(gaps)


def test_cancel_is_honoured_during_a_long_sleep():
    clock = FakeClock()
    polls = []

    def cancelled():
        return clock.now >= 3.0

    with pytest.raises(PublishCancelledError):
        wait_for(lambda: polls.append(1), lambda s: False, timeout_s=3600, first_s=10.0,
                 cancelled=cancelled, clock=clock, sleep=clock.sleep)
    assert len(polls) == 1
    assert clock.now == pytest.approx(3.0, abs=0.11)


def test_timeout_raises_with_what_was_awaited():
    clock = FakeClock()
    with pytest.raises(WaitTimeoutError, match="the harvest"):
        wait_for(lambda: "PROGRESS", lambda s: False, timeout_s=30, clock=clock,
                 sleep=clock.sleep, what="the harvest")
    assert clock.now == pytest.approx(30, abs=0.2)


def test_done_may_raise_to_report_a_failed_state():
    with pytest.raises(RuntimeError, match="FAILURE"):
        wait_for(lambda: "FAILURE", lambda s: (_ for _ in ()).throw(RuntimeError(s)),
                 timeout_s=5)
