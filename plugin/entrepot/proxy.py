"""The proxy QGIS is configured with (Settings ▸ Options ▸ Network), in ``requests``' terms.

Read from the settings QGIS builds each of its network managers from
(QgsNetworkAccessManager::setupDefaultProxyAndCache): ``proxy/…`` keys, and the proxy's own
auth configuration ``proxy/authcfg`` resolved through QGIS's auth manager. As in QGIS, a URL
that starts with a "no proxy" prefix goes direct, one that starts with an "excluded" prefix
gets the default (system) proxy, which for requests means its environment (``HTTPS_PROXY``…).

Only :func:`qgis_proxy_settings` touches QGIS, and only when QGIS is running in this process
(network.py says when): outside QGIS the client keeps requests' usual behaviour.
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
    excluded_prefixes: Tuple[str, ...] = ()  # QGIS: the default (system) proxy
    direct_prefixes: Tuple[str, ...] = ()  # QGIS: no proxy at all

    def for_url(self, url: str) -> Optional[Dict[str, str]]:
        """The proxies for ``url``; ``None`` lets requests decide (environment, no proxy)."""
        if not self.proxies or self.goes_direct(url) or any(
                url.startswith(p) for p in self.excluded_prefixes if p):
            return None
        return dict(self.proxies)

    def goes_direct(self, url: str) -> bool:
        return any(url.startswith(p) for p in self.direct_prefixes if p)


def proxy_settings_from_values(
    enabled: bool,
    proxy_type: str,
    host: str,
    port: Optional[int],
    user: str = "",
    password: str = "",
    excluded: Sequence[str] = (),
    direct: Sequence[str] = (),
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
        excluded_prefixes=_prefixes(excluded),
        direct_prefixes=_prefixes(direct),
    )


def _prefixes(values: Sequence[str]) -> Tuple[str, ...]:
    # an empty prefix would match every URL: QGIS drops them too
    return tuple(str(v).strip() for v in values if str(v).strip())


def _as_list(value) -> Tuple[str, ...]:
    if not value:
        return ()
    if isinstance(value, str):
        return tuple(v for v in value.split("|") if v)
    return tuple(str(v) for v in value)


def qgis_proxy_settings(settings=None, auth_manager=None) -> Optional[ProxySettings]:
    """QGIS's configured proxy, or ``None`` outside QGIS / when none is set.

    ``settings`` (QgsSettings-like) and ``auth_manager`` are given by tests; by default
    QGIS's own, and only when QGIS runs in this process."""
    if settings is None:
        from .network import running_qgis_core

        core = running_qgis_core()
        if core is None:
            return None
        settings = core.QgsSettings()
        auth_manager = auth_manager or core.QgsApplication.authManager()
    enabled = settings.value("proxy/proxyEnabled", False) in (True, "true", "1", 1)
    port_text = str(settings.value("proxy/proxyPort", "") or "")
    user = str(settings.value("proxy/proxyUser", "") or "")
    password = str(settings.value("proxy/proxyPassword", "") or "")
    authcfg = str(settings.value("proxy/authcfg", "") or "")
    if enabled and authcfg and auth_manager is not None:
        user, password = _proxy_credentials(auth_manager, authcfg, user, password)
    return proxy_settings_from_values(
        enabled=enabled,
        proxy_type=str(settings.value("proxy/proxyType", "") or ""),
        host=str(settings.value("proxy/proxyHost", "") or ""),
        port=int(port_text) if port_text.isdigit() else None,
        user=user,
        password=password,
        excluded=_as_list(settings.value("proxy/proxyExcludedUrls", [])),
        direct=_as_list(settings.value("proxy/noProxyUrls", [])),
    )


def _proxy_credentials(auth_manager, authcfg: str, user: str, password: str):
    """The proxy's login from its auth configuration, as QGIS applies it to its proxy."""
    from qgis.PyQt.QtNetwork import QNetworkProxy

    proxy = QNetworkProxy(QNetworkProxy.ProxyType.HttpProxy, "proxy.invalid", 1, user, password)
    result = auth_manager.updateNetworkProxy(proxy, authcfg)
    if isinstance(result, tuple):  # PyQt returns (ok, proxy) for the in/out argument
        ok, proxy = result
    else:
        ok = result
    if not ok:
        return user, password
    return proxy.user() or user, proxy.password() or password
