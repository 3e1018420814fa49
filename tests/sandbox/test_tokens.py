"""The Keycloak-shaped token endpoint: grants, 2FA, refresh, expiry, errors."""

from __future__ import annotations

import time
from urllib.parse import parse_qs, urlparse

import pyotp
import requests


def _token(sandbox, **form):
    return requests.post(sandbox.token_url, data=form, timeout=10)


def _password(sandbox, username, password, **more):
    return _token(sandbox, grant_type="password", client_id="gpf-warehouse",
                  username=username, password=password, **more)


def _me(sandbox, access_token):
    return requests.get(f"{sandbox.api_url}/users/me",
                        headers={"Authorization": f"Bearer {access_token}"}, timeout=10)


def test_password_grant_gives_a_bearer_token_that_opens_users_me(sandbox):
    reply = _password(sandbox, "formateur", "formateur")
    assert reply.status_code == 200
    body = reply.json()
    assert body["token_type"] == "Bearer" and body["expires_in"] > 0 and body["refresh_token"]
    me = _me(sandbox, body["access_token"])
    assert me.status_code == 200
    names = {m["community"]["name"] for m in me.json()["communities_member"]}
    assert names == {"Découverte", "Formation IGN"}


def test_wrong_password_is_invalid_grant_in_keycloak_words(sandbox):
    reply = _password(sandbox, "formateur", "nope")
    assert reply.status_code == 401
    assert reply.json()["error"] == "invalid_grant"
    assert reply.json()["error_description"]


def test_totp_account_needs_a_valid_one_time_code(sandbox):
    account = sandbox.accounts["totp"]
    without = _password(sandbox, account["username"], account["password"])
    assert without.status_code == 401 and "totp" in without.json()["error_description"]
    wrong = _password(sandbox, account["username"], account["password"], totp="000000")
    assert wrong.status_code == 401
    code = pyotp.TOTP(account["totp_secret"]).now()
    right = _password(sandbox, account["username"], account["password"], totp=code)
    assert right.status_code == 200, right.text


def test_refresh_token_gives_a_new_access_token(sandbox):
    first = _password(sandbox, "formateur", "formateur").json()
    refreshed = _token(sandbox, grant_type="refresh_token", client_id="gpf-warehouse",
                       refresh_token=first["refresh_token"])
    assert refreshed.status_code == 200
    assert refreshed.json()["access_token"] != first["access_token"]
    assert _me(sandbox, refreshed.json()["access_token"]).status_code == 200


def test_forged_refresh_token_is_refused(sandbox):
    reply = _token(sandbox, grant_type="refresh_token", client_id="gpf-warehouse",
                   refresh_token="a.b.c")
    assert reply.status_code == 400 and reply.json()["error"] == "invalid_grant"


def test_client_credentials_need_the_service_secret(sandbox):
    service = sandbox.accounts["service"]
    good = _token(sandbox, grant_type="client_credentials", **service)
    assert good.status_code == 200
    assert _me(sandbox, good.json()["access_token"]).status_code == 200
    bad = _token(sandbox, grant_type="client_credentials", client_id=service["client_id"],
                 client_secret="wrong")
    assert bad.status_code == 401 and bad.json()["error"] == "unauthorized_client"


def test_unknown_grant_type_is_refused(sandbox):
    reply = _token(sandbox, grant_type="magic", client_id="gpf-warehouse")
    assert reply.status_code == 400 and reply.json()["error"] == "unsupported_grant_type"


def test_expired_access_token_gets_401_and_refresh_recovers(sandbox):
    sandbox.set_faults(token_lifetime=1)
    try:
        body = _password(sandbox, "formateur", "formateur").json()
        assert body["expires_in"] == 1
    finally:
        sandbox.reset_faults()
    time.sleep(1.2)
    expired = _me(sandbox, body["access_token"])
    assert expired.status_code == 401
    assert expired.json()["error_description"]
    refreshed = _token(sandbox, grant_type="refresh_token", client_id="gpf-warehouse",
                       refresh_token=body["refresh_token"]).json()
    assert _me(sandbox, refreshed["access_token"]).status_code == 200


def test_authorization_code_flow_redirects_with_a_code_exchanged_once(sandbox):
    auth_url = sandbox.token_url.replace("/token", "/auth")
    redirect_uri = "http://127.0.0.1:7070/callback"
    query = {"client_id": "qgis", "redirect_uri": redirect_uri, "response_type": "code",
             "state": "xyz"}
    page = requests.get(auth_url, params=query, timeout=10)
    assert page.status_code == 200 and "password" in page.text
    login = requests.post(auth_url, data={**query, "username": "formateur",
                                          "password": "formateur"},
                          allow_redirects=False, timeout=10)
    assert login.status_code == 302
    location = urlparse(login.headers["Location"])
    params = parse_qs(location.query)
    assert location.path == "/callback" and params["state"] == ["xyz"]
    exchange = dict(grant_type="authorization_code", client_id="qgis",
                    code=params["code"][0], redirect_uri=redirect_uri)
    first = _token(sandbox, **exchange)
    assert first.status_code == 200
    assert _me(sandbox, first.json()["access_token"]).status_code == 200
    assert _token(sandbox, **exchange).status_code == 400


def test_token_signature_is_checked(sandbox):
    token = _password(sandbox, "formateur", "formateur").json()["access_token"]
    header, payload, signature = token.split(".")
    tampered = f"{header}.{payload}.{signature[:-2]}AA"
    assert _me(sandbox, tampered).status_code == 401


def test_discovery_userinfo_and_logout_answer_like_keycloak(sandbox):
    realm = sandbox.token_url.split("/protocol/")[0]
    discovery = requests.get(f"{realm}/.well-known/openid-configuration", timeout=10).json()
    assert discovery["token_endpoint"] == sandbox.token_url
    body = _password(sandbox, "formateur", "formateur").json()
    info = requests.get(discovery["userinfo_endpoint"], timeout=10,
                        headers={"Authorization": f"Bearer {body['access_token']}"})
    assert info.json()["preferred_username"] == "formateur"
    assert requests.get(discovery["userinfo_endpoint"], timeout=10).status_code == 401
    logout = requests.post(discovery["end_session_endpoint"], timeout=10,
                           data={"client_id": "gpf-warehouse",
                                 "refresh_token": body["refresh_token"]})
    assert logout.status_code == 204
