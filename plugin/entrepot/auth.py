"""Access tokens from the Géoplateforme's Keycloak, shared by every thread of the plugin.

One :class:`TokenProvider` per account: it asks the token endpoint once, refreshes shortly
before expiry (``refresh_token`` grant, falling back to the original grant), and after a 401
refreshes at most once per rejected token even when many threads were rejected at once.
Secrets are held as :class:`Secret` so they never print.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from typing import Callable, Dict, Optional, Union

import requests

from .errors import ConnectionFailed, TokenError, platform_words
from .network import network_session
from .network_limits import configured_timeout
from .secret import Secret, SecretLike, as_secret

LOGGER = logging.getLogger(__name__)

DEFAULT_CLIENT_ID = "gpf-warehouse"
DEFAULT_MARGIN_S = 30.0
DEFAULT_TIMEOUT = (10.0, 30.0)

# A one-time code changes every 30 s: a callable gives a fresh one for each token request.
TotpSource = Union[SecretLike, Callable[[], str], None]


@dataclass(frozen=True)
class Token:
    """A token endpoint's answer; times are on the provider's monotonic clock."""

    access: Secret
    expires_at: float
    refresh: Optional[Secret] = None
    refresh_expires_at: Optional[float] = None
    token_type: str = "Bearer"  # noqa: S105 - a scheme name, not a secret
    issued_at: float = 0.0
    scope: str = field(default="", compare=False)


class TokenProvider:
    """Thread-safe source of a valid access token.

    Build it with :meth:`password` or :meth:`client_credentials`. Other code only calls
    :meth:`access_token` and, after a 401, :meth:`refresh_after_unauthorized`.
    """

    def __init__(
        self,
        token_url: str,
        grant_form: Dict[str, object],
        *,
        client_id: str = DEFAULT_CLIENT_ID,
        client_secret: Optional[SecretLike] = None,
        totp: TotpSource = None,
        session: Optional[requests.Session] = None,
        timeout=None,
        margin_s: float = DEFAULT_MARGIN_S,
        clock: Callable[[], float] = time.monotonic,
        proxies: Optional[Dict[str, str]] = None,
    ):
        self.token_url = token_url
        self.client_id = client_id
        self._grant_form = dict(grant_form)  # values may be Secret; revealed only when sent
        self._client_secret = as_secret(client_secret)
        self._totp = totp if callable(totp) else as_secret(totp)
        self._session = session or network_session()  # QGIS's proxy and CAs in QGIS
        self._timeout = timeout or configured_timeout(DEFAULT_TIMEOUT)
        self._margin_s = margin_s
        self._clock = clock
        self._proxies = proxies
        self._lock = threading.RLock()
        self._token: Optional[Token] = None
        self.requests_made = 0  # how many times the token endpoint was called (tests, logs)

    # -- construction ------------------------------------------------------------------
    @classmethod
    def password(
        cls, token_url: str, username: str, password: SecretLike, *,
        totp: TotpSource = None, **kwargs,
    ) -> TokenProvider:
        """Resource-owner password grant (as the platform's SDK); ``totp`` for 2FA accounts."""
        form = {"grant_type": "password", "username": username, "password": as_secret(password)}
        return cls(token_url, form, totp=totp, **kwargs)

    @classmethod
    def client_credentials(
        cls, token_url: str, client_id: str, client_secret: SecretLike, **kwargs
    ) -> TokenProvider:
        """Service-account grant."""
        return cls(token_url, {"grant_type": "client_credentials"}, client_id=client_id,
                   client_secret=client_secret, **kwargs)

    def __repr__(self) -> str:
        grant = self._grant_form.get("grant_type")
        return f"TokenProvider(url={self.token_url!r}, grant={grant!r}, client={self.client_id!r})"

    # -- public API --------------------------------------------------------------------
    def access_token(self) -> Secret:
        """A token valid for at least the margin; asks the endpoint only when needed."""
        with self._lock:
            token = self._token
            if token is not None and self._clock() < self._refresh_time(token):
                return token.access
            return self._renew().access

    def authorization_header(self) -> Dict[str, str]:
        return {"Authorization": f"Bearer {self.access_token().reveal()}"}

    def refresh_after_unauthorized(self, rejected: Secret) -> Secret:
        """Called after a 401 with the token that was rejected: renews it unless another
        thread already did (then returns the newer token)."""
        with self._lock:
            if self._token is not None and self._token.access != rejected:
                return self._token.access
            return self._renew(force=True).access

    def invalidate(self) -> None:
        with self._lock:
            self._token = None

    # -- internals ---------------------------------------------------------------------
    def _refresh_time(self, token: Token) -> float:
        # A short-lived token must not look expired as soon as it arrives.
        lifetime = token.expires_at - token.issued_at
        margin = min(self._margin_s, lifetime / 2)
        return token.expires_at - margin

    def _renew(self, force: bool = False) -> Token:
        token = self._token
        now = self._clock()
        if token is not None and token.refresh is not None and (
            token.refresh_expires_at is None or now < token.refresh_expires_at - 1.0
        ):
            try:
                self._token = self._request({"grant_type": "refresh_token",
                                             "refresh_token": token.refresh})
                return self._token
            except TokenError:
                LOGGER.info("token refresh refused; asking a new token with the credentials")
        self._token = self._request(self._grant_form, with_totp=True)
        return self._token

    def _request(self, form: Dict[str, object], with_totp: bool = False) -> Token:
        data = {k: (v.reveal() if isinstance(v, Secret) else v) for k, v in form.items()}
        data["client_id"] = self.client_id
        if self._client_secret:
            data["client_secret"] = self._client_secret.reveal()
        if with_totp and self._totp:
            data["totp"] = self._totp() if callable(self._totp) else self._totp.reveal()
        grant = form.get("grant_type")
        started = self._clock()
        self.requests_made += 1
        try:
            reply = self._session.post(self.token_url, data=data, timeout=self._timeout,
                                       proxies=self._proxies)
        except requests.RequestException as exc:
            # the exception text may quote the request: keep only its class name
            raise ConnectionFailed(details=[type(exc).__name__]) from None
        LOGGER.debug("token %s -> %s", grant, reply.status_code)
        if reply.status_code != 200:
            raise TokenError(status=reply.status_code,
                             details=platform_words(reply.content,
                                                    reply.headers.get("Content-Type", "")))
        try:
            body = reply.json()
            access = body["access_token"]
        except (ValueError, KeyError, TypeError):
            raise TokenError(details=["the token endpoint sent no access_token"]) from None
        expires_in = float(body.get("expires_in") or 300)
        refresh_expires_in = body.get("refresh_expires_in")
        token = Token(
            access=Secret(access),
            expires_at=started + expires_in,
            refresh=as_secret(body.get("refresh_token")),
            refresh_expires_at=(started + float(refresh_expires_in)
                                if refresh_expires_in else None),
            token_type=body.get("token_type") or "Bearer",
            issued_at=started,
            scope=body.get("scope") or "",
        )
        return token


class StaticTokenProvider:
    """A token obtained elsewhere (e.g. QGIS's OAuth2 auth method); cannot refresh itself
    unless given a ``renew`` callable that returns a new access token."""

    def __init__(self, token: SecretLike, renew: Optional[Callable[[], SecretLike]] = None):
        self._token = Secret(token)
        self._renew = renew
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return "StaticTokenProvider()"

    def access_token(self) -> Secret:
        with self._lock:
            return self._token

    def authorization_header(self) -> Dict[str, str]:
        return {"Authorization": f"Bearer {self.access_token().reveal()}"}

    def refresh_after_unauthorized(self, rejected: Secret) -> Secret:
        with self._lock:
            if self._renew is not None and self._token == rejected:
                self._token = Secret(self._renew())
            return self._token
