"""Bad layers never end in a traceback: empty layers, invalid or empty geometries, no CRS, 3D,
hundreds of attributes with hostile names. Snapshot, checks and SLD preparation give a clear
message or a valid result; an SLD produced is well-formed XML."""

from __future__ import annotations

import tempfile

import pytest
from gpf_wmts_publisher.plugin.publish.layer_source import LayerSource
from gpf_wmts_publisher.plugin.publish.naming import check_layer_source
from gpf_wmts_publisher.plugin.sld.pipeline import prepare_sld
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

X, Y, SIDE = 650000.0, 6860000.0, 100.0
SQUARE = f"POLYGON(({X} {Y},{X + SIDE} {Y},{X + SIDE} {Y + SIDE},{X} {Y + SIDE},{X} {Y}))"
SQUARE_Z = (f"POLYGON Z(({X} {Y} 5,{X + SIDE} {Y} 5,{X + SIDE} {Y + SIDE} 7,{X} {Y + SIDE} 7,"
            f"{X} {Y} 5))")
BOWTIE = (f"POLYGON(({X} {Y},{X + SIDE} {Y + SIDE},{X + SIDE} {Y},{X} {Y + SIDE},{X} {Y}))")
GEOMETRIES = st.sampled_from([SQUARE, SQUARE_Z, BOWTIE, "POLYGON EMPTY", None,
                              "POLYGON((0 0,1e12 0,1e12 1e12,0 0))", "POINT(1 2)",
                              "POLYGON((1 1,1 1,1 1,1 1))"])
FIELD_NAME = st.one_of(st.from_regex(r"\A[a-z]{1,8}\Z"),
                       st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1,
                               max_size=20),
                       # geom/fid: the GeoPackage's own columns, the copy must refuse in words
                       st.sampled_from(["<nom>", "a&b", "Été", "x y", "geom", "GEOM", "fid",
                                        "SELECT"]))
SETTINGS = settings(max_examples=40, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow,
                                           HealthCheck.function_scoped_fixture])


def memory_layer(geometry_type: str, crs: str, field_names, rows) -> QgsVectorLayer:
    """A memory layer; ``crs`` "" means none at all (QGIS would otherwise assume WGS 84)."""
    uri = f"{geometry_type}?crs={crs}" if crs else geometry_type
    layer = QgsVectorLayer(uri, "couche <test> & « é »", "memory")
    if not crs:
        layer.setCrs(QgsCoordinateReferenceSystem())
    provider = layer.dataProvider()
    provider.addAttributes([QgsField(name, QVariant.String) for name in field_names])
    layer.updateFields()
    features = []
    for wkt, value in rows:
        feature = QgsFeature(layer.fields())
        if wkt is not None:
            feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes([value] * len(field_names))
        features.append(feature)
    provider.addFeatures(features)
    layer.updateExtents()
    return layer


def assert_clear(texts) -> None:
    for text in texts:
        assert isinstance(text, str) and text.strip() and "Traceback" not in text


def check_layer_end_to_end(layer: QgsVectorLayer, scratch: str) -> None:
    """Snapshot + preflight + SLD: a clear message or a valid result, nothing else."""
    try:
        source = LayerSource.from_layer(layer, scratch_dir=scratch)
    except ValueError as error:  # the copy of an in-memory layer can be refused, in words
        assert_clear([str(error)])
        return
    problems = check_layer_source(source)
    assert_clear(p.message(lang) for p in problems for lang in ("fr", "en"))
    if problems:
        return  # the preflight stops the publication here, before any step
    opened = source.open_layer()  # what the data step does: an accepted snapshot must open
    if source.extent_wgs84 is not None:
        assert len(source.extent_wgs84) == 4
    result = prepare_sld(opened, table_name="couche")
    assert_clear(result.messages("fr"))
    assert_clear(result.messages("en"))
    if result.ok:
        assert result.sld_bytes
    if result.sld_bytes:
        etree.fromstring(result.sld_bytes, etree.XMLParser(resolve_entities=False))


@SETTINGS
@given(geometry_type=st.sampled_from(["Polygon", "PolygonZ", "MultiPolygon", "Point",
                                      "LineStringZ"]),
       crs=st.sampled_from(["EPSG:2154", "EPSG:4326", "", "EPSG:999999"]),
       field_names=st.lists(FIELD_NAME, max_size=40, unique_by=str.lower),
       rows=st.lists(st.tuples(GEOMETRIES, st.one_of(st.none(), st.text(max_size=30))),
                     max_size=6))
def test_any_layer_gets_a_clear_answer_from_snapshot_checks_and_sld(
        qgis_app, geometry_type, crs, field_names, rows):
    layer = memory_layer(geometry_type, crs, field_names, rows)
    with tempfile.TemporaryDirectory() as scratch:
        check_layer_end_to_end(layer, scratch)


def test_empty_layer_is_refused_before_anything_is_sent(qgis_app, tmp_path):
    source = LayerSource.from_layer(memory_layer("Polygon", "EPSG:2154", ["nom"], []),
                                    scratch_dir=str(tmp_path))
    assert [p.code for p in check_layer_source(source)] == ["empty_layer"]


def test_layer_without_crs_is_refused_in_words(qgis_app, tmp_path):
    layer = memory_layer("Polygon", "", ["nom"], [(SQUARE, "a")])
    source = LayerSource.from_layer(layer, scratch_dir=str(tmp_path))
    problems = check_layer_source(source)
    assert [p.code for p in problems] == ["invalid_crs"]
    assert "système de coordonnées" in problems[0].message("fr")


@pytest.mark.parametrize("count", [500])
def test_layer_with_hundreds_of_attributes_and_3d_invalid_geometries_is_handled(
        qgis_app, tmp_path, count):
    names = [f"attribut_{i}_é" for i in range(count)]
    layer = memory_layer("PolygonZ", "EPSG:2154", names,
                         [(SQUARE_Z, "x"), (BOWTIE, "<&>"), (None, None)])
    source = LayerSource.from_layer(layer, scratch_dir=str(tmp_path))
    assert len(source.field_names) >= count
    assert check_layer_source(source) == []
    check_layer_end_to_end(layer, str(tmp_path / "again"))



DEGREES_SQUARE = "POLYGON((2.30 48.80,2.31 48.80,2.31 48.81,2.30 48.81,2.30 48.80))"


@pytest.mark.parametrize("crs, wkt", [
    ("EPSG:4326", SQUARE),            # Lambert-93 metres declared as degrees
    ("EPSG:2154", DEGREES_SQUARE),    # degrees declared as Lambert-93 (lands off Africa)
])
def test_layer_whose_coordinates_do_not_match_its_crs_is_refused_before_any_upload(
        qgis_app, tmp_path, crs, wkt):
    """Hole 9: such a layer passed the checks and failed five steps later."""
    source = LayerSource.from_layer(memory_layer("Polygon", crs, ["nom"], [(wkt, "a")]),
                                    scratch_dir=str(tmp_path))
    problems = check_layer_source(source)
    assert [p.code for p in problems] == ["extent_outside_crs"]
    assert crs in problems[0].message("en") and "probablement faux" in problems[0].message("fr")


@pytest.mark.parametrize("crs, wkt", [("EPSG:2154", SQUARE), ("EPSG:4326", DEGREES_SQUARE)])
def test_layer_whose_coordinates_match_its_crs_passes(qgis_app, tmp_path, crs, wkt):
    source = LayerSource.from_layer(memory_layer("Polygon", crs, ["nom"], [(wkt, "a")]),
                                    scratch_dir=str(tmp_path))
    assert check_layer_source(source) == []
