"""The sandbox's WMTS: MapProxy serves the harvested pyramids; a thin layer makes it look like
the platform's ROK4.

MapProxy (Debian's 1.15) gets a generated configuration: one grid `PM` holding all 22 PM levels
(so MapProxy's level numbers *are* PM levels) and, per layer, a seed-only file cache
(`directory_layout: tms`, no source) pointing at the harvested `{z}/{x}/{y}.{jpg|png}` tree
(MapProxy's tms layout on a north-west grid counts rows from the top, as harvest writes them).
It is regenerated whenever the layer set changes.

In front of it this module makes the service answer like the platform:
- the matrix set is `PM` (ROK4's name for the whole grid; the platform may also advertise
  per-layer `PM_<top>_<bottom>` sets, clients must read the link, which this one gives);
- TileMatrix identifiers are the PM level numbers ("4", "10", not MapProxy's "04", "10");
- each layer's TileMatrixSetLink carries TileMatrixSetLimits for exactly its levels;
- the style is `normal`, the format the harvested one (`image/jpeg`, `image/png`);
- a tile outside the layer's levels or limits is a 400 `TileOutOfRange` OWS exception and a
  tile inside them that the harvest did not write (outside the area polygon) a 404 OWS
  exception (MapProxy would draw a blank PNG there, whatever the layer's format);
- private layers live on the private endpoint (a mount path starting with `/private`): every
  request there needs a key with an access to the layer (sandbox/key_access.py): none or an
  unknown one is a 401, a key without that access a 403; the public endpoint never shows
  private layers.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import threading
import weakref
from dataclasses import dataclass, field
from io import BytesIO
from typing import Callable, Iterable, List, Optional, Protocol, Tuple
from urllib.parse import parse_qsl
from xml.sax.saxutils import escape

import yaml

from . import pm_grid
from .key_access import KeyResolver, api_key_of, refused_key
from .wmts_capabilities import (
    INTERNAL_HOST,
    MATRIX_SET,
    OWS_NS,
    platform_capabilities,
)

_ACCEPTED_STYLES = {"normal", "default", ""}
_EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png"}
# MapProxy names cache files after the format's subtype: image/jpg gives the harvest's ".jpg".
_MAPPROXY_FORMATS = {"image/jpeg": "image/jpg", "image/png": "image/png"}
_REST_TILE = re.compile(
    r"/1\.0\.0/(?P<layer>[^/]+)/(?P<style>[^/]*)/(?P<tms>[^/]+)/(?P<z>[^/]+)/"
    r"(?P<row>[^/]+)/(?P<col>[^/.]+)\.(?P<ext>\w+)$"
)
_REST_CAPABILITIES = "/1.0.0/WMTSCapabilities.xml"


@dataclass(frozen=True)
class WmtsLayer:
    """One published pyramid."""

    name: str
    title: str
    abstract: str
    pyramid_dir: str
    levels: Tuple[int, ...]
    fmt: str
    bbox_4326: Tuple[float, float, float, float]
    private: bool = False
    api_keys: Tuple[str, ...] = field(default=(), repr=False)

    @property
    def ext(self) -> str:
        return _EXTENSIONS[self.fmt]

    def limits(self) -> List[pm_grid.TileRange]:
        """The tile range of each level, from the layer's bbox, top level first."""
        bbox_3857 = pm_grid.mercator_bbox_of_lonlat(tuple(self.bbox_4326))
        return [pm_grid.tile_range(int(z), bbox_3857) for z in sorted(int(z) for z in self.levels)]

    def fingerprint(self) -> tuple:
        return (self.name, self.title, self.abstract, self.pyramid_dir, self.fmt)


class WmtsLayersProvider(Protocol):
    def __call__(self, name: str) -> Optional[WmtsLayer]: ...

    def all(self) -> Iterable[WmtsLayer]: ...


def mapproxy_config(layers: List[WmtsLayer], work_dir: str) -> dict:
    """MapProxy's configuration: the PM grid and one seed-only file cache per layer."""
    config = {
        "services": {
            "wmts": {
                "restful": True,
                "kvp": True,
                "restful_template": (
                    "/1.0.0/{Layer}/{Style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}"
                    ".{Format}"
                ),
                "md": {"title": "Géoplateforme sandbox WMTS", "abstract": "ROK4 stand-in"},
            }
        },
        "grids": {
            MATRIX_SET: {
                "srs": "EPSG:3857",
                "bbox": [pm_grid.PM_ORIGIN_X, -pm_grid.PM_ORIGIN_Y,
                         -pm_grid.PM_ORIGIN_X, pm_grid.PM_ORIGIN_Y],
                "bbox_srs": "EPSG:3857",
                "origin": "nw",
                "res": [pm_grid.resolution(z) for z in range(pm_grid.PM_MAX_LEVEL + 1)],
                "tile_size": [pm_grid.TILE_SIZE, pm_grid.TILE_SIZE],
            }
        },
        "layers": [],
        "caches": {},
        "globals": {
            "cache": {
                "base_dir": os.path.join(work_dir, "cache"),
                "lock_dir": os.path.join(work_dir, "locks"),
            }
        },
    }
    for index, layer in enumerate(layers):
        cache_name = f"pyramid_{index}"
        config["layers"].append(
            {
                "name": layer.name,
                # MapProxy 1.15 writes titles unescaped: give it the (safe) layer name and set
                # the real title and abstract with lxml in platform_capabilities.
                "title": layer.name,
                "sources": [cache_name],
            }
        )
        config["caches"][cache_name] = {
            "grids": [MATRIX_SET],
            "sources": [],
            "format": _MAPPROXY_FORMATS[layer.fmt],
            "cache": {"type": "file", "directory": layer.pyramid_dir, "directory_layout": "tms"},
        }
    return config


class _MapProxyHolder:
    """The MapProxy app for the current layer set, rebuilt when the set changes."""

    def __init__(self):
        self._lock = threading.Lock()
        self._fingerprint = None
        self._app = None
        self._capabilities = b""
        self._work_dir = tempfile.mkdtemp(prefix="sandbox-wmts-")
        weakref.finalize(self, shutil.rmtree, self._work_dir, ignore_errors=True)
        self.builds = 0

    def current(self, layers: List[WmtsLayer]):
        fingerprint = tuple(sorted(layer.fingerprint() for layer in layers))
        with self._lock:
            if fingerprint != self._fingerprint:
                self._app, self._capabilities = self._build(layers)
                self._fingerprint = fingerprint
                self.builds += 1
            return self._app, self._capabilities

    def _build(self, layers: List[WmtsLayer]):
        from mapproxy.wsgiapp import make_wsgi_app

        if not layers:
            return None, b""
        config_path = os.path.join(self._work_dir, f"mapproxy-{self.builds}.yaml")
        with open(config_path, "w", encoding="utf-8") as stream:
            yaml.safe_dump(mapproxy_config(layers, self._work_dir), stream, allow_unicode=True)
        app = make_wsgi_app(config_path)
        status, _, body = call_wsgi(app, "/service", "SERVICE=WMTS&REQUEST=GetCapabilities")
        if not status.startswith("200"):
            raise RuntimeError(f"MapProxy refused its configuration: {body[:300]!r}")
        return app, body


def call_wsgi(app, path: str, query: str = "") -> Tuple[str, List[Tuple[str, str]], bytes]:
    """Call a WSGI app in process and collect its whole answer."""
    captured = {}

    def start_response(status, headers, exc_info=None):
        captured["status"], captured["headers"] = status, headers

    environ = {
        "REQUEST_METHOD": "GET",
        "SCRIPT_NAME": "",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": INTERNAL_HOST,
        "SERVER_PORT": "80",
        "HTTP_HOST": INTERNAL_HOST,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": BytesIO(),
        "wsgi.errors": BytesIO(),
        "wsgi.version": (1, 0),
        "wsgi.multithread": True,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }
    chunks = app(environ, start_response)
    try:
        body = b"".join(chunks)
    finally:
        if hasattr(chunks, "close"):
            chunks.close()
    return captured["status"], captured["headers"], body


class WmtsService:
    """WSGI app for `/wmts` and `/private/wmts`: KVP and REST GetCapabilities and GetTile."""

    def __init__(
        self,
        layers_provider: WmtsLayersProvider,
        base_url_provider: Callable[[], Optional[str]],
        key_resolver: Optional[KeyResolver] = None,
    ):
        """`base_url_provider()` gives the scheme://host[:port] clients use (no path); the
        mount path (SCRIPT_NAME) is appended. None means the request's own host."""
        self.layers_provider = layers_provider
        self.base_url_provider = base_url_provider
        self.key_resolver = key_resolver or api_key_of
        self._mapproxy = _MapProxyHolder()

    @property
    def mapproxy_builds(self) -> int:
        return self._mapproxy.builds

    def __call__(self, environ, start_response):
        status, headers, body = self.handle(environ)
        start_response(status, headers)
        return [body]

    def handle(self, environ):
        path = environ.get("PATH_INFO", "") or "/"
        mount = environ.get("SCRIPT_NAME", "")
        # Mounted without SCRIPT_NAME, the mount path is still the part before "/1.0.0".
        if "/1.0.0/" in path and not path.startswith("/1.0.0/"):
            mount, path = mount + path[: path.index("/1.0.0/")], path[path.index("/1.0.0/"):]
        elif path not in ("", "/") and not path.startswith("/1.0.0"):
            mount, path = mount + path.rstrip("/"), "/"
        private_endpoint = mount.startswith("/private") or "/private/" in mount
        pairs = parse_qsl(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        params = {name.upper(): value for name, value in pairs}
        key = self.key_resolver(environ, params)
        if private_endpoint and key is None:
            return _exception(*refused_key(None, "the private WMTS"))
        visible = [
            layer
            for layer in self.layers_provider.all()
            if layer.private == private_endpoint and (not layer.private or key in layer.api_keys)
        ]
        if private_endpoint and not visible:
            return _exception(*refused_key(key, "any layer of the private WMTS"))
        public_url = self._public_url(environ, mount)
        if path == _REST_CAPABILITIES:
            return self._capabilities(visible, public_url)
        rest_tile = _REST_TILE.search(path)
        if rest_tile:
            return self._tile(visible, private_endpoint, **rest_tile.groupdict())
        request = params.get("REQUEST", "").lower()
        if request == "getcapabilities":
            return self._capabilities(visible, public_url)
        if request == "gettile":
            fmt = params.get("FORMAT", "")
            return self._tile(
                visible,
                private_endpoint,
                layer=params.get("LAYER", ""),
                style=params.get("STYLE", ""),
                tms=params.get("TILEMATRIXSET", ""),
                z=params.get("TILEMATRIX", ""),
                row=params.get("TILEROW", ""),
                col=params.get("TILECOL", ""),
                ext=_EXTENSIONS.get(fmt, fmt),
            )
        return _exception(
            "400 Bad Request", "OperationNotSupported", f"unsupported request {request!r}"
        )

    def _public_url(self, environ, mount: str) -> str:
        root = self.base_url_provider() if self.base_url_provider else None
        if not root:
            scheme = environ.get("wsgi.url_scheme", "http")
            root = f"{scheme}://{environ.get('HTTP_HOST') or environ.get('SERVER_NAME')}"
        return root.rstrip("/") + mount

    def _capabilities(self, visible: List[WmtsLayer], public_url: str):
        all_layers = list(self.layers_provider.all())
        _, raw = self._mapproxy.current(all_layers)
        if not raw:
            return _exception("404 Not Found", "LayerNotDefined", "no layer is published")
        body = platform_capabilities(raw, visible, public_url)
        return "200 OK", [("Content-Type", "application/xml"),
                          ("Content-Length", str(len(body)))], body

    def _tile(self, visible, private_endpoint, *, layer, style, tms, z, row, col, ext):
        wanted = next((item for item in visible if item.name == layer), None)
        if wanted is None:
            known = self.layers_provider(layer)
            if known is not None and known.private and not private_endpoint:
                return _exception("401 Unauthorized", "Unauthorized", "layer on the private WMTS")
            if known is not None and known.private:  # a key that opens other layers only
                return _exception("403 Forbidden", "Forbidden", f"this key has no access to"
                                  f" layer {layer!r}")
            return _bad_parameter("LAYER", f"unknown layer {layer!r}")
        if style not in _ACCEPTED_STYLES:
            return _bad_parameter("STYLE", f"unknown style {style!r}")
        if tms != MATRIX_SET:
            return _bad_parameter("TILEMATRIXSET", f"unknown TileMatrixSet {tms!r}")
        if ext != wanted.ext:
            return _bad_parameter("FORMAT", f"this layer is served as {wanted.fmt}")
        try:
            level, tile_row, tile_col = int(z), int(row), int(col)
        except ValueError:
            return _bad_parameter("TILEMATRIX", "TileMatrix, TileRow, TileCol are integers")
        limit = {limit.z: limit for limit in wanted.limits()}.get(level)
        inside = limit is not None and (
            limit.min_row <= tile_row <= limit.max_row
            and limit.min_col <= tile_col <= limit.max_col
        )
        if not inside:
            locator = "TILEMATRIX" if limit is None else "TILEROW"
            return _exception("400 Bad Request", "TileOutOfRange", "outside the layer's limits",
                              locator=locator)
        tile_file = os.path.join(wanted.pyramid_dir, str(level), str(tile_col), f"{tile_row}.{ext}")
        if not os.path.isfile(tile_file):
            return _exception("404 Not Found", "NotFound", "no data in this tile")
        app, _ = self._mapproxy.current(list(self.layers_provider.all()))
        # MapProxy's own level naming ("04"), same number as the PM level on this grid.
        mapproxy_path = (
            f"/wmts/1.0.0/{wanted.name}/default/{MATRIX_SET}/{level:02d}/"
            f"{tile_row}/{tile_col}.{ext}"
        )
        status, headers, body = call_wsgi(app, mapproxy_path)
        if status.startswith("200"):
            headers = [
                (name, wanted.fmt if name.lower() == "content-type" else value)
                for name, value in headers
            ]
        return status, headers, body


def _bad_parameter(locator: str, message: str):
    return _exception("400 Bad Request", "InvalidParameterValue", message, locator=locator)


def _exception(status: str, code: str, message: str, locator: str = ""):
    locator_attribute = f' locator="{escape(locator)}"' if locator else ""
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<ows:ExceptionReport xmlns:ows="{OWS_NS}" version="2.0.0">'
        f'<ows:Exception exceptionCode="{escape(code)}"{locator_attribute}>'
        f"<ows:ExceptionText>{escape(message)}</ows:ExceptionText></ows:Exception>"
        "</ows:ExceptionReport>"
    ).encode()
    return status, [("Content-Type", "application/xml"), ("Content-Length", str(len(body)))], body
