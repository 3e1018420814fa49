"""A copy of a vector layer for a background task, without cloning it on the GUI thread.

Cloning an OGR layer opens its dataset (tens of ms on the GUI thread). Instead the GUI thread
takes plain values (source, provider, style as QML: a few ms) and the task builds its own
layer from them. In-memory layers hold their features in the object: those are cloned.
"""

from __future__ import annotations

from typing import Callable

from qgis.core import QgsCoordinateReferenceSystem, QgsMapLayerStyle, QgsVectorLayer

from ..plugin.layers import open_vector_layer

IN_MEMORY_PROVIDERS = ("memory", "virtual")


def layer_factory(layer: QgsVectorLayer) -> Callable[[], QgsVectorLayer]:
    """Call on the GUI thread; call the result in the task's thread."""
    if layer.providerType() in IN_MEMORY_PROVIDERS:
        clone = layer.clone()
        return lambda: clone
    style = QgsMapLayerStyle()
    style.readFromLayer(layer)
    qml, source, name, provider = style.xmlData(), layer.source(), layer.name(), \
        layer.providerType()
    subset = layer.subsetString()
    # The CRS the layer has in QGIS, which its file may not say (a CSV, a shapefile without
    # .prj: QGIS or the user set it). Without it the copy had no CRS: its extent stayed in
    # degrees and the inspector's local render was blank ("differs" at every level).
    crs = QgsCoordinateReferenceSystem(layer.crs())

    def make() -> QgsVectorLayer:
        copy = open_vector_layer(source, name, provider)  # see plugin/layers.py
        if crs.isValid() and copy.crs() != crs:
            copy.setCrs(crs)
        if subset:
            copy.setSubsetString(subset)
        QgsMapLayerStyle(qml).writeToLayer(copy)
        return copy

    return make
