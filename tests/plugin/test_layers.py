"""Layers for worker threads come from QGIS's factory: plain C++ objects, not sip subclasses
(whose Qt virtuals would need the GIL under Qt's locks)."""

from __future__ import annotations

import time
import uuid
from pathlib import Path

from gpf_wmts_publisher.plugin.layers import open_vector_layer
from qgis.core import QgsVectorLayer
from qgis.PyQt import sip

from tests.e2e.layers import make_polygon_gpkg


def test_a_factory_layer_is_valid_and_not_a_python_subclass(qgis_app, tmp_path):
    source = make_polygon_gpkg(str(tmp_path))
    layer = open_vector_layer(source, "parcelles", "ogr")
    assert isinstance(layer, QgsVectorLayer) and layer.isValid()
    assert layer.featureCount() > 0
    assert not sip.ispycreated(layer)
    assert sip.ispycreated(QgsVectorLayer(source, "parcelles", "ogr"))  # what it avoids


def test_the_processing_provider_keeps_task_threads_alive(qgis_app):
    from gpf_wmts_publisher.plugin.layers import task_thread_pools
    from gpf_wmts_publisher.plugin.processing.provider import GpfWmtsProvider

    pools = task_thread_pools()
    for pool in pools:
        pool.setExpiryTimeout(30000)   # Qt's default: an idle task thread ends after 30 s
    try:
        GpfWmtsProvider().loadAlgorithms()
        assert [pool.expiryTimeout() for pool in pools] == [-1] * len(pools)
    finally:
        for pool in pools:
            pool.setExpiryTimeout(-1)   # as the session keeps it (tests/fixtures/qgis_tasks.py)


def _in_a_task(function):
    """What ``function`` returns when a QgsTask runs it (on a task thread), or its error."""
    from qgis.core import QgsApplication, QgsTask

    outcome = {}

    def run(_task):
        try:
            outcome["value"] = function()
        except Exception as error:  # reported to the test rather than lost in the task
            outcome["value"] = f"error: {error!r}"
        return True

    task = QgsTask.fromFunction("CRS probe", run)
    QgsApplication.taskManager().addTask(task)
    _process_events_until(lambda: "value" in outcome, timeout_s=60)
    return outcome["value"]


def _process_events_until(done, timeout_s: float) -> None:
    from qgis.PyQt.QtCore import QCoreApplication

    deadline = time.monotonic() + timeout_s
    while not done() and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)


def _use_crs(proj: str, directory: str):
    """Projects a point to the CRS and exports one feature in it to a GeoPackage: the point,
    and whether the GeoPackage's table carries a CRS (GDAL's reading, as the platform's)."""
    from osgeo import ogr
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsCoordinateTransformContext,
        QgsFeature,
        QgsGeometry,
        QgsPointXY,
        QgsVectorFileWriter,
    )

    crs = QgsCoordinateReferenceSystem.fromProj(proj)
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), crs,
                                       QgsCoordinateTransformContext())
    point = transform.transform(QgsPointXY(2.0, 46.0))
    layer = open_vector_layer(f"Point?crs={crs.toWkt()}", "probe", "memory")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromPointXY(point))
    layer.dataProvider().addFeatures([feature])
    path = str(Path(directory) / f"probe-{uuid.uuid4().hex}.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    QgsVectorFileWriter.writeAsVectorFormatV3(layer, path, QgsCoordinateTransformContext(), options)
    source = ogr.Open(path)   # held: a layer outlived by its data source crashes GDAL
    has_crs = source.GetLayer(0).GetSpatialRef() is not None
    return round(point.x()), round(point.y()), has_crs


def test_a_crs_first_built_in_a_task_still_works_in_later_tasks(qgis_app, tmp_path):
    """QGIS 3.40/3.44: once the task thread that first built a CRS ended, later task threads
    got that CRS without a PROJ object (exports without a CRS: CI on 3.44). The plugin keeps
    task threads alive; here their expiry is first made short, as if QGIS's default had run."""
    from gpf_wmts_publisher.plugin.processing.provider import GpfWmtsProvider
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QThreadPool

    # The pool this QGIS runs tasks on, found here independently of the plugin's code.
    manager = QgsApplication.taskManager()
    task_pool = manager.threadPool() if hasattr(manager, "threadPool") else \
        QThreadPool.globalInstance()
    task_pool.setExpiryTimeout(100)
    GpfWmtsProvider().loadAlgorithms()   # what the plugin does when it loads
    # A CRS no other test builds, so that this test's task is the first to build it.
    proj = (f"+proj=tmerc +lat_0=0 +lon_0={2 + uuid.uuid4().int % 1000 / 1000} +k=1 "
            "+x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs")
    first = _in_a_task(lambda: _use_crs(proj, str(tmp_path)))
    on_gui_thread = _use_crs(proj, str(tmp_path))   # another thread clones it
    _process_events_until(lambda: False, timeout_s=0.5)   # an expiry would have ended threads
    later = _in_a_task(lambda: _use_crs(proj, str(tmp_path)))
    assert first[2] is True and first == on_gui_thread
    assert later == first
