"""Wiring for callers: a token provider and a client for a platform (real or sandbox)."""

from __future__ import annotations

from typing import Optional

from .api import EntrepotApi
from .auth import TokenProvider, TotpSource
from .client import EntrepotClient
from .proxy import ProxySettings, qgis_proxy_settings
from .secret import SecretLike


def password_tokens(platform, username: str, password: SecretLike, *,
                    totp: Optional[TotpSource] = None,
                    proxy_settings: Optional[ProxySettings] = None) -> TokenProvider:
    """Password grant on ``platform`` (a ``settings.PlatformUrls``: token_url, client_id)."""
    proxies = proxy_settings.for_url(platform.token_url) if proxy_settings else None
    return TokenProvider.password(platform.token_url, username, password, totp=totp,
                                  client_id=platform.client_id, proxies=proxies)


def connect(platform, token_provider, *, datastore_id: Optional[str] = None,
            proxy_settings: Optional[ProxySettings] = None, use_qgis_proxy: bool = True,
            **client_options) -> EntrepotApi:
    """An :class:`EntrepotApi` on ``platform.api_url``; inside QGIS, through QGIS's proxy."""
    if proxy_settings is None and use_qgis_proxy:
        proxy_settings = qgis_proxy_settings()
    client = EntrepotClient(platform.api_url, token_provider, proxy_settings=proxy_settings,
                            **client_options)
    return EntrepotApi(client, datastore_id)
