"""Which tiles a harvest writes, as a stream: never a list of them.

A trainee may ask for levels 5..21 over France (119 million tiles): holding them in a list took
15 GB. Here the tiles come out meta-tile by meta-tile (grid-aligned blocks of
``metatile``×``metatile`` tiles, the GetMap unit of sandbox.harvest), computed from the level's
tile range and the area, so memory does not grow with the tile count. The harvest tile cap is
here too: the request is refused before anything runs.
"""

from __future__ import annotations

from typing import Iterable, Iterator, List, Tuple

from . import pm_grid

Tile = Tuple[int, int]  # column, row

# A harvest asking for more tiles than this is refused with a quota error (409) before it
# starts. Assumption (sandbox/README.md): the platform's own cap is not published; this is the
# number above which the plugin's pyramid advice warns (plugin/pyramid/advice.py
# DEFAULT_MAX_TILES; tests/sandbox/test_tile_plan.py checks both are equal).
HARVEST_TILE_CAP = 5_000_000


def area_geometry_3857(area_wkt_4326: str):
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


def _range_of(z: int, area_3857) -> pm_grid.TileRange:
    box = area_3857.boundingBox()
    return pm_grid.tile_range(
        z, (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()))


def _is_rectangle(area_3857) -> bool:
    box = area_3857.boundingBox()
    return abs(area_3857.area() - box.area()) <= box.area() * 1e-9


class _AreaTest:
    """Whether tiles (or blocks of tiles) of level z meet the area's inside: an edge touching
    is not enough, so each rectangle is shrunk by a hair before the test."""

    def __init__(self, z: int, area_3857):
        from qgis.core import QgsGeometry

        self.z = z
        self.engine = QgsGeometry.createGeometryEngine(area_3857.constGet())
        self.engine.prepareGeometry()
        self.inset = pm_grid.tile_span(z) * 1e-6

    def _rect(self, min_col: int, min_row: int, max_col: int, max_row: int):
        from qgis.core import QgsGeometry, QgsRectangle

        min_x, min_y, max_x, max_y = pm_grid.block_bbox(self.z, min_col, min_row, max_col,
                                                        max_row)
        return QgsGeometry.fromRect(QgsRectangle(min_x + self.inset, min_y + self.inset,
                                                 max_x - self.inset, max_y - self.inset))

    def block(self, min_col, min_row, max_col, max_row) -> List[Tile]:
        """The block's tiles inside the area (whole blocks decided in one test when possible)."""
        rect = self._rect(min_col, min_row, max_col, max_row)
        if not self.engine.intersects(rect.constGet()):
            return []
        everything = [(c, r) for c in range(min_col, max_col + 1)
                      for r in range(min_row, max_row + 1)]
        if self.engine.contains(rect.constGet()):
            return everything
        return [(c, r) for c, r in everything if self._meets(self._rect(c, r, c, r))]

    def _meets(self, rect) -> bool:
        # ``rect`` is held by this frame: constGet() points into it, and a temporary
        # QgsGeometry could be freed before the engine reads it.
        return self.engine.intersects(rect.constGet())


def blocks(z: int, area_3857, metatile: int = 4) -> Iterator[List[Tile]]:
    """The level's tiles inside the area, one grid-aligned meta-tile block at a time
    (column-major, then rows), each block's tiles sorted."""
    metatile = max(1, metatile)
    tile_range = _range_of(z, area_3857)
    test = None if _is_rectangle(area_3857) else _AreaTest(z, area_3857)
    # A lon/lat rectangle stays a rectangle in web mercator: every tile of its range counts.
    for block_col in range(tile_range.min_col // metatile, tile_range.max_col // metatile + 1):
        min_col = max(tile_range.min_col, block_col * metatile)
        max_col = min(tile_range.max_col, block_col * metatile + metatile - 1)
        for block_row in range(tile_range.min_row // metatile,
                               tile_range.max_row // metatile + 1):
            min_row = max(tile_range.min_row, block_row * metatile)
            max_row = min(tile_range.max_row, block_row * metatile + metatile - 1)
            if test is None:
                found = [(c, r) for c in range(min_col, max_col + 1)
                         for r in range(min_row, max_row + 1)]
            else:
                found = test.block(min_col, min_row, max_col, max_row)
            if found:
                yield found


def tiles_in_area(z: int, area_3857) -> Iterator[Tile]:
    """The tiles of level z whose inside meets the area, one by one."""
    for block in blocks(z, area_3857):
        yield from block


def count_in_level(z: int, area_3857) -> int:
    """How many tiles of level z the harvest writes (arithmetic for a rectangle)."""
    if _is_rectangle(area_3857):
        return _range_of(z, area_3857).count
    return sum(len(block) for block in blocks(z, area_3857))


def count_tiles(levels: Iterable, area_wkt_4326: str) -> int:
    """How many tiles a harvest of `levels` over the area writes."""
    area = area_geometry_3857(area_wkt_4326)
    return sum(count_in_level(int(z), area) for z in levels)


def requested_tiles(levels: Iterable, bbox_4326: Tuple[float, float, float, float]) -> int:
    """The tiles a harvest request asks for, as the cap counts them: every tile of the area's
    lon/lat bounding box (west, south, east, north) on each level; arithmetic, so a huge
    request is measured in no time and without QGIS."""
    box = pm_grid.mercator_bbox_of_lonlat(bbox_4326)
    return sum(pm_grid.tile_range(int(z), box).count for z in levels)
