"""The caller (users/me), the datastore and its endpoints."""

from __future__ import annotations

from .registry import route
from .schema import BOOL, DATE, ID, INT, STR, Enum, ListOf, Obj, Opt
from .shapes import ENDPOINT_TYPES, ENDPOINT_URL, STAMPS

DS = "/api/datastores/<ds_id>"
RIGHTS = ("COMMUNITY", "PROCESSING", "ANNEX", "BROADCAST", "UPLOAD")

COMMUNITY = Obj({
    **STAMPS, "_id": ID, "name": STR, "technical_name": STR, "contact": Opt(STR),
    "public": Opt(BOOL), "datastore": Opt(ID), "supervisor": Opt(ID),
})
USER = Obj({
    **STAMPS, "_id": ID, "email": STR, "first_name": STR, "last_name": STR,
    "last_login": Opt(DATE),
    "communities_member": Opt(ListOf(Obj({"community": COMMUNITY,
                                          "rights": ListOf(Enum(*RIGHTS))}))),
    "keys_quota": Opt(INT), "keys_use": Opt(INT), "documents_quota": Opt(INT),
    "documents_use": Opt(INT), "administrator": Opt(BOOL), "technical": Opt(BOOL),
})

ENDPOINT = Obj({
    **STAMPS, "_id": ID, "name": STR, "technical_name": STR, "type": Enum(*ENDPOINT_TYPES),
    "urls": ListOf(ENDPOINT_URL), "open": BOOL, "force_metadata": Opt(BOOL),
    "force_attribution": Opt(BOOL), "search_publish": Opt(BOOL), "metadata_fi": Opt(STR),
})
DATASTORE_ENDPOINT = Obj({"use": INT, "quota": INT, "endpoint": ENDPOINT})
STORAGE = Obj({**STAMPS, "_id": ID, "name": STR,
               "type": Enum("POSTGRESQL", "S3", "FILESYSTEM", "OPENSEARCH",
                            "POSTGRESQL-ROUTING"),
               "labels": ListOf(STR)})
STORAGE_USE = Obj({"use": INT, "quota": INT, "storage": STORAGE})
DATASTORE = Obj({
    **STAMPS, "_id": ID, "name": STR, "description": Opt(STR), "technical_name": STR,
    "community": Obj({**STAMPS, "_id": ID, "contact": STR, "public": BOOL}),
    "processings": Opt(ListOf(ID)), "checks": Opt(ListOf(ID)),
    "endpoints": Opt(ListOf(DATASTORE_ENDPOINT)),
    "storages": Obj({"data": Opt(ListOf(STORAGE_USE)), "uploads": STORAGE_USE,
                     "annexes": STORAGE_USE}),
    "metadata_file_identifier_prefix": Opt(STR), "configuration_layer_name_prefix": Opt(STR),
    "sharings": Opt(BOOL), "active": BOOL,
})

route("GET /api/users/me", reply=USER)
route(f"GET {DS}", reply=DATASTORE)
route(f"GET {DS}/endpoints", item=DATASTORE_ENDPOINT,
      query={"type": Enum(*ENDPOINT_TYPES), "open": Enum("true", "false")})
