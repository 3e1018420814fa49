"""What the zoom-level inspector checks for each level, without any widget.

For a level: GetTile requests spread over the tiles the document publishes over the data (its
TileMatrixSetLimits), the WMTS and the source layer rendered side by side at that level's
exact resolution, and the similarity score of plugin/similarity (the style page's measure).
The pieces live beside this module: tile_source (GetTile), renders (local renders, checked
transforms), inspection_task (the QgsTask), contact_sheet (the PNG).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, List, Optional

from qgis.core import QgsCoordinateReferenceSystem, QgsMapLayer, QgsRectangle
from qgis.PyQt.QtCore import QCoreApplication, QSize
from qgis.PyQt.QtGui import QImage

from ..render_focus import focus_point_3857
from ..similarity import FAITHFUL_FROM, compare_images
from .levels import WEB_MERCATOR, Extent, level_extent, level_resolution, sample_tiles_in_limits
from .renders import as_layer_list, render_layers
from .tile_source import TileCheck, TileSource, fetch_tile, stitch_tiles

translate = QCoreApplication.translate
# The image formats the inspector can draw and compare (vector tiles and others cannot).
COMPARABLE_FORMATS = ("image/png", "image/jpeg", "image/webp", "image/gif", "image/tiff")
TILE_BUDGET = 16  # GetTile checks per level at most (every tile below that)


def why_not_comparable(info) -> str:
    """"" when the inspector can compare the layer's tiles, else why not (for the user)."""
    formats = [f.lower() for f in (info.formats or ())]
    if formats and not any(f.split(";")[0].strip() in COMPARABLE_FORMATS for f in formats):
        return translate("LevelInspection",
                         "The tiles of this layer are {0}, not images: the inspector can "
                         "only compare image tiles (PNG, JPEG).").format(
            ", ".join(info.formats))
    if not info.is_pm:
        return translate("LevelInspection", "This layer is not tiled on the PM (web "
                         "mercator) grid: its levels cannot be compared.")
    return ""


@dataclass
class LevelResult:
    """Everything the inspector shows for one level."""

    z: int
    resolution: float
    tiles: List[TileCheck] = field(default_factory=list)
    tiles_total: int = -1  # tiles the document publishes over the data; -1: not checked
    local: Optional[QImage] = None
    remote: Optional[QImage] = None
    score: Optional[float] = None
    blank: str = ""  # "reference" (source drew nothing), "candidate" (WMTS did), "both"
    error: str = ""

    @property
    def tiles_found(self) -> int:
        return sum(1 for t in self.tiles if t.found)

    @property
    def coverage(self) -> Optional[float]:
        """Share of the level's tiles over the data that were requested."""
        return len(self.tiles) / self.tiles_total if self.tiles_total > 0 else None

    def tiles_summary(self) -> str:
        if self.tiles_total < 0:
            return "–"
        if self.tiles_total == 0:
            return translate("LevelInspection", "no tile over the data")
        return translate("LevelInspection", "{0:.0%} found ({1:.0%} of {2} tiles "
                         "checked)").format(self.tiles_found / max(len(self.tiles), 1),
                                            self.coverage, self.tiles_total)

    @property
    def empty(self) -> bool:
        """No tile over the data, no tile found, or the WMTS drew nothing where the source
        draws and every tile found is blank."""
        if self.tiles_total == 0 or (self.tiles and self.tiles_found == 0):
            return True
        remote_blank = self.blank == "candidate"
        return remote_blank and all(t.blank for t in self.tiles if t.found)

    @property
    def source_blank(self) -> bool:
        """The local render drew nothing: there is nothing to compare (never a match)."""
        return self.blank in ("reference", "both")

    @property
    def different(self) -> bool:
        return self.score is not None and self.score < FAITHFUL_FROM

    @property
    def flagged(self) -> bool:
        return bool(self.error) or self.empty or self.source_blank or self.different

    def verdict(self) -> str:
        if self.error:
            return translate("LevelInspection", "error: {0}").format(self.error)
        if self.empty:
            return translate("LevelInspection", "empty")
        if self.source_blank:
            return translate("LevelInspection",
                             "the source drew nothing here: not compared")
        if self.different:
            return translate("LevelInspection", "differs from the source")
        return translate("LevelInspection", "OK")


def inspect_level(z: int, *, source: Optional[TileSource], session, data_extent_3857: Extent,
                  wmts_layer: Optional[QgsMapLayer], source_layer: Optional[QgsMapLayer],
                  render_px: int = 256, max_tiles: int = TILE_BUDGET, transform_context=None,
                  cancelled: Callable[[], bool] = lambda: False) -> LevelResult:
    """Checks one level: tiles inside its limits over the data, both renders at the level's
    resolution, and their score."""
    result = LevelResult(z=z, resolution=level_resolution(z))
    if source is not None and session is not None:
        tiles, result.tiles_total = sample_tiles_in_limits(
            data_extent_3857, z, source.limits.get(z), max_tiles)
        for col, row in tiles:
            if cancelled():
                return result
            result.tiles.append(fetch_tile(session, source, z, col, row))
    has_remote = wmts_layer is not None or (source is not None and session is not None)
    if not has_remote or source_layer is None or cancelled():
        return result
    # Where the source draws something at this level (a sparse layer's middle is empty); a
    # map (a list, top first) is looked at where its bottom layer draws.
    layers = as_layer_list(source_layer)
    centre = focus_point_3857(layers[-1], level_resolution(z) * render_px / 2,
                              transform_context)
    view = level_extent(z, centre, render_px, render_px)
    extent = QgsRectangle(*view)
    crs = QgsCoordinateReferenceSystem(WEB_MERCATOR)
    size = QSize(render_px, render_px)
    result.local = render_layers(layers, extent, crs, size, transform_context)
    if source is not None and session is not None:
        result.remote = stitch_tiles(session, source, z, view, render_px)
    else:
        result.remote = render_layers([wmts_layer], extent, crs, size, transform_context)
    comparison = compare_images(result.local, result.remote)
    result.blank = comparison.blank
    # A blank source render is no evidence either way: no score rather than a false 0.
    result.score = None if result.source_blank else comparison.score
    return result
