"""Annexes (minimal): public files of a datastore, served at /annexes/<technical name>/<path>."""

from __future__ import annotations

import shutil

from flask import jsonify, request

from ..context import sandbox
from ..errors import ApiError
from ..quota import check_annexes, sent_size
from ..store import new_id, now_iso
from . import bp
from .common import datastore, json_body, list_reply, no_content, owned
from .uploads import safe_path
from .views import annex_view


def annexe_file(annexe: dict):
    return sandbox().store.files("annexes", annexe["_id"], "content")


@bp.post("/datastores/<ds_id>/annexes")
def create_annexe(ds_id):
    datastore(ds_id, "ANNEX")
    sent = request.files.get("file")
    paths = request.form.getlist("paths") or request.args.getlist("paths")
    if sent is None or not paths:
        raise ApiError(400, "Les champs multipart « file » et « paths » sont obligatoires")
    clean = ["/" + safe_path(p.lstrip("/")) for p in paths]
    taken = {p for a in sandbox().store.find("annexes", datastore=ds_id) for p in a["paths"]}
    clash = [p for p in clean if p in taken]
    if clash:
        raise ApiError(409, f"Chemin déjà utilisé : {', '.join(clash)}")
    annexe = {
        "_id": new_id(), "datastore": ds_id, "paths": clean,
        "mime_type": sent.mimetype or "application/octet-stream",
        "published": (request.form.get("published") or "true").lower() == "true",
        "labels": request.form.getlist("labels"), "creation": now_iso(),
    }
    check_annexes(ds_id, sent_size(sent))
    data = sent.read()
    annexe["size"] = len(data)
    annexe_file(annexe).write_bytes(data)
    return jsonify(annex_view(sandbox().store.put("annexes", annexe))), 201


@bp.get("/datastores/<ds_id>/annexes")
def list_annexes(ds_id):
    datastore(ds_id)
    path = request.args.get("path")
    items = [a for a in sandbox().store.find("annexes", datastore=ds_id)
             if not path or "/" + path.lstrip("/") in a["paths"]]
    return list_reply(items, annex_view)


@bp.get("/datastores/<ds_id>/annexes/<an_id>")
def get_annexe(ds_id, an_id):
    datastore(ds_id)
    return jsonify(annex_view(owned("annexes", ds_id, an_id, "Annexe")))


@bp.delete("/datastores/<ds_id>/annexes/<an_id>")
def delete_annexe(ds_id, an_id):
    datastore(ds_id, "ANNEX")
    owned("annexes", ds_id, an_id, "Annexe")
    sandbox().store.delete("annexes", an_id)
    shutil.rmtree(sandbox().store.files("annexes", an_id, "x").parent, ignore_errors=True)
    return no_content()


@bp.patch("/datastores/<ds_id>/annexes/<an_id>")
def patch_annexe(ds_id, an_id):
    datastore(ds_id, "ANNEX")
    owned("annexes", ds_id, an_id, "Annexe")
    body = json_body()
    allowed = {k: v for k, v in body.items() if k in ("labels", "published", "paths")}
    if "labels" in allowed and not isinstance(allowed["labels"], list):
        raise ApiError(400, "labels doit être une liste de chaînes")
    return jsonify(annex_view(sandbox().store.update("annexes", an_id,
                                                     lambda a: a.update(allowed))))


@bp.post("/datastores/<ds_id>/annexes/<an_id>/tags")
def tag_annexe(ds_id, an_id):
    """Tags on annexes are their ``key=value`` labels."""
    datastore(ds_id, "ANNEX")
    owned("annexes", ds_id, an_id, "Annexe")
    body = json_body()

    def merge(annexe):
        kept = [label for label in annexe["labels"] if label.split("=", 1)[0] not in body]
        annexe["labels"] = kept + [f"{k}={v}" for k, v in body.items()]

    return jsonify(annex_view(sandbox().store.update("annexes", an_id, merge)))


@bp.delete("/datastores/<ds_id>/annexes/<an_id>/tags")
def untag_annexe(ds_id, an_id):
    datastore(ds_id, "ANNEX")
    owned("annexes", ds_id, an_id, "Annexe")
    names = {n for raw in request.args.getlist("tags") for n in raw.split(",") if n}
    return jsonify(annex_view(sandbox().store.update("annexes", an_id, lambda a: a.update(
        labels=[label for label in a["labels"] if label.split("=", 1)[0] not in names]))))
