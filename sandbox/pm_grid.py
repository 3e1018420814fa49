"""The Géoplateforme "PM" tile grid (EPSG:3857, 256 px tiles, rows counted from the top).

Kept apart from the plugin's own grid maths on purpose: the sandbox stands for the platform and
must not import the plugin.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterator, Tuple

PM_ORIGIN_X = -20037508.3427892
PM_ORIGIN_Y = 20037508.3427892
PM_LEVEL0_RESOLUTION = 156543.033928041
PM_LEVEL0_SCALE_DENOMINATOR = 559082264.028718
PM_MAX_LEVEL = 21
TILE_SIZE = 256
# Web mercator stops here: beyond it y runs to infinity.
MAX_LATITUDE = 85.0511287798066

BBox = Tuple[float, float, float, float]  # min_x, min_y, max_x, max_y


def resolution(z: int) -> float:
    """Metres per pixel at level z."""
    return PM_LEVEL0_RESOLUTION / 2**z


def tile_span(z: int) -> float:
    """Width of one tile at level z, in metres."""
    return resolution(z) * TILE_SIZE


def lonlat_to_mercator(lon: float, lat: float) -> Tuple[float, float]:
    lat = max(-MAX_LATITUDE, min(MAX_LATITUDE, lat))
    x = math.radians(lon) * 6378137.0
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) * 6378137.0
    return x, y


def mercator_bbox_of_lonlat(bbox_4326: BBox) -> BBox:
    min_x, min_y = lonlat_to_mercator(bbox_4326[0], bbox_4326[1])
    max_x, max_y = lonlat_to_mercator(bbox_4326[2], bbox_4326[3])
    return min_x, min_y, max_x, max_y


@dataclass(frozen=True)
class TileRange:
    """Inclusive range of columns and rows of one level."""

    z: int
    min_col: int
    min_row: int
    max_col: int
    max_row: int

    @property
    def count(self) -> int:
        return (self.max_col - self.min_col + 1) * (self.max_row - self.min_row + 1)

    def tiles(self) -> Iterator[Tuple[int, int]]:
        for col in range(self.min_col, self.max_col + 1):
            for row in range(self.min_row, self.max_row + 1):
                yield col, row


def tile_range(z: int, bbox_3857: BBox) -> TileRange:
    """Tiles of level z that overlap bbox_3857 with a non-empty area (edges do not count)."""
    span = tile_span(z)
    last = 2**z - 1
    # A tiny inset keeps a bbox edge lying exactly on a tile edge from pulling in the neighbour.
    inset = span * 1e-9
    min_col = math.floor((bbox_3857[0] + inset - PM_ORIGIN_X) / span)
    max_col = math.floor((bbox_3857[2] - inset - PM_ORIGIN_X) / span)
    min_row = math.floor((PM_ORIGIN_Y - bbox_3857[3] + inset) / span)
    max_row = math.floor((PM_ORIGIN_Y - bbox_3857[1] - inset) / span)
    return TileRange(
        z,
        max(0, min(last, min_col)),
        max(0, min(last, min_row)),
        max(0, min(last, max_col)),
        max(0, min(last, max_row)),
    )


def tile_bbox(z: int, col: int, row: int) -> BBox:
    """EPSG:3857 bounds of one tile."""
    span = tile_span(z)
    min_x = PM_ORIGIN_X + col * span
    max_y = PM_ORIGIN_Y - row * span
    return min_x, max_y - span, min_x + span, max_y


def block_bbox(z: int, min_col: int, min_row: int, max_col: int, max_row: int) -> BBox:
    """EPSG:3857 bounds of a rectangle of tiles (inclusive)."""
    left, _, _, top = tile_bbox(z, min_col, min_row)
    _, bottom, right, _ = tile_bbox(z, max_col, max_row)
    return left, bottom, right, top


def scale_denominator(z: int) -> float:
    return PM_LEVEL0_SCALE_DENOMINATOR / 2**z
