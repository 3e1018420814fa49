"""A minimal TMS 1.0.0 over the harvested pyramids: ``/tms/1.0.0/<layer>/<z>/<x>/<y>.<ext>``
(rows counted from the bottom, as TMS does) and the layer's TileMap document."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from werkzeug.wrappers import Request, Response

from .key_access import KeyResolver, api_key_of, refused_key
from .pm_grid import mercator_bbox_of_lonlat

TILE = re.compile(
    r"^/1\.0\.0/(?P<layer>[^/]+)/(?P<z>\d+)/(?P<x>\d+)/(?P<y>\d+)\.(?P<ext>png|jpe?g)$")
TILE_MAP = re.compile(r"^/1\.0\.0/(?P<layer>[^/]+)/?$")
MIME = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg"}


class TmsService:
    """Serves the WMTS layers' tiles; on a ``/private`` mount a permitted key is required."""

    def __init__(self, layers_provider, key_resolver: Optional[KeyResolver] = None):
        self.layers_provider = layers_provider
        self.key_resolver = key_resolver or api_key_of

    def __call__(self, environ, start_response):
        return self.handle(Request(environ))(environ, start_response)

    def handle(self, request: Request) -> Response:
        private_mount = request.script_root.startswith("/private")
        path = request.path  # PATH_INFO: the mount point is in script_root
        match = TILE.match(path) or TILE_MAP.match(path)
        if not match:
            return Response("Not found", status=404)
        layer = self.layers_provider(match["layer"])
        if layer is None or layer.private != private_mount:
            return Response("Unknown layer", status=404)
        if layer.private:
            key = self.key_resolver(request.environ,
                                    {k.upper(): v for k, v in request.args.items()})
            if key not in layer.api_keys:
                status, _, words = refused_key(key, "this layer")
                return Response(words, status=int(status.split()[0]))
        if "z" not in match.groupdict():
            return self._tile_map(request, layer)
        z, x, y = int(match["z"]), int(match["x"]), int(match["y"])
        if z not in layer.levels:
            return Response("Level outside the layer", status=404)
        row = (2**z - 1) - y
        tile = Path(layer.pyramid_dir) / str(z) / str(x) / f"{row}.{layer.ext}"
        if not tile.is_file():
            return Response("No tile here", status=404)
        return Response(tile.read_bytes(), content_type=layer.fmt)

    def _tile_map(self, request: Request, layer) -> Response:
        west, south, east, north = mercator_bbox_of_lonlat(tuple(layer.bbox_4326))
        sets = "".join(
            f'<TileSet href="{request.base_url.rstrip("/")}/{z}" units-per-pixel='
            f'"{156543.033928041 / 2**z}" order="{z}"/>' for z in layer.levels)
        body = (f'<?xml version="1.0" encoding="UTF-8"?><TileMap version="1.0.0"><Title>'
                f"{layer.title}</Title><SRS>EPSG:3857</SRS><BoundingBox minx=\"{west}\""
                f' miny="{south}" maxx="{east}" maxy="{north}"/><Origin x="-20037508.3427892"'
                f' y="-20037508.3427892"/><TileFormat width="256" height="256" mime-type='
                f'"{layer.fmt}" extension="{layer.ext}"/><TileSets profile="global-mercator">'
                f"{sets}</TileSets></TileMap>")
        return Response(body, content_type="application/xml; charset=utf-8")
