"""Local renders for the zoom-level inspector, and the data extent in EPSG:3857, with the
coordinate transform checked: a transform that silently does nothing (seen once in a running
QGIS: an extent left in degrees, a local render left blank) is an error, not a blank map."""

from __future__ import annotations

from typing import Sequence

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsMapLayer,
    QgsMapRendererCustomPainterJob,
    QgsMapSettings,
    QgsProject,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QCoreApplication, QSize
from qgis.PyQt.QtGui import QColor, QImage, QPainter

from .levels import WEB_MERCATOR, Extent

MERCATOR_LIMIT = 20037508.342789244


class TransformFailed(Exception):  # noqa: N818 - says what happened
    """The layer's extent could not be brought to EPSG:3857: nothing can be compared."""


def render_layers(layers: Sequence[QgsMapLayer], extent: QgsRectangle,
                  crs: QgsCoordinateReferenceSystem, size: QSize,
                  transform_context=None) -> QImage:
    """Renders ``layers`` synchronously (safe in a task's thread) on a white background."""
    settings = QgsMapSettings()
    settings.setLayers(list(layers))
    settings.setDestinationCrs(crs)
    settings.setOutputSize(size)
    settings.setExtent(extent)
    settings.setBackgroundColor(QColor(255, 255, 255))
    settings.setOutputDpi(96)
    settings.setTransformContext(transform_context if transform_context is not None
                                 else QgsProject.instance().transformContext())
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(255, 255, 255))
    painter = QPainter(image)
    job = QgsMapRendererCustomPainterJob(settings, painter)
    job.renderSynchronously()
    painter.end()
    return image


def _failed(layer: QgsMapLayer, why: str) -> TransformFailed:
    return TransformFailed(QCoreApplication.translate(
        "LevelInspection", "The extent of '{0}' could not be transformed to EPSG:3857 ({1}); "
        "check the layer's CRS, or restart QGIS if the CRS is right.").format(layer.name(), why))


def layer_extent_3857(layer: QgsMapLayer, transform_context=None) -> Extent:
    """The layer's extent in EPSG:3857 (where the PM tiles are counted); TransformFailed when
    the layer has no valid CRS or the transform left the extent as it was."""
    mercator = QgsCoordinateReferenceSystem(WEB_MERCATOR)
    context = transform_context or QgsProject.instance().transformContext()
    rect = layer.extent()
    if not layer.crs().isValid():
        raise _failed(layer, "no valid CRS")
    if layer.crs() != mercator:
        transform = QgsCoordinateTransform(layer.crs(), mercator, context)
        if not transform.isValid():
            raise _failed(layer, "invalid transform")
        source = rect
        rect = transform.transformBoundingBox(rect)
        moved = (abs(rect.xMinimum() - source.xMinimum()) + abs(rect.yMaximum()
                                                                 - source.yMaximum()))
        if not rect.isFinite() or (moved < 1e-9 and not source.isEmpty()):
            raise _failed(layer, "the transform did nothing")
    extent = (rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())
    if any(abs(value) > MERCATOR_LIMIT * 1.001 for value in extent):
        raise _failed(layer, "outside the web mercator world")
    return extent


def layers_extent_3857(layers, transform_context=None) -> Extent:
    """``layer_extent_3857`` of one layer, or the union over a map's layers (a list)."""
    if not isinstance(layers, (list, tuple)):
        return layer_extent_3857(layers, transform_context)
    boxes = [layer_extent_3857(layer, transform_context) for layer in layers]
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


def as_layer_list(layer) -> list:
    """A map's layers (top first) as given, one layer as a list of one."""
    return list(layer) if isinstance(layer, (list, tuple)) else [layer]


def same_extent(first: Extent, second: Extent, tolerance: float = 0.01) -> bool:
    """Whether two extents agree within ``tolerance`` of their size (or 1 m)."""
    size = max(first[2] - first[0], first[3] - first[1], 1.0)
    return all(abs(a - b) <= tolerance * size for a, b in zip(first, second))
