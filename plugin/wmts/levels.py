"""Level stepping maths for the zoom-level inspector: PM levels, labels, canvas extents, tiles.

Pure functions first (testable without QGIS); the two helpers that need a CRS transform import
``qgis.core`` lazily. The PM grid (EPSG:3857, 256 px tiles) is the only one the platform accepts.
"""

from __future__ import annotations

import math
from typing import List, Optional, Sequence, Tuple

from ..pyramid.grid import MAX_LEVEL as PM_MAX_LEVEL
from ..pyramid.grid import MIN_LEVEL as PM_MIN_LEVEL
from ..pyramid.grid import PM_LEVEL0_RESOLUTION, PM_ORIGIN_X, PM_ORIGIN_Y, Level, TileRange
from ..pyramid.grid import TILE_SIZE_PX as PM_TILE_SIZE

WEB_MERCATOR = "EPSG:3857"

Extent = Tuple[float, float, float, float]  # xmin, ymin, xmax, ymax


def level_resolution(z: int) -> float:
    """Metres per pixel of PM level ``z``."""
    return Level(z).resolution


def level_scale(z: int) -> float:
    """WMTS scale denominator of PM level ``z``."""
    return Level(z).scale_denominator


def level_label(z: int, language: str = "fr") -> str:
    """``12 · 1:136 000``: the level and its approximate scale, as the range slider shows it."""
    return Level(z).label_for(language)


def nearest_level(resolution: float, levels: Optional[Sequence[int]] = None) -> int:
    """The level (among ``levels``, default 0–21) whose resolution is closest on a log scale."""
    candidates = list(levels) if levels else list(range(PM_MIN_LEVEL, PM_MAX_LEVEL + 1))
    wanted = math.log2(PM_LEVEL0_RESOLUTION / resolution)
    return min(candidates, key=lambda z: abs(z - wanted))


def step_level(current: int, levels: Sequence[int], step: int) -> int:
    """The next (step=+1) or previous (step=-1) level of ``levels`` from ``current``, clamped."""
    ordered = sorted(set(levels))
    if not ordered:
        raise ValueError("no level to step through")
    if current not in ordered:
        current = nearest_level(level_resolution(current), ordered)
    index = min(max(ordered.index(current) + step, 0), len(ordered) - 1)
    return ordered[index]


def level_extent(z: int, centre: Tuple[float, float], width_px: int, height_px: int) -> Extent:
    """The EPSG:3857 extent, centred on ``centre``, drawn at exactly level ``z``'s resolution."""
    half_w = level_resolution(z) * width_px / 2
    half_h = level_resolution(z) * height_px / 2
    x, y = centre
    return (x - half_w, y - half_h, x + half_w, y + half_h)


def tile_range(extent: Extent, z: int) -> TileRange:
    """Tiles of level ``z`` covering an EPSG:3857 ``extent`` (clamped to the grid)."""
    return Level(z).tile_range(tuple(extent))


def tile_extent(z: int, col: int, row: int) -> Extent:
    span = PM_TILE_SIZE * level_resolution(z)
    xmin = PM_ORIGIN_X + col * span
    ymax = PM_ORIGIN_Y - row * span
    return (xmin, ymax - span, xmin + span, ymax)


def sample_tiles(extent: Extent, z: int, max_tiles: int = 5) -> List[Tuple[int, int]]:
    """A few tiles (col, row) spread over the data extent: its centre first, then towards the
    corners, so a handful of GetTile requests tell whether a level holds the data."""
    tiles = tile_range(extent, z)
    xmin, ymin, xmax, ymax = extent
    cx, cy = (xmin + xmax) / 2, (ymin + ymax) / 2
    points = [(cx, cy)]
    for fx, fy in ((0.25, 0.25), (0.75, 0.75), (0.25, 0.75), (0.75, 0.25)):
        points.append((xmin + fx * (xmax - xmin), ymin + fy * (ymax - ymin)))
    chosen: List[Tuple[int, int]] = []
    for x, y in points:
        col_row = tile_range((x, y, x, y), z)
        tile = (col_row.col_min, col_row.row_min)
        tile = (min(max(tile[0], tiles.col_min), tiles.col_max),
                min(max(tile[1], tiles.row_min), tiles.row_max))
        if tile not in chosen:
            chosen.append(tile)
        if len(chosen) >= max_tiles:
            break
    return chosen


def tiles_in_limits(extent: Extent, z: int,
                    limits: Optional[Tuple[int, int, int, int]] = None) -> Optional[TileRange]:
    """Tiles of level ``z`` over ``extent`` that the document publishes: the tile range
    clipped to ``limits`` (min_row, max_row, min_col, max_col of TileMatrixSetLimits). None
    when the two do not meet (the level has no tile over the data)."""
    tiles = tile_range(extent, z)
    if limits is None:
        return tiles
    min_row, max_row, min_col, max_col = limits
    col_min, col_max = max(tiles.col_min, min_col), min(tiles.col_max, max_col)
    row_min, row_max = max(tiles.row_min, min_row), min(tiles.row_max, max_row)
    if col_min > col_max or row_min > row_max:
        return None
    return TileRange(z, col_min, col_max, row_min, row_max)


def _spread(first: int, last: int, count: int) -> List[int]:
    """``count`` indexes evenly spread from ``first`` to ``last`` (each cell's centre)."""
    span = last - first + 1
    return sorted({first + int((index + 0.5) * span / count) for index in range(count)})


def sample_tiles_in_limits(extent: Extent, z: int,
                           limits: Optional[Tuple[int, int, int, int]] = None,
                           budget: int = 16) -> Tuple[List[Tuple[int, int]], int]:
    """(tiles to check, number of tiles published over the data at level ``z``).

    Only tiles inside the level's limits are chosen; they are spread over the whole range in
    proportion to its width and height (every tile when there are at most ``budget``), so
    the share checked is the same over the whole level."""
    tiles = tiles_in_limits(extent, z, limits)
    if tiles is None:
        return [], 0
    cols, rows = tiles.col_max - tiles.col_min + 1, tiles.row_max - tiles.row_min + 1
    total = cols * rows
    if total <= budget:
        chosen = [(c, r) for r in range(tiles.row_min, tiles.row_max + 1)
                  for c in range(tiles.col_min, tiles.col_max + 1)]
        return chosen, total
    # n_cols * n_rows <= budget with n_cols / n_rows close to cols / rows
    n_cols = max(1, min(cols, round(math.sqrt(budget * cols / rows))))
    n_rows = max(1, min(rows, budget // n_cols))
    chosen = [(c, r) for r in _spread(tiles.row_min, tiles.row_max, n_rows)
              for c in _spread(tiles.col_min, tiles.col_max, n_cols)]
    return chosen, total


# -- with a CRS: the canvas in any project CRS -------------------------------------------------
def extent_for_level(z: int, centre, crs, width_px: int, height_px: int, transform_context):
    """The extent in ``crs`` (a QgsCoordinateReferenceSystem) around ``centre`` (a QgsPointXY
    in that CRS) whose map-units-per-pixel, measured in EPSG:3857 at the centre, equals level
    ``z``'s resolution. In EPSG:3857 itself this is exact; in another CRS it is the equivalent
    scale (what the WMS provider uses to pick the tile matrix)."""
    from qgis.core import (
        Qgis,
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsPointXY,
        QgsRectangle,
    )

    mercator = QgsCoordinateReferenceSystem(WEB_MERCATOR)
    if crs == mercator:
        return QgsRectangle(*level_extent(z, (centre.x(), centre.y()), width_px, height_px))
    to_mercator = QgsCoordinateTransform(crs, mercator, transform_context)
    centre_m = to_mercator.transform(QgsPointXY(centre))
    # Measure how many project units one mercator metre spans at the centre (1 px each side).
    half = level_resolution(z) / 2
    west = to_mercator.transform(QgsPointXY(centre_m.x() - half, centre_m.y()),
                                 Qgis.TransformDirection.Reverse)
    east = to_mercator.transform(QgsPointXY(centre_m.x() + half, centre_m.y()),
                                 Qgis.TransformDirection.Reverse)
    units_per_px = math.hypot(east.x() - west.x(), east.y() - west.y())
    half_w, half_h = units_per_px * width_px / 2, units_per_px * height_px / 2
    return QgsRectangle(centre.x() - half_w, centre.y() - half_h,
                        centre.x() + half_w, centre.y() + half_h)


def mercator_units_per_pixel(map_settings) -> float:
    """The canvas resolution in EPSG:3857 metres at its centre, whatever the project CRS."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY

    crs = map_settings.destinationCrs()
    mupp = map_settings.mapUnitsPerPixel()
    mercator = QgsCoordinateReferenceSystem(WEB_MERCATOR)
    if crs == mercator:
        return mupp
    centre = map_settings.visibleExtent().center()
    transform = QgsCoordinateTransform(crs, mercator, map_settings.transformContext())
    west = transform.transform(QgsPointXY(centre.x() - mupp / 2, centre.y()))
    east = transform.transform(QgsPointXY(centre.x() + mupp / 2, centre.y()))
    return math.hypot(east.x() - west.x(), east.y() - west.y())
