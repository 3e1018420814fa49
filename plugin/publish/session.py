"""Build the workflow's entrepôt API from platform URLs and a token source (one place for all
callers: QgsTask, Processing, demo, tests)."""

from __future__ import annotations

from typing import Callable, Optional

from ..entrepot.api import EntrepotApi
from ..entrepot.auth import DEFAULT_CLIENT_ID, TokenProvider
from ..entrepot.client import EntrepotClient
from ..entrepot.secret import Secret


def api_for(api_url: str, token_provider, *, datastore_id: Optional[str] = None,
            cancelled: Optional[Callable[[], bool]] = None, **client_options) -> EntrepotApi:
    """An EntrepotApi on ``api_url``; every request stops once ``cancelled()`` is true."""
    if cancelled is not None:
        client_options["cancelled"] = cancelled
    return EntrepotApi(EntrepotClient(api_url, token_provider, **client_options), datastore_id)


def password_api(api_url: str, token_url: str, username: str, password: str, *,
                 client_id: str = DEFAULT_CLIENT_ID, totp=None,
                 cancelled: Optional[Callable[[], bool]] = None) -> EntrepotApi:
    """An EntrepotApi signed in with the password grant (scripts, demo, tests)."""
    tokens = TokenProvider.password(token_url, username, Secret(password), totp=totp,
                                    client_id=client_id)
    return api_for(api_url, tokens, cancelled=cancelled)


def credentials_from_auth_config(authcfg: str):
    """(username, password) of a QGIS "Basic" authentication configuration.

    The password is read from QGIS's encrypted store at the moment it is needed and handed
    straight to the token provider; it is never logged or stored by the plugin."""
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    config = QgsAuthMethodConfig()
    if not QgsApplication.authManager().loadAuthenticationConfig(authcfg, config, True):
        raise ValueError(f"authentication configuration '{authcfg}' cannot be read")
    username, password = config.config("username"), config.config("password")
    if not username or not password:
        raise ValueError(f"authentication configuration '{authcfg}' holds no login/password")
    return username, password
