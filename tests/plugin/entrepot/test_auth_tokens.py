"""Tokens: grants and their form fields, refresh before expiry, one refresh after a 401."""

from __future__ import annotations

import json
import threading

import pytest
from gpf_wmts_publisher.plugin.entrepot import (
    Secret,
    StaticTokenProvider,
    TokenError,
    TokenProvider,
    Unauthorized,
)
from werkzeug import Response

TOKEN_PATH = "/realms/geoplateforme/protocol/openid-connect/token"


class FakeKeycloak:
    """Issues access-1, access-2, … and records every form it received."""

    def __init__(self, expires_in=300, refresh_expires_in=1800, refuse_refresh=False):
        self.forms = []
        self.expires_in = expires_in
        self.refresh_expires_in = refresh_expires_in
        self.refuse_refresh = refuse_refresh
        self._lock = threading.Lock()

    def __call__(self, request):
        with self._lock:
            form = request.form.to_dict()
            self.forms.append(form)
            number = len(self.forms)
        if form.get("grant_type") == "refresh_token" and self.refuse_refresh:
            return Response(json.dumps({"error": "invalid_grant",
                                        "error_description": "Token is not active"}),
                            status=400, content_type="application/json")
        if form.get("password") == "wrong":
            return Response(json.dumps({"error": "invalid_grant",
                                        "error_description": "Invalid user credentials"}),
                            status=401, content_type="application/json")
        return Response(json.dumps({
            "access_token": f"access-{number}", "expires_in": self.expires_in,
            "refresh_token": f"refresh-{number}",
            "refresh_expires_in": self.refresh_expires_in, "token_type": "Bearer",
        }), content_type="application/json")

    @property
    def grants(self):
        return [f["grant_type"] for f in self.forms]


@pytest.fixture
def keycloak(httpserver):
    fake = FakeKeycloak()
    httpserver.expect_request(TOKEN_PATH, method="POST").respond_with_handler(fake)
    return fake


def password_provider(httpserver, fake_time, **kwargs):
    return TokenProvider.password(httpserver.url_for(TOKEN_PATH), "alice", Secret("pw"),
                                  clock=fake_time.clock, **kwargs)


def test_password_grant_sends_the_sdk_client_id_and_the_totp_code(
        httpserver, keycloak, fake_time):
    provider = password_provider(httpserver, fake_time, totp="123456")
    assert provider.access_token().reveal() == "access-1"
    assert keycloak.forms[0] == {"grant_type": "password", "username": "alice",
                                 "password": "pw", "client_id": "gpf-warehouse",
                                 "totp": "123456"}


def test_totp_callable_gives_a_fresh_code_for_each_new_login(httpserver, keycloak, fake_time):
    codes = iter(["111111", "222222"])
    provider = password_provider(httpserver, fake_time, totp=lambda: next(codes))
    provider.access_token()
    provider.invalidate()
    provider.access_token()
    assert [f["totp"] for f in keycloak.forms] == ["111111", "222222"]


def test_client_credentials_grant_sends_id_and_secret(httpserver, keycloak, fake_time):
    provider = TokenProvider.client_credentials(httpserver.url_for(TOKEN_PATH), "robot",
                                                "s3cr3t", clock=fake_time.clock)
    provider.access_token()
    assert keycloak.forms[0] == {"grant_type": "client_credentials", "client_id": "robot",
                                 "client_secret": "s3cr3t"}


def test_token_is_reused_until_shortly_before_expiry_then_refreshed(
        httpserver, keycloak, fake_time):
    provider = password_provider(httpserver, fake_time, margin_s=30)
    assert provider.access_token().reveal() == "access-1"
    fake_time.now += 260
    assert provider.access_token().reveal() == "access-1"
    fake_time.now += 15  # 275 s: inside the 30 s margin of a 300 s token
    assert provider.access_token().reveal() == "access-2"
    assert keycloak.grants == ["password", "refresh_token"]
    assert keycloak.forms[1]["refresh_token"] == "refresh-1"
    assert keycloak.forms[1]["client_id"] == "gpf-warehouse"


def test_refused_refresh_falls_back_to_a_new_login(httpserver, fake_time):
    keycloak = FakeKeycloak(refuse_refresh=True)
    httpserver.expect_request(TOKEN_PATH, method="POST").respond_with_handler(keycloak)
    provider = password_provider(httpserver, fake_time)
    provider.access_token()
    fake_time.now += 299
    assert provider.access_token().reveal() == "access-3"
    assert keycloak.grants == ["password", "refresh_token", "password"]


def test_expired_refresh_token_is_not_used(httpserver, keycloak, fake_time):
    provider = password_provider(httpserver, fake_time)
    provider.access_token()
    fake_time.now += 5000  # past refresh_expires_in
    provider.access_token()
    assert keycloak.grants == ["password", "password"]


def test_wrong_credentials_raise_token_error_with_keycloak_words(
        httpserver, keycloak, fake_time):
    provider = TokenProvider.password(httpserver.url_for(TOKEN_PATH), "alice", "wrong",
                                      clock=fake_time.clock)
    with pytest.raises(TokenError) as caught:
        provider.access_token()
    assert "Invalid user credentials" in str(caught.value)
    assert caught.value.status == 401


def test_api_401_refreshes_once_and_retries_once(httpserver, keycloak, fake_time, make_client):
    seen = []

    def api(request):
        seen.append(request.headers.get("Authorization"))
        if len(seen) == 1:
            return Response('{"error_description": "expired"}', status=401,
                            content_type="application/json")
        return Response('{"_id": "me"}', content_type="application/json")

    httpserver.expect_request("/api/users/me").respond_with_handler(api)
    client = make_client(password_provider(httpserver, fake_time))
    assert client.get_json("users/me") == {"_id": "me"}
    assert seen == ["Bearer access-1", "Bearer access-2"]
    assert keycloak.grants == ["password", "refresh_token"]


def test_repeated_401_raises_unauthorized_after_a_single_refresh(
        httpserver, keycloak, fake_time, make_client):
    seen = []

    def api(request):
        seen.append(request.headers.get("Authorization"))
        return Response('{"error_description": "no"}', status=401,
                        content_type="application/json")

    httpserver.expect_request("/api/users/me").respond_with_handler(api)
    client = make_client(password_provider(httpserver, fake_time))
    with pytest.raises(Unauthorized):
        client.get_json("users/me")
    assert len(seen) == 2
    assert keycloak.grants == ["password", "refresh_token"]


def test_threads_rejected_together_cause_one_refresh(httpserver, keycloak, fake_time):
    provider = password_provider(httpserver, fake_time)
    rejected = provider.access_token()
    barrier = threading.Barrier(8)
    results = []

    def worker():
        barrier.wait()
        results.append(provider.refresh_after_unauthorized(rejected).reveal())

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert set(results) == {"access-2"}
    assert keycloak.grants == ["password", "refresh_token"]


def test_static_provider_renews_through_its_callable():
    provider = StaticTokenProvider("old", renew=lambda: "new")
    old = provider.access_token()
    assert provider.refresh_after_unauthorized(old).reveal() == "new"
    assert provider.refresh_after_unauthorized(old).reveal() == "new"
