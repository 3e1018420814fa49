"""Passwords, client secrets, TOTP codes and tokens never reach logs, reprs or errors."""

from __future__ import annotations

import json
import logging

import pytest
from gpf_wmts_publisher.plugin.entrepot import (
    ConnectionFailed,
    EntrepotError,
    Secret,
    TokenError,
    TokenProvider,
)
from werkzeug import Response

TOKEN_PATH = "/token"
PASSWORD = "pa55-word-XYZ"
TOTP = "987654"
CLIENT_SECRET = "client-secret-QQQ"
ACCESS = "eyJ-access-token-AAA"
REFRESH = "eyJ-refresh-token-RRR"
SECRETS = (PASSWORD, TOTP, CLIENT_SECRET, ACCESS, REFRESH)


def assert_no_secret(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text


@pytest.fixture
def token_server(httpserver):
    def handler(request):
        return Response(json.dumps({"access_token": ACCESS, "refresh_token": REFRESH,
                                    "expires_in": 300, "refresh_expires_in": 1800}),
                        content_type="application/json")

    httpserver.expect_request(TOKEN_PATH, method="POST").respond_with_handler(handler)
    return httpserver


def provider(httpserver, **kwargs):
    return TokenProvider.password(httpserver.url_for(TOKEN_PATH), "alice", PASSWORD,
                                  totp=TOTP, client_secret=CLIENT_SECRET, **kwargs)


def test_secret_wrapper_hides_its_value():
    secret = Secret(PASSWORD)
    assert PASSWORD not in repr(secret)
    assert PASSWORD not in str(secret)
    assert PASSWORD not in f"{secret} {secret!r} {secret:>40}"
    assert secret.reveal() == PASSWORD
    with pytest.raises(TypeError):
        __import__("pickle").dumps(secret)


def test_full_session_logs_no_secret_at_debug(token_server, make_client, caplog):
    caplog.set_level(logging.DEBUG)
    logging.getLogger("urllib3").setLevel(logging.DEBUG)
    token_server.expect_request("/api/users/me").respond_with_json({"_id": "me"})
    tokens = provider(token_server)
    client = make_client(tokens)
    client.get_json("users/me", params={"x": "1"})
    assert caplog.records, "the client logs its requests"
    assert any("/api/users/me" in r.getMessage() for r in caplog.records)
    assert_no_secret(caplog.text)
    assert_no_secret(repr(tokens) + repr(tokens._token) + repr(client))


def test_token_and_connection_errors_carry_no_secret(httpserver, fake_time):
    httpserver.expect_request(TOKEN_PATH, method="POST").respond_with_response(
        Response(json.dumps({"error_description": "Invalid user credentials"}), status=401,
                 content_type="application/json"))
    with pytest.raises(TokenError) as caught:
        provider(httpserver).access_token()
    assert_no_secret(str(caught.value) + repr(caught.value) + caught.value.user_message)

    unreachable = TokenProvider.password("http://127.0.0.1:9/token", "alice", PASSWORD,
                                         totp=TOTP, client_secret=CLIENT_SECRET)
    with pytest.raises(ConnectionFailed) as caught:
        unreachable.access_token()
    assert_no_secret(str(caught.value) + repr(caught.value))


def test_api_error_text_has_no_token(token_server, make_client, caplog):
    caplog.set_level(logging.DEBUG)
    token_server.expect_request("/api/x").respond_with_response(
        Response('{"error_description": "nope"}', status=403, content_type="application/json"))
    with pytest.raises(EntrepotError) as caught:
        make_client(provider(token_server)).get_json("x")
    assert_no_secret(str(caught.value) + repr(caught.value) + caplog.text)


def test_proxy_password_is_not_in_repr():
    from gpf_wmts_publisher.plugin.entrepot.proxy import proxy_settings_from_values

    settings = proxy_settings_from_values(True, "HttpProxy", "proxy.local", 3128, "bob",
                                          PASSWORD)
    assert PASSWORD not in repr(settings)
    assert settings.for_url("https://data.geopf.fr/api")["https"] == (
        f"http://bob:{PASSWORD}@proxy.local:3128")


def test_token_is_not_sent_to_another_host(token_server, make_client):
    seen = []
    token_server.expect_request("/elsewhere").respond_with_handler(
        lambda request: seen.append(request.headers.get("Authorization")) or Response("{}"))
    token_server.expect_request("/api/users/me").respond_with_handler(
        lambda request: seen.append(request.headers.get("Authorization")) or Response("{}"))
    client = make_client(provider(token_server))
    client.get_json("users/me")
    # same server, other host name: another origin for the client
    client.get_json(token_server.url_for("/elsewhere").replace("localhost", "127.0.0.1"))
    assert seen == [f"Bearer {ACCESS}", None]
