"""What an update starts from, read from the platform: the WMTS, its pyramid, the WMS-V the
pyramid was harvested from, its stored data and style, and the datasheet's metadata.

It is read once, at the update's start, and kept in the update's journal: halfway through,
the platform already shows part of the new state (a switched WMS-V), and a resume or an undo
must still know the old one. Only the WMTS configuration's id is needed to start, so the
services dock (which lists configurations) and the wizard (whose journal holds that id) call
the same code.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any, Dict, List, Optional, Tuple

from ..entrepot.api import EntrepotApi
from ..entrepot.errors import NotFound
from ..entrepot.models import Configuration
from ..i18n import tr
from .errors import PublishError
from .live import alive
from .pyramid_versions import split_version
from .reuse import datasheet_metadata

# Fields of a configuration a full replace (PUT) carries, besides ``type_infos``.
REPLACE_FIELDS = ("type", "name", "attribution", "metadata")


def replace_body(configuration: Dict[str, Any]) -> Dict[str, Any]:
    """The ``PUT`` body that gives back ``configuration`` as it is (``layer_name`` out)."""
    body = {key: configuration[key] for key in REPLACE_FIELDS if configuration.get(key)}
    body["type_infos"] = dict(configuration.get("type_infos") or {})
    return body


@dataclass
class UpdateTarget:
    """The published state an update replaces (plain values: journaled as they are)."""

    datastore_id: str
    datasheet_name: str
    wmts_configuration: Dict[str, Any]           # the configuration as read (raw reply)
    wmts_offering_id: str
    wmts_open: bool
    pyramid_id: str
    pyramid_name: str
    top_level: int
    bottom_level: int
    bbox: Optional[Tuple[float, float, float, float]]
    image_format: str
    wmsv_configuration: Dict[str, Any]
    wmsv_offering_id: str
    wmsv_layer_name: str
    wmsv_url: str
    wmsv_private: bool
    vectordb_id: str
    vectordb_name: str
    table: str
    static_id: str
    static_name: str
    metadata_id: str = ""
    existing_names: List[str] = field(default_factory=list)   # stored data + statics
    # Every relation of the WMS-V (a map has one per layer): {stored_data, name, style,
    # static_name}, in the configuration's order. ``vectordb_id``/``table``/``static_*``
    # above are the one an update of one layer's data or style changes (``focused``).
    relations: List[Dict[str, str]] = field(default_factory=list)
    harvest_layers: str = ""                     # what the pyramid was harvested from

    @property
    def wmts_configuration_id(self) -> str:
        return self.wmts_configuration["_id"]

    @property
    def wmsv_configuration_id(self) -> str:
        return self.wmsv_configuration["_id"]

    @property
    def is_map(self) -> bool:
        return len(self.relations) > 1

    def focused(self, layer_name: str) -> UpdateTarget:
        """This target, on the relation of the map's layer ``layer_name`` (the GeoPackage
        table named after it, as the platform integrated it); itself for one relation."""
        if not self.is_map:
            return self
        from .map_source import map_table_name
        from .steps.style import relation_for

        relation = relation_for(self.relations, map_table_name(layer_name), layer_name)
        return replace(self, vectordb_id=relation["stored_data"], table=relation["name"],
                       static_id=relation["style"], static_name=relation["static_name"])

    def to_dict(self) -> Dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Dict[str, Any]) -> UpdateTarget:
        values = dict(data)
        if values.get("bbox") is not None:
            values["bbox"] = tuple(values["bbox"])
        return cls(**values)


def _one_offering(api: EntrepotApi, configuration: Configuration):
    offerings = alive(api.configuration_offerings(configuration.id))
    if not offerings:
        raise PublishError(tr("{0} is not published: there is nothing to update").format(
            configuration.layer_name), step="update")
    return api.offering(offerings[0].id)


def _harvest_parameters(api: EntrepotApi, pyramid) -> Dict[str, Any]:
    execution_id = pyramid.tags.get("proc_pyr_creat_id")
    if execution_id:
        try:
            return dict(api.execution(execution_id).raw.get("parameters") or {})
        except NotFound:
            pass
    for execution in api.executions(output_stored_data=pyramid.id):
        return dict(api.execution(execution.id).raw.get("parameters") or {})
    return {}


def _harvested_from(layer_name: str, harvest_layers: str) -> bool:
    """Whether the WMS-V layer ``layer_name`` is what ``harvest_layers`` asked for: its own
    name (one relation), or its sub-layers' (a map: names read from its capabilities, which
    hold the configuration's layer name followed by a separator, or the bare table)."""
    names = [n for n in harvest_layers.split(",") if n]
    return bool(names) and (layer_name in names or all(
        n.startswith(layer_name) and n[len(layer_name):len(layer_name) + 1] in ":._-/"
        for n in names))


def _wmsv_configuration(api: EntrepotApi, harvest_layers: str, datasheet: str
                        ) -> Configuration:
    wmsvs = api.configurations(config_type="WMS-VECTOR")
    candidates = [c for c in wmsvs if _harvested_from(c.layer_name, harvest_layers)]
    if not candidates:   # a map's sub-layers named by table only: the datasheet's WMS-V
        candidates = [c for c in wmsvs if c.tags.get("datasheet_name") == datasheet]
    if not candidates:
        raise PublishError(tr("the WMS-V the pyramid was harvested from is gone: the WMTS"
                              " cannot be updated"), step="update")
    return api.configuration(candidates[0].id)


def _bbox(infos: Dict[str, Any]) -> Optional[Tuple[float, float, float, float]]:
    bbox = infos.get("bbox")
    if not isinstance(bbox, dict):
        return None
    return (bbox["west"], bbox["south"], bbox["east"], bbox["north"])


def _names_like(api: EntrepotApi, pyramid: str, vectordb: str, statics: List[str]
                ) -> List[str]:
    """Every stored data and static named like a version of these (the next version must
    be above them all)."""
    def base(name: str) -> str:
        return split_version(name)[0] + "%"

    names = [s.name for s in api.stored_data_list(name=base(pyramid))]
    names += [s.name for s in api.stored_data_list(name=base(vectordb))]
    for static in dict.fromkeys(statics):
        names += [s.name for s in api.statics(name=base(static))]
    return names


def _relations(api: EntrepotApi, wmsv: Configuration) -> List[Dict[str, str]]:
    """Every relation of the WMS-V with its static's name (one GET per style)."""
    relations = []
    for used in wmsv.used_data:
        for relation in used.relations:
            relations.append({"stored_data": used.stored_data_id, "name": relation.name,
                              "style": relation.style_id,
                              "static_name": api.static(relation.style_id).name})
    return relations


def resolve_target(api: EntrepotApi, wmts_configuration_id: str) -> UpdateTarget:
    """Read everything the update needs from the platform (``api`` bound to the datastore)."""
    wmts = api.configuration(wmts_configuration_id)
    if wmts.type != "WMTS-TMS":
        raise PublishError(tr("only a WMTS can be updated here"), step="update")
    wmts_offering = _one_offering(api, wmts)
    used = wmts.used_data[0]
    pyramid = api.stored_data(used.stored_data_id)
    datasheet = wmts.tags.get("datasheet_name") or pyramid.tags.get("datasheet_name", "")
    harvest = _harvest_parameters(api, pyramid)
    wmsv = _wmsv_configuration(api, harvest.get("harvest_layers", ""), datasheet)
    wmsv_offering = _one_offering(api, wmsv)
    wmsv_used = wmsv.used_data[0]
    vectordb = api.stored_data(wmsv_used.stored_data_id)
    relation = wmsv_used.relations[0]
    metadata = datasheet_metadata(api, datasheet) if datasheet else None
    relations = _relations(api, wmsv)
    names = _names_like(api, pyramid.name, vectordb.name, [r["static_name"] for r in relations])
    return UpdateTarget(
        datastore_id=api.datastore_id or "", datasheet_name=datasheet,
        wmts_configuration=dict(wmts.raw), wmts_offering_id=wmts_offering.id,
        wmts_open=bool(wmts_offering.open), pyramid_id=pyramid.id, pyramid_name=pyramid.name,
        top_level=int(used.top_level or 0), bottom_level=int(used.bottom_level or 0),
        bbox=_bbox(wmts.type_infos) or _bbox(wmsv.type_infos),
        image_format=harvest.get("harvest_format") or "image/jpeg",
        wmsv_configuration=dict(wmsv.raw), wmsv_offering_id=wmsv_offering.id,
        wmsv_layer_name=wmsv.layer_name,
        wmsv_url=(wmsv_offering.url("WMS") or "").split("?")[0],
        wmsv_private=not wmsv_offering.open, vectordb_id=vectordb.id,
        vectordb_name=vectordb.name, table=relation.name, static_id=relation.style_id,
        static_name=relations[0]["static_name"],
        metadata_id=metadata.id if metadata else "", existing_names=names,
        relations=relations, harvest_layers=harvest.get("harvest_layers", ""))
