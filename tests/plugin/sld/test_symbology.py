"""What SLD cannot carry is named, by feature, for the user."""

from __future__ import annotations

from gpf_wmts_publisher.plugin.sld.preview import unsupported_symbology
from gpf_wmts_publisher.plugin.sld.symbology import unsupported_symbology_findings
from qgis.core import (
    QgsFillSymbol,
    QgsGeometryGeneratorSymbolLayer,
    QgsInvertedPolygonRenderer,
    QgsSingleSymbolRenderer,
)

from .corpus.layers import memory_layer
from .corpus.styles import (
    blending_mode,
    data_defined_size,
    drop_shadow_effect,
    expression_rule_unsupported,
    graduated,
    heatmap,
    labels_expression,
    point_displacement,
    polygon_single,
)


def test_plain_styles_have_nothing_unsupported(qgis_app):
    assert unsupported_symbology(polygon_single()) == []
    assert unsupported_symbology(graduated()) == []


def test_each_unsupported_feature_is_named(qgis_app):
    expected = {
        heatmap: "Heatmap renderer",
        data_defined_size: "Data-defined symbol property",
        drop_shadow_effect: "Paint effect (shadow, glow, blur…)",
        blending_mode: "Blending mode",
        point_displacement: "Point displacement renderer",
        labels_expression: "Label expression",
        expression_rule_unsupported: "Rule expression not expressible in SLD",
    }
    for build, name in expected.items():
        assert name in unsupported_symbology(build()), build.__name__


def test_geometry_generator_and_inverted_polygons_are_named(qgis_app):
    layer = memory_layer("Polygon")
    symbol = QgsFillSymbol()
    generator = QgsGeometryGeneratorSymbolLayer.create(
        {"geometryModifier": "buffer($geometry, 10)"})
    symbol.changeSymbolLayer(0, generator)
    layer.setRenderer(QgsInvertedPolygonRenderer(QgsSingleSymbolRenderer(symbol)))
    names = unsupported_symbology(layer)
    assert "Inverted polygons" in names and "Geometry generator" in names


def test_heatmap_is_an_error_other_losses_are_warnings(qgis_app):
    assert [f.severity.value for f in unsupported_symbology_findings(heatmap())] == ["ERROR"]
    findings = unsupported_symbology_findings(drop_shadow_effect())
    assert [f.severity.value for f in findings] == ["WARNING"]
    assert "ombre" in findings[0].message_fr
