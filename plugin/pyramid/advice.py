"""Warnings when a zoom range over-tiles the data: the guide's « choisissez un niveau de zoom
approprié au volume de vos données »."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .estimate import tile_count
from .grid import (
    MAX_LEVEL,
    MIN_LEVEL,
    PM_LEVEL0_RESOLUTION,
    Bbox3857,
    Bbox4326,
    Level,
    as_bbox_3857,
    format_thousands,
)
from .zoom_range import ZoomRange

# Beyond this many tiles a harvest runs for hours and fills quotas. The sandbox refuses a
# harvest above the same number (sandbox/tile_plan.py HARVEST_TILE_CAP; it cannot import the
# plugin, so tests/sandbox/test_tile_plan.py checks the two are equal). The wizard's pyramid
# page warns through advise(), which uses this constant.
DEFAULT_MAX_TILES = 5_000_000
# A bottom level more than this many levels finer than the data only magnifies it.
LEVELS_FINER_THAN_DATA_ALLOWED = 1
# Above this many bottom-level tiles per feature, most harvested tiles are empty.
DEFAULT_MAX_TILES_PER_FEATURE = 64


def _fr(count: int) -> str:
    return format_thousands(count, "fr")


@dataclass(frozen=True)
class Advice:
    code: str  # TOO_MANY_TILES, FINER_THAN_DATA, SPARSE_DATA
    message_en: str
    message_fr: str
    suggested_bottom: int | None = None

    def message(self, language: str = "en") -> str:
        return self.message_fr if language.lower().startswith("fr") else self.message_en


def natural_level(data_resolution_m: float) -> int:
    """The least detailed level whose pixels are at least as fine as the data's."""
    if data_resolution_m <= 0:
        raise ValueError("The data resolution must be positive")
    z = math.ceil(math.log2(PM_LEVEL0_RESOLUTION / data_resolution_m) - 1e-9)
    return min(max(z, MIN_LEVEL), MAX_LEVEL)


def _deepest_bottom_within(extent: Bbox3857, zoom_range: ZoomRange, max_tiles: int) -> int:
    """The most detailed bottom level keeping the range's total at or under `max_tiles`."""
    best = zoom_range.top
    for bottom in range(zoom_range.top, zoom_range.bottom + 1):
        if tile_count(extent, ZoomRange(zoom_range.top, bottom)) > max_tiles:
            break
        best = bottom
    return best


def advise(
    zoom_range: ZoomRange,
    bbox: Bbox3857 | Bbox4326,
    *,
    data_resolution_m: float | None = None,
    feature_count: int | None = None,
    max_tiles: int = DEFAULT_MAX_TILES,
    max_tiles_per_feature: int = DEFAULT_MAX_TILES_PER_FEATURE,
) -> list[Advice]:
    """Everything worth telling the user before they launch the harvest; empty when fine.

    `data_resolution_m`: the data's natural resolution in web mercator metres per pixel
    (a raster's pixel, or a vector's capture scale × 0.00028); `feature_count`: vector
    features in the extent."""
    extent = as_bbox_3857(bbox)
    advice: list[Advice] = []

    total = tile_count(extent, zoom_range)
    if total > max_tiles:
        suggested = _deepest_bottom_within(extent, zoom_range, max_tiles)
        advice.append(Advice(
            "TOO_MANY_TILES",
            f"Levels {zoom_range.top}–{zoom_range.bottom} make {total:,} tiles (more than "
            f"{max_tiles:,}): the harvest will be long and may exceed your storage quota. "
            f"Consider stopping at level {suggested}.",
            f"Les niveaux {zoom_range.top} à {zoom_range.bottom} représentent "
            f"{_fr(total)} tuiles (plus de {_fr(max_tiles)}) : le moissonnage sera long et "
            f"peut dépasser votre quota de stockage. Envisagez de vous arrêter au niveau "
            f"{suggested}.",
            suggested,
        ))

    if data_resolution_m is not None:
        natural = natural_level(data_resolution_m)
        if zoom_range.bottom > natural + LEVELS_FINER_THAN_DATA_ALLOWED:
            suggested = max(natural, zoom_range.top)
            advice.append(Advice(
                "FINER_THAN_DATA",
                f"Level {zoom_range.bottom} is much finer than your data (about "
                f"{data_resolution_m:g} m per pixel, level {natural}): deeper levels only "
                f"magnify it. Consider stopping at level {suggested}.",
                f"Le niveau {zoom_range.bottom} est bien plus fin que vos données (environ "
                f"{data_resolution_m:g} m par pixel, niveau {natural}) : les niveaux plus "
                f"profonds ne font que les agrandir. Envisagez de vous arrêter au niveau "
                f"{suggested}.",
                suggested,
            ))

    if feature_count is not None:
        bottom_tiles = zoom_range.bottom_level.tile_count(extent)
        allowed = max(1, feature_count) * max_tiles_per_feature
        if bottom_tiles > allowed:
            suggested = zoom_range.top
            for z in range(zoom_range.top, zoom_range.bottom + 1):
                if Level(z).tile_count(extent) <= allowed:
                    suggested = z
            advice.append(Advice(
                "SPARSE_DATA",
                f"At level {zoom_range.bottom}, {bottom_tiles:,} tiles for {feature_count:,} "
                f"features: most tiles would be empty. Consider stopping at level {suggested}.",
                f"Au niveau {zoom_range.bottom}, {_fr(bottom_tiles)} tuiles pour "
                f"{_fr(feature_count)} objets : la plupart des tuiles seraient vides. Envisagez "
                f"de vous arrêter au niveau {suggested}.",
                suggested,
            ))
    return advice
