"""Signed, expiring tokens shaped like Keycloak's JWTs (HS256 with a per-data-dir secret).

Signed rather than stored so a restart keeps every issued token valid until it expires.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from pathlib import Path
from typing import Optional


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def load_or_create_secret(path: Path) -> bytes:
    if path.exists():
        return path.read_bytes()
    path.parent.mkdir(parents=True, exist_ok=True)
    secret = secrets.token_bytes(32)
    path.write_bytes(secret)
    path.chmod(0o600)
    return secret


class TokenSigner:
    """Issues and checks ``header.payload.signature`` tokens."""

    def __init__(self, secret: bytes, issuer: str):
        self._secret = secret
        self.issuer = issuer

    def __repr__(self) -> str:  # the secret never reaches a log
        return f"TokenSigner(issuer={self.issuer!r})"

    def _sign(self, signing_input: bytes) -> str:
        return _b64(hmac.new(self._secret, signing_input, hashlib.sha256).digest())

    def issue(self, subject: str, kind: str, lifetime_s: float, **claims) -> str:
        now = time.time()
        payload = {
            "iss": self.issuer,
            "sub": subject,
            "typ": kind,
            "iat": int(now),
            "exp": now + lifetime_s,
            "jti": secrets.token_hex(8),
            **claims,
        }
        header = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
        body = _b64(json.dumps(payload).encode())
        signing_input = f"{header}.{body}".encode()
        return f"{header}.{body}.{self._sign(signing_input)}"

    def verify(self, token: str, kind: str) -> Optional[dict]:
        """The claims when the token is ours, of ``kind`` and not expired; else None."""
        try:
            header, body, signature = token.split(".")
        except (ValueError, AttributeError):
            return None
        expected = self._sign(f"{header}.{body}".encode())
        if not hmac.compare_digest(expected, signature):
            return None
        try:
            claims = json.loads(_unb64(body))
        except ValueError:
            return None
        if claims.get("typ") != kind or claims.get("exp", 0) < time.time():
            return None
        return claims
