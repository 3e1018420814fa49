"""PM grid maths: levels, resolutions, scales, tile ranges and counts, storage estimates,
advice on the zoom range and the harvest parameters. Pure Python (see qgis_extent for the
QGIS-dependent extent conversion, imported explicitly so this package needs no QGIS)."""

from .advice import Advice, advise, natural_level
from .estimate import (
    BYTES_PER_TILE,
    LevelEstimate,
    estimate_levels,
    human_bytes,
    measured_bytes_per_tile,
    tile_count,
    total_bytes,
)
from .grid import (
    MAX_LEVEL,
    MIN_LEVEL,
    PM_CRS,
    PM_LEVEL0_RESOLUTION,
    PM_LEVEL0_SCALE_DENOMINATOR,
    PM_ORIGIN_X,
    PM_ORIGIN_Y,
    TILE_SIZE_PX,
    Bbox3857,
    Bbox4326,
    Level,
    TileRange,
    all_levels,
    bbox_4326_to_3857,
    level_for_scale_denominator,
)
from .harvest import area_wkt, harvest_levels
from .zoom_range import DEFAULT_BOTTOM, DEFAULT_TOP, ZoomRange, ZoomRangeError

__all__ = [
    "BYTES_PER_TILE",
    "DEFAULT_BOTTOM",
    "DEFAULT_TOP",
    "MAX_LEVEL",
    "MIN_LEVEL",
    "PM_CRS",
    "PM_LEVEL0_RESOLUTION",
    "PM_LEVEL0_SCALE_DENOMINATOR",
    "PM_ORIGIN_X",
    "PM_ORIGIN_Y",
    "TILE_SIZE_PX",
    "Advice",
    "Bbox3857",
    "Bbox4326",
    "Level",
    "LevelEstimate",
    "TileRange",
    "ZoomRange",
    "ZoomRangeError",
    "advise",
    "all_levels",
    "area_wkt",
    "bbox_4326_to_3857",
    "estimate_levels",
    "harvest_levels",
    "human_bytes",
    "level_for_scale_denominator",
    "measured_bytes_per_tile",
    "natural_level",
    "tile_count",
    "total_bytes",
]
