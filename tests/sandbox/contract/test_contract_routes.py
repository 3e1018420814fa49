"""The contract covers every API route, and the app enforces it (in-process, no server)."""

from __future__ import annotations

import pytest

from sandbox.app import build
from sandbox.contract import CONTRACTS
from sandbox.contract.registry import Route
from sandbox.contract.schema import STR, Obj


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    flask_app, _ = build(tmp_path_factory.mktemp("contract"), "http://127.0.0.1:1",
                         start_workers=False)
    return flask_app


def api_routes(app) -> set:
    return {f"{method} {rule.rule}" for rule in app.url_map.iter_rules()
            if rule.rule.startswith("/api")
            for method in rule.methods - {"HEAD", "OPTIONS"}}


def test_every_api_route_has_a_contract_entry(app):
    missing = sorted(api_routes(app) - set(CONTRACTS))
    assert not missing, f"routes without a contract entry (sandbox/contract/): {missing}"


def test_no_contract_entry_names_a_route_that_does_not_exist(app):
    stale = sorted(set(CONTRACTS) - api_routes(app))
    assert not stale, f"contract entries with no route: {stale}"


def test_a_route_without_contract_is_refused(app, monkeypatch):
    monkeypatch.delitem(CONTRACTS, "GET /api/users/me")
    reply = app.test_client().get("/api/users/me")
    assert reply.status_code == 500
    assert "Route sans contrat" in reply.get_json()["error_description"][0]


def test_a_reply_that_breaks_the_contract_is_a_500_in_strict_mode(tmp_path, monkeypatch):
    """users/me's contract is replaced by one requiring a field the route never sends."""
    monkeypatch.setenv("SANDBOX_CONTRACT", "strict")
    flask_app, _ = build(tmp_path, "http://127.0.0.1:1", start_workers=False)
    assert flask_app.config["CONTRACT_STRICT"]
    monkeypatch.setitem(CONTRACTS, "GET /api/users/me", Route(reply=Obj({"never_sent": STR})))
    token = _token(flask_app)
    reply = flask_app.test_client().get("/api/users/me",
                                        headers={"Authorization": f"Bearer {token}"})
    assert reply.status_code == 500
    text = " ".join(reply.get_json()["error_description"])
    assert "never_sent" in text and "GET /api/users/me" in text


def _token(flask_app) -> str:
    reply = flask_app.test_client().post(
        "/realms/geoplateforme/protocol/openid-connect/token",
        data={"grant_type": "password", "client_id": "gpf-warehouse",
              "username": "formateur", "password": "formateur"})
    assert reply.status_code == 200, reply.get_data(as_text=True)
    return reply.get_json()["access_token"]
