"""The fidelity preview of a map: all its layers rendered together by QGIS, and together
again each styled only by its SLD, at the same PM levels (the composite the WMTS will show:
a layer's SLD may hide what another draws below it)."""

from __future__ import annotations

import tempfile
from typing import Sequence

from qgis.core import QgsPointXY

from ..layers import ensure_crs_usable_in_this_thread
from ..pyramid.grid import Level
from ..render_focus import focus_point_3857
from ..similarity import compare_images
from .preview import LevelPreview, PreviewResult, _render, diff_image, layer_from_sld


def preview_map_fidelity(layers: Sequence, results: Sequence, levels: Sequence[int] = (12, 14),
                         *, size: int = 192) -> PreviewResult:
    """``layers`` top of the layer tree first; ``results`` their ``SldResult``s."""
    ensure_crs_usable_in_this_thread([layer.crs().authid() for layer in layers])
    errors = []
    with tempfile.TemporaryDirectory(prefix="gpf-map-preview-") as icon_dir:
        styled = []
        for layer, result in zip(layers, results):
            field_back = {stored: name for name, stored in (result.field_map or {}).items()}
            annexes = {annex.placeholder: annex.local_path for annex in result.annexes}
            clone, error = layer_from_sld(layer, result.sld_bytes, field_back, annexes,
                                          icon_dir)
            styled.append(clone)
            if error:
                errors.append(f"{layer.name()}: {error}")
        # the bottom layer (widest, usually) tells where the map draws
        centre = QgsPointXY(*focus_point_3857(
            layers[-1], Level(max(levels, default=14)).resolution * size / 2))
        previews = []
        for z in levels:
            level = Level(z)
            original = _render(list(layers), centre, level.resolution, size)
            from_sld = _render(styled, centre, level.resolution, size)
            comparison = compare_images(original, from_sld)
            previews.append(LevelPreview(z, level.scale_denominator, original, from_sld,
                                         diff_image(original, from_sld),
                                         0.0 if errors else comparison.score,
                                         comparison.blank))
    compared = [p.score for p in previews if p.blank != "both"]
    return PreviewResult(previews, min(compared, default=0.0), "; ".join(errors))
