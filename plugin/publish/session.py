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


def auth_config_api(api_url: str, token_url: str, authcfg: str, *,
                    client_id: str = DEFAULT_CLIENT_ID,
                    cancelled: Optional[Callable[[], bool]] = None) -> EntrepotApi:
    """An EntrepotApi signed in with a QGIS authentication configuration (Basic or OAuth2)."""
    from ..auth_config import token_provider_for

    return api_for(api_url, token_provider_for(authcfg, token_url, client_id),
                   cancelled=cancelled)
