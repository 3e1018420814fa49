"""Layer snapshot (GUI thread) and GeoPackage export (any thread)."""

from __future__ import annotations

import threading

from gpf_wmts_publisher.plugin.publish.export import export_geopackage, file_md5
from gpf_wmts_publisher.plugin.publish.layer_source import LayerSource
from qgis.core import QgsVectorLayer

from tests.e2e.layers import make_polygon_gpkg, open_styled_layer


def test_the_export_keeps_the_crs_every_feature_and_the_accented_fields(qgis_app, tmp_path):
    source = LayerSource.from_layer(open_styled_layer(make_polygon_gpkg(str(tmp_path))))
    result = export_geopackage(source, str(tmp_path / "out" / "parcelles.gpkg"), "parcelles")
    exported = QgsVectorLayer(f"{result.path}|layername=parcelles", "x", "ogr")
    assert exported.isValid()
    assert exported.featureCount() == 6 == result.feature_count
    assert exported.crs().authid() == "EPSG:2154" == result.srs
    assert "Surface_Bâtie" in [f.name() for f in exported.fields()]
    assert result.size > 0 and len(file_md5(result.path)) == 32


def test_only_the_selection_is_exported_when_asked(qgis_app, tmp_path):
    layer = open_styled_layer(make_polygon_gpkg(str(tmp_path)))
    layer.selectByIds([1, 2])
    source = LayerSource.from_layer(layer, selected_only=True)
    assert source.feature_count == 2
    result = export_geopackage(source, str(tmp_path / "sel.gpkg"), "sel")
    assert QgsVectorLayer(f"{result.path}|layername=sel", "x", "ogr").featureCount() == 2


def test_a_memory_layer_is_copied_so_a_worker_thread_can_reopen_it(qgis_app, tmp_path):
    memory = QgsVectorLayer("Point?crs=EPSG:4326&field=nom:string", "points", "memory")
    memory.dataProvider().addFeatures([])
    source = LayerSource.from_layer(memory, scratch_dir=str(tmp_path))
    assert source.provider == "ogr" and source.uri.startswith(str(tmp_path))


def test_the_snapshot_reopens_in_another_thread_with_its_style(qgis_app, tmp_path):
    layer = open_styled_layer(make_polygon_gpkg(str(tmp_path)), colour="10,200,10,255")
    source = LayerSource.from_layer(layer)
    assert source.extent_wgs84 is not None
    west, south, east, north = source.extent_wgs84
    assert 2.0 < west < east < 3.0 and 48.0 < south < north < 49.5
    seen = {}

    def reopen():
        copy = source.open_layer()
        seen["colour"] = copy.renderer().symbol().color().name()
        seen["count"] = copy.featureCount()

    worker = threading.Thread(target=reopen)
    worker.start()
    worker.join()
    assert seen == {"colour": "#0ac80a", "count": 6}
