"""Retries: backoff on 5xx/429/connection errors, Retry-After, idempotency, cancel."""

from __future__ import annotations

import socket
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest
from gpf_wmts_publisher.plugin.entrepot import (
    Cancelled,
    ConnectionFailed,
    EntrepotClient,
    RetryPolicy,
    ServerError,
    TooManyRequests,
    parse_retry_after,
)
from werkzeug import Response


def failing_then(statuses, final_json, headers=None):
    """A handler answering each status of ``statuses`` in turn, then 200 ``final_json``."""
    calls = []

    def handler(request):
        calls.append(request.method)
        if len(calls) <= len(statuses):
            return Response('{"error_description": "busy"}', status=statuses[len(calls) - 1],
                            headers=headers or {}, content_type="application/json")
        return Response(__import__("json").dumps(final_json), content_type="application/json")

    handler.calls = calls
    return handler


def test_get_is_retried_after_server_errors_until_success(httpserver, make_client, fake_time):
    handler = failing_then([500, 502, 503], {"ok": True})
    httpserver.expect_request("/api/users/me").respond_with_handler(handler)
    assert make_client().get_json("users/me") == {"ok": True}
    assert len(handler.calls) == 4
    assert len(fake_time.sleeps) >= 3  # it waited between tries


def test_backoff_grows_exponentially_with_bounded_jitter():
    policy = RetryPolicy(backoff_base_s=1.0, backoff_max_s=100.0, jitter=0.5)
    assert policy.backoff_s(1, rand=lambda: 0.0) == 1.0
    assert policy.backoff_s(3, rand=lambda: 0.0) == 4.0
    assert policy.backoff_s(3, rand=lambda: 1.0) == 6.0
    assert policy.backoff_s(30, rand=lambda: 0.0) == 100.0


def test_gives_up_after_max_attempts_with_server_error(httpserver, make_client):
    handler = failing_then([503] * 10, {})
    httpserver.expect_request("/api/x").respond_with_handler(handler)
    with pytest.raises(ServerError) as caught:
        make_client().get_json("x")
    assert len(handler.calls) == 4
    assert caught.value.status == 503
    assert "busy" in str(caught.value)


def test_retry_after_seconds_is_honoured(httpserver, make_client, fake_time):
    handler = failing_then([429], {"ok": 1}, headers={"Retry-After": "7"})
    httpserver.expect_request("/api/x").respond_with_handler(handler)
    assert make_client().get_json("x") == {"ok": 1}
    assert fake_time.slept == pytest.approx(7.0)


def test_retry_after_http_date_is_honoured():
    now = datetime(2026, 1, 1, 12, 0, 0, tzinfo=timezone.utc)
    header = format_datetime(now + timedelta(seconds=42), usegmt=True)
    assert parse_retry_after(header, now=now) == pytest.approx(42.0)
    assert parse_retry_after("garbage") is None
    assert parse_retry_after(None) is None


def test_retry_after_is_capped(httpserver, make_client, fake_time):
    handler = failing_then([503], {"ok": 1}, headers={"Retry-After": "3600"})
    httpserver.expect_request("/api/x").respond_with_handler(handler)
    make_client().get_json("x")
    assert fake_time.slept == pytest.approx(30.0)  # fast_retry's cap


def test_too_many_requests_raised_with_retry_after_when_retries_exhausted(
        httpserver, make_client):
    handler = failing_then([429] * 10, {}, headers={"Retry-After": "1"})
    httpserver.expect_request("/api/x").respond_with_handler(handler)
    with pytest.raises(TooManyRequests) as caught:
        make_client().get_json("x")
    assert caught.value.retry_after_s == 1.0


def test_post_is_not_retried_on_server_error(httpserver, make_client):
    handler = failing_then([500], {"_id": "u1"})
    httpserver.expect_request("/api/datastores/d/uploads", method="POST").respond_with_handler(
        handler)
    with pytest.raises(ServerError):
        make_client().post_json("datastores/d/uploads", {"name": "n"})
    assert handler.calls == ["POST"]


def test_post_flagged_safe_is_retried(httpserver, make_client):
    handler = failing_then([500], {"ok": True})
    httpserver.expect_request("/api/tags", method="POST").respond_with_handler(handler)
    assert make_client().post_json("tags", {"a": "b"}, retry_safe=True) == {"ok": True}
    assert handler.calls == ["POST", "POST"]


@pytest.mark.parametrize("method", ["PUT", "DELETE"])
def test_idempotent_methods_are_retried(httpserver, make_client, method):
    handler = failing_then([503], {})
    httpserver.expect_request("/api/r", method=method).respond_with_handler(handler)
    make_client().request(method, "r")
    assert len(handler.calls) == 2


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_connection_refused_is_retried_then_reported(fake_time, fast_retry):
    client = EntrepotClient(f"http://127.0.0.1:{free_port()}/api", retry=fast_retry,
                            sleep=fake_time.sleep, clock=fake_time.clock)
    with pytest.raises(ConnectionFailed) as caught:
        client.get_json("users/me")
    assert len(fake_time.sleeps) >= fast_retry.max_attempts - 1
    assert "reach" in caught.value.user_message


def test_cancel_during_retry_wait_stops_retrying(httpserver, fake_time):
    handler = failing_then([503] * 10, {}, headers={"Retry-After": "60"})
    httpserver.expect_request("/api/x").respond_with_handler(handler)
    client = EntrepotClient(httpserver.url_for("/api"), sleep=fake_time.sleep,
                            clock=fake_time.clock)
    with pytest.raises(Cancelled):
        client.get_json("x", cancelled=lambda: fake_time.slept > 1.0)
    assert len(handler.calls) == 1
    assert fake_time.slept < 2.0


def test_read_timeout_maps_to_connection_failed(httpserver, fast_retry):
    import threading

    release = threading.Event()

    def slow(request):
        release.wait(5)
        return Response("{}", content_type="application/json")

    httpserver.expect_request("/api/slow").respond_with_handler(slow)
    client = EntrepotClient(httpserver.url_for("/api"),
                            retry=RetryPolicy(max_attempts=1), timeout=(2, 0.2))
    try:
        with pytest.raises(ConnectionFailed) as caught:
            client.get_json("slow")
    finally:
        release.set()
    assert "timeout" in str(caught.value)
