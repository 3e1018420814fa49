"""The PM tile matrix set (EPSG:3857, 256 px tiles) the Géoplateforme harvests into.

Pure Python: no Qt, no QGIS, so the maths can be tested and reused anywhere.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterator, NamedTuple

PM_CRS = "EPSG:3857"
TILE_SIZE_PX = 256
PM_ORIGIN_X = -20037508.3427892
PM_ORIGIN_Y = 20037508.3427892
PM_LEVEL0_RESOLUTION = 156543.033928041  # metres per pixel at level 0
PM_LEVEL0_SCALE_DENOMINATOR = 559082264.028718  # WMTS standard pixel of 0.28 mm
MIN_LEVEL = 0
MAX_LEVEL = 21
# Web mercator stops at the latitude where the square world ends.
MAX_MERCATOR_LATITUDE = 85.0511287798066

_THOUSANDS_SEPARATORS = {"fr": " ", "en": ",", "de": ".", "es": ".", "it": ".", "pt": "."}


class Bbox3857(NamedTuple):
    """An extent in web mercator metres."""

    xmin: float
    ymin: float
    xmax: float
    ymax: float


class Bbox4326(NamedTuple):
    """An extent in WGS 84 degrees, longitude first (as the platform's WKT)."""

    west: float
    south: float
    east: float
    north: float


class TileRange(NamedTuple):
    """The tiles of one level that cover an extent (inclusive column/row bounds)."""

    z: int
    col_min: int
    col_max: int
    row_min: int
    row_max: int

    @property
    def columns(self) -> int:
        return self.col_max - self.col_min + 1

    @property
    def rows(self) -> int:
        return self.row_max - self.row_min + 1

    @property
    def count(self) -> int:
        return self.columns * self.rows


def thousands_separator(language: str) -> str:
    """The thousands separator of a language ("fr", "fr_FR", "en-GB"…); "," when unknown."""
    base = language.replace("-", "_").split("_")[0].lower()
    return _THOUSANDS_SEPARATORS.get(base, ",")


def readable_scale(denominator: float) -> int:
    """Round a scale denominator as a map user reads it: 3 significant digits from 10 000
    (1:136 000), 2 below (1:8 500), matching the figures quoted by the platform's guide."""
    if denominator <= 0:
        return 0
    digits = 3 if denominator >= 10_000 else 2
    step = 10 ** max(0, math.floor(math.log10(denominator)) + 1 - digits)
    return int(round(denominator / step) * step)


def format_thousands(value: int, language: str = "fr") -> str:
    return f"{value:,}".replace(",", thousands_separator(language))


@dataclass(frozen=True)
class Level:
    """One level of the PM tile matrix set."""

    z: int

    def __post_init__(self) -> None:
        if not isinstance(self.z, int) or isinstance(self.z, bool):
            raise TypeError(f"PM level must be an int, got {self.z!r}")
        if not MIN_LEVEL <= self.z <= MAX_LEVEL:
            raise ValueError(f"PM level {self.z} is outside {MIN_LEVEL}–{MAX_LEVEL}")

    @property
    def resolution(self) -> float:  # metres per pixel at the equator
        return PM_LEVEL0_RESOLUTION / 2**self.z

    @property
    def scale_denominator(self) -> float:
        return PM_LEVEL0_SCALE_DENOMINATOR / 2**self.z

    @property
    def tile_span(self) -> float:
        """Width (= height) of one tile in metres."""
        return self.resolution * TILE_SIZE_PX

    @property
    def matrix_size(self) -> int:
        """Tiles per row (= per column) of the whole level."""
        return 2**self.z

    @property
    def identifier(self) -> str:
        """The TileMatrix identifier the platform uses (and harvest_levels expects)."""
        return str(self.z)

    @property
    def label(self) -> str:
        """"12 · 1:136 000" with the French thousands separator (the platform's language)."""
        return self.label_for("fr")

    def label_for(self, language: str) -> str:
        scale = format_thousands(readable_scale(self.scale_denominator), language)
        return f"{self.z} · 1:{scale}"

    def tile_range(self, extent: Bbox3857 | Bbox4326) -> TileRange:
        """Tiles covering `extent` (web mercator metres, or a Bbox4326), clipped to the grid.
        An edge lying exactly on a tile border does not pull in the next tile; a point still
        needs one."""
        bbox = as_bbox_3857(extent)
        span = self.tile_span
        last = self.matrix_size - 1

        def clamp(index: int) -> int:
            return min(max(index, 0), last)

        col_min = clamp(math.floor((bbox.xmin - PM_ORIGIN_X) / span))
        col_max = clamp(math.ceil((bbox.xmax - PM_ORIGIN_X) / span) - 1)
        row_min = clamp(math.floor((PM_ORIGIN_Y - bbox.ymax) / span))
        row_max = clamp(math.ceil((PM_ORIGIN_Y - bbox.ymin) / span) - 1)
        return TileRange(self.z, col_min, max(col_min, col_max), row_min, max(row_min, row_max))

    def tile_count(self, extent: Bbox3857 | Bbox4326) -> int:
        return self.tile_range(extent).count


def all_levels() -> Iterator[Level]:
    return (Level(z) for z in range(MIN_LEVEL, MAX_LEVEL + 1))


def level_for_scale_denominator(denominator: float, *, tolerance: float = 0.01) -> Level | None:
    """The PM level whose scale denominator matches (relative `tolerance`), else None.
    Lets matrices named otherwise than by their level number be mapped to PM zooms."""
    if denominator <= 0:
        return None
    z = round(math.log2(PM_LEVEL0_SCALE_DENOMINATOR / denominator))
    if not MIN_LEVEL <= z <= MAX_LEVEL:
        return None
    level = Level(z)
    if abs(level.scale_denominator - denominator) > tolerance * level.scale_denominator:
        return None
    return level


def lonlat_to_3857(lon: float, lat: float) -> tuple[float, float]:
    """Spherical mercator, latitude clamped to the grid's square world."""
    lat = max(-MAX_MERCATOR_LATITUDE, min(MAX_MERCATOR_LATITUDE, lat))
    x = math.radians(lon) * PM_ORIGIN_Y / math.pi
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) * PM_ORIGIN_Y / math.pi
    return x, y


def bbox_4326_to_3857(bbox: Bbox4326) -> Bbox3857:
    xmin, ymin = lonlat_to_3857(bbox.west, bbox.south)
    xmax, ymax = lonlat_to_3857(bbox.east, bbox.north)
    return Bbox3857(xmin, ymin, xmax, ymax)


def as_bbox_3857(bbox: Bbox3857 | Bbox4326) -> Bbox3857:
    """Accept either kind of extent; plain tuples are taken as web mercator."""
    if isinstance(bbox, Bbox4326):
        return bbox_4326_to_3857(bbox)
    return Bbox3857(*bbox)
