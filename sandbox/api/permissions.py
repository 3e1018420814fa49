"""Permissions on private offerings (own datastore only; the sandbox is "Tout public")."""

from __future__ import annotations

from flask import jsonify, request

from ..context import sandbox
from ..errors import ApiError
from ..store import new_id, now_iso
from . import bp
from .common import (
    current_user,
    datastore,
    is_sandbox,
    json_body,
    list_reply,
    no_content,
    owned,
)
from .views import permission_view


@bp.post("/datastores/<ds_id>/permissions")
def create_permission(ds_id):
    ds = datastore(ds_id, "COMMUNITY")
    if is_sandbox(ds):
        raise ApiError(403, "Le bac à sable ne publie que des services « Tout public » :"
                            " les permissions ne sont pas disponibles")
    body = json_body()  # fields, types, beneficiaries: sandbox/contract/permissions.py
    kind = body["type"]
    field = "communities" if kind == "COMMUNITY" else "users"
    beneficiaries = body[field]
    store = sandbox().store
    for off_id in body["offerings"]:
        offering = store.get("offerings", off_id)
        if not offering or offering["datastore"] != ds_id:
            raise ApiError(400, f"Offre {off_id} inconnue dans cet entrepôt")
    known = store.all("communities" if kind == "COMMUNITY" else "users")
    known_ids = {d["_id"] for d in known}
    unknown = [b for b in beneficiaries if b not in known_ids]
    if unknown:
        raise ApiError(400, f"Bénéficiaires inconnus : {', '.join(unknown)}")
    created = []
    for beneficiary in beneficiaries:
        created.append(permission_view(store.put("permissions", {
            "_id": new_id(), "datastore": ds_id, "type": kind, field: [beneficiary],
            "beneficiary": {"_id": beneficiary}, "licence": body["licence"],
            "end_date": body.get("end_date"), "offerings": list(body["offerings"]),
            "only_oauth": bool(body.get("only_oauth", False)),
            "datastore_author": {"_id": ds_id}, "author": current_user()["_id"],
            "creation": now_iso(),
        })))
    return jsonify(created), 201


@bp.get("/datastores/<ds_id>/permissions")
def list_permissions(ds_id):
    datastore(ds_id)
    offering = request.args.get("offering")
    items = [p for p in sandbox().store.find("permissions", datastore=ds_id)
             if not offering or offering in p["offerings"]]
    return list_reply(items, permission_view)


@bp.get("/datastores/<ds_id>/permissions/<perm_id>")
def get_permission(ds_id, perm_id):
    datastore(ds_id)
    return jsonify(permission_view(owned("permissions", ds_id, perm_id, "Permission")))


@bp.delete("/datastores/<ds_id>/permissions/<perm_id>")
def delete_permission(ds_id, perm_id):
    datastore(ds_id, "COMMUNITY")
    owned("permissions", ds_id, perm_id, "Permission")
    sandbox().store.delete("permissions", perm_id)
    return no_content()
