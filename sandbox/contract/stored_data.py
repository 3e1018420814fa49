"""Stored data (VECTOR-DB, ROK4-PYRAMID-RASTER, …)."""

from __future__ import annotations

from .registry import route
from .schema import ANY, BOOL, DATE, ID, INT, STR, Enum, ListOf, MapOf, Obj, Opt
from .shapes import (
    BBOX,
    EVENT,
    EXTRA,
    NAME,
    STAMPS,
    STORED_DATA_STATUSES,
    STORED_DATA_TYPES,
    TAGS_BODY,
)

DS = "/api/datastores/<ds_id>"
SD = f"{DS}/stored_data/<sd_id>"

EDITION = Obj({"from": Opt(STR), "to": Opt(STR)})
STORAGE = Obj({"type": Enum("POSTGRESQL", "S3", "FILESYSTEM", "OPENSEARCH",
                            "POSTGRESQL-ROUTING"), "labels": Opt(ListOf(STR))})
RELATION = Obj({"name": STR, "type": Enum("TABLE", "VIEW"), "attributes": MapOf(STR),
                "primary_key": Opt(ListOf(STR))})
VECTOR_DB_INFOS = Obj({"relations": ListOf(RELATION)})
PYRAMID_INFOS = Obj({"tms": STR, "levels": ListOf(STR), "channels_format": Opt(STR),
                     "channels_number": Opt(INT), "compression": Opt(STR),
                     "nodata_value": Opt(STR)})

STORED_DATA = Obj({
    **STAMPS, "_id": ID, "name": NAME, "type": Enum(*STORED_DATA_TYPES), "open": BOOL,
    "srs": Opt(STR), "description": Opt(STR), "edition": Opt(EDITION), "contact": STR,
    "extent": Opt(ANY), "size": Opt(INT), "status": Enum(*STORED_DATA_STATUSES),
    "last_event": Opt(EVENT), "tags": Opt(TAGS_BODY), "storage": STORAGE,
    "public_activity": Opt(BOOL), "extra": Opt(EXTRA), "type_infos": Opt(EXTRA),
}, variants=("type", "type_infos", {"VECTOR-DB": VECTOR_DB_INFOS,
                                    "ROK4-PYRAMID-RASTER": PYRAMID_INFOS}))
STORED_DATA_ITEM = Obj({
    "_id": ID, "name": NAME, "description": Opt(STR), "type": Enum(*STORED_DATA_TYPES),
    "open": BOOL, "status": Enum(*STORED_DATA_STATUSES), "srs": Opt(STR), "contact": STR,
    "edition": Opt(EDITION), "size": Opt(INT), "last_event": Opt(EVENT), "tags": TAGS_BODY,
    "creation": DATE, "bbox": Opt(BBOX), "public_activity": BOOL,
})

route(f"GET {DS}/stored_data", item=STORED_DATA_ITEM,
      defaults=("name", "type", "open", "srs", "public_activity"),
      query={"type": Enum(*STORED_DATA_TYPES), "status": Enum(*STORED_DATA_STATUSES)})
route(f"GET {SD}", reply=STORED_DATA)
route(f"PATCH {SD}", reply=STORED_DATA, body=Obj({
    "name": Opt(NAME), "open": Opt(BOOL), "description": Opt(STR), "edition": Opt(EDITION),
    "extent": Opt(ANY), "extra": Opt(EXTRA), "public_activity": Opt(BOOL),
}))
route(f"DELETE {SD}")
route(f"POST {SD}/tags", body=TAGS_BODY, reply=STORED_DATA)
route(f"DELETE {SD}/tags", reply=STORED_DATA)
