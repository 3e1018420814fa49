"""Tile counts and storage estimates of a pyramid, per level and in total."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .grid import Bbox3857, Bbox4326, Level, as_bbox_3857
from .zoom_range import ZoomRange

# Average stored size of one 256×256 tile of a *rendered vector map* (flat colours, lines,
# labels, much white): order-of-magnitude figures, not promises.
# - JPEG (compression "jpg", quality ≈ 75–85, 3 channels): blank or near-blank tiles weigh
#   2–4 kB, dense urban tiles 25–40 kB; 15 kB is a middle for mixed coverage.
# - PNG (compression "png", 4 channels for transparency): flat-colour maps compress well with
#   deflate but anti-aliased labels and alpha cost; 20 kB is a middle of 1–60 kB.
# Use `measured_bytes_per_tile` on tiles rendered from the user's data for a closer figure.
BYTES_PER_TILE = {"image/jpeg": 15_000, "image/png": 20_000}


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
    bytes_per_tile: int | None = None,
) -> list[LevelEstimate]:
    """One estimate per level, top to bottom."""
    extent = as_bbox_3857(bbox)
    size = bytes_per_tile if bytes_per_tile is not None else bytes_per_tile_for(tile_format)
    estimates = []
    for level in zoom_range.levels():
        tiles = level.tile_count(extent)
        estimates.append(LevelEstimate(level, tiles, tiles * size))
    return estimates


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
