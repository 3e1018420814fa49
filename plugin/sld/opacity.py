"""Layer opacity (QGIS layer properties, not the symbol colours) has no SLD element; it can
be folded into every symbolizer's fill/stroke/graphic opacity, which looks the same unless
symbols of one feature overlap."""

from __future__ import annotations

from lxml import etree

from .schema10 import SLD_NS
from .transform import parse_sld

_GEOMETRY_SYMBOLIZERS = ("PolygonSymbolizer", "LineSymbolizer", "PointSymbolizer")


def _sld(local: str) -> str:
    return f"{{{SLD_NS}}}{local}"


def _scale_parameter(container, name: str, opacity: float) -> None:
    parameter = next((p for p in container.findall(_sld("CssParameter"))
                      if p.get("name") == name), None)
    if parameter is None:
        parameter = etree.SubElement(container, _sld("CssParameter"), name=name)
        parameter.text = "1"
    try:
        current = float((parameter.text or "1").strip())
    except ValueError:  # an expression: leave it rather than guess
        return
    parameter.text = f"{round(current * opacity, 3):g}"


def _scale_graphic(graphic, opacity: float) -> None:
    element = graphic.find(_sld("Opacity"))
    if element is None:
        element = etree.Element(_sld("Opacity"))
        element.text = "1"
        # Opacity comes right after the ExternalGraphic/Mark choice (SLD 1.0 order)
        marks = [c for c in graphic if c.tag in (_sld("ExternalGraphic"), _sld("Mark"))]
        position = graphic.index(marks[-1]) + 1 if marks else 0
        graphic.insert(position, element)
    try:
        element.text = f"{round(float((element.text or '1').strip()) * opacity, 3):g}"
    except ValueError:
        return


def apply_layer_opacity(sld_bytes: bytes, opacity: float) -> bytes:
    """``sld_bytes`` with every geometry symbolizer made ``opacity`` times as opaque."""
    root = parse_sld(sld_bytes)
    for local in _GEOMETRY_SYMBOLIZERS:
        for symbolizer in root.iter(_sld(local)):
            for fill in symbolizer.findall(_sld("Fill")):
                if fill.find(_sld("GraphicFill")) is None:
                    _scale_parameter(fill, "fill-opacity", opacity)
                else:
                    _scale_graphic(fill.find(f"{_sld('GraphicFill')}/{_sld('Graphic')}"),
                                   opacity)
            for stroke in symbolizer.findall(_sld("Stroke")):
                _scale_parameter(stroke, "stroke-opacity", opacity)
            for graphic in symbolizer.findall(_sld("Graphic")):
                _scale_graphic(graphic, opacity)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
