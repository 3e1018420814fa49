"""Statics (GEOSERVER-STYLE checked like GeoServer would; ROK4-STYLE, GEOSERVER-FTL kept)."""

from __future__ import annotations

import json
import shutil

from flask import jsonify, request, send_file

from ..context import sandbox
from ..errors import ApiError
from ..paging import like
from ..quota import check_storage, sent_size
from ..sld_check import check_sld, scale_limits
from ..store import new_id, now_iso
from . import bp
from .common import datastore, json_body, list_reply, no_content, owned
from .views import static_item, static_view

STATIC_TYPES = ("GEOSERVER-STYLE", "GEOSERVER-FTL", "ROK4-STYLE")


def static_file(static: dict):
    return sandbox().store.files("statics", static["_id"], static["file_name"])


@bp.post("/datastores/<ds_id>/statics")
def create_static(ds_id):
    datastore(ds_id)
    # The web application sends these as multipart fields, the official SDK as query
    # parameters (ApiRequester.route_upload_file): the platform reads either.
    fields = {key: request.form.get(key) or request.args.get(key)
              for key in ("name", "type", "description")}
    sent = request.files.get("file")
    name = (fields["name"] or "").strip()
    kind = fields["type"] or ""
    problems = []
    if sent is None:
        problems.append("Le fichier (champ multipart « file ») est absent")
    if not name:
        problems.append("Le champ name est obligatoire")
    if kind not in STATIC_TYPES:
        problems.append(f"type doit être l'un de {', '.join(STATIC_TYPES)}")
    if problems:
        raise ApiError(400, problems)
    check_storage(ds_id, sent_size(sent))
    data = sent.read()
    type_infos = {}
    if kind == "GEOSERVER-STYLE":
        used, errors = check_sld(data)
        if errors:
            raise ApiError(400, errors)
        type_infos = {"used_attributes": used, **scale_limits(data)}
    elif kind == "ROK4-STYLE":
        try:
            json.loads(data)
        except ValueError:
            raise ApiError(400, "Un style ROK4 doit être un document JSON") from None
    static = {
        "_id": new_id(), "datastore": ds_id, "name": name, "type": kind,
        "description": fields["description"] or "", "type_infos": type_infos,
        "file_name": sent.filename or "static", "creation": now_iso(),
    }
    static["_size"] = len(data)  # counted in the storage quota (sandbox/quota.py)
    target = static_file(static)
    target.write_bytes(data)
    static = sandbox().store.put("statics", static)
    return jsonify(static_view(static)), 201


@bp.get("/datastores/<ds_id>/statics")
def list_statics(ds_id):
    datastore(ds_id)
    args = request.args
    items = [s for s in sandbox().store.find("statics", datastore=ds_id)
             if (not args.get("type") or s["type"] == args["type"])
             and (not args.get("name") or like(s["name"], args["name"]))]
    return list_reply(items, static_item)


@bp.get("/datastores/<ds_id>/statics/<st_id>")
def get_static(ds_id, st_id):
    datastore(ds_id)
    return jsonify(static_view(owned("statics", ds_id, st_id, "Fichier statique")))


@bp.get("/datastores/<ds_id>/statics/<st_id>/file")
def get_static_file(ds_id, st_id):
    datastore(ds_id)
    static = owned("statics", ds_id, st_id, "Fichier statique")
    return send_file(static_file(static), download_name=static["file_name"])


@bp.patch("/datastores/<ds_id>/statics/<st_id>")
def patch_static(ds_id, st_id):
    datastore(ds_id)
    owned("statics", ds_id, st_id, "Fichier statique")
    body = json_body()
    # Fields are checked by the contract (sandbox/contract/statics.py).
    return jsonify(static_view(sandbox().store.update("statics", st_id,
                                                      lambda s: s.update(body))))


def configurations_using_static(st_id: str) -> list:
    found = []
    for config in sandbox().store.all("configurations"):
        infos = config["type_infos"]
        styles = set(infos.get("styles") or [])
        for used in infos.get("used_data", []):
            for relation in used.get("relations") or []:
                styles.update(v for k, v in relation.items() if k in ("style", "ftl"))
        if st_id in styles:
            found.append(config)
    return found


@bp.delete("/datastores/<ds_id>/statics/<st_id>")
def delete_static(ds_id, st_id):
    datastore(ds_id)
    owned("statics", ds_id, st_id, "Fichier statique")
    users = configurations_using_static(st_id)
    if users:
        names = ", ".join(c["layer_name"] for c in users)
        raise ApiError(409, f"Le fichier statique est utilisé par les configurations : {names}")
    sandbox().store.delete("statics", st_id)
    shutil.rmtree(sandbox().store.files("statics", st_id, "x").parent, ignore_errors=True)
    return no_content()
