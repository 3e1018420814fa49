"""A datasheet as the datasheet view shows it: what the platform holds under one
``datasheet_name`` tag (cartes.gouv.fr's "fiche de données"), read in a task.

A datasheet gathers the uploads, stored data (vector data, pyramids), configurations and
metadata tagged with its name, as cartes.gouv.fr builds its datasheet list; each service
carries its offerings, the permissions naming them and the key accesses to them. Services
without the tag are grouped under :data:`NO_DATASHEET` so that nothing published is hidden.

Every list route is read once for the whole datastore (with ``fields=``, list_fields.py) and
grouped here; only pyramids are read one by one (their levels are a detail-only field).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Tuple

from ..entrepot.errors import NotFound
from .live import alive

NO_DATASHEET = "—"
DATASHEET_TAG = "datasheet_name"
VECTOR_TYPES = ("VECTOR-DB",)
PYRAMID_TYPES = ("ROK4-PYRAMID-RASTER", "ROK4-PYRAMID-VECTOR")

Progress = Callable[[float], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class Item:
    """One resource of a datasheet; ``kind`` is an inventory kind (inventory.KINDS)."""

    kind: str
    id: str
    name: str = ""
    type: str = ""
    status: str = ""
    creation: str = ""
    update: str = ""
    size: Optional[int] = None
    levels: Tuple[str, ...] = ()


@dataclass(frozen=True)
class Relation:
    """One table a WMS-V draws and the style static it draws it with (a map has one per
    layer, in the configuration's order: the first is drawn at the bottom)."""

    table: str
    style_id: str
    style_name: str = ""                # empty when the static is gone
    stored_data_id: str = ""


@dataclass
class ServiceRow:
    """One configuration with its offerings ``{id, status, open, urls, creation}``, the
    permissions naming them and the user's key accesses to them."""

    datasheet: str
    configuration_id: str
    name: str
    layer_name: str
    type: str
    status: str
    offerings: List[Dict] = field(default_factory=list)
    creation: str = ""
    update: str = ""
    permissions: List[Item] = field(default_factory=list)
    key_accesses: List[Item] = field(default_factory=list)
    relations: List[Relation] = field(default_factory=list)     # a WMS-V's tables

    def url(self, kind: str) -> Optional[str]:
        for offering in self.offerings:
            for url_type, url in offering.get("urls", ()):
                if url_type.upper() == kind.upper():
                    return url
        return None

    def capabilities_url(self) -> Optional[str]:
        from ..wmts.capabilities import capabilities_url

        if self.type == "WMTS-TMS":
            url = self.url("WMTS")
            return capabilities_url(url) if url else None
        url = self.url("WMS")
        if not url:
            return None
        return f"{url}{'&' if '?' in url else '?'}SERVICE=WMS&REQUEST=GetCapabilities"


@dataclass
class Datasheet:
    name: str
    uploads: List[Item] = field(default_factory=list)
    stored_data: List[Item] = field(default_factory=list)
    services: List[ServiceRow] = field(default_factory=list)
    metadata: List[Item] = field(default_factory=list)

    @property
    def vector_data(self) -> List[Item]:
        return [s for s in self.stored_data if s.type in VECTOR_TYPES]

    @property
    def pyramids(self) -> List[Item]:
        return [s for s in self.stored_data if s.type in PYRAMID_TYPES]

    @property
    def other_data(self) -> List[Item]:
        return [s for s in self.stored_data if s.type not in VECTOR_TYPES + PYRAMID_TYPES]

    def services_of(self, config_type: str) -> List[ServiceRow]:
        return [s for s in self.services if s.type == config_type]

    @property
    def permissions(self) -> List[Item]:
        seen: Dict[str, Item] = {}
        for service in self.services:
            seen.update((p.id, p) for p in service.permissions)
        return list(seen.values())

    @property
    def is_tagged(self) -> bool:
        return self.name != NO_DATASHEET


def _raw(resource: Any, key: str) -> Any:
    return (getattr(resource, "raw", None) or {}).get(key)


def _item(kind: str, resource: Any, name: str, **extra) -> Item:
    return Item(kind=kind, id=resource.id, name=name, type=getattr(resource, "type", ""),
                status=getattr(resource, "status", "") or "",
                creation=_raw(resource, "creation") or "", update=_raw(resource, "update") or "",
                size=_raw(resource, "size"), **extra)


def sheet_of(tags: Mapping) -> str:
    return str(tags.get(DATASHEET_TAG) or "") or NO_DATASHEET


def pyramid_levels(api, stored_data_id: str) -> Tuple[str, ...]:
    try:
        return api.stored_data(stored_data_id).levels
    except NotFound:
        return ()


def offering_dict(offering) -> Dict[str, Any]:
    return {"id": offering.id, "status": offering.status, "open": offering.open,
            "urls": offering.urls, "creation": _raw(offering, "creation") or ""}


def access_rows(api, offering_ids: Iterable[str]) -> Dict[str, List[Item]]:
    """The signed-in user's key accesses to ``offering_ids``, by offering (keys are the
    user's, not the datastore's: they are shown, never deleted)."""
    wanted, found = set(offering_ids), {}
    if not wanted:
        return found
    for key in api.list_keys():
        for row in api.key_accesses(key.id):
            offering = row.get("offering") or {}
            offering_id = offering.get("_id") if isinstance(offering, Mapping) else offering
            if offering_id in wanted:
                found.setdefault(offering_id, []).append(Item(
                    kind="key_accesses", id=row.get("_id") or f"{key.id}|{offering_id}",
                    name=key.name, creation=row.get("creation", "") or ""))
    return found


def wmsv_relations(api, configuration_id: str) -> List[Relation]:
    """The relations of a WMS-V (``used_data`` is a detail-only field: one GET), each with
    its style's name (one GET per style)."""
    try:
        configuration = api.configuration(configuration_id)
    except NotFound:
        return []
    relations = []
    for used in configuration.used_data:
        for relation in used.relations:
            try:
                name = api.static(relation.style_id).name if relation.style_id else ""
            except NotFound:
                name = ""
            relations.append(Relation(relation.name, relation.style_id, name,
                                      used.stored_data_id))
    return relations


def services(api, configurations: Iterable[Any], offerings: Iterable[Any]) -> List[ServiceRow]:
    """Rows for ``configurations`` with their offerings, permissions and key accesses."""
    by_configuration: Dict[str, List[Any]] = {}
    for offering in alive(offerings):
        by_configuration.setdefault(offering.configuration_id or "", []).append(offering)
    rows = []
    for configuration in configurations:
        offers = by_configuration.get(configuration.id, [])
        rows.append(ServiceRow(
            datasheet=sheet_of(configuration.tags), configuration_id=configuration.id,
            name=configuration.name, layer_name=configuration.layer_name,
            type=configuration.type,
            status=offers[0].status if offers else configuration.status,
            offerings=[offering_dict(o) for o in offers],
            creation=_raw(configuration, "creation") or "",
            update=_raw(configuration, "update") or ""))
    offering_ids = {o["id"] for row in rows for o in row.offerings}
    if offering_ids:
        permissions = [p for p in api.permissions() if offering_ids & set(p.offering_ids)]
        accesses = access_rows(api, offering_ids)
        for row in rows:
            mine = {o["id"] for o in row.offerings}
            row.permissions = [Item(kind="permissions", id=p.id, name=p.licence,
                                    status=p.end_date or "",
                                    creation=_raw(p, "creation") or "")
                               for p in permissions if mine & set(p.offering_ids)]
            row.key_accesses = [a for o in row.offerings for a in accesses.get(o["id"], ())]
    return rows


def list_datasheets(api, progress: Optional[Progress] = None,
                    cancelled: Cancelled = lambda: False) -> List[Datasheet]:
    """Every datasheet of ``api``'s datastore, sorted by name (the untagged group last)."""
    steps = iter((0.1, 0.25, 0.4, 0.5, 0.6, 0.7))

    def advance() -> None:
        if cancelled():
            from .errors import PublishCancelledError

            raise PublishCancelledError()
        if progress is not None:
            progress(next(steps, 0.8))

    sheets: Dict[str, Datasheet] = {}

    def sheet(name: str) -> Datasheet:
        return sheets.setdefault(name, Datasheet(name))

    for upload in alive(api.uploads()):
        if upload.tags.get(DATASHEET_TAG):
            sheet(sheet_of(upload.tags)).uploads.append(_item("uploads", upload, upload.name))
    advance()
    stored = [s for s in alive(api.stored_data_list()) if s.tags.get(DATASHEET_TAG)]
    advance()
    configurations = alive(api.configurations())
    advance()
    offerings = api.offerings()
    advance()
    for metadata in api.metadata_list():
        if metadata.tags.get(DATASHEET_TAG):
            sheet(sheet_of(metadata.tags)).metadata.append(
                _item("metadata", metadata, metadata.file_identifier))
    advance()
    for row in services(api, configurations, offerings):
        if row.type == "WMS-VECTOR":
            row.relations = wmsv_relations(api, row.configuration_id)
        sheet(row.datasheet).services.append(row)
    advance()
    for index, data in enumerate(stored):
        levels = pyramid_levels(api, data.id) if data.type in PYRAMID_TYPES else ()
        sheet(sheet_of(data.tags)).stored_data.append(
            _item("stored_data", data, data.name, levels=levels))
        if progress is not None:
            progress(0.8 + 0.2 * (index + 1) / len(stored))
        if cancelled():
            from .errors import PublishCancelledError

            raise PublishCancelledError()
    for one in sheets.values():
        one.services.sort(key=lambda r: (r.type, r.layer_name or r.name))
    return sorted(sheets.values(), key=lambda s: (not s.is_tagged, s.name))


def service_rows(sheets: Iterable[Datasheet]) -> List[ServiceRow]:
    """Every service of ``sheets``, in the order they are listed."""
    return [row for sheet in sheets for row in sheet.services]


def sheets_from_rows(rows: Iterable[ServiceRow]) -> List[Datasheet]:
    """Services alone grouped by their datasheet (no data, no metadata)."""
    sheets: Dict[str, Datasheet] = {}
    for row in rows:
        sheets.setdefault(row.datasheet, Datasheet(row.datasheet)).services.append(row)
    return sorted(sheets.values(), key=lambda s: (not s.is_tagged, s.name))


def list_services(client, datastore_id: str) -> List[ServiceRow]:
    """Every configuration of the datastore with its offerings, grouped by datasheet."""
    from ..entrepot.api import EntrepotApi

    return service_rows(list_datasheets(EntrepotApi(client, datastore_id)))


def unpublish_service(client, datastore_id: str, row: ServiceRow, delete: bool,
                      cancelled: Cancelled = lambda: False) -> None:
    """Takes ``row``'s service down (in a task), and deletes its configuration if asked."""
    from functools import partial

    from ..entrepot.api import EntrepotApi
    from .unpublish import take_down
    from .waiting import wait_for

    take_down(EntrepotApi(client, datastore_id), [o["id"] for o in row.offerings],
              row.configuration_id, partial(wait_for, cancelled=cancelled),
              delete_config=delete)
