"""Fidelity preview: QGIS's rendering against the produced SLD's, scored 0..1."""

from __future__ import annotations

import threading

import pytest
from gpf_wmts_publisher.plugin.sld.pipeline import prepare_sld
from gpf_wmts_publisher.plugin.sld.preview import preview_fidelity, similarity
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QImage

from .corpus.styles import categorized_accented_field, polygon_single

MISMATCHED_SLD = b"""<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld"
  xmlns:ogc="http://www.opengis.net/ogc">
 <NamedLayer><Name>corpus</Name><UserStyle><Name>corpus</Name><FeatureTypeStyle><Rule>
  <PointSymbolizer><Graphic><Mark><WellKnownName>star</WellKnownName><Fill>
   <CssParameter name="fill">#0000ff</CssParameter></Fill></Mark><Size>6</Size></Graphic>
  </PointSymbolizer></Rule></FeatureTypeStyle></UserStyle></NamedLayer>
</StyledLayerDescriptor>"""


def _image(colour) -> QImage:
    image = QImage(32, 32, QImage.Format.Format_ARGB32)
    image.fill(colour)
    return image


def test_similarity_of_identical_and_opposite_images(qgis_app):
    black = _image(QColor(0, 0, 0))
    assert similarity(black, black) == 1.0
    assert similarity(black, _image(QColor(255, 255, 255))) < 0.1
    blank = _image(Qt.GlobalColor.transparent)
    assert similarity(blank, blank) == 0.0  # nothing drawn is never a match


def test_simple_style_scores_high_at_every_level(qgis_app):
    layer = categorized_accented_field()
    result = prepare_sld(layer, table_name="corpus")
    preview = preview_fidelity(layer, result.sld_bytes, (12, 14, 16),
                               field_map=result.field_map)
    assert preview.load_error == ""
    assert [p.level for p in preview.levels] == [12, 14, 16]
    assert preview.score >= 0.9
    first = preview.levels[0]
    assert first.original.size() == first.from_sld.size() == first.diff.size()
    assert first.scale > preview.levels[1].scale > preview.levels[2].scale


def test_mismatched_sld_scores_low(qgis_app):
    preview = preview_fidelity(polygon_single(), MISMATCHED_SLD, (13, 15))
    assert preview.score < 0.5


def test_preview_renders_from_a_worker_thread(qgis_app):
    layer = polygon_single()
    sld = prepare_sld(layer, table_name="corpus").sld_bytes
    scores = []
    worker = threading.Thread(target=lambda: scores.append(
        preview_fidelity(layer, sld, (14,)).score))
    worker.start()
    worker.join()
    assert scores and scores[0] >= 0.9


def test_else_rule_is_previewed_as_geoserver_applies_it(qgis_app):
    from .corpus.styles import rule_based_else_and_empty_rule

    layer = rule_based_else_and_empty_rule()
    result = prepare_sld(layer, table_name="corpus")
    assert "RULE_KEPT_INVISIBLE" in {f.code for f in result.findings}
    # QGIS 3.22 writes no ElseFilter (the transform restores it: ELSE_RESTORED), 3.40+ does.
    assert b"ElseFilter" in result.sld_bytes
    preview = preview_fidelity(layer, result.sld_bytes, (13,), field_map=result.field_map)
    assert preview.score >= 0.85


PARAMETRIC_ICON = ('<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20" '
                   'viewBox="0 0 20 20"><path d="M10 1 L19 18 L1 18 Z" '
                   'fill="param(fill) #000000" stroke="param(outline) #000000" '
                   'stroke-width="1"/></svg>')


def test_svg_marker_keeps_its_fill_parameter_colour(qgis_app, tmp_path):
    """The SLD says icon.svg?fill=%23d02020: GeoServer fills the icon red; the preview used
    to drop the query and draw it black. (The icon's stroke width is not a parameter here:
    QGIS writes outline-width in pixels, which the SVG reads in its own units, a separate
    difference the preview does show.)"""
    from gpf_wmts_publisher.plugin.sld.preview import FAITHFUL_FROM
    from qgis.core import QgsMarkerSymbol, QgsSvgMarkerSymbolLayer

    from .corpus.styles import _single

    icon = tmp_path / "triangle.svg"
    icon.write_text(PARAMETRIC_ICON, encoding="utf-8")
    marker = QgsSvgMarkerSymbolLayer(str(icon), 8)
    marker.setFillColor(QColor(208, 32, 32))
    marker.setStrokeColor(QColor(20, 20, 20))
    symbol = QgsMarkerSymbol()
    symbol.changeSymbolLayer(0, marker)
    layer = _single("Point", symbol)
    result = prepare_sld(layer, table_name="corpus")
    assert b"fill=" in result.sld_bytes and result.annexes
    annex_paths = {a.placeholder: a.local_path for a in result.annexes}
    preview = preview_fidelity(layer, result.sld_bytes, (13, 15), field_map=result.field_map,
                               annex_paths=annex_paths)
    assert preview.score >= FAITHFUL_FROM, preview.score


def test_sparse_line_is_previewed_where_it_is_drawn(qgis_app):
    """Two short lines far apart: the extent's centre is empty; the preview must look at a
    line (not at white space with at most a stray dot)."""
    from gpf_wmts_publisher.plugin.similarity import ink_fraction
    from qgis.core import QgsFeature, QgsGeometry, QgsLineSymbol, QgsPointXY, QgsVectorLayer

    layer = QgsVectorLayer("LineString?crs=EPSG:3857", "sparse", "memory")
    features = []
    for x0 in (0.0, 400000.0):
        feature = QgsFeature()
        feature.setGeometry(QgsGeometry.fromPolylineXY(
            [QgsPointXY(x0, 6000000.0), QgsPointXY(x0 + 3000.0, 6002000.0)]))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    layer.renderer().setSymbol(QgsLineSymbol.createSimple({"color": "30,30,200",
                                                           "width": "0.8"}))
    result = prepare_sld(layer, table_name="corpus")
    preview = preview_fidelity(layer, result.sld_bytes, (14,))
    assert ink_fraction(preview.levels[0].original) > 0.01
    assert preview.levels[0].blank == ""


@pytest.mark.parametrize("shape", ["arrow", "semi_circle"])
def test_marks_drawn_as_svg_annexes_look_as_qgis_draws_them(qgis_app, shape):
    from qgis.core import QgsMarkerSymbol

    from .corpus.styles import _single

    layer = _single("Point", QgsMarkerSymbol.createSimple(
        {"name": shape, "color": "255,128,0", "outline_color": "35,35,35", "size": "6"}))
    result = prepare_sld(layer, table_name="corpus")
    assert [a.mime_type for a in result.annexes] == ["image/svg+xml"]
    annex_paths = {a.placeholder: a.local_path for a in result.annexes}
    preview = preview_fidelity(layer, result.sld_bytes, (12, 14), annex_paths=annex_paths)
    assert preview.load_error == ""
    assert preview.score >= 0.9, preview.score
