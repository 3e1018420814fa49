"""Build the workflow's gateway from platform URLs and a token source (one place for all
callers: QgsTask, Processing, demo, tests)."""

from __future__ import annotations

from typing import Callable, Optional

from ..entrepot.auth import TokenProvider
from ..entrepot.client import EntrepotClient
from ..entrepot.secret import Secret
from .gateway import Gateway
from .transport import ClientTransport


def gateway_for(api_url: str, token_provider, *,
                cancelled: Optional[Callable[[], bool]] = None, **client_options) -> Gateway:
    client = EntrepotClient(api_url, token_provider, **client_options)
    return Gateway(ClientTransport(client, cancelled=cancelled))


def password_gateway(api_url: str, token_url: str, username: str, password: str, *,
                     client_id: str = "gpf-warehouse", totp=None,
                     cancelled: Optional[Callable[[], bool]] = None) -> Gateway:
    """A gateway signed in with the password grant (scripts, demo, tests)."""
    tokens = TokenProvider.password(token_url, username, Secret(password), totp=totp,
                                    client_id=client_id)
    return gateway_for(api_url, tokens, cancelled=cancelled)


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
