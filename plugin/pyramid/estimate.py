"""Tile counts and storage estimates of a pyramid, per level and in total."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping, Union

from .grid import Bbox3857, Bbox4326, Level, as_bbox_3857
from .zoom_range import ZoomRange

# Average stored size of one 256×256 tile of a *rendered vector map* (flat colours, lines,
# labels, much white): order-of-magnitude figures, not promises. bench/pyramid_estimate.py
# renders the sample layer (300 unlabelled polygons): 1.8–7.5 kB per JPEG tile (q 85) and
# 1.1–17 kB per PNG tile depending on the level, 2–3 kB at the deep levels that hold most
# tiles; labelled, dense maps (roads, buildings) weigh 15–30 kB. 10 kB (JPEG) and 12 kB (PNG,
# alpha costs) sit between, erring high so quota warnings come early.
# For a closer figure, measure the user's own layer with qgis_sample.measure_tile_sizes.
BYTES_PER_TILE = {"image/jpeg": 10_000, "image/png": 12_000}


@dataclass(frozen=True)
class LevelEstimate:
    level: Level
    tiles: int
    bytes: int


def bytes_per_tile_for(tile_format: str) -> int:
    try:
        return BYTES_PER_TILE[tile_format]
    except KeyError:
        raise ValueError(
            f"No size estimate for tile format {tile_format!r}; known: {sorted(BYTES_PER_TILE)}"
        ) from None


def measured_bytes_per_tile(sample_tiles: Iterable[bytes]) -> int:
    """Mean size of encoded sample tiles (e.g. a few rendered from the layer)."""
    sizes = [len(tile) for tile in sample_tiles]
    if not sizes:
        raise ValueError("Cannot measure a tile size from no sample tile")
    return round(sum(sizes) / len(sizes))


def tile_count(bbox: Bbox3857 | Bbox4326, zoom_range: ZoomRange) -> int:
    """Tiles of every level of the range covering the extent."""
    extent = as_bbox_3857(bbox)
    return sum(level.tile_count(extent) for level in zoom_range.levels())


def estimate_levels(
    bbox: Bbox3857 | Bbox4326,
    zoom_range: ZoomRange,
    *,
    tile_format: str = "image/jpeg",
    bytes_per_tile: Union[int, Mapping[int, int], None] = None,
) -> list[LevelEstimate]:
    """One estimate per level, top to bottom. `bytes_per_tile`: one size for every level, or
    sizes measured per level (a level without a measure takes the nearest measured one);
    the format's constant when None."""
    extent = as_bbox_3857(bbox)
    estimates = []
    for level in zoom_range.levels():
        tiles = level.tile_count(extent)
        estimates.append(LevelEstimate(level, tiles,
                                       tiles * _size_at(level.z, bytes_per_tile, tile_format)))
    return estimates


def _size_at(z: int, bytes_per_tile: Union[int, Mapping[int, int], None], tile_format: str
             ) -> int:
    if bytes_per_tile is None:
        return bytes_per_tile_for(tile_format)
    if isinstance(bytes_per_tile, Mapping):
        if not bytes_per_tile:
            raise ValueError("No measured tile size given")
        # Ties take the more detailed level.
        nearest = min(bytes_per_tile, key=lambda measured: (abs(measured - z), -measured))
        return bytes_per_tile[nearest]
    return bytes_per_tile


def total_bytes(estimates: Iterable[LevelEstimate]) -> int:
    return sum(e.bytes for e in estimates)


def human_bytes(size: int) -> str:
    """1 536 000 → "1.5 MB" (decimal units, as storage quotas are shown)."""
    value = float(size)
    for unit in ("B", "kB", "MB", "GB", "TB"):
        if value < 1000 or unit == "TB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    raise AssertionError("unreachable")
