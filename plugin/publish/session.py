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
