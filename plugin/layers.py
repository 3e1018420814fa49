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


# A point whose EPSG:3857 coordinates are known: checks PROJ really works in this thread.
_PROBE_LONLAT = (2.0, 46.0)
_PROBE_MERCATOR = (222638.98158654713, 5780349.220256354)


def _crs_transforms_work() -> bool:
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY

    mercator = QgsCoordinateReferenceSystem("EPSG:3857")
    for source in (QgsCoordinateReferenceSystem("EPSG:4326"),
                   QgsCoordinateReferenceSystem.fromOgcWmsCrs("CRS:84")):
        transform = QgsCoordinateTransform(source, mercator, QgsCoordinateTransformContext())
        try:
            point = transform.transform(QgsPointXY(*_PROBE_LONLAT))
        except Exception:  # QgsCsException: no PROJ object for this thread
            return False
        if abs(point.x() - _PROBE_MERCATOR[0]) > 1 or abs(point.y() - _PROBE_MERCATOR[1]) > 1:
            return False  # a no-op transform: the source CRS has no PROJ object here
    return True


def ensure_crs_usable_in_this_thread() -> bool:
    """Makes QGIS's cached CRSs usable by PROJ in the current (worker) thread; True when they
    had to be repaired.

    QGIS keeps one PROJ object per CRS in its CRS cache, owned by the PROJ context of the
    thread that first created the CRS, plus a clone per thread that used it. When that first
    thread ends (a task's thread, recycled by the thread pool) QGIS 3.40 drops the owned
    object but keeps the CRS in its cache as long as another thread (the GUI) has a clone:
    every thread started afterwards then gets no PROJ object for that CRS ("NULL P object not
    allowed"), EPSG:4326 -> EPSG:3857 transforms fail, and the wms provider cannot compute
    a WMTS layer's extent ("QGIS could not open the layer"). Emptying QGIS's CRS cache, then
    its transform cache, makes this thread create fresh ones (the CRSs already held by
    layers keep theirs)."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform

    if _crs_transforms_work():
        return False
    QgsCoordinateReferenceSystem.invalidateCache()
    QgsCoordinateTransform.invalidateCache()
    return True
