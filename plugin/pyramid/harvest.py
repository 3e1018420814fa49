"""Parameters of the harvest processing, spelled exactly as the platform builds them."""

from __future__ import annotations

from decimal import Decimal

from .grid import Bbox4326
from .zoom_range import ZoomRange


def harvest_levels(zoom_range: ZoomRange) -> list[str]:
    """Every level of the range, as strings, from bottom (most detailed) to top: cartes.gouv.fr
    lists each one so every zoom is rendered with its own scale-dependent style rules."""
    return [str(z) for z in range(zoom_range.bottom, zoom_range.top - 1, -1)]


def _wkt_number(value: float) -> str:
    """Shortest round-trip decimal, never exponent notation, no trailing ".0"."""
    text = format(Decimal(repr(float(value))), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def area_wkt(bbox: Bbox4326) -> str:
    """`POLYGON((W N,E N,E S,W S,W N))`, lon/lat, as cartes.gouv.fr's bboxToWkt."""
    west, south, east, north = (_wkt_number(v) for v in bbox)
    corners = [(west, north), (east, north), (east, south), (west, south), (west, north)]
    return "POLYGON((" + ",".join(f"{x} {y}" for x, y in corners) + "))"
