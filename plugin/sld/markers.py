"""Marker names: what GeoServer draws, and how QGIS-only names translate."""

from __future__ import annotations

import re
from typing import Optional, Tuple

# SLD 1.0 names plus GeoServer's shape://, extshape://, ttf:// and wkt:// families.
STANDARD_NAMES = frozenset({"square", "circle", "triangle", "star", "cross", "x"})
GEOSERVER_SHAPES = frozenset(
    f"shape://{name}"
    for name in ("vertline", "horline", "slash", "backslash", "dot", "plus", "times",
                 "oarrow", "carrow")
)
GEOSERVER_EXTSHAPES = frozenset(
    f"extshape://{name}"
    for name in ("triangle", "emicircle", "triangleemicircle", "narrow", "sarrow")
)
_PREFIXED = re.compile(r"^(ttf://[^#]+#0x[0-9A-Fa-f]+|wkt://.+)$")
# cartes.gouv.fr edits styles with geostyler-sld-parser, whose mark reader takes the SLD names,
# the shape:// names above and ttf://<font>#<char>, and throws on anything else (extshape://,
# wkt://): a style with such a mark is drawn by GeoServer but cannot be edited there.
_FONT_MARK = re.compile(r"^ttf://.+#.+$")

# QGIS name -> GeoServer name with the same look.
EXACT = {
    "horline": "shape://horline",
    "vertline": "shape://vertline",
    "line": "shape://vertline",
    "slash": "shape://slash",
    "backslash": "shape://backslash",
    "dot": "shape://dot",
    "cross_fill": "shape://times",
    "cross2": "x",
    "equilateral_triangle": "triangle",
    "regular_star": "star",
    "arrowhead": "shape://oarrow",
    "filled_arrowhead": "shape://carrow",
    "arrow": "extshape://narrow",
    "diamond": "square",  # turned 45° and shrunk by ROTATED_MARKS below
}
# QGIS marks that are a GeoServer mark turned: name -> (degrees to add, size factor).
ROTATED_MARKS = {"diamond": (45.0, 2 ** -0.5)}
# Inside a GraphicFill QGIS writes hatches as marks: lines tile better than the filled marks.
EXACT_IN_FILL = {"cross": "shape://plus", "x": "shape://times"}
# QGIS name -> the nearest GeoServer marker (looks different; reported as a warning).
APPROXIMATE = {
    "pentagon": "circle",
    "hexagon": "circle",
    "octagon": "circle",
    "decagon": "circle",
    "rounded_square": "square",
    "square_with_corners": "square",
    "quarter_square": "square",
    "half_square": "square",
    "diagonal_half_square": "triangle",
    "right_half_triangle": "triangle",
    "left_half_triangle": "triangle",
    "semi_circle": "extshape://emicircle",
    "third_circle": "circle",
    "quarter_circle": "circle",
    "half_arc": "circle",
    "third_arc": "circle",
    "quarter_arc": "circle",
    "asterisk_fill": "star",
    "shield": "square",
    "trapezoid": "square",
    "parallelogram_left": "square",
    "parallelogram_right": "square",
    "heart": "circle",
    "crescent": "circle",
}
DEFAULT_APPROXIMATION = "square"
# Hatch angle counter-clockwise from horizontal, as QGIS means it -> GeoServer shape.
HATCH_BY_ANGLE = {0.0: "shape://horline", 45.0: "shape://slash", 90.0: "shape://vertline",
                  135.0: "shape://backslash"}


def is_geoserver_name(name: str) -> bool:
    return (
        name in STANDARD_NAMES
        or name in GEOSERVER_SHAPES
        or name in GEOSERVER_EXTSHAPES
        or bool(_PREFIXED.match(name))
    )


def editable_online(name: str) -> bool:
    """True when cartes.gouv.fr's style editor (geostyler-sld-parser) reads the mark."""
    return name in STANDARD_NAMES or name in GEOSERVER_SHAPES or bool(_FONT_MARK.match(name))


def translate(name: str, *, in_fill: bool) -> Tuple[Optional[str], bool]:
    """(GeoServer name or None when already fine, exact?) for a QGIS WellKnownName."""
    key = name.strip()
    if in_fill and key.lower() in EXACT_IN_FILL:
        return EXACT_IN_FILL[key.lower()], True
    if is_geoserver_name(key):
        return None, True
    lowered = key.lower()
    if lowered in STANDARD_NAMES:
        return lowered, True
    if lowered in EXACT:
        return EXACT[lowered], True
    if lowered.startswith("brush://"):  # Qt dense patterns: a dot grid is the closest
        return "shape://dot", False
    return APPROXIMATE.get(lowered, DEFAULT_APPROXIMATION), False


def font_marker_name(font_family: str, char_code: int) -> str:
    return f"ttf://{font_family}#0x{char_code:02X}"
