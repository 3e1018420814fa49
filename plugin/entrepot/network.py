"""The plugin's one HTTP path: a ``requests`` session that follows QGIS's network settings.

The choice (issue 16): every HTTP request the plugin sends itself — the entrepôt API and its
token endpoint (client.py, auth.py), WMTS capabilities (plugin/wmts/capabilities.py: OWSLib
only parses the bytes) and the inspector's tiles (:func:`http_get`) — goes through a
:class:`QgisNetworkSession`. None goes through QgsNetworkAccessManager: the streamed upload
computes its MD5 in the same single pass over the file as it sends it (multipart.py), which
``requests`` allows and a QNetworkReply does not, and one path is easier to keep honest than
two. QGIS's own requests (the ``wms`` provider drawing a WMTS layer) stay QGIS's.

What the session takes from QGIS, while QGIS runs in the process:

- the proxy, from the settings QGIS builds its network managers from (proxy.py);
- the CA certificates QGIS's auth manager trusts (its database, extra CA files, the system's
  roots), added to requests' own bundle in a PEM file: certificates are public, no secret is
  written; the file is named after its content, so a new trusted set makes a new file;
- auth configurations, on request (:func:`auth_config_request`): QGIS applies the
  configuration to a QNetworkRequest and its headers and URL are sent as they are. A PKI
  configuration (a client certificate) is refused: its private key would have to be written
  to a file for ``requests``.

Both are read from QGIS at most every QGIS_RECHECK_S, and at once after QGIS's options change
(ui/main.py calls :func:`forget_qgis_network_settings`): requests run in task threads, and a
thread that asks QGIS on every request may do so while QGIS is shutting down, which crashes.

Outside QGIS (scripts, the sandbox's own tests) it is a plain ``requests.Session``.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import threading
import time
from typing import Any, Dict, Mapping, Optional, Tuple

import requests

from .proxy import ProxySettings, qgis_proxy_settings

CA_BUNDLE_PREFIX = "gpf_wmts_publisher-ca-"
QGIS_RECHECK_S = 30.0
DEFAULT_GET_TIMEOUT = (10.0, 30.0)  # (connect, read) seconds


class AuthConfigError(ValueError):
    """A QGIS auth configuration that cannot be applied to the plugin's requests."""


def running_qgis_core():
    """``qgis.core`` when QGIS runs in this process (an application exists), else ``None``.
    Never imports QGIS itself: a script that did not load it is not inside QGIS."""
    core = sys.modules.get("qgis.core")
    if core is None or core.QgsApplication.instance() is None:
        return None
    return core


def qgis_ca_bundle(base_bundle: Optional[str] = None, auth_manager=None,
                   folder: Optional[str] = None) -> Optional[str]:
    """A PEM file with ``base_bundle`` (what requests would use: ``REQUESTS_CA_BUNDLE`` or
    certifi's) plus every CA QGIS trusts; ``None`` outside QGIS or when QGIS's auth system is
    disabled (the base bundle applies then)."""
    if auth_manager is None:
        core = running_qgis_core()
        auth_manager = core.QgsApplication.authManager() if core is not None else None
    if auth_manager is None or auth_manager.isDisabled():
        return None
    trusted = bytes(auth_manager.trustedCaCertsPemText())
    if not trusted.strip():
        return None
    if not base_bundle:
        import certifi  # requests' own bundle (a dependency of requests)

        base_bundle = certifi.where()
    with open(base_bundle, "rb") as handle:
        content = handle.read().rstrip(b"\n") + b"\n" + trusted.strip() + b"\n"
    digest = hashlib.sha256(content).hexdigest()[:16]
    path = os.path.join(folder or tempfile.gettempdir(), f"{CA_BUNDLE_PREFIX}{digest}.pem")
    if not os.path.exists(path):  # same content, same name: written once per trusted set
        fd, partial = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".part")
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        os.replace(partial, path)
    return path


_SNAPSHOT_LOCK = threading.Lock()
_SNAPSHOT: Dict[Any, Tuple[float, Any]] = {}  # what was read from QGIS, and when


def _snapshot(key, read, clock=time.monotonic):
    with _SNAPSHOT_LOCK:
        now = clock()
        taken = _SNAPSHOT.get(key)
        if taken is None or now - taken[0] >= QGIS_RECHECK_S:
            taken = _SNAPSHOT[key] = (now, read())
        return taken[1]


def forget_qgis_network_settings() -> None:
    """QGIS's options changed (or a test changed them): read them again on the next request."""
    with _SNAPSHOT_LOCK:
        _SNAPSHOT.clear()


def recent_qgis_proxy_settings() -> Optional[ProxySettings]:
    return _snapshot("proxy", qgis_proxy_settings)


def recent_qgis_ca_bundle(base_bundle: Optional[str] = None) -> Optional[str]:
    return _snapshot(("ca", base_bundle), lambda: qgis_ca_bundle(base_bundle))


class QgisNetworkSession(requests.Session):
    """A requests session whose proxy and trusted CAs are QGIS's (see the module docstring).

    ``proxy_source`` and ``ca_source`` are injectable for tests; by default QGIS's. A caller
    that passes ``proxies=`` or ``verify=`` to a request keeps its choice."""

    def __init__(self, proxy_source=recent_qgis_proxy_settings,
                 ca_source=recent_qgis_ca_bundle):
        super().__init__()
        self._proxy_source = proxy_source
        self._ca_source = ca_source

    def merge_environment_settings(self, url, proxies, stream, verify, cert):
        explicit_proxies = bool(proxies)
        settings = super().merge_environment_settings(url, proxies, stream, verify, cert)
        if not explicit_proxies:
            chosen = self._proxy_source()
            if isinstance(chosen, ProxySettings):
                if chosen.goes_direct(url):
                    settings["proxies"] = {}
                elif chosen.for_url(url) is not None:
                    settings["proxies"] = chosen.for_url(url)
        chosen = settings.get("verify")
        # verify=None or True from the caller: the session decides (a path or False is theirs)
        if verify in (None, True) and self.verify is True and chosen is not False:
            base = chosen if isinstance(chosen, str) else None  # REQUESTS_CA_BUNDLE's
            bundle = self._ca_source(base)
            if bundle:
                settings["verify"] = bundle
        return settings


def network_session() -> requests.Session:
    """A new session for the plugin's HTTP (one per client, or per thread: see http_get)."""
    return QgisNetworkSession()


def auth_config_request(url: str, authcfg: str, auth_manager=None) -> Tuple[str, Dict[str, str]]:
    """(url, headers) to send for ``url`` with QGIS's auth configuration ``authcfg`` applied
    (Basic, API header, OAuth2, …: whatever QGIS's method adds to a request)."""
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QUrl
    from qgis.PyQt.QtNetwork import QNetworkRequest

    manager = auth_manager or QgsApplication.authManager()
    request = QNetworkRequest(QUrl(url))
    result = manager.updateNetworkRequest(request, authcfg)
    if isinstance(result, tuple):  # PyQt returns (ok, request) for the in/out argument
        ok, request = result
    else:
        ok = result
    if not ok:
        raise AuthConfigError(f"QGIS could not apply the authentication configuration "
                                 f"'{authcfg}'")
    if not request.sslConfiguration().localCertificate().isNull():
        raise AuthConfigError(f"the authentication configuration '{authcfg}' is a client "
                                 "certificate (PKI), which the plugin cannot send")
    headers = {bytes(name).decode("latin-1"): bytes(request.rawHeader(name)).decode("latin-1")
               for name in request.rawHeaderList()}
    return bytes(request.url().toEncoded()).decode("ascii"), headers


_PER_THREAD = threading.local()


def shared_session() -> requests.Session:
    """This thread's session for :func:`http_get` (connections are pooled per thread)."""
    session = getattr(_PER_THREAD, "session", None)
    if session is None:
        session = _PER_THREAD.session = network_session()
    return session


def http_get(url: str, *, session: Optional[requests.Session] = None, authcfg: str = "",
             headers: Optional[Mapping[str, str]] = None, timeout=DEFAULT_GET_TIMEOUT,
             **kwargs) -> requests.Response:
    """GET ``url`` the plugin's way: QGIS's proxy and CAs, ``authcfg`` applied when given.
    The one call for any plugin HTTP outside the entrepôt client (capabilities, tiles)."""
    send = dict(headers or {})
    if authcfg:
        url, added = auth_config_request(url, authcfg)
        send.update(added)
    return (session or shared_session()).get(url, headers=send, timeout=timeout, **kwargs)
