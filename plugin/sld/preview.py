"""Fidelity preview: the layer drawn with its QGIS style beside a copy drawn from the produced
SLD (read back by QGIS, our stand-in for GeoServer), at a few PM levels, with a diff image and
a similarity score. Synchronous rendering: safe in a worker thread (QgsTask) as in the GUI one.
"""

from __future__ import annotations

import copy
import os
import tempfile
from dataclasses import dataclass
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

import numpy as np
from lxml import etree
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsMapRendererCustomPainterJob,
    QgsMapSettings,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QSize, Qt
from qgis.PyQt.QtGui import QColor, QImage, QPainter

from ..layers import ensure_crs_usable_in_this_thread
from ..pyramid.grid import PM_CRS, Level
from ..render_focus import focus_point_3857
from ..similarity import FAITHFUL_FROM, compare_images, similarity
from .annex_params import icon_with_parameters
from .filters import QGIS_TO_GEOSERVER_FUNCTIONS
from .hatch_readback import Hatches, hatches_to_sentinels, sentinels_to_brushes
from .schema10 import OGC_NS, SLD_NS, XLINK_NS
from .symbology import unsupported_symbology
from .transform import parse_sld

WMTS_PIXEL_SIZE_MM = 0.28  # the WMTS "standardized rendering pixel"
# GeoServer marker names QGIS's SLD reader does not know -> what QGIS draws the same way.
_READBACK_MARKERS = {
    "shape://horline": "horline", "shape://vertline": "vertline", "shape://slash": "slash",
    "shape://backslash": "backslash", "shape://dot": "dot", "shape://plus": "cross",
    "shape://times": "x", "shape://oarrow": "arrowhead", "shape://carrow": "filled_arrowhead",
    "extshape://narrow": "arrow", "extshape://emicircle": "semi_circle",
}

__all__ = ["FAITHFUL_FROM", "LevelPreview", "PreviewResult", "preview_fidelity", "similarity",
           "unsupported_symbology"]


@dataclass
class LevelPreview:
    level: int
    scale: float
    original: QImage
    from_sld: QImage
    diff: QImage
    score: float
    blank: str = ""  # "both" when neither render drew anything (out of scale range): no score


@dataclass
class PreviewResult:
    levels: List[LevelPreview]
    score: float  # the worst compared level's score, 0..1 (0 when no level drew anything)
    load_error: str = ""  # QGIS's words when the SLD could not be read back
    threshold: float = FAITHFUL_FROM  # the score a faithful SLD reaches (shown to the user)

    @property
    def worst(self) -> Optional[LevelPreview]:
        """The level the score comes from (the one to show)."""
        compared = [p for p in self.levels if p.blank != "both"] or self.levels
        return min(compared, key=lambda p: p.score, default=None)

    @property
    def faithful(self) -> bool:
        return not self.load_error and self.score >= self.threshold


def _to_array(image: QImage) -> np.ndarray:
    """RGB floats of ``image`` composited over white (transparent = background)."""
    argb = image.convertToFormat(QImage.Format.Format_ARGB32)
    width, height = argb.width(), argb.height()
    raw = argb.constBits()
    raw.setsize(argb.sizeInBytes())
    data = np.frombuffer(raw, dtype=np.uint8).reshape(height, argb.bytesPerLine() // 4, 4)
    data = data[:, :width, :].astype(np.float32)
    alpha = data[..., 3:4] / 255.0
    bgr = data[..., :3] * alpha + 255.0 * (1.0 - alpha)  # premultiplied-free composite
    return bgr[..., ::-1]


def diff_image(first: QImage, second: QImage) -> QImage:
    """Red where the two renderings differ, faint grey where they agree."""
    a, b = _to_array(first), _to_array(second)
    delta = np.clip(np.abs(a - b).max(axis=2), 0, 255).astype(np.uint8)
    height, width = delta.shape
    out = np.full((height, width, 4), 255, dtype=np.uint8)  # BGRA, opaque white
    faint = (a.mean(axis=2) * 0.15 + 255 * 0.85).astype(np.uint8)
    out[..., 0] = np.where(delta > 16, 255 - delta, faint)
    out[..., 1] = np.where(delta > 16, 255 - delta, faint)
    out[..., 2] = np.where(delta > 16, 255, faint)
    image = QImage(out.tobytes(), width, height, width * 4, QImage.Format.Format_ARGB32)
    return image.copy()  # own the pixels: the numpy buffer dies with this frame


def _explicit_else(root) -> None:
    """QGIS's SLD reader ignores ElseFilter (the rule then draws everything); GeoServer applies
    it to features no other rule caught: spell that out as NOT(any other filter)."""
    for style in root.iter(f"{{{SLD_NS}}}FeatureTypeStyle"):
        rules = style.findall(f"{{{SLD_NS}}}Rule")
        others = [r.find(f"{{{OGC_NS}}}Filter") for r in rules
                  if r.find(f"{{{SLD_NS}}}ElseFilter") is None]
        for rule in rules:
            marker = rule.find(f"{{{SLD_NS}}}ElseFilter")
            if marker is None or any(f is None for f in others) or not others:
                continue
            condition = etree.Element(f"{{{OGC_NS}}}Filter")
            negation = etree.SubElement(condition, f"{{{OGC_NS}}}Not")
            parent = etree.SubElement(negation, f"{{{OGC_NS}}}Or") if len(others) > 1 \
                else negation
            for other in others:
                parent.append(copy.deepcopy(other[0]))
            rule.replace(marker, condition)


def _qgis_functions(root) -> None:
    """GeoServer function names back to QGIS's, so QGIS evaluates the filters GeoServer will;
    ``strMatches(x, re) = true`` becomes ``regexp_match(x, re) > 0``."""
    qgis_names = {geoserver: qgis for qgis, geoserver in QGIS_TO_GEOSERVER_FUNCTIONS.items()
                  if not qgis.startswith("$")}
    function_tag = f"{{{OGC_NS}}}Function"
    for function in list(root.iter(function_tag)):
        name = function.get("name", "")
        parent = function.getparent()
        if name == "strMatches" and parent is not None and \
                parent.tag == f"{{{OGC_NS}}}PropertyIsEqualTo":
            function.set("name", "regexp_match")
            parent.tag = f"{{{OGC_NS}}}PropertyIsGreaterThan"
            for literal in parent.findall(f"{{{OGC_NS}}}Literal"):
                literal.text = "0"
        elif name in qgis_names:
            function.set("name", qgis_names[name])


def _readback_sld(sld_bytes: bytes, field_back: Mapping[str, str],
                  annex_paths: Mapping[str, str], icon_dir: str = "") -> Tuple[bytes, Hatches]:
    """The SLD as QGIS should read it: layer field names, local icons (with the colours of
    their ``?fill=`` parameters applied, as GeoServer does), QGIS marker and function names,
    explicit ELSE filters, hatches as sentinel fills (see hatch_readback)."""
    root = parse_sld(sld_bytes)
    _explicit_else(root)
    _qgis_functions(root)
    for element in root.iter(f"{{{OGC_NS}}}PropertyName"):
        text = (element.text or "").strip()
        element.text = field_back.get(text, text)
    for element in root.iter(f"{{{SLD_NS}}}WellKnownName"):
        text = (element.text or "").strip()
        element.text = _READBACK_MARKERS.get(text, text)
    href = f"{{{XLINK_NS}}}href"
    for element in root.iter(f"{{{SLD_NS}}}OnlineResource"):
        base, _, query = element.get(href, "").partition("?")
        if base in annex_paths:
            # QGIS reads a plain path and ignores the query GeoServer fills the SVG's
            # param(...) from: write the filled icon and point QGIS to it.
            element.set(href, icon_with_parameters(annex_paths[base], query, icon_dir))
    hatches = hatches_to_sentinels(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8"), hatches


def layer_from_sld(layer, sld_bytes: bytes, field_back: Optional[Mapping[str, str]] = None,
                   annex_paths: Optional[Mapping[str, str]] = None, icon_dir: str = ""):
    """A clone of ``layer`` styled only by ``sld_bytes``; (clone, QGIS's error or '').
    Filled icons are written to ``icon_dir``, which must outlive the renders."""
    clone = layer.clone()
    handle, path = tempfile.mkstemp(suffix=".sld")
    try:
        readback, hatches = _readback_sld(sld_bytes, field_back or {}, annex_paths or {},
                                          icon_dir)
        with os.fdopen(handle, "wb") as stream:
            stream.write(readback)
        message, ok = clone.loadSldStyle(path)
    finally:
        os.remove(path)
    sentinels_to_brushes(clone, hatches)
    # loadSldStyle does not touch opacity/blending: reset so only the SLD decides the look
    clone.setOpacity(1.0)
    clone.setBlendMode(QPainter.CompositionMode.CompositionMode_SourceOver)
    clone.setFeatureBlendMode(QPainter.CompositionMode.CompositionMode_SourceOver)
    return clone, ("" if ok else message)


def _render(layer, centre, resolution: float, size: int) -> QImage:
    """``layer``, or a list of layers top first (a map), at ``resolution``."""
    settings = QgsMapSettings()
    settings.setLayers(list(layer) if isinstance(layer, (list, tuple)) else [layer])
    settings.setDestinationCrs(QgsCoordinateReferenceSystem(PM_CRS))
    settings.setOutputSize(QSize(size, size))
    settings.setOutputDpi(25.4 / WMTS_PIXEL_SIZE_MM)  # scale denominators as WMTS counts them
    settings.setBackgroundColor(QColor(255, 255, 255, 0))
    settings.setTransformContext(QgsProject.instance().transformContext())
    half = resolution * size / 2.0
    settings.setExtent(QgsRectangle(centre.x() - half, centre.y() - half,
                                    centre.x() + half, centre.y() + half))
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    try:
        job = QgsMapRendererCustomPainterJob(settings, painter)
        job.renderSynchronously()
    finally:
        painter.end()
    return image


def preview_fidelity(
    layer,
    sld_bytes: bytes,
    levels: Sequence[int] = (12, 14, 16),
    *,
    size: int = 192,
    field_map: Optional[Mapping[str, str]] = None,
    annex_paths: Optional[Dict[str, str]] = None,
) -> PreviewResult:
    """Render ``layer`` with its style and with ``sld_bytes`` at PM ``levels``.

    ``field_map``: layer field -> stored column used in the SLD (SldResult.field_map);
    ``annex_paths``: annex placeholder -> local file, so icons show before upload.
    """
    field_back = {stored: name for name, stored in (field_map or {}).items()}
    # The preview runs in a task: on QGIS 3.40 a later worker thread may get cached CRSs PROJ
    # cannot use there ("transform ... to EPSG:3857" failed, a blank preview); see plugin/layers.
    ensure_crs_usable_in_this_thread([layer.crs().authid()])
    with tempfile.TemporaryDirectory(prefix="gpf-preview-") as icon_dir:
        styled_by_sld, error = layer_from_sld(layer, sld_bytes, field_back, annex_paths,
                                              icon_dir)
        # Where a feature is drawn (a sparse layer's centre is often empty: one dot, 100 %).
        centre = QgsPointXY(*focus_point_3857(
            layer, Level(max(levels, default=14)).resolution * size / 2))
        previews = []
        for z in levels:
            level = Level(z)
            original = _render(layer, centre, level.resolution, size)
            from_sld = _render(styled_by_sld, centre, level.resolution, size)
            comparison = compare_images(original, from_sld)
            score = comparison.score if not error else 0.0
            previews.append(LevelPreview(z, level.scale_denominator, original, from_sld,
                                         diff_image(original, from_sld), score,
                                         comparison.blank))
    # A level where neither render drew (out of its scale range) says nothing either way.
    compared = [p.score for p in previews if p.blank != "both"]
    return PreviewResult(previews, min(compared, default=0.0), error)


def preview_fidelity_of(make_layer, sld_bytes: bytes, levels: Sequence[int] = (12, 14, 16),
                        **options) -> PreviewResult:
    """``preview_fidelity`` on the layer ``make_layer()`` opens, created and deleted while the
    plugin's GeoPackage lock is held, so its file never closes under a schema check in another
    thread (plugin/sld/xml_guard.py)."""
    from .xml_guard import GEOPACKAGES_AND_SCHEMA

    with GEOPACKAGES_AND_SCHEMA:
        layer = make_layer()
        try:
            return preview_fidelity(layer, sld_bytes, levels, **options)
        finally:
            del layer
