"""A map: several QGIS layers (a layer-tree group, or a list) published as one WMTS.

The layers are kept top of the layer tree first, as QGIS lists them. Each becomes one table of
a GeoPackage (one per CRS, each its own upload: plugin/publish/batches.py), one SLD and one
relation of one WMS-V configuration. WMS draws the
first name of ``LAYERS`` at the bottom, so the relations and the harvest's layers run the other
way: ``draw_order`` gives that order. Every check here runs before anything is uploaded, and
each message names the layer it is about.
"""

from __future__ import annotations

from typing import Dict, List, Optional, Sequence, Tuple, TypeVar

from .default_names import technical_slug
from .naming import Problem

Item = TypeVar("Item")


def map_table_name(layer_name: str) -> str:
    """The GeoPackage table of a map's layer: its name made technical ("Routes" → routes)."""
    return technical_slug(layer_name)


def draw_order(items: Sequence[Item]) -> List[Item]:
    """Layer-tree order (top first) → WMS order (first drawn at the bottom)."""
    return list(reversed(items))


def group_layers(group) -> List:
    """The layers of a ``QgsLayerTreeGroup`` QGIS draws (checked, parents checked), top of
    the tree first; all of them when none is checked."""
    nodes = group.findLayers()
    shown = [node for node in nodes if node.isVisible()]
    return [node.layer() for node in (shown or nodes) if node.layer() is not None]


def find_group(root, name: str):
    """The layer-tree group named ``name`` (the first one found, depth first), or None."""
    return root.findGroup(name) if root is not None else None


def check_map_layers(layers: Sequence, group_name: str = "") -> List[Problem]:
    """What only the QGIS layer objects tell: a raster, a table without geometry."""
    from qgis.core import QgsVectorLayer

    if not layers:
        return [Problem("map_empty", "layer", {"value": group_name})]
    problems = []
    for layer in layers:
        if not isinstance(layer, QgsVectorLayer):
            problems.append(Problem("map_not_vector", "layer", {"value": layer.name()}))
        elif not layer.isSpatial():
            problems.append(Problem("map_no_geometry", "layer", {"value": layer.name()}))
    return problems


def check_map_sources(sources: Sequence) -> List[Problem]:
    """Names of a map's ``LayerSource``s (nothing to say for one layer)."""
    if len(sources) <= 1:
        return []
    from ..sld.names import predicted_table

    # Layers in different CRSs are no problem: one upload per CRS (plugin/publish/batches).
    problems: List[Problem] = []
    seen_names: Dict[str, str] = {}
    tables: Dict[str, str] = {}
    for source in sources:
        if source.name in seen_names:
            problems.append(Problem("map_duplicate_name", "layer", {"value": source.name}))
            continue
        seen_names[source.name] = source.name
        table = predicted_table(map_table_name(source.name))
        if table in tables:
            problems.append(Problem("map_names_collide", "layer", {
                "value": tables[table], "other": source.name, "table": table}))
        else:
            tables[table] = source.name
    return problems


def style_results(sources: Sequence, tables: Sequence[str], lang: str = "en") -> List:
    """Each source's style through the SLD pipeline on the columns GDAL will make (what the
    style step sends after the integration): one ``SldResult`` per source."""
    from ..sld.pipeline import predicted_attributes, prepare_sld
    from ..sld.xml_guard import GEOPACKAGES_AND_SCHEMA

    results = []
    for source, table in zip(sources, tables):
        with GEOPACKAGES_AND_SCHEMA:   # not while a preview opens the same file (xml_guard)
            layer = source.open_layer()
            results.append(prepare_sld(layer, table_name=table,
                                       attributes=predicted_attributes(layer, table),
                                       lang=lang, upload_annexes=True))
            del layer
    return results


def check_map_styles(sources: Sequence, tables: Sequence[str], lang: str = "en"
                     ) -> List[Problem]:
    """A problem naming each layer whose style has an ERROR finding (a map only: one layer's
    style is checked by the wizard's style page and again by the style step)."""
    if len(sources) <= 1:
        return []
    problems = []
    for source, result in zip(sources, style_results(sources, tables, lang)):
        errors = [f.text(lang) for f in result.findings
                  if getattr(f.severity, "value", f.severity) == "ERROR"]
        if errors or not result.ok:
            problems.append(Problem("map_style_refused", "layer", {
                "value": source.name, "detail": "; ".join(errors)}))
    return problems


def sources_of(layers: Sequence, scratch_dir: Optional[str] = None) -> Tuple:
    """``LayerSource`` snapshots of the (vector) layers, in the order given."""
    from .layer_source import LayerSource

    return tuple(LayerSource.from_layer(layer, scratch_dir=scratch_dir) for layer in layers)
