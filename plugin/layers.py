"""Map layers built by QGIS's own factory, for use in a worker thread.

A layer constructed from Python (``QgsVectorLayer(...)``) is a sip subclass whose Qt virtuals
(``connectNotify``, ``disconnectNotify``…) take the GIL. In a task QGIS calls them while it
holds Qt's connection locks; a GUI thread that holds the GIL while connecting a signal then
waits on the same lock, and neither moves (a deadlock the test suite met while a style was
copied in a task). A layer made by ``QgsMapLayerFactory`` is a plain C++ object: its virtuals
never need Python.
"""

from __future__ import annotations

from typing import Iterable

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


def _crs_transforms_work(authids: Iterable[str] = ()) -> bool:
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY

    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    for authid in authids:
        target = QgsCoordinateReferenceSystem(authid)
        if not target.isValid() or target.isGeographic():
            continue
        transform = QgsCoordinateTransform(wgs84, target, QgsCoordinateTransformContext())
        try:
            point = transform.transform(QgsPointXY(*_PROBE_LONLAT))
        except Exception:
            return False
        if abs(point.x() - _PROBE_LONLAT[0]) < 1e-6 and abs(point.y() - _PROBE_LONLAT[1]) < 1e-6:
            return False  # a projected CRS cannot leave degrees unchanged: a no-op transform
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


def ensure_crs_usable_in_this_thread(authids: Iterable[str] = ()) -> bool:
    """Makes QGIS's cached CRSs usable by PROJ in the current (worker) thread; True when they
    had to be repaired. WGS 84 and Web Mercator are checked, and ``authids`` (projected CRSs
    the caller needs, e.g. a WMTS tile matrix set's).

    Seen on QGIS 3.40 (never on 3.22), after earlier tasks' threads had ended: in a thread
    started later, the EPSG:4326 that QGIS's CRS cache hands out has no PROJ object for the
    thread (PROJ: "NULL P object not allowed"), so EPSG:4326 -> EPSG:3857 fails ("Invalid
    value for an argument") while the GUI thread is unaffected, and the wms provider cannot
    compute a WMTS layer's extent ("QGIS could not open the layer"). QGIS keys the per-thread
    PROJ objects of its cached CRSs and transforms by PROJ context; what is cached for a
    thread that has ended is what goes wrong. Emptying only the transform cache leaves a
    no-op transform; emptying the CRS cache, then the transform cache, makes this thread
    build fresh ones and the layer opens (CRSs already held by layers keep theirs).
    """
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform

    if _crs_transforms_work(authids):
        return False
    QgsCoordinateReferenceSystem.invalidateCache()
    QgsCoordinateTransform.invalidateCache()
    return True


def keep_task_threads_alive() -> None:
    """The threads QGIS runs tasks on (Qt's global thread pool) are never ended when idle.

    On QGIS 3.40 a thread started after earlier task threads had ended was handed cached CRS
    PROJ objects made for an ended thread (``ensure_crs_usable_in_this_thread`` repairs that
    by emptying QGIS's CRS caches), and emptying those caches from one thread is suspected of
    breaking the CRSs other threads use at that moment: a transform invalid on the GUI thread,
    an abort in a preview's probe transform (matrix runs, QGIS 3.40). With the pool's threads
    kept (at most one per core, idle), no task thread ends, so none leaves stale PROJ objects
    behind and the repair is not needed. A mitigation of a cause not fully proven.
    """
    from qgis.PyQt.QtCore import QThreadPool

    QThreadPool.globalInstance().setExpiryTimeout(-1)
