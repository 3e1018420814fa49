"""The proxy QGIS is configured with (Settings ▸ Options ▸ Network), in ``requests``' terms.

Only :func:`qgis_proxy_settings` touches QGIS, and imports it lazily: outside QGIS the client
keeps requests' usual behaviour (environment variables such as ``HTTPS_PROXY``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, Mapping, Optional, Sequence, Tuple
from urllib.parse import quote

# QNetworkProxy type names QGIS stores in proxy/proxyType, and the scheme requests needs.
PROXY_SCHEMES = {
    "HttpProxy": "http",
    "HttpCachingProxy": "http",
    "Socks5Proxy": "socks5h",  # needs PySocks; requests says so if it is missing
}


@dataclass(frozen=True)
class ProxySettings:
    """``proxies`` may hold the proxy password: kept out of ``repr``."""

    proxies: Mapping[str, str] = field(default_factory=dict, repr=False)
    excluded_prefixes: Tuple[str, ...] = ()

    def for_url(self, url: str) -> Optional[Dict[str, str]]:
        """The proxies for ``url``; ``None`` lets requests decide (environment, no proxy)."""
        if not self.proxies or any(url.startswith(p) for p in self.excluded_prefixes if p):
            return None
        return dict(self.proxies)


def proxy_settings_from_values(
    enabled: bool,
    proxy_type: str,
    host: str,
    port: Optional[int],
    user: str = "",
    password: str = "",
    excluded: Sequence[str] = (),
) -> Optional[ProxySettings]:
    """Builds settings from QGIS's proxy values (pure: tested without QGIS)."""
    scheme = PROXY_SCHEMES.get(proxy_type or "")
    if not enabled or not host or scheme is None:
        return None  # "DefaultProxy" = the system's: requests reads it from the environment
    credentials = ""
    if user:
        credentials = quote(user, safe="")
        if password:
            credentials += ":" + quote(password, safe="")
        credentials += "@"
    address = f"{scheme}://{credentials}{host}" + (f":{int(port)}" if port else "")
    return ProxySettings(
        proxies={"http": address, "https": address},
        excluded_prefixes=tuple(str(e).strip() for e in excluded if str(e).strip()),
    )


def _as_list(value) -> Tuple[str, ...]:
    if not value:
        return ()
    if isinstance(value, str):
        return tuple(v for v in value.split("|") if v)
    return tuple(str(v) for v in value)


def qgis_proxy_settings(settings=None) -> Optional[ProxySettings]:
    """QGIS's configured proxy, or ``None`` outside QGIS / when none is set."""
    if settings is None:
        try:
            from qgis.core import QgsSettings
        except ImportError:
            return None
        settings = QgsSettings()
    enabled = settings.value("proxy/proxyEnabled", False) in (True, "true", "1", 1)
    port_text = str(settings.value("proxy/proxyPort", "") or "")
    return proxy_settings_from_values(
        enabled=enabled,
        proxy_type=str(settings.value("proxy/proxyType", "") or ""),
        host=str(settings.value("proxy/proxyHost", "") or ""),
        port=int(port_text) if port_text.isdigit() else None,
        user=str(settings.value("proxy/proxyUser", "") or ""),
        password=str(settings.value("proxy/proxyPassword", "") or ""),
        excluded=_as_list(settings.value("proxy/proxyExcludedUrls", []))
        + _as_list(settings.value("proxy/noProxyUrls", [])),
    )
