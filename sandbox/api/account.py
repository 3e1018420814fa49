"""users/me, keys, datastores, endpoints and processings (discovery)."""

from __future__ import annotations

import secrets
from typing import Optional

from flask import jsonify, request

from ..context import sandbox
from ..errors import ApiError, not_found
from ..key_access import permission_offerings, user_benefits
from ..paging import like
from ..quota import annex_quota, annex_use, storage_use
from ..store import new_id, now_iso
from . import bp
from .common import current_user, datastore, endpoint_view, json_body, list_reply, no_content
from .views import (
    PLATFORM_EPOCH,
    key_item,
    key_view,
    offering_short,
    permission_short,
    permission_view,
    pick,
    stamps,
)

KEY_TYPES = ("HASH", "HEADER", "BASIC", "OAUTH2")


@bp.get("/users/me")
def users_me():
    user = current_user()
    store = sandbox().store
    members = []
    for membership in user["communities"]:
        community = store.get("communities", membership["community"])
        members.append({"community": community_view(community), "rights": membership["rights"]})
    return jsonify({
        "_id": user["_id"], **stamps(user), "email": user["email"],
        "first_name": user["first_name"], "last_name": user["last_name"],
        "communities_member": members,
    })


def community_view(community: dict) -> dict:
    view = {"_id": community["_id"], **stamps(community),
            **pick(community, "name", "technical_name", "datastore", "public")}
    # The sandbox's communities have no supervisor account: the first member stands for it.
    supervisor = community.get("supervisor") or next(
        (u["_id"] for u in sandbox().store.all("users")
         if any(m["community"] == community["_id"] for m in u.get("communities", []))), None)
    if supervisor:
        view["supervisor"] = supervisor
    return view


def endpoint_use(ds_id: str, endpoint_id: str) -> int:
    return sum(1 for _ in sandbox().store.find("offerings", datastore=ds_id,
                                                 endpoint=endpoint_id))


def datastore_endpoints(ds: dict) -> list:
    store = sandbox().store
    return [
        {"endpoint": {**endpoint_view(store.get("endpoints", e["endpoint"])),
                      **stamps(store.get("endpoints", e["endpoint"]))},
         "quota": e["quota"], "use": endpoint_use(ds["_id"], e["endpoint"])}
        for e in ds["endpoints"]
    ]


def _storage(ds: dict, kind: str, labels: list, quota: int, use: int) -> dict:
    """A storage with its use, as the datastore lists it (one storage per kind here)."""
    import uuid

    storage_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"sandbox/storage/{ds['_id']}/{kind}"))
    return {"quota": quota, "use": use,
            "storage": {"_id": storage_id, **stamps(ds), "name": f"{ds['technical_name']}-{kind}",
                        "type": kind.split("-")[0], "labels": labels}}


def datastore_view(ds: dict) -> dict:
    community = sandbox().store.get("communities", ds["community"]) or {}
    use = storage_use(ds["_id"])
    view = {
        "_id": ds["_id"], **stamps(ds), "name": ds["name"],
        "technical_name": ds["technical_name"], "active": ds["active"],
        "community": {"_id": ds["community"], **stamps(community),
                      "contact": community.get("contact") or "contact@sandbox.invalid",
                      "public": bool(community.get("public", False))},
        "processings": ds["processings"], "checks": [],
        "endpoints": datastore_endpoints(ds),
        "storages": {
            "data": [_storage(ds, "POSTGRESQL", ["VECTEUR"], ds["storage_quota"], use),
                     _storage(ds, "S3", ["PYRAMIDE"], ds["storage_quota"], 0)],
            "uploads": _storage(ds, "FILESYSTEM-uploads", [], ds["storage_quota"], use),
            "annexes": _storage(ds, "S3-annexes", [], annex_quota(ds), annex_use(ds["_id"])),
        },
    }
    for key in ("configuration_layer_name_prefix", "metadata_file_identifier_prefix"):
        if ds.get(key):
            view[key] = ds[key]
    return view


@bp.get("/datastores/<ds_id>")
def get_datastore(ds_id):
    return jsonify(datastore_view(datastore(ds_id)))


@bp.get("/datastores/<ds_id>/endpoints")
def list_endpoints(ds_id):
    items = datastore_endpoints(datastore(ds_id))
    args = request.args
    if args.get("type"):
        items = [i for i in items if i["endpoint"]["type"] == args["type"].upper()]
    if args.get("open") in ("true", "false"):
        items = [i for i in items if i["endpoint"]["open"] == (args["open"] == "true")]
    return list_reply(items)


@bp.get("/datastores/<ds_id>/processings")
def list_processings(ds_id):
    ds = datastore(ds_id)
    store = sandbox().store
    wanted = request.args.get("name")
    # The official SDK finds a processing by ``?name=`` and takes the first result.
    items = [proc for proc in (store.get("processings", p) for p in ds["processings"])
             if not wanted or like(proc["name"], wanted)]
    return list_reply(items, lambda p: {
        "_id": p["_id"], "creation": PLATFORM_EPOCH, "update": PLATFORM_EPOCH,
        **pick(p, "name", "description", "priority", "input_types", "output_type")})


@bp.get("/datastores/<ds_id>/processings/<proc_id>")
def get_processing(ds_id, proc_id):
    ds = datastore(ds_id)
    if proc_id not in ds["processings"]:
        raise not_found("Traitement", proc_id)
    proc = sandbox().store.get("processings", proc_id)
    return jsonify({"creation": PLATFORM_EPOCH, "update": PLATFORM_EPOCH,
                    **{k: v for k, v in proc.items()
                       if k not in ("kind", "creation", "update")}})


# --- user keys (to consume private services) -------------------------------------------------

@bp.post("/users/me/keys")
def create_key():
    user = current_user()
    body = json_body()  # checked against sandbox/contract/permissions.py
    body.setdefault("type", "HASH")
    if body["type"] not in KEY_TYPES:
        raise ApiError(400, f"type doit être l'un de {', '.join(KEY_TYPES)} dans le bac à sable")
    infos = dict(body["type_infos"])
    _check_type_infos(body["type"], infos)
    if body["type"] == "HASH":
        infos["hash"] = infos.get("hash") or secrets.token_hex(16)
        if any(k["type_infos"].get("hash") == infos["hash"] for k in sandbox().store.all("keys")):
            raise ApiError(409, "Cette clé existe déjà")
    key = sandbox().store.put("keys", {
        "_id": new_id(), "user": user["_id"], "name": body["name"], "type": body["type"],
        "type_infos": infos, "whitelist": body.get("whitelist", []),
        "blacklist": body.get("blacklist", []), "accesses": [], "creation": now_iso(),
        **{k: body[k] for k in ("user_agent", "referer") if body.get(k)},
    })
    return jsonify(key_view(key)), 201


def _check_type_infos(kind: str, infos: dict) -> None:
    """What a service needs to recognise the key (the platform's BasicInfoDto / HeaderInfoDto)."""
    if kind == "BASIC" and not (isinstance(infos.get("login"), str) and infos.get("login")
                                and isinstance(infos.get("password"), str)
                                and infos.get("password")):
        raise ApiError(400, "type_infos.login et type_infos.password sont obligatoires pour"
                            " une clé BASIC")
    if kind == "HEADER":
        headers = infos.get("headers")
        if not (isinstance(headers, dict) and headers
                and all(isinstance(n, str) and n and isinstance(v, str) and v
                        for n, v in headers.items())):
            raise ApiError(400, "type_infos.headers (nom → valeur) est obligatoire pour une clé"
                                " HEADER")


def _my_key(key_id: str) -> dict:
    key = sandbox().store.get("keys", key_id)
    if not key or key["user"] != current_user()["_id"]:
        raise not_found("Clé", key_id)
    return key


@bp.get("/users/me/keys")
def list_keys():
    user = current_user()
    return list_reply(sandbox().store.find("keys", user=user["_id"]), key_item)


@bp.get("/users/me/keys/<key_id>")
def get_key(key_id):
    return jsonify(key_view(_my_key(key_id)))


@bp.delete("/users/me/keys/<key_id>")
def delete_key(key_id):
    _my_key(key_id)
    sandbox().store.delete("keys", key_id)
    return no_content()


@bp.post("/users/me/keys/<key_id>/accesses")
def create_access(key_id):
    """The key may then open these offerings on the private services (sandbox.key_access),
    through a permission its user benefits from: another community's permission is refused."""
    key = _my_key(key_id)
    body = json_body()
    permission = sandbox().store.get("permissions", body["permission"])
    if not permission:
        raise not_found("Permission", body["permission"])
    if not user_benefits(sandbox().store, key["user"], permission):
        raise ApiError(403, f"La permission {body['permission']} ne vous est pas accordée :"
                            " ni à votre compte ni à l'une de vos communautés")
    missing = [o for o in body["offerings"] if o not in permission_offerings(permission)]
    if missing:
        raise ApiError(400, f"Offres hors de la permission : {', '.join(missing)}")
    # One access row per offering, as the platform lists them.
    rows = [{"_id": new_id(), "permission": body["permission"], "offering": off_id,
             "creation": now_iso(), "update": now_iso()} for off_id in body["offerings"]]
    sandbox().store.update("keys", key["_id"], lambda k: k["accesses"].extend(rows))
    return no_content()


def access_view(row: dict) -> Optional[dict]:
    """``{_id, creation, update, permission: {...}, offering: {...}}``; None when the offering
    is gone (an unpublished offering takes its accesses with it)."""
    store = sandbox().store
    offering = store.get("offerings", row["offering"])
    if offering is None:
        return None
    view = {"_id": row["_id"], **stamps(row), "offering": offering_short(offering)}
    permission = store.get("permissions", row["permission"])
    if permission is not None:
        view["permission"] = permission_short(permission)
    return view


@bp.get("/users/me/keys/<key_id>/accesses")
def list_accesses(key_id):
    rows = [access_view(row) for row in _my_key(key_id)["accesses"] if "offering" in row]
    return list_reply([row for row in rows if row is not None])


@bp.get("/users/me/permissions")
def my_permissions():
    user = current_user()
    communities = {m["community"] for m in user["communities"]}
    items = [p for p in sandbox().store.all("permissions")
             if user["_id"] in p.get("users", []) or communities & set(p.get("communities", []))]
    return list_reply(items, permission_view)
