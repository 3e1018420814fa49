"""The sandbox's WMS-Vector: in-process QGIS Server rendering GeoPackage tables styled by SLD.

`WmsvService` is a WSGI app. Each request is answered by QgsServer from a QgsProject built on the
fly for the layers it names (kept in a small cache, rebuilt when a layer's SLD or data changes).
The project is handed to `QgsServer.handleRequest` directly: no .qgs file, so no cache staleness.
Like the platform it rate-limits per client IP (429 + Retry-After) and asks a key for private
layers (401 without a key, 403 for a key without an access: sandbox/key_access.py).
"""

from __future__ import annotations

import atexit
import collections
import hashlib
import math
import os
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Deque, Dict, Iterable, List, Optional, Protocol, Tuple
from urllib.parse import parse_qsl, urlencode
from xml.sax.saxutils import escape

from qgis.PyQt import sip

from .key_access import KeyResolver, api_key_of, refused_key
from .qgis_thread import QgisThread

_app = None
_server = None
# QgsServer and the projects it renders are not thread safe: all QGIS Server work runs in
# one long-lived thread (sandbox/qgis_thread.py).
_qgis_thread = QgisThread()

SUPPORTED_CRS = ("EPSG:3857", "EPSG:4326")
_LAYER_PARAMS = ("LAYERS", "LAYER", "QUERY_LAYERS")


def ensure_qgis_app():
    """Return the process's QgsApplication, creating a headless one if there is none."""
    global _app
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    existing = QgsApplication.instance()
    if existing is not None:
        return existing
    # Run from the venv, QGIS derives its prefix from .venv/bin and misses its resources
    # (srs.db): CRSs then come out invalid now and then, maps render blank, the WMS provider
    # crashes. The real interpreter's prefix (/usr) is the right one.
    prefix = str(Path(sys.executable).resolve().parent.parent)
    if "QGIS_PREFIX_PATH" not in os.environ and Path(prefix, "share", "qgis", "resources").is_dir():
        os.environ["QGIS_PREFIX_PATH"] = prefix  # QgsServer re-reads it
        QgsApplication.setPrefixPath(prefix, True)
    _app = QgsApplication([], False)
    _app.initQgis()
    # Never destroyed by Python: torn down at interpreter exit, in no set order with the
    # server and projects, it aborts the process. QGIS is closed the way it asks instead.
    sip.transferto(_app, None)
    atexit.register(_app.exitQgis)
    return _app


def _qgis_server():
    global _server
    if _server is None:
        ensure_qgis_app()
        from qgis.server import QgsServer

        _server = QgsServer()
        sip.transferto(_server, None)  # same reason as the application: no teardown at exit
    return _server


@dataclass(frozen=True)
class WmsvLayer:
    """One WMS-V layer: a GeoPackage table drawn with an SLD 1.0.0 style."""

    name: str
    gpkg_path: str
    table: str
    sld_bytes: bytes
    title: str = ""
    abstract: str = ""
    private: bool = False
    api_keys: Tuple[str, ...] = field(default=(), repr=False)
    # A relation of a configuration with several: the group (the offering's layer name)
    # that draws them all, first relation at the bottom.
    group: str = ""
    group_title: str = ""

    def fingerprint(self) -> tuple:
        """Changes whenever what the layer draws changes (style, data file, texts)."""
        try:
            data_mtime = os.stat(self.gpkg_path).st_mtime_ns
        except OSError:
            data_mtime = -1
        return (
            self.name,
            self.gpkg_path,
            self.table,
            hashlib.sha256(self.sld_bytes).hexdigest(),
            data_mtime,
            self.title,
            self.abstract,
            self.group,
        )

    def opens_with(self, key: Optional[str]) -> bool:
        """``key`` is the id of the key the request presents (see ``sandbox.key_access``)."""
        return not self.private or (key is not None and key in self.api_keys)


class WmsvLayersProvider(Protocol):
    def __call__(self, name: str) -> Optional[WmsvLayer]: ...

    def all(self) -> Iterable[WmsvLayer]: ...


class SlidingWindowRateLimiter:
    """At most `max_per_s` requests in any one-second window per client; past it the client
    is refused for `retry_after_s` seconds, as the platform does."""

    def __init__(
        self, max_per_s: int, retry_after_s: float, clock: Callable[[], float] = time.monotonic
    ):
        self.max_per_s = max_per_s
        self.retry_after_s = retry_after_s
        self._clock = clock
        self._recent: Dict[str, Deque[float]] = collections.defaultdict(collections.deque)
        self._blocked_until: Dict[str, float] = {}
        self._lock = threading.Lock()

    def wait_needed(self, client: str) -> float:
        """0 if the request may proceed (and counts it), else the seconds to wait."""
        with self._lock:
            now = self._clock()
            blocked_until = self._blocked_until.get(client, 0.0)
            if now < blocked_until:
                return blocked_until - now
            recent = self._recent[client]
            while recent and recent[0] <= now - 1.0:
                recent.popleft()
            if len(recent) >= self.max_per_s:
                self._blocked_until[client] = now + self.retry_after_s
                recent.clear()
                return self.retry_after_s
            recent.append(now)
            return 0.0


class _ProjectCache:
    """QgsProjects keyed by the set of layer names, rebuilt when a layer's fingerprint moves.

    Used from the QGIS thread only. The projects are handed to C++ and deleted explicitly when
    dropped: left to Python's garbage collection they may die after QGIS has exited (at
    interpreter shutdown) and crash the process.
    """

    def __init__(self, max_entries: int = 32):
        self._entries: collections.OrderedDict[tuple, tuple] = collections.OrderedDict()
        self._max_entries = max_entries
        self.builds = 0

    def clear(self) -> None:
        while self._entries:
            self._drop(self._entries.popitem(last=False)[1][1])

    def project_for(self, layers: List[WmsvLayer], skip_broken: bool = False):
        names = (skip_broken, *(layer.name for layer in layers))
        fingerprint = tuple(layer.fingerprint() for layer in layers)
        entry = self._entries.get(names)
        if entry is not None and entry[0] == fingerprint:
            self._entries.move_to_end(names)
            return entry[1]
        project = _build_project(layers, skip_broken)
        sip.transferto(project, None)
        self.builds += 1
        if entry is not None:
            self._drop(entry[1])
        self._entries[names] = (fingerprint, project)
        self._entries.move_to_end(names)
        while len(self._entries) > self._max_entries:
            self._drop(self._entries.popitem(last=False)[1][1])
        return project

    @staticmethod
    def _drop(project) -> None:
        sip.delete(project)


class WmsvError(Exception):
    """A layer cannot be served (bad data source or style); the message says which."""


def _build_project(layers: List[WmsvLayer], skip_broken: bool = False):
    """A QgsProject of `layers`; a broken one raises WmsvError, or is left out if skip_broken
    (one bad style must not take the whole capabilities document down)."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsProject

    project = QgsProject()
    # QGIS Server caches capabilities per project file name: a unique name per build keeps
    # one project's document from being served for another (nothing is written there).
    project.setFileName(f"/vsimem/sandbox-wmsv/{uuid.uuid4().hex}.qgs")
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    project.setTitle("WMS-V sandbox")
    project.writeEntry("WMSServiceCapabilities", "/", True)
    project.writeEntry("WMSServiceTitle", "/", "Géoplateforme sandbox WMS-V")
    project.writeEntry("WMSCrsList", "/", list(SUPPORTED_CRS))
    groups = {}
    for spec in layers:
        try:
            layer = _styled_layer(spec)
        except WmsvError:
            if not skip_broken:
                raise
            continue
        if not spec.group:
            project.addMapLayer(layer)
            continue
        project.addMapLayer(layer, False)
        group = groups.get(spec.group)
        if group is None:
            group = project.layerTreeRoot().addGroup(spec.group)
            group.setCustomProperty("wmsTitle", spec.group_title or spec.group)
            groups[spec.group] = group
        # the layer tree lists the top first: each later relation goes above the earlier
        group.insertLayer(0, layer)
    return project


def _styled_layer(spec: WmsvLayer):
    from qgis.core import QgsVectorLayer
    from qgis.PyQt.QtXml import QDomDocument

    layer = QgsVectorLayer(f"{spec.gpkg_path}|layername={spec.table}", spec.name, "ogr")
    if not layer.isValid():
        raise WmsvError(f"layer {spec.name!r}: cannot open table {spec.table!r}")
    document = QDomDocument()
    # Namespace processing on: QGIS looks SLD elements up by their local names.
    parsed = document.setContent(spec.sld_bytes, True)
    if not parsed[0]:
        raise WmsvError(f"layer {spec.name!r}: the SLD is not XML ({parsed[1]})")
    named_layer = document.documentElement().firstChildElement("NamedLayer")
    if named_layer.isNull() or not layer.readSld(named_layer, ""):
        raise WmsvError(f"layer {spec.name!r}: QGIS cannot read its SLD")
    layer.setTitle(spec.title or spec.name)
    layer.setAbstract(spec.abstract)
    return layer


def _ows_exception(code: str, message: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<ServiceExceptionReport version="1.3.0" xmlns="http://www.opengis.net/ogc">'
        f'<ServiceException code="{escape(code)}">{escape(message)}</ServiceException>'
        "</ServiceExceptionReport>"
    ).encode()


def client_address(environ) -> str:
    return environ.get("REMOTE_ADDR") or "unknown"


class WmsvService:
    """WSGI app: WMS 1.1.1 / 1.3.0 GetCapabilities, GetMap (png, jpeg), GetLegendGraphic,
    GetFeatureInfo, rendered by QGIS Server."""

    def __init__(
        self,
        layers_provider: WmsvLayersProvider,
        max_requests_per_s: int = 50,
        retry_after_s: float = 5,
        *,
        clock: Callable[[], float] = time.monotonic,
        key_resolver: Optional[KeyResolver] = None,
    ):
        self.layers_provider = layers_provider
        self.key_resolver = key_resolver or api_key_of
        ensure_qgis_app()  # in the constructing (main) thread: the application must not be
        _qgis_thread.run(_qgis_server)  # born in a short-lived request thread
        self.rate_limiter = SlidingWindowRateLimiter(max_requests_per_s, retry_after_s, clock)
        self._projects = _ProjectCache()

    def close(self) -> None:
        """Drop the cached projects now, in the QGIS thread (not at garbage collection,
        which may come after QGIS has exited)."""
        _qgis_thread.run(self._projects.clear)

    @property
    def project_builds(self) -> int:
        """How many QgsProjects were built so far (tests check the cache with it)."""
        return self._projects.builds

    def __call__(self, environ, start_response):
        status, headers, body = self.handle(environ)
        start_response(status, headers)
        return [body]

    def handle(self, environ) -> Tuple[str, List[Tuple[str, str]], bytes]:
        wait_s = self.rate_limiter.wait_needed(client_address(environ))
        if wait_s > 0:
            return self._error(
                "429 Too Many Requests",
                "TooManyRequests",
                "rate limit exceeded, retry later",
                [("Retry-After", str(max(1, math.ceil(wait_s))))],
            )
        pairs = parse_qsl(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        params = {name.upper(): value for name, value in pairs}
        key = self.key_resolver(environ, params)
        request = params.get("REQUEST", "").lower()
        if key is None and environ.get("SCRIPT_NAME", "").startswith("/private"):
            return self._error(*refused_key(None, "the private WMS-V"))
        if request == "getcapabilities":
            # No layer yet is still a valid (empty) service, as on the platform.
            layers = [layer for layer in self.layers_provider.all() if layer.opens_with(key)]
        else:
            names = [
                name.strip()
                for param in _LAYER_PARAMS
                for name in params.get(param, "").split(",")
                if name.strip()
            ]
            layers = []
            for name in dict.fromkeys(names):
                found = self.layers_provider(name)
                if found is None:
                    return self._error(
                        "400 Bad Request", "LayerNotDefined", f"unknown layer {name!r}"
                    )
                # a configuration with several relations: its group, every relation in it
                for layer in found if isinstance(found, tuple) else (found,):
                    if not layer.opens_with(key):
                        return self._error(*refused_key(key, f"layer {name!r}"))
                    if layer not in layers:
                        layers.append(layer)
            if not layers:
                return self._error("400 Bad Request", "MissingParameterValue", "LAYERS is empty")
        # The key is checked here; QGIS never sees it, so it cannot echo it in a document.
        query = urlencode([(name, value) for name, value in pairs if name.upper() != "APIKEY"])
        url = _public_url(environ) + "?" + query
        return self._render(layers, url, skip_broken=request == "getcapabilities")

    def _render(self, layers: List[WmsvLayer], url: str, skip_broken: bool = False):
        from qgis.core import QgsProject
        from qgis.server import QgsBufferServerRequest, QgsBufferServerResponse

        def render_in_qgis_thread():
            try:
                project = self._projects.project_for(layers, skip_broken)
            except WmsvError as error:
                return self._error("500 Internal Server Error", "NoApplicableCode", str(error))
            request = QgsBufferServerRequest(url)
            response = QgsBufferServerResponse()
            # handleRequest makes the given project the QgsProject singleton and leaves it so:
            # put the process's own back, else it would dangle once our project is dropped.
            singleton = QgsProject.instance()
            try:
                _qgis_server().handleRequest(request, response, project)
            finally:
                QgsProject.setInstance(singleton)
            headers = [(name, value) for name, value in response.headers().items()]
            return response.statusCode(), headers, bytes(response.body())

        outcome = _qgis_thread.run(render_in_qgis_thread)
        if isinstance(outcome[0], str):  # already a WSGI answer (an error)
            return outcome
        status_code, headers, body = outcome
        headers = [(n, v) for n, v in headers if n.lower() != "content-length"]
        headers.append(("Content-Length", str(len(body))))
        return f"{status_code} {_REASONS.get(status_code, 'Status')}", headers, body

    @staticmethod
    def _error(status: str, code: str, message: str, extra_headers=()):
        body = _ows_exception(code, message)
        headers = [
            ("Content-Type", "text/xml; charset=utf-8"),
            ("Content-Length", str(len(body))),
            *extra_headers,
        ]
        return status, headers, body


_REASONS = {200: "OK", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden",
            404: "Not Found", 500: "Error"}


def _public_url(environ) -> str:
    """The URL the client used, without the query (QGIS puts it in OnlineResource)."""
    scheme = environ.get("wsgi.url_scheme", "http")
    host = environ.get("HTTP_HOST") or (
        f"{environ.get('SERVER_NAME', '127.0.0.1')}:{environ.get('SERVER_PORT', '80')}"
    )
    path = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "")
    return f"{scheme}://{host}{path or '/'}"
