"""The sandbox's pyramid harvest: WMS GetMap over HTTP, cut into PM tiles on disk.

Like the platform's harvester it asks the WMS-V for large images (meta-tiles of
`metatile`×`metatile` tiles, aligned on the grid) and cuts them into 256 px tiles written as
`out_dir/{z}/{x}/{y}.{jpg|png}`, rows counted from the top (XYZ). It honours 429 Retry-After.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from typing import Callable, Dict, Iterable, List, Optional, Tuple
from urllib.parse import parse_qsl

from . import pm_grid
from .tile_plan import Tile, area_geometry_3857, blocks, count_in_level
from .tile_plan import count_tiles as count_tiles  # re-exported: the harvest's own count

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
    skipped: int = 0  # tiles walked but not drawn past ``render_limit``


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
    render_limit: Optional[int] = None,
) -> HarvestResult:
    """Harvest `layer` from the WMS at `harvest_url` into a PM tile pyramid under `out_dir`.

    The tiles are walked as a stream of meta-tile blocks (sandbox.tile_plan): memory does not
    grow with their number. ``render_limit`` (the sandbox's ``--harvest-render-limit``) stops
    drawing after that many GetMaps; the rest of the tile list is still walked, counted in
    ``skipped`` and in the progress, so a huge training harvest ends in seconds."""
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
    area = area_geometry_3857(area_wkt_4326)
    zs = sorted({int(z) for z in levels})
    total = sum(count_in_level(z, area) for z in zs)
    result = HarvestResult(tiles=0, requests=0, seconds=0.0, per_level={z: 0 for z in zs})
    if progress:
        progress(0, total)
    getmaps = 0
    for z in zs:
        for block in blocks(z, area, metatile):
            if cancelled():
                result.cancelled = True
                result.seconds = time.perf_counter() - started
                return result
            if render_limit is not None and getmaps >= render_limit:
                result.skipped += len(block)
                if progress:
                    progress(result.tiles + result.skipped, total)
                continue
            getmaps += 1
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
                progress(result.tiles + result.skipped, total)
    result.seconds = time.perf_counter() - started
    return result
