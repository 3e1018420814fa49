"""Where a visual check looks: the middle of the data, or a feature when the middle is empty.

A sparse layer (two roads far apart, a few points) often has nothing at the centre of its
extent: a check rendered there compares white with white, or one stray dot, and says
"identical". The style preview and the zoom-level inspector both look here instead.
"""

from __future__ import annotations

from typing import Tuple

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsProject,
    QgsRectangle,
)

WEB_MERCATOR = "EPSG:3857"
FEATURES_LOOKED_AT = 500  # the longest of the first features (a large layer is not scanned)


def focus_point_3857(layer, half_width: float, transform_context=None) -> Tuple[float, float]:
    """An EPSG:3857 point to centre a ``2 * half_width`` wide render on: the extent's centre
    when a feature is drawn within that square, else a point on the largest of the first
    features (a line rather than a stub)."""
    context = transform_context or QgsProject.instance().transformContext()
    transform = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem(WEB_MERCATOR),
                                       context)
    centre = transform.transformBoundingBox(layer.extent()).center()
    if not hasattr(layer, "getFeatures"):  # a raster: its centre is drawn
        return centre.x(), centre.y()
    around = QgsRectangle(centre.x() - half_width, centre.y() - half_width,
                          centre.x() + half_width, centre.y() + half_width)
    request = QgsFeatureRequest().setFilterRect(
        transform.transformBoundingBox(around, Qgis.TransformDirection.Reverse)).setLimit(1)
    request.setNoAttributes()
    if any(True for _ in layer.getFeatures(request)):
        return centre.x(), centre.y()
    largest = None
    request = QgsFeatureRequest().setNoAttributes().setLimit(FEATURES_LOOKED_AT)
    for feature in layer.getFeatures(request):
        geometry = feature.geometry()
        if geometry is None or geometry.isEmpty():
            continue
        box = geometry.boundingBox()
        if largest is None or box.width() + box.height() > largest[0]:
            largest = (box.width() + box.height(), geometry.pointOnSurface().asPoint())
    if largest is None:
        return centre.x(), centre.y()
    point = transform.transform(largest[1])
    return point.x(), point.y()
