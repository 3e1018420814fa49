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
    assert similarity(blank, blank) == 1.0


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
    assert {"ELSE_RESTORED", "RULE_KEPT_INVISIBLE"} <= {f.code for f in result.findings}
    preview = preview_fidelity(layer, result.sld_bytes, (13,), field_map=result.field_map)
    assert preview.score >= 0.85


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
