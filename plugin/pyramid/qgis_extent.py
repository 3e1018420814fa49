"""QGIS-dependent: a layer or canvas extent (any CRS) as the lon/lat or mercator bbox the
pyramid maths and the platform expect. Kept apart so the rest of pyramid/ needs no QGIS."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsProject,
    QgsRectangle,
)

from .grid import MAX_MERCATOR_LATITUDE, Bbox3857, Bbox4326, bbox_4326_to_3857


def _transformed(
    rectangle: QgsRectangle,
    source_crs: QgsCoordinateReferenceSystem,
    target: str,
    context: QgsCoordinateTransformContext | None,
) -> QgsRectangle:
    if not source_crs.isValid():
        raise ValueError("The extent's CRS is not valid")
    if rectangle.isNull():  # a single point is fine: it still needs its tile
        raise ValueError("The extent is empty")
    target_crs = QgsCoordinateReferenceSystem(target)
    if source_crs == target_crs:
        return QgsRectangle(rectangle)
    ctx = context if context is not None else QgsProject.instance().transformContext()
    transform = QgsCoordinateTransform(source_crs, target_crs, ctx)
    # transformBoundingBox samples points along every edge, so a curved reprojected border
    # is enclosed rather than cut at the corners.
    return transform.transformBoundingBox(rectangle)


def extent_to_bbox_4326(
    rectangle: QgsRectangle,
    crs: QgsCoordinateReferenceSystem,
    context: QgsCoordinateTransformContext | None = None,
) -> Bbox4326:
    """Lon/lat bbox (west, south, east, north) enclosing `rectangle`, clipped to the world."""
    out = _transformed(rectangle, crs, "EPSG:4326", context)
    return Bbox4326(
        max(-180.0, out.xMinimum()),
        max(-90.0, out.yMinimum()),
        min(180.0, out.xMaximum()),
        min(90.0, out.yMaximum()),
    )


def extent_to_bbox_3857(
    rectangle: QgsRectangle,
    crs: QgsCoordinateReferenceSystem,
    context: QgsCoordinateTransformContext | None = None,
) -> Bbox3857:
    """Web mercator bbox; goes through lon/lat so polar extents clamp instead of failing."""
    lonlat = extent_to_bbox_4326(rectangle, crs, context)
    clamped = Bbox4326(
        lonlat.west,
        max(lonlat.south, -MAX_MERCATOR_LATITUDE),
        lonlat.east,
        min(lonlat.north, MAX_MERCATOR_LATITUDE),
    )
    return bbox_4326_to_3857(clamped)
