"""The sandbox's pyramid harvest: WMS GetMap over HTTP, cut into PM tiles on disk.

Like the platform's harvester it asks the WMS-V for large images (meta-tiles of
`metatile`×`metatile` tiles, aligned on the grid) and cuts them into 256 px tiles written as
`out_dir/{z}/{x}/{y}.{jpg|png}`, rows counted from the top (XYZ). It honours 429 Retry-After.
"""

from __future__ import annotations

import os
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Dict, Iterable, List, Optional, Set, Tuple
from urllib.parse import parse_qsl

from . import pm_grid

Tile = Tuple[int, int]  # column, row
_EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png"}
_QT_WRITERS = {"jpg": "JPG", "png": "PNG"}
_JPEG_QUALITY = 90
_MAX_RETRIES = 8


class HarvestError(Exception):
    """The WMS-V refused or broke a GetMap; the message carries its words."""


@dataclass
class HarvestResult:
    tiles: int
    requests: int
    seconds: float
    per_level: Dict[int, int] = field(default_factory=dict)
    cancelled: bool = False


def _area_geometry_3857(area_wkt_4326: str):
    """The harvest polygon in web mercator.

    Projected by hand (pm_grid) rather than with QgsCoordinateTransform: while QGIS Server
    renders in another thread, a CRS built here now and then comes out invalid and the
    transform silently does nothing.
    """
    from qgis.core import QgsGeometry, QgsPointXY, QgsWkbTypes

    geometry = QgsGeometry.fromWkt(area_wkt_4326)
    if geometry.isNull() or geometry.type() != QgsWkbTypes.GeometryType.PolygonGeometry:
        raise ValueError("harvest area is not a WKT polygon")
    # Straight lon/lat edges bend in mercator: add vertices so the shape follows.
    geometry = geometry.densifyByDistance(0.01)
    polygons = geometry.asMultiPolygon() if geometry.isMultipart() else [geometry.asPolygon()]
    return QgsGeometry.fromMultiPolygonXY(
        [
            [
                [QgsPointXY(*pm_grid.lonlat_to_mercator(point.x(), point.y())) for point in ring]
                for ring in polygon
            ]
            for polygon in polygons
        ]
    )


def tiles_in_area(z: int, area_3857) -> List[Tile]:
    """The tiles of level z whose inside meets the area (touching an edge is not enough)."""
    from qgis.core import QgsGeometry, QgsRectangle

    box = area_3857.boundingBox()
    tile_range = pm_grid.tile_range(
        z, (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum())
    )
    # A lon/lat rectangle stays a rectangle in web mercator: every tile of its range counts.
    if abs(area_3857.area() - box.area()) <= box.area() * 1e-9:
        return list(tile_range.tiles())
    engine = QgsGeometry.createGeometryEngine(area_3857.constGet())
    engine.prepareGeometry()
    inset = pm_grid.tile_span(z) * 1e-6
    found = []
    for col, row in tile_range.tiles():
        min_x, min_y, max_x, max_y = pm_grid.tile_bbox(z, col, row)
        inner = QgsGeometry.fromRect(
            QgsRectangle(min_x + inset, min_y + inset, max_x - inset, max_y - inset)
        )
        if engine.intersects(inner.constGet()):
            found.append((col, row))
    return found


def count_tiles(levels: Iterable, area_wkt_4326: str) -> int:
    """How many tiles a harvest of `levels` over the area writes."""
    area = _area_geometry_3857(area_wkt_4326)
    return sum(len(tiles_in_area(int(z), area)) for z in levels)


def _metatile_blocks(tiles: List[Tile], metatile: int) -> Dict[Tile, Set[Tile]]:
    """Tiles grouped by the grid-aligned meta-tile holding them."""
    blocks: Dict[Tile, Set[Tile]] = defaultdict(set)
    for col, row in tiles:
        blocks[(col // metatile, row // metatile)].add((col, row))
    return blocks


def _getmap_params(layer: str, z: int, block: List[Tile], extras: str) -> Tuple[dict, int, int]:
    min_col = min(col for col, _ in block)
    max_col = max(col for col, _ in block)
    min_row = min(row for _, row in block)
    max_row = max(row for _, row in block)
    bbox = pm_grid.block_bbox(z, min_col, min_row, max_col, max_row)
    width = (max_col - min_col + 1) * pm_grid.TILE_SIZE
    height = (max_row - min_row + 1) * pm_grid.TILE_SIZE
    params = {
        "SERVICE": "WMS",
        "VERSION": "1.3.0",
        "REQUEST": "GetMap",
        "LAYERS": layer,
        "STYLES": "",
        "CRS": "EPSG:3857",
        "BBOX": ",".join(repr(v) for v in bbox),
        "WIDTH": str(width),
        "HEIGHT": str(height),
        # PNG for the meta-tile: lossless, so a JPEG tile is compressed once, not twice.
        "FORMAT": "image/png",
    }
    for name, value in parse_qsl(extras, keep_blank_values=True):
        params[name] = value
    return params, min_col, min_row


def _fetch(session, url: str, params: dict, sleep, cancelled) -> Tuple[bytes, int]:
    """GetMap bytes and the number of HTTP calls it took (429 and 5xx are retried)."""
    calls = 0
    for attempt in range(_MAX_RETRIES + 1):
        calls += 1
        response = session.get(url, params=params, timeout=120)
        content_type = response.headers.get("Content-Type", "")
        if response.status_code == 200 and content_type.startswith("image/"):
            return response.content, calls
        retryable = response.status_code == 429 or response.status_code >= 500
        if not retryable or attempt == _MAX_RETRIES or cancelled():
            raise HarvestError(
                f"GetMap answered {response.status_code}: {response.text[:300]}"
            )
        retry_after = response.headers.get("Retry-After")
        try:
            wait_s = float(retry_after) if retry_after else 2.0**attempt
        except ValueError:
            wait_s = 2.0**attempt
        sleep(min(wait_s, 60.0))
    raise AssertionError("unreachable")


def _write_tile(image, path: str, ext: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    partial = path + ".part"
    quality = _JPEG_QUALITY if ext == "jpg" else -1
    if not image.save(partial, _QT_WRITERS[ext], quality):
        raise HarvestError(f"cannot write tile {path}")
    os.replace(partial, path)


def harvest(
    harvest_url: str,
    layer: str,
    levels: Iterable,
    area_wkt_4326: str,
    fmt: str = "image/jpeg",
    out_dir: str = "",
    extras: str = "",
    progress: Optional[Callable[[int, int], None]] = None,
    cancelled: Optional[Callable[[], bool]] = None,
    session=None,
    metatile: int = 4,
    *,
    sleep: Callable[[float], None] = time.sleep,
) -> HarvestResult:
    """Harvest `layer` from the WMS at `harvest_url` into a PM tile pyramid under `out_dir`."""
    if fmt not in _EXTENSIONS:
        raise ValueError(f"unsupported harvest format {fmt!r}")
    if not out_dir:
        raise ValueError("out_dir is required")
    from .wmsv import ensure_qgis_app

    ensure_qgis_app()  # QImage's codecs need a Qt application
    from qgis.PyQt.QtGui import QImage

    if session is None:
        import requests

        session = requests.Session()
    cancelled = cancelled or (lambda: False)
    ext = _EXTENSIONS[fmt]
    started = time.perf_counter()
    area = _area_geometry_3857(area_wkt_4326)
    plan = {int(z): tiles_in_area(int(z), area) for z in levels}
    total = sum(len(tiles) for tiles in plan.values())
    result = HarvestResult(tiles=0, requests=0, seconds=0.0, per_level={z: 0 for z in plan})
    if progress:
        progress(0, total)
    for z in sorted(plan):
        for block_tiles in _metatile_blocks(plan[z], max(1, metatile)).values():
            if cancelled():
                result.cancelled = True
                result.seconds = time.perf_counter() - started
                return result
            block = sorted(block_tiles)
            params, min_col, min_row = _getmap_params(layer, z, block, extras)
            body, calls = _fetch(session, harvest_url, params, sleep, cancelled)
            result.requests += calls
            image = QImage.fromData(body)
            if image.isNull():
                raise HarvestError("GetMap answered an image Qt cannot decode")
            if ext == "jpg":  # JPEG has no alpha: flatten on white like the platform's nodata
                flat = QImage(image.size(), QImage.Format.Format_RGB32)
                flat.fill(0xFFFFFFFF)
                from qgis.PyQt.QtGui import QPainter

                painter = QPainter(flat)
                painter.drawImage(0, 0, image)
                painter.end()
                image = flat
            for col, row in block:
                tile = image.copy(
                    (col - min_col) * pm_grid.TILE_SIZE,
                    (row - min_row) * pm_grid.TILE_SIZE,
                    pm_grid.TILE_SIZE,
                    pm_grid.TILE_SIZE,
                )
                _write_tile(tile, os.path.join(out_dir, str(z), str(col), f"{row}.{ext}"), ext)
            result.tiles += len(block)
            result.per_level[z] += len(block)
            if progress:
                progress(result.tiles, total)
    result.seconds = time.perf_counter() - started
    return result
