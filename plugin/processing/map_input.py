"""Processing's ``INPUT``: one layer, several layers (a map), or the name of a layer-tree
group of the project (a map of the layers it draws, top first).

The layer objects are read on the thread that owns them (``prepareAlgorithm``) and snapshotted
as ``LayerSource``s; a map's checks (raster, table without geometry, names, CRS) run there,
before anything is sent.
"""

from __future__ import annotations

from typing import Any, List, Optional, Tuple

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterMultipleLayers,
)

from ..i18n import tr
from ..publish.layer_source import LayerSource
from ..publish.map_source import check_map_layers, find_group, group_layers, sources_of


def input_parameter() -> QgsProcessingParameterMultipleLayers:
    parameter = QgsProcessingParameterMultipleLayers(
        "INPUT", tr("Layer(s) to publish, or the name of a layer group (a map); empty when "
                    "an existing resource is reused"),
        QgsProcessing.TypeVectorAnyGeometry, optional=True)
    return parameter


def named_group(value: Any, context) -> Optional[Any]:
    """The layer-tree group of the context's project named ``value`` (a text), or None."""
    if not isinstance(value, str) or not value or context is None:
        return None
    project = context.project()
    if project is None:
        return None
    if project.mapLayer(value) is not None or project.mapLayersByName(value):
        return None   # a layer of that name wins: it was meant
    return find_group(project.layerTreeRoot(), value)


def input_layers(algorithm, parameters, context) -> Tuple[List[Any], str]:
    """(the layers, top first; the group's name or "")."""
    group = named_group(parameters.get("INPUT"), context)
    if group is not None:
        return group_layers(group), group.name()
    return list(algorithm.parameterAsLayerList(parameters, "INPUT", context)), ""


def group_problems(parameters, context) -> str:
    """What is wrong with a group given as INPUT (a raster, a table...), each layer named."""
    group = named_group(parameters.get("INPUT"), context)
    if group is None:
        return ""
    return "\n".join(p.message() for p in check_map_layers(group_layers(group), group.name()))


def first_source(algorithm, parameters, context) -> Optional[LayerSource]:
    """The first layer's source (a stored data is reused: its style only)."""
    layers, _ = input_layers(algorithm, parameters, context)
    return LayerSource.from_layer(layers[0]) if layers else None


def parameters_for_checks(parameters, context):
    """``parameters`` with a group name replaced by its layers' ids, for QGIS's own checks
    of a multiple-layer value."""
    group = named_group(parameters.get("INPUT"), context)
    if group is None:
        return parameters
    changed = dict(parameters)
    changed["INPUT"] = [layer.id() for layer in group_layers(group)] or ""
    return changed


def snapshot(algorithm, parameters, context, selected_only: bool
             ) -> Tuple[Optional[LayerSource], Tuple[LayerSource, ...], str]:
    """(the single layer's source, or the map's sources and its name)."""
    layers, group_name = input_layers(algorithm, parameters, context)
    if not layers and not group_name:
        raise QgsProcessingException(tr("No layer to publish."))
    if len(layers) == 1 and not group_name:
        return LayerSource.from_layer(layers[0], selected_only=selected_only), (), ""
    problems = check_map_layers(layers, group_name)
    if problems:
        raise QgsProcessingException("\n".join(p.message() for p in problems))
    sources = sources_of(layers)
    if len(sources) == 1:
        return sources[0], (), group_name
    return sources[0], sources, group_name
