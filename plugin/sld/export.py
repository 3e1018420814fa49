"""A vector layer's QGIS style as SLD bytes, with the best API the running QGIS offers.

Newer QGIS (3.30+) has ``exportSldStyleV3``/``V2`` with a ``QgsSldExportContext`` that can
ask for GeoServer vendor extensions; 3.22 has ``exportSldStyle(QDomDocument, errorMsg)``,
whose Python binding cannot return the message, so ``saveSldStyle`` (which returns it) is the
fallback when the document comes back empty. No widget is touched: safe in any thread.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from typing import Optional

from qgis.core import QgsExpression, QgsVectorLayer, QgsWkbTypes
from qgis.PyQt.QtXml import QDomDocument

from ..layers import open_vector_layer  # a factory layer: usable in a task's thread


@dataclass(frozen=True)
class ExportedSld:
    sld_bytes: bytes
    error: str = ""  # QGIS's own words when the export failed
    api: str = ""  # which QGIS call produced it, for diagnostics


def _export_context():
    """A QgsSldExportContext asking for GeoServer vendor extensions, when this QGIS has one."""
    try:
        from qgis.core import Qgis, QgsSldExportContext
    except ImportError:
        return None
    context = QgsSldExportContext()
    vendor = getattr(getattr(Qgis, "SldExportVendorExtension", None), "GeoServerVendorExtension",
                     None)
    if vendor is not None and hasattr(context, "setVendorExtension"):
        context.setVendorExtension(vendor)
    return context


def _call_v3(layer, context):
    """QGIS 3.44+: ``exportSldStyleV3(context) -> QDomDocument``; errors live on the context."""
    document = layer.exportSldStyleV3(context)
    return document, "; ".join(getattr(context, "errors", list)())


def _call_v2(layer, context):
    """QGIS 3.30+: ``exportSldStyleV2(doc, errorMsg, context)``; Python returns the message."""
    document = QDomDocument()
    result = layer.exportSldStyleV2(document, context)
    message = result if isinstance(result, str) else ""
    return document, message


def _via_context(layer: QgsVectorLayer) -> Optional[ExportedSld]:
    context = _export_context()
    if context is None:
        return None
    for name, call in (("exportSldStyleV3", _call_v3), ("exportSldStyleV2", _call_v2)):
        if not hasattr(layer, name):
            continue
        try:
            document, message = call(layer, context)
        except TypeError:  # a binding with another signature: try the next API
            continue
        text = document.toString() if isinstance(document, QDomDocument) else ""
        if text:
            return ExportedSld(text.encode("utf-8"), message, name)
        return ExportedSld(b"", message or "QGIS wrote an empty document", name)
    return None


def _via_document(layer: QgsVectorLayer) -> ExportedSld:
    document = QDomDocument()
    layer.exportSldStyle(document, "")
    text = document.toString()
    if document.documentElement().tagName().endswith("StyledLayerDescriptor"):
        return ExportedSld(text.encode("utf-8"), "", "exportSldStyle")
    return _via_file(layer)


def _via_file(layer: QgsVectorLayer) -> ExportedSld:
    """saveSldStyle writes a file and returns QGIS's message: the only way 3.22 tells why."""
    handle, path = tempfile.mkstemp(suffix=".sld")
    os.close(handle)
    try:
        message, ok = layer.saveSldStyle(path)
        with open(path, "rb") as stream:
            data = stream.read()
        if ok and data:
            return ExportedSld(data, "", "saveSldStyle")
        return ExportedSld(b"", message or "QGIS wrote no SLD", "saveSldStyle")
    finally:
        os.remove(path)


_PLAIN_NAME = re.compile(r"^[^\W\d]\w*$")


def _with_quoted_class_field(layer: QgsVectorLayer) -> QgsVectorLayer:
    """The layer, or a copy whose categorized/graduated renderer names its field quoted.

    QGIS 3.40+ reads the class attribute as an expression when writing SLD: the field
    "Catégorie-Sol" came out as ogc:Sub(Catégorie, Sol). Quoted, it is the field on every
    version (3.22 writes it quotes included, and the transform takes a quoted PropertyName as
    the field). The user's layer is never touched: the copy only serves the export.
    """
    renderer = layer.renderer() if hasattr(layer, "renderer") else None
    class_attribute = getattr(renderer, "classAttribute", None)
    if class_attribute is None:
        return layer
    name = class_attribute()
    if _PLAIN_NAME.match(name) or layer.fields().lookupField(name) < 0:
        return layer  # a plain name reads the same either way; else already an expression
    quoted = renderer.clone()
    quoted.setClassAttribute(QgsExpression.quotedColumnRef(name))
    return style_only_copy(layer, quoted)


def style_only_copy(layer: QgsVectorLayer, renderer) -> QgsVectorLayer:
    """A layer without features that QGIS exports to the same SLD as ``layer`` drawn with
    ``renderer``: what the export reads (name, geometry type, fields, scale visibility,
    opacity, labels) and nothing else. ``layer.clone()`` copied every feature of a memory
    layer (a third of the style step for 1 000 features) or reopened a file."""
    copy = open_vector_layer(QgsWkbTypes.displayString(layer.wkbType()), layer.name(), "memory")
    copy.setCrs(layer.crs())
    copy.dataProvider().addAttributes(layer.fields().toList())
    copy.updateFields()
    copy.setRenderer(renderer)
    if layer.labeling() is not None:
        copy.setLabeling(layer.labeling().clone())
    copy.setLabelsEnabled(layer.labelsEnabled())
    copy.setScaleBasedVisibility(layer.hasScaleBasedVisibility())
    copy.setMinimumScale(layer.minimumScale())
    copy.setMaximumScale(layer.maximumScale())
    copy.setOpacity(layer.opacity())
    return copy


def export_sld(layer: QgsVectorLayer) -> ExportedSld:
    """The layer's style as QGIS writes it (SLD 1.1.0 / SE on 3.22)."""
    if layer is None or not layer.isValid():
        return ExportedSld(b"", "the layer is not valid", "")
    layer = _with_quoted_class_field(layer)
    return _via_context(layer) or _via_document(layer)
