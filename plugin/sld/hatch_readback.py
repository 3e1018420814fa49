"""Hatched fills in the fidelity preview: drawn back as QGIS brushes, on every QGIS version.

GeoServer tiles a hatch mark of a GraphicFill edge to edge: continuous lines, as a QGIS brush
draws them. QGIS's SLD reader does not agree with itself: 3.22 reads such a fill as a brush,
3.40+ as a point pattern of isolated marks 15 px apart (and forgets names such as "horline").
So the read-back SLD carries each hatch as a plain fill of a sentinel colour, and the layer
QGIS builds from it gets the brush back where that colour comes out.
"""

from __future__ import annotations

from typing import Dict, Tuple

from lxml import etree
from qgis.core import QgsRenderContext, QgsSymbolLayerUtils
from qgis.PyQt.QtGui import QColor

from .schema10 import SLD_NS

# Hatch marks (as the read-back SLD names them, see preview._READBACK_MARKERS) -> QGIS brush.
HATCH_BRUSHES = {"horline": "horizontal", "vertline": "vertical", "line": "vertical",
                 "cross": "cross", "x": "diagonal_x", "slash": "b_diagonal",
                 "backslash": "f_diagonal"}

Hatches = Dict[str, Tuple[str, str]]  # sentinel colour "#rrggbb" -> (brush, hatch colour)


def _sld(local: str) -> str:
    return f"{{{SLD_NS}}}{local}"


def _stroke_colour(mark) -> str:
    for parameter in mark.iter(_sld("CssParameter")):
        if parameter.get("name") == "stroke" and (parameter.text or "").strip():
            return parameter.text.strip()
    return "#000000"  # SLD's default stroke colour


def hatches_to_sentinels(root) -> Hatches:
    """Replaces each hatch GraphicFill under ``root`` by a fill of a colour the SLD does not
    use otherwise; returns what each colour stands for."""
    used = {(p.text or "").strip().lower() for p in root.iter(_sld("CssParameter"))}
    hatches: Hatches = {}
    serial = 0
    for fill in list(root.iter(_sld("Fill"))):
        graphic_fill = fill.find(_sld("GraphicFill"))
        mark = graphic_fill.find(f"{_sld('Graphic')}/{_sld('Mark')}") \
            if graphic_fill is not None else None
        name = mark.findtext(_sld("WellKnownName"), "").strip() if mark is not None else ""
        if name not in HATCH_BRUSHES:
            continue
        serial += 1
        sentinel = f"#fe{serial:04x}"
        while sentinel in used:
            serial += 1
            sentinel = f"#fe{serial:04x}"
        hatches[sentinel] = (HATCH_BRUSHES[name], _stroke_colour(mark))
        solid = etree.Element(_sld("CssParameter"), name="fill")
        solid.text = sentinel
        fill.replace(graphic_fill, solid)
    return hatches


def sentinels_to_brushes(layer, hatches: Hatches) -> None:
    """The fills QGIS read from sentinel colours become the hatches they stand for."""
    renderer = layer.renderer()
    if not hatches or renderer is None:
        return
    for symbol in renderer.symbols(QgsRenderContext()):
        for symbol_layer in symbol.symbolLayers():
            if symbol_layer.layerType() != "SimpleFill":
                continue
            hatch = hatches.get(symbol_layer.color().name().lower())
            if hatch is None:
                continue
            brush, colour = hatch
            symbol_layer.setBrushStyle(QgsSymbolLayerUtils.decodeBrushStyle(brush))
            symbol_layer.setColor(QColor(colour))
