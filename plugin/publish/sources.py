"""Where a publication starts: the kinds of source the guide allows, and the platform's lists.

The guide (*Créer et publier un service WMTS*, step 1) starts from what exists: "si la
pyramide raster souhaitée n'existe pas encore… sinon vous pouvez sauter ces étapes", and the
WMTS is made from a WMS-V service of a datasheet. So a publication starts from one of:

* ``LAYER``: the QGIS layer, uploaded and integrated (every step);
* ``STORED_DATA``: an existing VECTOR-DB stored data (no upload, no integration);
* ``WMSV``: an existing WMS-V service, harvested as it is (no upload, no integration, no
  style, no new WMS-V);
* ``PYRAMID``: an existing raster pyramid (only the WMTS, its metadata and restriction).

Each kind is one entry of ``SOURCE_KINDS`` with one listing function, so another kind (a
layer group, say) is one more entry. What is reused is never journaled as created: undo and
unpublish leave it where it is (plugin/publish/reuse.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any, Callable, Dict, FrozenSet, List, Optional, Tuple

from ..entrepot.errors import BadRequest, NotFound
from ..i18n import tr
from .errors import PublishError
from .live import is_alive

VECTOR_DB, PYRAMID_TYPE, WMSV_TYPE = "VECTOR-DB", "ROK4-PYRAMID-RASTER", "WMS-VECTOR"


class SourceKind(str, Enum):
    LAYER = "layer"
    STORED_DATA = "stored_data"
    WMSV = "wmsv"
    PYRAMID = "pyramid"
    MAP = "map"   # several QGIS layers (a layer group), uploaded: plugin/publish/map_source.py


@dataclass(frozen=True)
class SourceChoice:
    """One existing resource the user may start from, as a list shows it."""

    kind: SourceKind
    id: str                 # stored data id, or the WMS-V configuration's id
    name: str               # stored data name, or the WMS-V's layer name
    datasheet_name: str = ""
    status: str = ""

    def label(self) -> str:
        sheet = f" — {self.datasheet_name}" if self.datasheet_name else ""
        return f"{self.name}{sheet}"


@dataclass(frozen=True)
class SourceKindInfo:
    kind: SourceKind
    skipped_steps: FrozenSet[str]            # steps with nothing to do for this source
    lister: Optional[Callable[[Any], List[SourceChoice]]]   # None: nothing to list


def _sheet(item: Any) -> str:
    return str((getattr(item, "tags", None) or {}).get("datasheet_name", "") or "")


def list_vector_stored_data(api) -> List[SourceChoice]:
    """GENERATED VECTOR-DB stored data of the datastore (``fields=`` names status and tags)."""
    return sorted((SourceChoice(SourceKind.STORED_DATA, s.id, s.name, _sheet(s), s.status)
                   for s in api.stored_data_list(data_type=VECTOR_DB)
                   if s.type == VECTOR_DB and s.status == "GENERATED"),
                  key=lambda c: (c.datasheet_name, c.name))


def list_wmsv_services(api) -> List[SourceChoice]:
    """PUBLISHED WMS-V configurations (a harvest needs a service that answers)."""
    return sorted((SourceChoice(SourceKind.WMSV, c.id, c.layer_name, _sheet(c), c.status)
                   for c in api.configurations(config_type=WMSV_TYPE)
                   if c.type == WMSV_TYPE and c.status == "PUBLISHED"),
                  key=lambda c: (c.datasheet_name, c.name))


def list_pyramids(api) -> List[SourceChoice]:
    """GENERATED raster pyramids of the datastore."""
    return sorted((SourceChoice(SourceKind.PYRAMID, s.id, s.name, _sheet(s), s.status)
                   for s in api.stored_data_list(data_type=PYRAMID_TYPE)
                   if s.type == PYRAMID_TYPE and s.status == "GENERATED"),
                  key=lambda c: (c.datasheet_name, c.name))


SOURCE_KINDS: Dict[SourceKind, SourceKindInfo] = {
    SourceKind.LAYER: SourceKindInfo(SourceKind.LAYER, frozenset(), None),
    # A map runs every step too: its layers are uploaded (one upload per CRS).
    SourceKind.MAP: SourceKindInfo(SourceKind.MAP, frozenset(), None),
    # The data step itself reads a reused stored data (and journals it as reused).
    SourceKind.STORED_DATA: SourceKindInfo(SourceKind.STORED_DATA, frozenset(),
                                           list_vector_stored_data),
    SourceKind.WMSV: SourceKindInfo(SourceKind.WMSV,
                                    frozenset({"data", "integration", "style"}),
                                    list_wmsv_services),
    # The pyramid step reads the reused pyramid (its levels) instead of harvesting.
    SourceKind.PYRAMID: SourceKindInfo(SourceKind.PYRAMID,
                                       frozenset({"data", "integration", "style", "wmsv"}),
                                       list_pyramids),
}


# The kinds whose data are QGIS layers sent by the publication (nothing existing is listed).
UPLOADED_KINDS = frozenset({SourceKind.LAYER, SourceKind.MAP})


def list_sources(api, kind: SourceKind) -> List[SourceChoice]:
    """The existing resources of ``kind`` in ``api``'s datastore (empty for LAYER)."""
    lister = SOURCE_KINDS[kind].lister
    return lister(api) if lister is not None else []


def source_kind(spec) -> SourceKind:
    """The kind of source a Publication starts from (the most reused one wins)."""
    if getattr(spec, "reuse_pyramid_id", None):
        return SourceKind.PYRAMID
    if getattr(spec, "reuse_wmsv_configuration_id", None):
        return SourceKind.WMSV
    if spec.reuse_stored_data_id:
        return SourceKind.STORED_DATA
    # reuse_by_datasheet is a shortcut of a layer upload: the layer is sent when the
    # datasheet holds no stored data yet, so the layer's rules still apply.
    return SourceKind.MAP if len(getattr(spec, "sources", ()) or ()) > 1 else SourceKind.LAYER


def skips(spec, step_name: str) -> bool:
    """True when the publication's source makes ``step_name`` create nothing."""
    return step_name in SOURCE_KINDS[source_kind(spec)].skipped_steps


def reuse_fields(kind: SourceKind, resource_id: str) -> Dict[str, Optional[str]]:
    """The Publication fields naming the reused resource of ``kind``."""
    fields: Dict[str, Optional[str]] = {"reuse_stored_data_id": None,
                                        "reuse_wmsv_configuration_id": None,
                                        "reuse_pyramid_id": None}
    key = {SourceKind.STORED_DATA: "reuse_stored_data_id",
           SourceKind.WMSV: "reuse_wmsv_configuration_id",
           SourceKind.PYRAMID: "reuse_pyramid_id"}.get(kind)
    if key and resource_id:
        fields[key] = resource_id
    return fields


def source_extent_wgs84(api, kind: SourceKind, resource_id: str
                       ) -> Optional[Tuple[float, float, float, float]]:
    """The lon/lat extent of the data behind an existing source, for the tile estimate and
    the tile cap before a harvest: a WMS-V's bbox, else its stored data's extent; a stored
    data's extent. None for a pyramid (nothing is harvested) or when unknown."""
    from .steps.pyramid import bbox_of_geojson

    if kind is SourceKind.WMSV:
        configuration = api.configuration(resource_id)
        bbox = configuration.type_infos.get("bbox")
        if isinstance(bbox, dict) and all(k in bbox for k in ("west", "south", "east",
                                                               "north")):
            return tuple(float(bbox[k]) for k in ("west", "south", "east", "north"))
        used = configuration.used_data
        if not used or not used[0].stored_data_id:
            return None
        resource_id, kind = used[0].stored_data_id, SourceKind.STORED_DATA
    if kind is SourceKind.STORED_DATA:
        return bbox_of_geojson(api.stored_data(resource_id).raw.get("extent"))
    return None


# -- naming an existing resource (Processing, scripts) ---------------------------------------
def _read_if_id(read, text: str):
    """``read(text)``, or None when ``text`` is not the id of a resource of that kind."""
    try:
        return read(text)
    except (NotFound, BadRequest):
        return None


def resolve_wmsv(api, text: str) -> str:
    """The WMS-V configuration named by ``text``: its id, one of its offerings' id, or its
    layer name (with or without the datastore's prefix)."""
    text = text.strip()
    configuration = _read_if_id(api.configuration, text)
    if configuration is not None and configuration.type == WMSV_TYPE:
        return configuration.id
    offering = _read_if_id(api.offering, text)
    if offering is not None and offering.configuration_id:
        return resolve_wmsv(api, offering.configuration_id)
    for configuration in api.configurations(config_type=WMSV_TYPE):
        if configuration.type == WMSV_TYPE and text in (
                configuration.layer_name, configuration.layer_name.split(".", 1)[-1]):
            return configuration.id
    raise PublishError(tr("no WMS-V service named '{0}' in this datastore").format(text))


def resolve_stored_data(api, text: str, data_type: str) -> str:
    """The stored data of ``data_type`` named by ``text`` (its id or its name)."""
    text = text.strip()
    stored = _read_if_id(api.stored_data, text)
    if stored is not None and stored.type == data_type:
        return stored.id
    for stored in api.stored_data_list(data_type=data_type):
        if stored.type == data_type and stored.name == text and is_alive(stored):
            return stored.id
    raise PublishError(tr("no stored data '{0}' of type {1} in this datastore").format(
        text, data_type))
