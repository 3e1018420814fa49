"""Sign in to the entrepôt with a QGIS authentication configuration.

Two kinds of configuration are accepted, both kept in QGIS's encrypted auth database:

- "Basic" (login/password): the plugin's TokenProvider asks the token endpoint itself;
- "OAuth2": QGIS's own OAuth2 method signs in (in QGIS desktop, the authorization-code flow
  opens the browser), caches the token and refreshes it. The entrepôt client only asks it for
  the current bearer, through ``QgsAuthManager.updateNetworkRequest``, from any thread (QGIS's
  own renderers do the same).
"""

from __future__ import annotations

from typing import Dict, Optional, Tuple

from qgis.core import QgsApplication, QgsAuthMethodConfig
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtNetwork import QNetworkRequest

from .entrepot.auth import DEFAULT_CLIENT_ID, TokenProvider
from .entrepot.errors import TokenError
from .entrepot.secret import Secret

BASIC, OAUTH2 = "Basic", "OAuth2"


def auth_method(authcfg: str) -> str:
    """"Basic", "OAuth2", … of a configuration; raises ValueError when it does not exist."""
    config = QgsAuthMethodConfig()
    found = QgsApplication.authManager().loadAuthenticationConfig(authcfg, config, False)
    if not authcfg or not found or not config.method():
        raise ValueError(f"authentication configuration '{authcfg}' does not exist")
    return config.method()


def credentials_from_auth_config(authcfg: str) -> Tuple[str, str]:
    """(username, password) of a "Basic" configuration, read from QGIS's encrypted store when
    needed and handed straight to the token provider; never logged or stored by the plugin."""
    config = QgsAuthMethodConfig()
    if not QgsApplication.authManager().loadAuthenticationConfig(authcfg, config, True):
        raise ValueError(f"authentication configuration '{authcfg}' cannot be read")
    username, password = config.config("username"), config.config("password")
    if not username or not password:
        raise ValueError(f"authentication configuration '{authcfg}' holds no login/password")
    return username, password


class QgisOAuth2TokenProvider:
    """The bearer of a QGIS OAuth2 configuration; same interface as TokenProvider."""

    def __init__(self, authcfg: str):
        self.authcfg = authcfg

    def __repr__(self) -> str:
        return f"QgisOAuth2TokenProvider(authcfg={self.authcfg!r})"

    def access_token(self) -> Secret:
        # QGIS adds the header to a request; the URL does not matter to the OAuth2 method.
        request = QNetworkRequest(QUrl("https://entrepot.invalid/"))
        # QGIS's OAuth2 method serialises these calls itself.
        updated = QgsApplication.authManager().updateNetworkRequest(request, self.authcfg)
        if isinstance(updated, tuple):  # PyQt returns (ok, request) for the in/out argument
            updated, request = updated
        scheme, _, token = bytes(request.rawHeader(b"Authorization")).decode(
            "latin-1").partition(" ")
        if not updated or scheme.lower() != "bearer" or not token.strip():
            raise TokenError(details=[QgsApplication.translate(
                "AuthConfig", "QGIS's OAuth2 sign-in gave no token (login cancelled or timed "
                "out, or the configuration does not send an 'Authorization' header).")])
        return Secret(token.strip())

    def authorization_header(self) -> Dict[str, str]:
        return {"Authorization": f"Bearer {self.access_token().reveal()}"}

    def refresh_after_unauthorized(self, rejected: Secret) -> Secret:
        """After a 401: QGIS may already hold a newer token; otherwise its cached login is
        dropped so that the next request signs in again."""
        token = self.access_token()
        if token != rejected:
            return token
        self.invalidate()
        return self.access_token()

    def invalidate(self) -> None:
        QgsApplication.authManager().clearCachedConfig(self.authcfg)


def token_provider_for(authcfg: str, token_url: str, client_id: str = DEFAULT_CLIENT_ID,
                       totp: Optional[Secret] = None):
    """The token source of a configuration: QGIS's OAuth2 method, or the password grant."""
    method = auth_method(authcfg)
    if method == OAUTH2:
        return QgisOAuth2TokenProvider(authcfg)
    if method == BASIC:
        username, password = credentials_from_auth_config(authcfg)
        return TokenProvider.password(token_url, username, Secret(password), totp=totp,
                                      client_id=client_id)
    raise ValueError(f"authentication configuration '{authcfg}' uses the {method} method; "
                     "choose a Basic (login/password) or OAuth2 configuration")
