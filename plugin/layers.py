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

    A fallback: the cause (QGIS 3.40+ drops a cached CRS's PROJ object when the thread that
    first built it ends, see ``keep_task_threads_alive``) is avoided by keeping task threads
    alive, but a thread the plugin does not own may still end. Emptying only the transform
    cache leaves a no-op transform; emptying the CRS cache, then the transform cache, makes
    this thread build fresh ones (CRSs already held by layers keep theirs).
    """
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform

    if _crs_transforms_work(authids):
        return False
    QgsCoordinateReferenceSystem.invalidateCache()
    QgsCoordinateTransform.invalidateCache()
    return True


def task_thread_pools() -> list:
    """The thread pools QGIS runs work on: Qt's global pool (tasks up to QGIS 3.2x, parallel
    map renders) and, where QGIS has one, the task manager's own pool (QGIS 3.40 and 3.44 run
    every QgsTask there: ``QgsTaskManager.threadPool()``)."""
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QThreadPool

    pools = [QThreadPool.globalInstance()]
    own_pool = getattr(QgsApplication.taskManager(), "threadPool", None)
    if own_pool is not None:
        pools.append(own_pool())
    return pools


def keep_task_threads_alive() -> None:
    """The threads QGIS runs tasks on are never ended when idle (at most one per core waits).

    Why: from QGIS 3.40 on, when a thread ends QGIS drops the PROJ object of every cached CRS
    that was first built in that thread ("master" object, which other threads clone), yet keeps
    the CRS in its cache while another thread still holds a clone. Every thread started later
    then gets that CRS without a PROJ object: transforms fail ("NULL P object not allowed") and
    a GeoPackage export writes its table without any CRS. A task thread ends after 30 s idle
    (Qt's default expiry), so a publication started a while after a first one exported from a
    new thread and lost EPSG:2154 (CI on QGIS 3.44). Reproduced by
    tests/plugin/test_layers.py::test_a_crs_first_built_in_a_task_still_works_in_later_tasks.
    """
    for pool in task_thread_pools():
        pool.setExpiryTimeout(-1)
