"""Configurations (WMS-VECTOR, WMTS-TMS) and offerings."""

from __future__ import annotations

import re

from .registry import route
from .schema import BOOL, DATE, ID, INT, STR, Enum, ListOf, Obj, Opt, Str
from .shapes import (
    BBOX,
    CONFIGURATION_STATUSES,
    EXTRA,
    NAME,
    OFFERING,
    SERVICE_TYPES,
    STAMPS,
    TAGS_BODY,
)

DS = "/api/datastores/<ds_id>"
CONF = f"{DS}/configurations/<conf_id>"
OFF = f"{DS}/offerings/<off_id>"

LAYER_NAME = Str(re.compile(r"^[A-Za-z_][A-Za-z0-9_\-.]*$"),
                 what="conforme à ^[A-Za-z_][A-Za-z0-9_\\-.]*$")
LEVEL = Str(re.compile(r"^\d{1,2}$"), what="un niveau en chaîne (\"12\")")

ATTRIBUTION = Obj({"title": STR, "url": STR, "logo": Opt(Obj({
    "format": STR, "url": STR, "width": INT, "height": INT}))})
METADATA_LINK = Obj({"format": STR, "url": STR,
                     "type": Enum("ISO19115:2003", "FGDC", "TC211", "19139", "Other")})
WMSV_RELATION = Obj({"name": STR, "style": ID, "ftl": Opt(ID)})
WMSV_INFOS = Obj({
    "title": STR, "abstract": STR, "keywords": Opt(ListOf(STR)), "bbox": Opt(BBOX),
    "used_data": ListOf(Obj({"stored_data": ID, "relations": ListOf(WMSV_RELATION,
                                                                    min_items=1)}),
                        min_items=1),
})
GETFEATUREINFO = Obj({"stored_data": Opt(BOOL), "server_url": Opt(STR)})
WMTS_INFOS = Obj({
    "title": STR, "abstract": STR, "keywords": Opt(ListOf(STR)), "bbox": Opt(BBOX),
    "styles": Opt(ListOf(ID)), "getfeatureinfo": Opt(GETFEATUREINFO),
    "used_data": ListOf(Obj({"stored_data": ID, "top_level": LEVEL, "bottom_level": LEVEL}),
                        min_items=1),
})
TYPE_INFOS = {"WMS-VECTOR": WMSV_INFOS, "WMTS-TMS": WMTS_INFOS}

EVENT = Obj({"title": STR, "text": Opt(STR), "date": DATE, "initiator": Opt(EXTRA),
             "urls": Opt(ListOf(EXTRA))})
CONFIGURATION = Obj({
    **STAMPS, "_id": ID, "name": NAME, "layer_name": LAYER_NAME,
    "type": Enum(*SERVICE_TYPES), "status": Enum(*CONFIGURATION_STATUSES), "tags": TAGS_BODY,
    "attribution": Opt(ATTRIBUTION), "last_event": Opt(EVENT), "extra": Opt(EXTRA),
    "metadata": Opt(ListOf(METADATA_LINK)), "type_infos": EXTRA,
}, variants=("type", "type_infos", TYPE_INFOS))
CONFIGURATION_ITEM = Obj({
    **STAMPS, "_id": ID, "name": NAME, "layer_name": LAYER_NAME,
    "type": Enum(*SERVICE_TYPES), "status": Enum(*CONFIGURATION_STATUSES),
    "tags": TAGS_BODY, "attribution": Opt(ATTRIBUTION), "last_event": Opt(EVENT),
    "metadata": Opt(ListOf(METADATA_LINK)),
})
CONFIGURATION_CREATE = Obj({
    "type": Enum(*SERVICE_TYPES), "name": NAME, "layer_name": LAYER_NAME,
    "attribution": Opt(ATTRIBUTION), "metadata": Opt(ListOf(METADATA_LINK)),
    "type_infos": EXTRA,
}, variants=("type", "type_infos", TYPE_INFOS))
CONFIGURATION_REPLACE = Obj({
    "type": Enum(*SERVICE_TYPES), "name": NAME, "layer_name": Opt(LAYER_NAME),
    "attribution": Opt(ATTRIBUTION), "metadata": Opt(ListOf(METADATA_LINK)),
    "type_infos": EXTRA,
}, variants=("type", "type_infos", TYPE_INFOS))

route(f"POST {DS}/configurations", body=CONFIGURATION_CREATE, reply=CONFIGURATION)
route(f"GET {DS}/configurations", item=CONFIGURATION_ITEM,
      defaults=("name", "layer_name", "type", "status"),
      fields=("name", "layer_name", "type", "status", "attributions", "metadatas", "tags",
              "creation", "last_event", "update"),
      aliases={"attributions": "attribution", "metadatas": "metadata"},
      query={"type": Enum(*SERVICE_TYPES), "status": Enum(*CONFIGURATION_STATUSES)})
route(f"GET {CONF}", reply=CONFIGURATION)
route(f"PUT {CONF}", body=CONFIGURATION_REPLACE, reply=CONFIGURATION)
route(f"DELETE {CONF}")
route(f"POST {CONF}/tags", body=TAGS_BODY, reply=CONFIGURATION)
route(f"DELETE {CONF}/tags", reply=CONFIGURATION)

OFFERING_FIELDS = ("open", "available", "layer_name", "type", "status", "endpoint",
                   "configuration", "urls", "creation", "extra", "update", "public_activity")
OFFERING_DEFAULTS = ("open", "available", "layer_name", "type", "status", "public_activity")

route(f"POST {CONF}/offerings", reply=OFFERING, body=Obj({
    "endpoint": ID, "open": Opt(BOOL), "permissions": Opt(ListOf(ID)),
    "public_activity": Opt(BOOL)}))
route(f"GET {CONF}/offerings", item=OFFERING, defaults=OFFERING_DEFAULTS,
      fields=OFFERING_FIELDS)
route(f"GET {DS}/offerings", item=OFFERING, defaults=OFFERING_DEFAULTS, fields=OFFERING_FIELDS,
      query={"type": Enum(*SERVICE_TYPES)})
route(f"GET {OFF}", reply=OFFERING)
route(f"PUT {OFF}", reply=OFFERING)
route(f"PATCH {OFF}", reply=OFFERING, body=Obj({
    "open": Opt(BOOL), "available": Opt(BOOL), "extra": Opt(EXTRA),
    "public_activity": Opt(BOOL)}))
route(f"DELETE {OFF}")
