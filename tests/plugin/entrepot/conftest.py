"""Helpers for the entrepôt client tests: a fake clock, clients bound to pytest-httpserver."""

from __future__ import annotations

import pytest
from gpf_wmts_publisher.plugin.entrepot import EntrepotClient, RetryPolicy


class FakeTime:
    """A clock that only moves when the client sleeps: retries cost no real time."""

    def __init__(self):
        self.now = 1000.0
        self.sleeps = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    @property
    def slept(self) -> float:
        return sum(self.sleeps)


@pytest.fixture
def fake_time():
    return FakeTime()


@pytest.fixture
def fast_retry():
    return RetryPolicy(max_attempts=4, backoff_base_s=0.001, backoff_max_s=0.01,
                       retry_after_cap_s=30.0)


@pytest.fixture
def make_client(httpserver, fake_time, fast_retry):
    """``make_client(token_provider=None, **kw)`` → a client on the test server's /api."""
    made = []

    def make(token_provider=None, **kwargs):
        kwargs.setdefault("retry", fast_retry)
        kwargs.setdefault("sleep", fake_time.sleep)
        kwargs.setdefault("clock", fake_time.clock)
        client = EntrepotClient(httpserver.url_for("/api"), token_provider, **kwargs)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()
