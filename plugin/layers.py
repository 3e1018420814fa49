"""Map layers built by QGIS's own factory, for use in a worker thread.

A layer constructed from Python (``QgsVectorLayer(...)``) is a sip subclass whose Qt virtuals
(``connectNotify``, ``disconnectNotify``…) take the GIL. In a task QGIS calls them while it
holds Qt's connection locks; a GUI thread that holds the GIL while connecting a signal then
waits on the same lock, and neither moves (a deadlock the test suite met while a style was
copied in a task). A layer made by ``QgsMapLayerFactory`` is a plain C++ object: its virtuals
never need Python.
"""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateTransformContext,
    QgsMapLayer,
    QgsMapLayerFactory,
    QgsRasterLayer,
    QgsVectorLayer,
)


def _layer_type(name: str):
    """QgsMapLayerType.VectorLayer (QGIS 3.22) or Qgis.LayerType.Vector (3.30+)."""
    try:
        from qgis.core import Qgis

        return getattr(Qgis.LayerType, name.replace("Layer", ""))
    except AttributeError:
        from qgis.core import QgsMapLayerType

        return getattr(QgsMapLayerType, name)


def _create(uri: str, name: str, provider: str, kind: str) -> QgsMapLayer:
    options = QgsMapLayerFactory.LayerOptions(QgsCoordinateTransformContext())
    return QgsMapLayerFactory.createLayer(uri, name, _layer_type(kind), options, provider)


def open_vector_layer(uri: str, name: str, provider: str) -> QgsVectorLayer:
    return _create(uri, name, provider, "VectorLayer")


def open_raster_layer(uri: str, name: str, provider: str) -> QgsRasterLayer:
    return _create(uri, name, provider, "RasterLayer")
