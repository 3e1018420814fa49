"""Layers for worker threads come from QGIS's factory: plain C++ objects, not sip subclasses
(whose Qt virtuals would need the GIL under Qt's locks)."""

from __future__ import annotations

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
    from gpf_wmts_publisher.plugin.processing.provider import GpfWmtsProvider
    from qgis.PyQt.QtCore import QThreadPool

    pool = QThreadPool.globalInstance()
    pool.setExpiryTimeout(30000)   # Qt's default: an idle task thread ends after 30 s
    try:
        GpfWmtsProvider().loadAlgorithms()
        assert pool.expiryTimeout() == -1
    finally:
        pool.setExpiryTimeout(-1)   # as the session keeps it (tests/fixtures/qgis_tasks.py)
