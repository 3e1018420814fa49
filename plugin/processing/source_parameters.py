"""Processing's side of "start from what exists" (plugin/publish/sources.py): one optional
parameter per kind of existing resource, each naming it by id or by name."""

from __future__ import annotations

from typing import Callable, Dict, Optional

from qgis.core import QgsProcessingException, QgsProcessingParameterString

from ..i18n import tr
from ..publish.errors import PublishError
from ..publish.sources import (
    PYRAMID_TYPE,
    VECTOR_DB,
    SourceKind,
    resolve_stored_data,
    resolve_wmsv,
    reuse_fields,
    source_extent_wgs84,
)

# Parameter name -> the kind of existing resource it names.
SOURCE_PARAMETERS: Dict[str, SourceKind] = {
    "REUSE_STORED_DATA": SourceKind.STORED_DATA,
    "REUSE_WMSV": SourceKind.WMSV,
    "REUSE_PYRAMID": SourceKind.PYRAMID,
}


def add_source_parameters(algorithm) -> None:
    for name, label in (
            ("REUSE_STORED_DATA", tr("Reuse this VECTOR-DB stored data id (skip the upload)")),
            ("REUSE_WMSV", tr("Harvest this existing WMS-V (its configuration id, offering id "
                              "or layer name): no upload, no style, no new WMS-V")),
            ("REUSE_PYRAMID", tr("Serve this existing raster pyramid (its stored data id or "
                                 "name): only the WMTS, its metadata and restriction"))):
        algorithm.addParameter(QgsProcessingParameterString(name, label, optional=True))


def chosen_source(text: Callable[[str], str]) -> Optional[tuple]:
    """(kind, the text naming it) of the one existing resource given, or None: the layer."""
    given = [(kind, text(name)) for name, kind in SOURCE_PARAMETERS.items() if text(name)]
    if len(given) > 1:
        raise QgsProcessingException(tr(
            "Give at most one of REUSE_STORED_DATA, REUSE_WMSV and REUSE_PYRAMID."))
    return given[0] if given else None


def needs_layer(text: Callable[[str], str]) -> bool:
    """A layer is uploaded only when no existing resource is named (two named at once are
    refused when the run starts, where Processing shows the message)."""
    return not any(text(name) for name in SOURCE_PARAMETERS)


def resolved_source(api, text: Callable[[str], str]) -> Dict[str, Optional[str]]:
    """The Publication's reuse fields, each name turned into an id on ``api``'s datastore."""
    chosen = chosen_source(text)
    if chosen is None:
        return reuse_fields(SourceKind.LAYER, "")
    kind, given = chosen
    try:
        if kind is SourceKind.WMSV:
            resource_id = resolve_wmsv(api, given)
        else:
            resource_id = resolve_stored_data(
                api, given, VECTOR_DB if kind is SourceKind.STORED_DATA else PYRAMID_TYPE)
    except PublishError as error:
        raise QgsProcessingException(str(error)) from error
    return reuse_fields(kind, resource_id)


def datasheet_of_source(api, fields: Dict[str, Optional[str]]) -> str:
    """The ``datasheet_name`` tag of the reused resource ("" when it has none)."""
    if fields.get("reuse_wmsv_configuration_id"):
        return api.configuration(fields["reuse_wmsv_configuration_id"]).tags.get(
            "datasheet_name", "")
    stored_id = fields.get("reuse_pyramid_id") or fields.get("reuse_stored_data_id")
    return api.stored_data(stored_id).tags.get("datasheet_name", "") if stored_id else ""


def reused_extent(api, fields: Dict[str, Optional[str]]):
    """The lon/lat extent of a reused WMS-V's or stored data's data (None otherwise)."""
    if fields.get("reuse_wmsv_configuration_id"):
        return source_extent_wgs84(api, SourceKind.WMSV, fields["reuse_wmsv_configuration_id"])
    if fields.get("reuse_stored_data_id"):
        return source_extent_wgs84(api, SourceKind.STORED_DATA, fields["reuse_stored_data_id"])
    return None
