"""Permissions on offerings, user keys and their accesses."""

from __future__ import annotations

from .registry import route
from .schema import BOOL, DATE, ID, STR, Enum, ListOf, MapOf, Obj, Opt
from .shapes import (
    KEY_TYPES,
    NAME,
    OFFERING_SHORT,
    PERMISSION_SHORT,
    STAMPS,
)

DS = "/api/datastores/<ds_id>"
KEY = "/api/users/me/keys/<key_id>"

BENEFICIARY = Obj({**STAMPS, "_id": ID, "name": Opt(STR), "technical_name": Opt(STR),
                   "first_name": Opt(STR), "last_name": Opt(STR), "contact": Opt(STR),
                   "public": Opt(BOOL)})
DATASTORE_AUTHOR = Obj({**STAMPS, "_id": ID, "name": Opt(STR), "technical_name": Opt(STR),
                        "active": Opt(BOOL)})
# Permission replies list their offerings as objects, not ids.
PERMISSION = Obj({**STAMPS, "_id": ID, "licence": STR, "end_date": Opt(DATE),
                  "offerings": ListOf(OFFERING_SHORT), "datastore_author": Opt(DATASTORE_AUTHOR),
                  "beneficiary": Opt(BENEFICIARY), "only_oauth": Opt(BOOL)})


def _beneficiaries(body: dict) -> list:
    wanted = "communities" if body.get("type", "ACCOUNT") == "COMMUNITY" else "users"
    other = "users" if wanted == "communities" else "communities"
    errors = []
    if not body.get(wanted):
        errors.append(f"Le champ {wanted} est obligatoire pour le type {body.get('type')}")
    if body.get(other):
        errors.append(f"Le champ {other} n'est pas autorisé pour le type {body.get('type')}")
    return errors


route(f"POST {DS}/permissions", reply=ListOf(PERMISSION), body=Obj({
    "licence": STR, "end_date": Opt(DATE), "offerings": ListOf(ID, min_items=1),
    "type": Enum("ACCOUNT", "COMMUNITY"), "only_oauth": Opt(BOOL),
    "users": Opt(ListOf(ID)), "communities": Opt(ListOf(ID)),
}, rule=_beneficiaries))
route(f"GET {DS}/permissions", item=PERMISSION)
route(f"GET {DS}/permissions/<perm_id>", reply=PERMISSION)
route(f"DELETE {DS}/permissions/<perm_id>")
route("GET /api/users/me/permissions", item=PERMISSION)

KEY_INFOS = {"HASH": Obj({"hash": Opt(STR)}),
             "BASIC": Obj({"login": Opt(STR), "password": Opt(STR)}),
             "HEADER": Obj({"headers": Opt(MapOf(STR))}),
             "OAUTH2": Obj({})}
KEY_DETAIL = Obj({**STAMPS, "_id": ID, "name": NAME, "type": Opt(Enum(*KEY_TYPES)),
                  "whitelist": Opt(ListOf(STR)), "blacklist": Opt(ListOf(STR)),
                  "user_agent": Opt(STR), "referer": Opt(STR), "type_infos": Obj({
                      "hash": Opt(STR), "login": Opt(STR), "password": Opt(STR),
                      "headers": Opt(MapOf(STR))})})
KEY_ITEM = Obj({**STAMPS, "_id": ID, "name": NAME, "type": Opt(Enum(*KEY_TYPES))})
# One row per offering the key reaches, with the permission that grants it.
ACCESS = Obj({**STAMPS, "_id": ID, "permission": Opt(PERMISSION_SHORT),
              "offering": OFFERING_SHORT})

route("POST /api/users/me/keys", reply=KEY_DETAIL, body=Obj({
    "name": NAME, "type": Opt(Enum(*KEY_TYPES)), "whitelist": Opt(ListOf(STR)),
    "blacklist": Opt(ListOf(STR)), "user_agent": Opt(STR), "referer": Opt(STR),
    "type_infos": Obj({}, extra=True),
}, variants=("type", "type_infos", KEY_INFOS)))
route("GET /api/users/me/keys", item=KEY_ITEM)
route(f"GET {KEY}", reply=KEY_DETAIL)
route(f"DELETE {KEY}")
route(f"POST {KEY}/accesses", body=Obj({"permission": ID, "offerings": ListOf(ID, min_items=1)}))
route(f"GET {KEY}/accesses", item=ACCESS)
