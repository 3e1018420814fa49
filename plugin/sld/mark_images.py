"""QGIS marks that no name both GeoServer and cartes.gouv.fr read can draw, as SVG images.

GeoServer draws QGIS's arrow and semi-circle only through its ``extshape://`` marks, which the
cartes.gouv.fr style editor (geostyler-sld-parser) refuses. An ExternalGraphic both read: the
mark becomes a small SVG of the same shape and colours, hosted as an annex of the datastore.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from typing import Optional
from xml.sax.saxutils import quoteattr

# QGIS's shapes in its marker square (-1..1, y down, drawn at the symbol's size): the arrow's
# polygon and the semi-circle's upper half-disc, as QgsSimpleMarkerSymbolLayer draws them.
SHAPES = {
    "arrow": "M 0 -1 L 0.5 -0.5 L 0.25 -0.5 L 0.25 1 L -0.25 1 L -0.25 -0.5 L -0.5 -0.5 Z",
    "semi_circle": "M 0 0 L 1 0 A 1 1 0 0 0 -1 0 Z",
}
MARKS_DIR = os.path.join(tempfile.gettempdir(), "gpf_wmts_publisher_marks")


@dataclass(frozen=True)
class MarkPaint:
    """A mark's constant paint, in SLD terms (colours ``#rrggbb``, widths in pixels)."""

    size_px: float
    fill: Optional[str] = None
    fill_opacity: float = 1.0
    stroke: Optional[str] = None
    stroke_width_px: float = 1.0
    stroke_opacity: float = 1.0


def _stroke_units(paint: MarkPaint) -> float:
    """The stroke width in the marker square's units (one unit is half the mark)."""
    if not paint.stroke or paint.size_px <= 0:
        return 0.0
    # QGIS draws an outline thinner than a pixel (its "hairline", exported as 0.5) one pixel
    # wide: so does the image, or a thin outline would fade to half its colour.
    return max(paint.stroke_width_px, 1.0) * 2 / paint.size_px


def size_factor(paint: MarkPaint) -> float:
    """How much larger than the mark the image is: QGIS draws the outline across the shape's
    edge, so the image's box keeps half a stroke of margin (an SVG clips what is outside)."""
    return 1 + _stroke_units(paint) / 2


def svg_document(shape: str, paint: MarkPaint) -> str:
    """The SVG of ``shape`` painted with ``paint``, centred on the point: scaled to the mark's
    size times ``size_factor`` (GeoServer fits the image to the graphic's Size), the shape has
    QGIS's size and its whole outline."""
    stroke_width = _stroke_units(paint)
    half = size_factor(paint)
    attributes = {
        "d": SHAPES[shape],
        "fill": paint.fill or "none",
        "fill-opacity": f"{paint.fill_opacity:g}",
        "stroke": paint.stroke or "none",
        "stroke-width": f"{stroke_width:.4g}",
        "stroke-opacity": f"{paint.stroke_opacity:g}",
        "stroke-linejoin": "bevel",  # QGIS's default join for simple markers
    }
    path = " ".join(f"{key}={quoteattr(value)}" for key, value in attributes.items())
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{-half:.4g} {-half:.4g} '
            f'{2 * half:.4g} {2 * half:.4g}" width="32" height="32"><path {path}/></svg>\n')


def write_mark_svg(shape: str, paint: MarkPaint) -> str:
    """Write the mark's SVG once (named by its content, so a resumed publication finds the
    same annex) and return its path."""
    document = svg_document(shape, paint)
    digest = hashlib.sha1(document.encode()).hexdigest()[:12]  # noqa: S324 - a name, not a MAC
    os.makedirs(MARKS_DIR, exist_ok=True)
    path = os.path.join(MARKS_DIR, f"{shape}_{digest}.svg")
    if not os.path.exists(path):
        temporary = f"{path}.{os.getpid()}.tmp"
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(document)
        os.replace(temporary, path)  # atomic: a concurrent check never reads half a file
    return path
