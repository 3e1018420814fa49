"""The copy a background task works on has the layer's CRS even when its file does not say it
(the inspector's blank local render: the copy had no CRS, its extent stayed in degrees)."""

from __future__ import annotations

import threading

from gpf_wmts_publisher.plugin.pyramid import Bbox4326, bbox_4326_to_3857
from gpf_wmts_publisher.plugin.wmts.inspection_task import LevelInspectionTask
from gpf_wmts_publisher.plugin.wmts.renders import layer_extent_3857
from gpf_wmts_publisher.ui.layer_copy import layer_factory
from qgis.core import QgsCoordinateReferenceSystem, QgsVectorLayer


def _csv_layer(tmp_path) -> QgsVectorLayer:
    path = tmp_path / "points.csv"
    path.write_text("x,y,name\n-1.40,46.15,a\n-1.20,46.25,b\n-1.30,46.20,c\n",
                    encoding="utf-8")
    layer = QgsVectorLayer(f"file://{path.as_posix()}?delimiter=,&xField=x&yField=y",
                           "points", "delimitedtext")
    assert layer.isValid() and not layer.crs().isValid()  # the file says no CRS
    layer.setCrs(QgsCoordinateReferenceSystem("EPSG:4326"))  # QGIS / the user set it
    return layer


def test_copy_made_in_a_worker_thread_keeps_the_crs_set_in_qgis(qgis_app, tmp_path):
    make = layer_factory(_csv_layer(tmp_path))
    crs = []
    worker = threading.Thread(target=lambda: crs.append(make().crs().authid()))
    worker.start()
    worker.join()
    assert crs == ["EPSG:4326"]


def test_inspection_of_such_a_layer_draws_its_source(qgis_app, tmp_path):
    layer = _csv_layer(tmp_path)
    extent = layer_extent_3857(layer)
    expected = bbox_4326_to_3857(Bbox4326(-1.4, 46.15, -1.2, 46.25))
    assert abs(extent[0] - expected.xmin) < 1 and abs(extent[3] - expected.ymax) < 1
    wmts = QgsVectorLayer("Point?crs=EPSG:3857", "stand-in", "memory")
    task = LevelInspectionTask([12], source=None, data_extent_3857=extent, wmts_layer=wmts,
                               source_layer=None, make_source_layer=layer_factory(layer))
    assert task.run()
    result = task.results[0]
    assert not result.error and not result.source_blank, result.verdict()
