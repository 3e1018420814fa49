"""Keycloak-shaped token endpoint of the realm ``geoplateforme``.

Grants: password (with ``totp`` for 2FA accounts), refresh_token, client_credentials, and
authorization_code with a minimal login page at ``/auth``.
"""

from __future__ import annotations

import html
import secrets
import time
from typing import Optional
from urllib.parse import urlencode

import pyotp
from flask import Blueprint, jsonify, redirect, request

from .context import sandbox
from .seed import PUBLIC_CLIENTS
from .trainees import password_matches

REALM = "/realms/geoplateforme"
bp = Blueprint("auth", __name__, url_prefix=f"{REALM}/protocol/openid-connect")
realm_bp = Blueprint("realm", __name__, url_prefix=REALM)

_codes: dict = {}   # one-time authorization codes: code -> (user id, client id, redirect, expiry)
CODE_LIFETIME_S = 60


def keycloak_error(status: int, error: str, description: str):
    return jsonify({"error": error, "error_description": description}), status


def _user_by_name(username: str) -> Optional[dict]:
    return next(sandbox().store.find("users", username=username), None)


def _client_ok(client_id: str, client_secret: str) -> bool:
    if client_id in PUBLIC_CLIENTS:
        return True
    service = next(sandbox().store.find("users", client_id=client_id), None)
    return bool(service and client_secret and secrets.compare_digest(
        service["client_secret"], client_secret))


def check_credentials(username: str, password: str, totp: str):
    """(user, None) when the credentials hold, else (None, (error, description))."""
    user = _user_by_name(username or "")
    if not user or not password_matches(user, password):
        return None, ("invalid_grant", "Invalid user credentials")
    if user.get("totp_secret"):
        if not totp:
            return None, ("invalid_grant", "Invalid user credentials: totp required")
        if not pyotp.TOTP(user["totp_secret"]).verify(totp, valid_window=1):
            return None, ("invalid_grant", "Invalid user credentials: invalid totp")
    return user, None


def _token_reply(user: dict, client_id: str):
    sb = sandbox()
    lifetime = sb.access_lifetime()
    access = sb.signer.issue(user["_id"], "Bearer", lifetime, azp=client_id,
                             preferred_username=user["username"])
    refresh = sb.signer.issue(user["_id"], "Refresh", sb.refresh_lifetime, azp=client_id)
    reply = jsonify({
        "access_token": access, "expires_in": int(lifetime),
        "refresh_token": refresh, "refresh_expires_in": int(sb.refresh_lifetime),
        "token_type": "Bearer", "not-before-policy": 0,
        "session_state": secrets.token_hex(8), "scope": "openid profile email",
    })
    reply.headers["Cache-Control"] = "no-store"
    return reply


@bp.post("/token")
def token():
    form = request.form
    grant = form.get("grant_type", "")
    client_id = form.get("client_id", "")
    client_secret = form.get("client_secret", "")
    if request.authorization and request.authorization.type == "basic":
        client_id = request.authorization.username or client_id
        client_secret = request.authorization.password or client_secret
    if not client_id:
        return keycloak_error(400, "invalid_client", "Missing parameter: client_id")
    if not _client_ok(client_id, client_secret):
        return keycloak_error(401, "unauthorized_client",
                              "Invalid client or Invalid client credentials")

    if grant == "password":
        user, error = check_credentials(form.get("username"), form.get("password"),
                                        form.get("totp"))
        if error:
            return keycloak_error(401, *error)
        return _token_reply(user, client_id)
    if grant == "refresh_token":
        claims = sandbox().signer.verify(form.get("refresh_token", ""), "Refresh")
        if not claims:
            return keycloak_error(400, "invalid_grant", "Token is not active")
        user = sandbox().store.get("users", claims["sub"])
        if not user:
            return keycloak_error(400, "invalid_grant", "Invalid refresh token")
        return _token_reply(user, client_id)
    if grant == "client_credentials":
        service = next(sandbox().store.find("users", client_id=client_id), None)
        if not service:
            return keycloak_error(401, "unauthorized_client",
                                  "Client not enabled to retrieve service account")
        return _token_reply(service, client_id)
    if grant == "authorization_code":
        entry = _codes.pop(form.get("code", ""), None)
        if not entry or entry[3] < time.time() or entry[1] != client_id:
            return keycloak_error(400, "invalid_grant", "Code not valid")
        if form.get("redirect_uri") and form.get("redirect_uri") != entry[2]:
            return keycloak_error(400, "invalid_grant", "Incorrect redirect_uri")
        user = sandbox().store.get("users", entry[0])
        return _token_reply(user, client_id)
    return keycloak_error(400, "unsupported_grant_type", "Unsupported grant_type")


_LOGIN_PAGE = """<!doctype html><html><head><meta charset="utf-8">
<title>Géoplateforme (sandbox)</title>
</head><body><h1>Connexion à la Géoplateforme (bac à sable)</h1><p style="color:red">{error}</p>
<form method="post"><input type="hidden" name="client_id" value="{client_id}">
<input type="hidden" name="redirect_uri" value="{redirect_uri}">
<input type="hidden" name="state" value="{state}">
<label>Identifiant <input name="username" id="username"></label><br>
<label>Mot de passe <input name="password" id="password" type="password"></label><br>
<label>Code TOTP (si activé) <input name="totp" id="totp"></label><br>
<button type="submit" id="kc-login">Se connecter</button></form></body></html>"""


@bp.route("/auth", methods=["GET", "POST"])
def authorize():
    """Authorization-code login: a form, then a redirect carrying ``code`` and ``state``."""
    values = request.values
    client_id = values.get("client_id", "")
    redirect_uri = values.get("redirect_uri", "")
    state = values.get("state", "")
    if values.get("response_type", "code") != "code" or not client_id or not redirect_uri:
        return keycloak_error(400, "invalid_request",
                              "Missing client_id, redirect_uri or response_type")
    error = ""
    if request.method == "POST":
        user, failure = check_credentials(values.get("username"), values.get("password"),
                                          values.get("totp"))
        if user:
            code = secrets.token_urlsafe(24)
            _codes[code] = (user["_id"], client_id, redirect_uri, time.time() + CODE_LIFETIME_S)
            separator = "&" if "?" in redirect_uri else "?"
            query = urlencode({"code": code, "state": state})
            return redirect(f"{redirect_uri}{separator}{query}")
        error = "Identifiant ou mot de passe invalide." if failure else ""
    page = _LOGIN_PAGE.format(error=html.escape(error), client_id=html.escape(client_id),
                              redirect_uri=html.escape(redirect_uri), state=html.escape(state))
    return page, 200, {"Content-Type": "text/html; charset=utf-8"}


@bp.post("/logout")
def logout():
    """Accepted like Keycloak's (tokens are signed, not stored: they simply expire)."""
    if not sandbox().signer.verify(request.form.get("refresh_token", ""), "Refresh"):
        return keycloak_error(400, "invalid_grant", "Invalid refresh token")
    return "", 204


@bp.get("/userinfo")
def userinfo():
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    claims = sandbox().signer.verify(token.strip(), "Bearer") if scheme.lower() == "bearer" \
        else None
    user = sandbox().store.get("users", claims["sub"]) if claims else None
    if not user:
        return keycloak_error(401, "invalid_token", "Token verification failed")
    return jsonify({"sub": user["_id"], "preferred_username": user["username"],
                    "email": user["email"], "given_name": user["first_name"],
                    "family_name": user["last_name"]})


@realm_bp.get("/.well-known/openid-configuration")
def discovery():
    base = f"{sandbox().base_url}{REALM}"
    endpoints = f"{base}/protocol/openid-connect"
    return jsonify({
        "issuer": base, "authorization_endpoint": f"{endpoints}/auth",
        "token_endpoint": f"{endpoints}/token", "userinfo_endpoint": f"{endpoints}/userinfo",
        "end_session_endpoint": f"{endpoints}/logout",
        "grant_types_supported": ["authorization_code", "password", "refresh_token",
                                  "client_credentials"],
        "response_types_supported": ["code"],
    })
