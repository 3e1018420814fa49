"""Corpus of QGIS styles, each with what the SLD pipeline must conclude about it.

``expect_ok``: the SLD must be schema-valid with no ERROR; otherwise an ERROR whose code is in
``expect_codes`` must name what cannot be exported. ``expect_codes`` also lists findings that
must appear either way. ``simple``: QGIS and the SLD read back must look alike.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Callable, FrozenSet, List

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsDropShadowEffect,
    QgsEffectStack,
    QgsFillSymbol,
    QgsFontMarkerSymbolLayer,
    QgsGraduatedSymbolRenderer,
    QgsHeatmapRenderer,
    QgsLinePatternFillSymbolLayer,
    QgsLineSymbol,
    QgsMarkerLineSymbolLayer,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsPointDisplacementRenderer,
    QgsPointPatternFillSymbolLayer,
    QgsProperty,
    QgsRendererCategory,
    QgsRendererRange,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
    QgsSvgMarkerSymbolLayer,
    QgsSymbolLayer,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor, QFont

from .layers import CATEGORIES, geopackage_layer, memory_layer

CORPUS_DIR = os.path.dirname(os.path.abspath(__file__))
SVG_ICON = os.path.join(CORPUS_DIR, "pin.svg")


@dataclass(frozen=True)
class CorpusStyle:
    name: str
    build: Callable[[], QgsVectorLayer]
    expect_ok: bool = True
    expect_codes: FrozenSet[str] = field(default_factory=frozenset)
    simple: bool = False


def _single(kind: str, symbol) -> QgsVectorLayer:
    layer = memory_layer(kind)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    return layer


def point_single():
    return _single("Point", QgsMarkerSymbol.createSimple(
        {"name": "circle", "color": "200,30,30", "size": "4"}))


def line_single():
    return _single("LineString", QgsLineSymbol.createSimple(
        {"color": "30,30,200", "width": "0.8"}))


def polygon_single():
    return _single("Polygon", QgsFillSymbol.createSimple(
        {"color": "120,200,120", "outline_color": "20,80,20", "outline_width": "0.4"}))


def polygon_single_geopackage():
    layer = geopackage_layer("Polygon")
    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "240,200,80", "outline_color": "0,0,0"})))
    return layer


def categorized_accented_field():
    layer = memory_layer("Polygon")
    colours = ("34,139,34", "173,255,47", "128,128,128")
    categories = [QgsRendererCategory(value, QgsFillSymbol.createSimple({"color": colour}),
                                      value) for value, colour in zip(CATEGORIES, colours)]
    layer.setRenderer(QgsCategorizedSymbolRenderer("Catégorie-Sol", categories))
    return layer


def graduated():
    layer = memory_layer("Polygon")
    ranges = [QgsRendererRange(low, high, QgsFillSymbol.createSimple({"color": colour}),
                               f"{low}-{high}")
              for low, high, colour in ((0, 30, "255,255,178"), (30, 60, "253,141,60"),
                                        (60, 100, "189,0,38"))]
    layer.setRenderer(QgsGraduatedSymbolRenderer("val", ranges))
    return layer


def rule_based_scales():
    layer = memory_layer("Point")
    root = QgsRuleBasedRenderer.Rule(None)
    near = QgsMarkerSymbol.createSimple({"name": "square", "color": "0,0,255", "size": "5"})
    far = QgsMarkerSymbol.createSimple({"name": "circle", "color": "255,0,0", "size": "2"})
    root.appendChild(QgsRuleBasedRenderer.Rule(near, 0, 20000, "", "near"))
    root.appendChild(QgsRuleBasedRenderer.Rule(far, 20000, 500000, "", "far"))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    return layer


def rule_based_else_and_empty_rule():
    layer = memory_layer("Polygon")
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(
        QgsFillSymbol.createSimple({"color": "255,0,0"}), 0, 0, '"val" >= 50', "high"))
    root.appendChild(QgsRuleBasedRenderer.Rule(None, 0, 0, '"val" < 10', "nothing"))
    else_rule = QgsRuleBasedRenderer.Rule(QgsFillSymbol.createSimple({"color": "0,0,255"}),
                                          0, 0, "ELSE", "other")
    root.appendChild(else_rule)
    layer.setRenderer(QgsRuleBasedRenderer(root))
    return layer


def _labelled(field_name: str, is_expression: bool):
    layer = polygon_single()
    settings = QgsPalLayerSettings()
    settings.fieldName = field_name
    settings.isExpression = is_expression
    text_format = QgsTextFormat()
    text_format.setFont(QFont("DejaVu Sans"))
    text_format.setSize(9)
    settings.setFormat(text_format)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
    return layer


def labels_field():
    return _labelled("Nom", False)


def labels_expression():
    return _labelled("concat(\"Nom\", ' / ', \"val\")", True)


def labels_expression_unsupported():
    return _labelled("upper(\"Nom\")", True)


def svg_marker_local():
    symbol = QgsMarkerSymbol()
    symbol.changeSymbolLayer(0, QgsSvgMarkerSymbolLayer(SVG_ICON, 6))
    return _single("Point", symbol)


def font_marker():
    symbol = QgsMarkerSymbol()
    symbol.changeSymbolLayer(0, QgsFontMarkerSymbolLayer("DejaVu Sans", "A", 5))
    return _single("Point", symbol)


def line_pattern_fill():
    fill = QgsLinePatternFillSymbolLayer()
    fill.setLineAngle(45)
    fill.setDistance(2)
    symbol = QgsFillSymbol()
    symbol.changeSymbolLayer(0, fill)
    return _single("Polygon", symbol)


def point_pattern_fill():
    fill = QgsPointPatternFillSymbolLayer()
    fill.setDistanceX(3)
    fill.setDistanceY(3)
    symbol = QgsFillSymbol()
    symbol.changeSymbolLayer(0, fill)
    return _single("Polygon", symbol)


def hatch_horizontal():
    return _single("Polygon", QgsFillSymbol.createSimple(
        {"style": "horizontal", "color": "0,0,0"}))


def hatch_cross():
    return _single("Polygon", QgsFillSymbol.createSimple({"style": "cross", "color": "0,0,0"}))


def hatch_dense_brush():
    return _single("Polygon", QgsFillSymbol.createSimple({"style": "dense4", "color": "0,0,0"}))


def transparency():
    return _single("Polygon", QgsFillSymbol.createSimple(
        {"color": "0,0,255,100", "outline_color": "0,0,0,128"}))


def dashed_line():
    return _single("LineString", QgsLineSymbol.createSimple(
        {"color": "0,0,0", "width": "0.6", "line_style": "dash"}))


def marker_line():
    line = QgsMarkerLineSymbolLayer()
    line.setInterval(4)
    symbol = QgsLineSymbol()
    symbol.changeSymbolLayer(0, line)
    return _single("LineString", symbol)


def diamond_marker():
    return _single("Point", QgsMarkerSymbol.createSimple(
        {"name": "diamond", "color": "255,128,0", "size": "4"}))


def pentagon_marker():
    return _single("Point", QgsMarkerSymbol.createSimple(
        {"name": "pentagon", "color": "255,128,0", "size": "4"}))


def scale_visibility():
    layer = polygon_single()
    layer.setScaleBasedVisibility(True)
    layer.setMinimumScale(1000000)  # QGIS: "minimum" is the most zoomed-out scale
    layer.setMaximumScale(1000)
    return layer


def expression_rule_mapped():
    layer = memory_layer("Point")
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(
        QgsMarkerSymbol.createSimple({"name": "circle", "color": "0,128,0", "size": "4"}),
        0, 0, "upper(\"Nom\") LIKE 'A%'", "upper"))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    return layer


def expression_rule_unsupported():
    layer = memory_layer("Point")
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(
        QgsMarkerSymbol.createSimple({"name": "circle", "color": "0,128,0", "size": "4"}),
        0, 0, "left(\"Nom\", 1) = 'A'", "left"))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    return layer


def data_defined_size():
    symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": "128,0,128", "size": "3"})
    symbol.symbolLayer(0).setDataDefinedProperty(
        QgsSymbolLayer.PropertySize, QgsProperty.fromExpression('"size" * 1.5'))
    return _single("Point", symbol)


def drop_shadow_effect():
    symbol = QgsFillSymbol.createSimple({"color": "200,200,0"})
    stack = QgsEffectStack()
    stack.appendEffect(QgsDropShadowEffect())
    symbol.symbolLayer(0).setPaintEffect(stack)
    return _single("Polygon", symbol)


def heatmap():
    layer = memory_layer("Point")
    layer.setRenderer(QgsHeatmapRenderer())
    return layer


def point_displacement():
    layer = memory_layer("Point")
    renderer = QgsPointDisplacementRenderer()
    renderer.setEmbeddedRenderer(QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple(
        {"name": "circle", "color": "0,0,0", "size": "3"})))
    layer.setRenderer(renderer)
    return layer


def blending_mode():
    from qgis.PyQt.QtGui import QPainter

    layer = polygon_single()
    layer.setBlendMode(QPainter.CompositionMode.CompositionMode_Multiply)
    return layer


def layer_opacity():
    layer = polygon_single()
    layer.setOpacity(0.5)
    return layer


def raster_fill():
    from qgis.core import QgsRasterFillSymbolLayer

    symbol = QgsFillSymbol()
    symbol.changeSymbolLayer(0, QgsRasterFillSymbolLayer(os.path.join(CORPUS_DIR, "tile.png")))
    return _single("Polygon", symbol)


def outline_colour_only():
    symbol = QgsFillSymbol.createSimple({"style": "no", "outline_color": "255,0,0",
                                         "outline_width": "0.8"})
    symbol.symbolLayer(0).setFillColor(QColor(0, 0, 0, 0))
    return _single("Polygon", symbol)


CORPUS: List[CorpusStyle] = [
    CorpusStyle("point_single", point_single, simple=True),
    CorpusStyle("line_single", line_single, simple=True),
    CorpusStyle("polygon_single", polygon_single, simple=True),
    CorpusStyle("polygon_single_geopackage", polygon_single_geopackage, simple=True),
    CorpusStyle("categorized_accented_field", categorized_accented_field,
                expect_codes=frozenset({"FIELD_RENAMED"}), simple=True),
    CorpusStyle("graduated", graduated, simple=True),
    CorpusStyle("rule_based_scales", rule_based_scales, simple=True),
    CorpusStyle("rule_based_else_and_empty_rule", rule_based_else_and_empty_rule,
                simple=True),
    CorpusStyle("labels_field", labels_field, expect_codes=frozenset({"FIELD_RENAMED"}),
                simple=True),
    CorpusStyle("labels_expression", labels_expression,
                expect_codes=frozenset({"LABEL_EXPRESSION_SPLIT"})),
    CorpusStyle("labels_expression_unsupported", labels_expression_unsupported,
                expect_ok=False, expect_codes=frozenset({"LABEL_EXPRESSION"})),
    CorpusStyle("svg_marker_local", svg_marker_local,
                expect_codes=frozenset({"ANNEX_REQUIRED"}), simple=True),
    CorpusStyle("font_marker", font_marker, expect_codes=frozenset({"FONT_MARKER_MAPPED"})),
    CorpusStyle("line_pattern_fill", line_pattern_fill,
                expect_codes=frozenset({"WKN_MAPPED"})),
    CorpusStyle("point_pattern_fill", point_pattern_fill),
    CorpusStyle("hatch_horizontal", hatch_horizontal, expect_codes=frozenset({"WKN_MAPPED"}),
                simple=True),
    CorpusStyle("hatch_cross", hatch_cross, expect_codes=frozenset({"WKN_MAPPED"}),
                simple=True),
    CorpusStyle("hatch_dense_brush", hatch_dense_brush,
                expect_codes=frozenset({"WKN_APPROXIMATED"})),
    CorpusStyle("transparency", transparency, simple=True),
    CorpusStyle("dashed_line", dashed_line, simple=True),
    CorpusStyle("marker_line", marker_line),
    CorpusStyle("diamond_marker", diamond_marker, expect_codes=frozenset({"WKN_MAPPED"}),
                simple=True),
    CorpusStyle("pentagon_marker", pentagon_marker,
                expect_codes=frozenset({"WKN_APPROXIMATED"})),
    CorpusStyle("scale_visibility", scale_visibility, simple=True),
    CorpusStyle("expression_rule_mapped", expression_rule_mapped,
                expect_codes=frozenset({"FUNCTION_MAPPED", "LIKE_REWRITTEN"}), simple=True),
    CorpusStyle("expression_rule_unsupported", expression_rule_unsupported, expect_ok=False,
                expect_codes=frozenset({"FUNCTION_UNSUPPORTED"})),
    CorpusStyle("data_defined_size", data_defined_size,
                expect_codes=frozenset({"UNSUPPORTED_SYMBOLOGY"})),
    CorpusStyle("drop_shadow_effect", drop_shadow_effect,
                expect_codes=frozenset({"UNSUPPORTED_SYMBOLOGY"})),
    CorpusStyle("heatmap", heatmap, expect_ok=False,
                expect_codes=frozenset({"NO_RULE", "EXPORT_FAILED", "UNSUPPORTED_SYMBOLOGY"})),
    CorpusStyle("point_displacement", point_displacement,
                expect_codes=frozenset({"UNSUPPORTED_SYMBOLOGY"})),
    CorpusStyle("blending_mode", blending_mode,
                expect_codes=frozenset({"UNSUPPORTED_SYMBOLOGY"})),
    CorpusStyle("outline_only", outline_colour_only, simple=True),
    CorpusStyle("layer_opacity", layer_opacity,
                expect_codes=frozenset({"LAYER_OPACITY_FOLDED"}), simple=True),
    CorpusStyle("raster_fill", raster_fill, expect_ok=False,
                expect_codes=frozenset({"NO_RULE"})),
]
