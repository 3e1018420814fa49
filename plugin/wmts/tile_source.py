"""GetTile requests of a published WMTS layer, built from what its capabilities say: the KVP
GetTile endpoint of OperationsMetadata, else the layer's ResourceURL template, and the
TileMatrixSetLimits of each level (tiles outside them do not exist, by the document)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Dict, Optional, Tuple
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from qgis.PyQt.QtCore import QPointF, QSize
from qgis.PyQt.QtGui import QColor, QImage, QPainter

from ..similarity import ink_fraction
from .levels import Extent, level_resolution, tile_extent, tile_range

LOG = logging.getLogger(__name__)
Limits = Tuple[int, int, int, int]  # min_row, max_row, min_col, max_col


@dataclass(frozen=True)
class TileSource:
    """Enough of a WMTS layer to build GetTile requests (values read from the capabilities).

    ``url`` is the KVP endpoint; ``template`` (a REST ResourceURL) is used instead when set."""

    url: str
    layer: str
    style: str
    tile_matrix_set: str
    image_format: str
    matrix_ids: Dict[int, str]  # PM level → TileMatrix identifier in the set
    params: Dict[str, str] = field(default_factory=dict)  # e.g. apikey (never logged)
    headers: Dict[str, str] = field(default_factory=dict)  # a restricted layer's key (secret)
    limits: Dict[int, Limits] = field(default_factory=dict)  # PM level → TileMatrixSetLimits
    template: str = ""

    def get_tile_params(self, z: int, col: int, row: int) -> Dict[str, str]:
        query = {
            "SERVICE": "WMTS", "REQUEST": "GetTile", "VERSION": "1.0.0",
            "LAYER": self.layer, "STYLE": self.style, "TILEMATRIXSET": self.tile_matrix_set,
            "TILEMATRIX": self.matrix_ids[z], "TILEROW": str(row), "TILECOL": str(col),
            "FORMAT": self.image_format,
        }
        query.update(self.params)
        return query

    def request(self, z: int, col: int, row: int) -> Tuple[str, Dict[str, str]]:
        """(url, query parameters) of one tile."""
        if not self.template:
            return self.url, self.get_tile_params(z, col, row)
        url = self.template
        for name, value in (("TileMatrixSet", self.tile_matrix_set),
                            ("TileMatrix", self.matrix_ids[z]), ("TileRow", str(row)),
                            ("TileCol", str(col)), ("Style", self.style)):
            url = url.replace("{" + name + "}", value)
        return url, dict(self.params)

    def __repr__(self) -> str:  # params may hold a key
        return f"TileSource(url={self.url!r}, layer={self.layer!r})"


def _without_query(url: str) -> str:
    return urlunsplit(urlsplit(url)._replace(query="", fragment=""))


def _query_of(url: str) -> Dict[str, str]:
    """The query of an endpoint href, minus what a GetTile sets itself."""
    own = {"service", "request", "version", "layer", "style", "tilematrixset", "tilematrix",
           "tilerow", "tilecol", "format"}
    return {k: v for k, v in parse_qsl(urlsplit(url).query) if k.lower() not in own}


def tile_source_from_info(info, capabilities_url: str,
                          headers: Optional[Dict[str, str]] = None) -> TileSource:
    """Tiles of the layer where its capabilities say they are; a restricted layer's key goes
    along as ``headers`` (the Basic header of its QGIS auth configuration, key_config.py)."""
    query = parse_qsl(urlsplit(capabilities_url).query)
    key = next((value for name, value in query if name.lower() == "apikey"), "")
    image_format = info.formats[0] if info.formats else "image/png"
    endpoint = getattr(info, "get_tile_url", "") or ""
    templates = dict(getattr(info, "tile_templates", ()) or ())
    template = "" if endpoint else templates.get(image_format, next(iter(templates.values()),
                                                                    ""))
    params = _query_of(endpoint) if endpoint else {}
    if key:
        params["apikey"] = key
    return TileSource(
        url=_without_query(endpoint or capabilities_url), layer=info.identifier,
        style=info.default_style, tile_matrix_set=info.matrix_set, image_format=image_format,
        matrix_ids={lvl.zoom: lvl.identifier for lvl in info.levels if lvl.zoom is not None},
        params=params, template=template, headers=dict(headers or {}),
        limits={lvl.zoom: lvl.limits for lvl in info.levels
                if lvl.zoom is not None and lvl.limits is not None})


@dataclass(frozen=True)
class TileCheck:
    col: int
    row: int
    found: bool
    blank: bool = False
    status: int = 0


def _get(session, source: TileSource, z: int, col: int, row: int, timeout_s: float):
    url, params = source.request(z, col, row)
    return session.get(url, params=params, headers=source.headers or None, timeout=timeout_s)


def fetch_tile(session, source: TileSource, z: int, col: int, row: int,
               timeout_s: float = 15.0) -> TileCheck:
    """One GetTile: found when the server answers an image; blank when nothing is drawn."""
    try:
        reply = _get(session, source, z, col, row, timeout_s)
    except Exception as error:  # a network error means "not found" here
        LOG.warning("GetTile %s/%s/%s failed: %s", z, col, row, type(error).__name__)
        return TileCheck(col, row, found=False)
    is_image = reply.headers.get("Content-Type", "").startswith("image/")
    if reply.status_code != 200 or not is_image or not reply.content:
        return TileCheck(col, row, found=False, status=reply.status_code)
    image = QImage.fromData(reply.content)
    return TileCheck(col, row, found=not image.isNull(),
                     blank=image.isNull() or ink_fraction(image) == 0.0,
                     status=reply.status_code)


def fetch_tile_image(session, source: TileSource, z: int, col: int, row: int,
                     timeout_s: float = 15.0) -> Optional[QImage]:
    try:
        reply = _get(session, source, z, col, row, timeout_s)
    except Exception:  # a missing tile leaves its square white
        return None
    if reply.status_code != 200:
        return None
    image = QImage.fromData(reply.content)
    return None if image.isNull() else image


def stitch_tiles(session, source: TileSource, z: int, extent: Extent, size_px: int) -> QImage:
    """The WMTS as it is served at level ``z``: its own tiles over ``extent`` (EPSG:3857,
    drawn at the level's resolution), pasted together without resampling. Tiles outside the
    level's limits are not asked for (they do not exist)."""
    resolution = level_resolution(z)
    image = QImage(QSize(size_px, size_px), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(255, 255, 255))
    painter = QPainter(image)
    tiles = tile_range(extent, z)
    limits = source.limits.get(z)
    for col in range(tiles.col_min, tiles.col_max + 1):
        for row in range(tiles.row_min, tiles.row_max + 1):
            if limits is not None and not (limits[0] <= row <= limits[1]
                                           and limits[2] <= col <= limits[3]):
                continue
            tile = fetch_tile_image(session, source, z, col, row)
            if tile is None:
                continue
            xmin, _ymin, _xmax, ymax = tile_extent(z, col, row)
            painter.drawImage(QPointF((xmin - extent[0]) / resolution,
                                      (extent[3] - ymax) / resolution), tile)
    painter.end()
    return image

