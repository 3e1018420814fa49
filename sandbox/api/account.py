"""users/me, keys, datastores, endpoints and processings (discovery)."""

from __future__ import annotations

import secrets

from flask import jsonify, request

from ..context import sandbox
from ..errors import ApiError, not_found
from ..paging import like
from ..store import new_id, now_iso
from . import bp
from .common import (
    current_user,
    datastore,
    endpoint_view,
    json_body,
    list_reply,
    no_content,
    public,
    require,
)

KEY_TYPES = ("HASH", "BASIC", "OAUTH2")


@bp.get("/users/me")
def users_me():
    user = current_user()
    store = sandbox().store
    members = []
    for membership in user["communities"]:
        community = store.get("communities", membership["community"])
        members.append({"community": public(community), "rights": membership["rights"]})
    return jsonify({
        "_id": user["_id"], "email": user["email"], "first_name": user["first_name"],
        "last_name": user["last_name"], "creation": user["creation"],
        "communities_member": members,
    })


def endpoint_use(ds_id: str, endpoint_id: str) -> int:
    return sum(1 for _ in sandbox().store.find("offerings", datastore=ds_id,
                                                 endpoint=endpoint_id))


def storage_use(ds_id: str) -> int:
    store = sandbox().store
    return sum(d.get("size", 0) for kind in ("uploads", "stored_data")
               for d in store.find(kind, datastore=ds_id))


def datastore_endpoints(ds: dict) -> list:
    store = sandbox().store
    return [
        {"endpoint": endpoint_view(store.get("endpoints", e["endpoint"])),
         "quota": e["quota"], "use": endpoint_use(ds["_id"], e["endpoint"])}
        for e in ds["endpoints"]
    ]


def datastore_view(ds: dict) -> dict:
    view = {
        "_id": ds["_id"], "name": ds["name"], "technical_name": ds["technical_name"],
        "active": ds["active"], "community": {"_id": ds["community"]},
        "processings": ds["processings"], "checks": [],
        "endpoints": datastore_endpoints(ds),
        "storages": {
            "data": [{"type": "POSTGRESQL", "quota": ds["storage_quota"],
                      "use": storage_use(ds["_id"]), "storage_tags": ["VECTEUR"]},
                     {"type": "S3", "quota": ds["storage_quota"], "use": 0,
                      "storage_tags": ["PYRAMIDE"]}],
            "uploads": {"quota": ds["storage_quota"], "use": storage_use(ds["_id"])},
            "annexes": {"quota": 100 * 1024**2, "use": 0},
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
    return list_reply(items, lambda p: {"_id": p["_id"], "name": p["name"],
                                        "description": p["description"]})


@bp.get("/datastores/<ds_id>/processings/<proc_id>")
def get_processing(ds_id, proc_id):
    ds = datastore(ds_id)
    if proc_id not in ds["processings"]:
        raise not_found("Traitement", proc_id)
    proc = sandbox().store.get("processings", proc_id)
    return jsonify({k: v for k, v in proc.items() if k != "kind"})


# --- user keys (to consume private services) -------------------------------------------------

def key_view(key: dict) -> dict:
    return {k: v for k, v in key.items() if k not in ("user",)}


@bp.post("/users/me/keys")
def create_key():
    user = current_user()
    body = json_body()
    require(body, "name", "type")
    if body["type"] not in KEY_TYPES:
        raise ApiError(400, f"type doit être l'un de {', '.join(KEY_TYPES)}")
    infos = dict(body.get("type_infos") or {})
    if body["type"] == "HASH":
        infos["hash"] = infos.get("hash") or secrets.token_hex(16)
        if any(k["type_infos"].get("hash") == infos["hash"] for k in sandbox().store.all("keys")):
            raise ApiError(409, "Cette clé existe déjà")
    key = sandbox().store.put("keys", {
        "_id": new_id(), "user": user["_id"], "name": body["name"], "type": body["type"],
        "type_infos": infos, "whitelist": body.get("whitelist", []),
        "blacklist": body.get("blacklist", []), "accesses": [], "creation": now_iso(),
    })
    return jsonify(key_view(key)), 201


def _my_key(key_id: str) -> dict:
    key = sandbox().store.get("keys", key_id)
    if not key or key["user"] != current_user()["_id"]:
        raise not_found("Clé", key_id)
    return key


@bp.get("/users/me/keys")
def list_keys():
    user = current_user()
    return list_reply(sandbox().store.find("keys", user=user["_id"]), key_view)


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
    """Accepted for compatibility: in the sandbox a permission already lets every key through."""
    key = _my_key(key_id)
    body = json_body()
    require(body, "permission", "offerings")
    permission = sandbox().store.get("permissions", body["permission"])
    if not permission:
        raise not_found("Permission", body["permission"])
    missing = [o for o in body["offerings"] if o not in permission["offerings"]]
    if missing:
        raise ApiError(400, f"Offres hors de la permission : {', '.join(missing)}")
    sandbox().store.update("keys", key["_id"], lambda k: k["accesses"].append(
        {"permission": body["permission"], "offerings": body["offerings"]}))
    return no_content()


@bp.get("/users/me/keys/<key_id>/accesses")
def list_accesses(key_id):
    return list_reply(_my_key(key_id)["accesses"])


@bp.get("/users/me/permissions")
def my_permissions():
    user = current_user()
    communities = {m["community"] for m in user["communities"]}
    items = [p for p in sandbox().store.all("permissions")
             if user["_id"] in p.get("users", []) or communities & set(p.get("communities", []))]
    return list_reply(items, public)
