"""A layer's scale-dependent visibility as SLD scale denominators, decided per PM level.

QGIS draws a layer at scale ``s`` when ``maximumScale <= s < minimumScale`` (either bound 0 =
none; ``QgsMapLayer.isInScaleRange``, whose tolerance at the bounds differs between versions).
SLD 1.0 draws a rule when ``MinScaleDenominator <= s <
MaxScaleDenominator``, the same inclusive/exclusive pair. But the server computes the scale of
a tile request itself (0.28 mm pixel for GeoServer, the DPI for QGIS Server; a few per cent
apart, plus rounding), so a bound written as typed may fall on the wrong side of a level whose
scale is on or next to it. The pyramid only holds PM levels: the plugin decides with QGIS's own
rule, at each level's standard scale denominator (0.28 mm pixel), which levels show the layer,
and writes bounds half-way (geometric mean) between a shown and a hidden level, where no
server's rounding can move a level across.
"""

from __future__ import annotations

import functools
import math
from typing import List, Optional, Tuple

from lxml import etree

from ..pyramid.grid import MAX_LEVEL, MIN_LEVEL, Level
from .schema10 import SLD_NS


def level_scale(z: int) -> float:
    """The standard scale denominator of PM level ``z`` (0.28 mm pixel)."""
    return Level(z).scale_denominator


def _scale_probe(has_scale_visibility: bool, minimum_scale: float, maximum_scale: float):
    from qgis.core import QgsVectorLayer

    probe = QgsVectorLayer("Point", "scale probe", "memory")
    probe.setScaleBasedVisibility(has_scale_visibility)
    probe.setMinimumScale(minimum_scale)
    probe.setMaximumScale(maximum_scale)
    return probe


# ``QgsMapLayer.isInScaleRange`` itself, not a copy: its rule at the bounds changed between
# QGIS 3.22 (a tolerance on the zoomed-in bound only) and 3.40 (on both), and a level must show
# the layer exactly when the QGIS the user looks at draws it.
@functools.lru_cache(maxsize=1024)   # a style with many ranged rules asks the same ranges
def _visible_levels(has_scale_visibility: bool, minimum_scale: float, maximum_scale: float,
                    levels: Tuple[int, ...]) -> Tuple[int, ...]:
    probe = _scale_probe(has_scale_visibility, minimum_scale, maximum_scale)
    return tuple(z for z in levels if probe.isInScaleRange(level_scale(z)))


def visible_levels(has_scale_visibility: bool, minimum_scale: float, maximum_scale: float,
                   levels: Optional[List[int]] = None) -> List[int]:
    """The PM levels (default: all) at which QGIS draws the layer."""
    candidates = tuple(levels if levels is not None else range(MIN_LEVEL, MAX_LEVEL + 1))
    return list(_visible_levels(bool(has_scale_visibility), float(minimum_scale),
                                float(maximum_scale), candidates))


def sld_denominators(shown: List[int]) -> Tuple[Optional[float], Optional[float]]:
    """(MinScaleDenominator, MaxScaleDenominator) drawing exactly the levels ``shown`` (a
    contiguous run; scales decrease as z grows); None = no bound on that side."""
    if not shown:
        # Hidden everywhere: a range no level reaches (above level 0's scale, 5.6e8), in
        # the 32-bit integers QGIS reads.
        return 1_000_000_000.0, 2_000_000_000.0
    low_z, high_z = min(shown), max(shown)
    maximum = (None if low_z <= MIN_LEVEL
               else math.sqrt(level_scale(low_z) * level_scale(low_z - 1)))
    minimum = (None if high_z >= MAX_LEVEL
               else math.sqrt(level_scale(high_z) * level_scale(high_z + 1)))
    return minimum, maximum


def _sld(local: str) -> str:
    return f"{{{SLD_NS}}}{local}"


def _number(element) -> Optional[float]:
    if element is None:
        return None
    try:
        value = float((element.text or "").strip())
    except ValueError:
        return None
    return value if value > 0 else None   # QGIS writes 0 for "no bound"


def _set_bound(rule, local: str, value: Optional[float]) -> None:
    element = rule.find(_sld(local))
    if value is None:
        if element is not None:
            rule.remove(element)
        return
    if element is None:
        element = etree.Element(_sld(local))
        # after Name, Title, Abstract, LegendGraphic, Filter/ElseFilter and, for the Max,
        # the MinScaleDenominator (SLD 1.0 order)
        before = ("Name", "Title", "Abstract", "LegendGraphic", "Filter", "ElseFilter",
                  "MinScaleDenominator")
        position = 0
        for index, child in enumerate(rule):
            if etree.QName(child).localname in before:
                position = index + 1
        rule.insert(position, element)
    # whole numbers: QGIS (QGIS Server, and QGIS reading the style back) reads a scale
    # denominator with toInt and ignores "96516.32"; half-way between levels, a unit is nothing
    element.text = str(round(value))


def rule_levels(lower: Optional[float], upper: Optional[float]) -> List[int]:
    """The PM levels QGIS draws for a scale range [lower, upper) (None: no bound)."""
    return visible_levels(True, upper or 0.0, lower or 0.0)


def _rounded_from(written: float, exact: float) -> bool:
    """QGIS's export keeps about 6 significant digits of a scale."""
    return abs(written - exact) <= 1e-5 * exact


def apply_scale_range(sld_bytes: bytes, has_scale_visibility: bool = False,
                      minimum_scale: float = 0.0, maximum_scale: float = 0.0) -> bytes:
    """Every Rule's scale range, intersected with the layer's visibility, decided per PM
    level and written level-safe. QGIS's export writes the typed values (the layer's range,
    intersected with a rule's own); a rule with no range in a layer with none is untouched."""
    from .transform import parse_sld

    root = parse_sld(sld_bytes)
    layer_lower = maximum_scale if has_scale_visibility and maximum_scale > 0 else None
    layer_upper = minimum_scale if has_scale_visibility and minimum_scale > 0 else None
    for rule in root.iter(_sld("Rule")):
        lower = _number(rule.find(_sld("MinScaleDenominator")))
        upper = _number(rule.find(_sld("MaxScaleDenominator")))
        if layer_lower is not None:
            lower = layer_lower if lower is None or _rounded_from(lower, layer_lower) \
                else max(lower, layer_lower)
        if layer_upper is not None:
            upper = layer_upper if upper is None or _rounded_from(upper, layer_upper) \
                else min(upper, layer_upper)
        if lower is None and upper is None:
            continue
        minimum, maximum = sld_denominators(rule_levels(lower, upper))
        _set_bound(rule, "MinScaleDenominator", minimum)
        _set_bound(rule, "MaxScaleDenominator", maximum)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
