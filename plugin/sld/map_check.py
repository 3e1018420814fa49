"""A map's style check: each layer through the SLD pipeline, the findings named after their
layer, then the fidelity preview of the whole map (plugin/sld/map_preview.py)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import List, Sequence

from .findings import Finding


@dataclass
class MapStyleResult:
    """What the style page shows for a map: like an ``SldResult``, over every layer."""

    findings: List[Finding]
    ok: bool
    results: List = field(default_factory=list)   # each layer's SldResult, top first
    layer_names: List[str] = field(default_factory=list)
    sld_bytes: bytes = b""     # not one SLD: the preview below uses ``results``
    annexes: List = field(default_factory=list)
    field_map: dict = field(default_factory=dict)


def named(finding: Finding, layer_name: str) -> Finding:
    where = f"{layer_name} › {finding.location}" if finding.location else layer_name
    return replace(finding, location=where)


def check_map_style(sources: Sequence, lang: str) -> MapStyleResult:
    """``sources``: the map's LayerSources, top first (each opened in this thread)."""
    from ..publish.map_source import map_table_name, style_results

    tables = [map_table_name(source.name) for source in sources]
    results = style_results(sources, tables, lang)
    findings = [named(f, source.name) for source, result in zip(sources, results)
                for f in result.findings]
    return MapStyleResult(findings, all(r.ok for r in results), list(results),
                          [s.name for s in sources])


def preview_map(sources: Sequence, result: MapStyleResult, levels: Sequence[int]):
    """The composite fidelity preview (QGIS's rendering of the map vs its SLDs)."""
    from .map_preview import preview_map_fidelity
    from .xml_guard import GEOPACKAGES_AND_SCHEMA

    with GEOPACKAGES_AND_SCHEMA:   # the layers are closed before a schema check may run
        layers = [source.open_layer() for source in sources]
        try:
            return preview_map_fidelity(layers, result.results, levels)
        finally:
            del layers
