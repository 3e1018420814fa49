"""Uploads: create, send files and md5, tree, close (starts the checks), checks, logs, delete."""

from __future__ import annotations

import shutil
from pathlib import PurePosixPath

from flask import jsonify, request

from ..context import sandbox
from ..errors import ApiError, not_found
from ..paging import like, matches_tags, tag_filters
from ..quota import check_storage, sent_size
from ..store import new_id, now_iso
from . import bp
from .comments import forget_comments
from .common import current_user, datastore, list_reply, no_content, owned
from .tags import add_tags, remove_tags
from .views import PLATFORM_EPOCH, stamps, upload_item, upload_view

UPLOAD_TYPES = ("VECTOR", "RASTER", "ARCHIVE")
# Assumption (sandbox/README.md): the platform's limit is not published; 100 is the plugin's
# limit for technical names, and keeps a trainee from storing megabytes in a name.
UPLOAD_NAME_MAX_LENGTH = 100


def upload_dir(upload_id: str):
    return sandbox().store.files("uploads", upload_id, "x").parent


def safe_path(raw: str) -> str:
    """A relative path inside the upload; ``..`` and absolute paths are refused."""
    if not raw:
        raise ApiError(400, "Le paramètre path est obligatoire")
    path = PurePosixPath(raw)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise ApiError(400, f"Chemin invalide : {raw}")
    return str(path)


def _tree(folder) -> list:
    items = []
    for child in sorted(folder.iterdir()):
        if child.is_dir():
            items.append({"type": "DIRECTORY", "name": child.name, "children": _tree(child),
                          "size": sum(f.stat().st_size for f in child.rglob("*") if f.is_file())})
        else:
            items.append({"type": "FILE", "name": child.name, "size": child.stat().st_size})
    return items


def _size_on_disk(upload_id: str) -> int:
    return sum(f.stat().st_size for f in upload_dir(upload_id).rglob("*") if f.is_file())


def upload_size(upload_id: str) -> int:
    return (sandbox().store.get("uploads", upload_id) or {}).get("size", 0)


def _refresh_size(upload_id: str) -> None:
    size = _size_on_disk(upload_id)
    sandbox().store.update("uploads", upload_id, lambda u: u.update(size=size))


def _open_upload(ds_id: str, upload_id: str) -> dict:
    upload = owned("uploads", ds_id, upload_id, "Livraison")
    if upload["status"] != "OPEN":
        raise ApiError(409, f"La livraison est au statut {upload['status']} : elle n'est pas"
                            " ouverte")
    return upload


@bp.post("/datastores/<ds_id>/uploads")
def create_upload(ds_id):
    ds = datastore(ds_id, "UPLOAD")
    body = request.get_json()  # checked against sandbox/contract/uploads.py
    if len(body["name"]) > UPLOAD_NAME_MAX_LENGTH:
        raise ApiError(400, f"Le champ name dépasse {UPLOAD_NAME_MAX_LENGTH} caractères")
    if body["type"] not in UPLOAD_TYPES:
        raise ApiError(400, f"type doit être l'un de {', '.join(UPLOAD_TYPES)} dans le bac à"
                            " sable")
    upload = sandbox().store.put("uploads", {
        "_id": new_id(), "datastore": ds["_id"], "name": body["name"],
        "description": body["description"], "type": body["type"],
        "srs": body["srs"].upper(), "status": "OPEN", "tags": {}, "size": 0, "open": False,
        "contact": current_user()["email"], "extent": body.get("extent"),
        "extra": body.get("extra"),
        "creation": now_iso(), "last_event": {"title": "creation", "date": now_iso()},
    })
    upload_dir(upload["_id"]).mkdir(parents=True, exist_ok=True)
    return jsonify(upload_view(upload)), 201


@bp.get("/datastores/<ds_id>/uploads")
def list_uploads(ds_id):
    datastore(ds_id)
    args = request.args
    wanted = tag_filters(args)
    items = [u for u in sandbox().store.find("uploads", datastore=ds_id)
             if matches_tags(u, wanted)
             and (not args.get("status") or u["status"] == args["status"])
             and (not args.get("type") or u["type"] == args["type"])
             and (not args.get("name") or like(u["name"], args["name"]))]
    return list_reply(items, upload_item)


@bp.get("/datastores/<ds_id>/uploads/<up_id>")
def get_upload(ds_id, up_id):
    datastore(ds_id)
    return jsonify(upload_view(owned("uploads", ds_id, up_id, "Livraison")))


@bp.post("/datastores/<ds_id>/uploads/<up_id>/data")
def push_data(ds_id, up_id):
    datastore(ds_id, "UPLOAD")
    _open_upload(ds_id, up_id)
    path = safe_path(request.args.get("path") or request.form.get("path", ""))
    sent = request.files.get("file")
    if sent is None:
        raise ApiError(400, "Le fichier (champ multipart « file ») est absent")
    target = upload_dir(up_id) / path
    # Before any byte reaches the upload: a replaced file frees its size, and the upload's
    # recorded size may lag behind its files.
    replaced = target.stat().st_size if target.is_file() else 0
    drift = upload_size(up_id) - _size_on_disk(up_id)
    check_storage(ds_id, sent_size(sent), replaced=replaced + drift)
    target.parent.mkdir(parents=True, exist_ok=True)
    sent.save(str(target))
    _refresh_size(up_id)
    return jsonify(upload_view(sandbox().store.get("uploads", up_id)))


@bp.delete("/datastores/<ds_id>/uploads/<up_id>/data")
def delete_data(ds_id, up_id):
    datastore(ds_id, "UPLOAD")
    _open_upload(ds_id, up_id)
    target = upload_dir(up_id) / safe_path(request.args.get("path", ""))
    if not target.exists():
        raise not_found("Fichier", request.args.get("path", ""))
    if target.is_dir():
        shutil.rmtree(target)
    else:
        target.unlink()
    _refresh_size(up_id)
    return no_content()


@bp.post("/datastores/<ds_id>/uploads/<up_id>/md5")
def push_md5(ds_id, up_id):
    datastore(ds_id, "UPLOAD")
    _open_upload(ds_id, up_id)
    sent = request.files.get("file") or request.files.get("md5")
    if sent is None:
        raise ApiError(400, "Le fichier md5 (champ multipart « file ») est absent")
    lines = sent.read().decode("utf-8", errors="replace").splitlines()
    entries = {}
    for line in lines:
        if not line.strip():
            continue
        digest, _, name = line.strip().partition(" ")
        if len(digest) != 32 or not name.strip():
            raise ApiError(400, f"Ligne md5 invalide : {line[:80]}")
        entries[name.strip().lstrip("*")] = digest.lower()
    sandbox().store.update("uploads", up_id, lambda u: u.setdefault("_md5", {}).update(entries))
    return jsonify(upload_view(sandbox().store.get("uploads", up_id)))


@bp.get("/datastores/<ds_id>/uploads/<up_id>/tree")
def upload_tree(ds_id, up_id):
    datastore(ds_id)
    owned("uploads", ds_id, up_id, "Livraison")
    return jsonify(_tree(upload_dir(up_id)))


@bp.post("/datastores/<ds_id>/uploads/<up_id>/close")
def close_upload(ds_id, up_id):
    datastore(ds_id, "UPLOAD")
    _open_upload(ds_id, up_id)
    if not any(upload_dir(up_id).rglob("*")):
        raise ApiError(400, "La livraison ne contient aucun fichier")
    upload = sandbox().store.update("uploads", up_id, lambda u: u.update(
        status="CLOSED", last_event={"title": "close", "date": now_iso()}))
    sandbox().workers.start_checks(up_id)
    return jsonify(upload_view(upload))


@bp.post("/datastores/<ds_id>/uploads/<up_id>/open")
def reopen_upload(ds_id, up_id):
    datastore(ds_id, "UPLOAD")
    upload = owned("uploads", ds_id, up_id, "Livraison")
    if upload["status"] not in ("CLOSED", "UNSTABLE"):
        raise ApiError(409, f"La livraison au statut {upload['status']} ne peut pas être rouverte")
    upload = sandbox().store.update("uploads", up_id, lambda u: u.update(status="OPEN"))
    return jsonify(upload_view(upload))


def check_ref(check: dict) -> dict:
    return {"_id": check["_id"], "name": check["name"], "creation": PLATFORM_EPOCH,
            "update": PLATFORM_EPOCH}


@bp.get("/datastores/<ds_id>/uploads/<up_id>/checks")
def upload_checks(ds_id, up_id):
    datastore(ds_id)
    owned("uploads", ds_id, up_id, "Livraison")
    groups = {"asked": [], "in_progress": [], "passed": [], "failed": []}
    bucket = {"WAITING": "asked", "PROGRESS": "in_progress", "SUCCESS": "passed",
              "FAILURE": "failed"}
    for run in sandbox().store.find("check_executions", upload=up_id):
        groups[bucket[run["status"]]].append(
            {"_id": run["_id"], **stamps(run), "check": check_ref(run["check"])})
    return jsonify(groups)


@bp.get("/datastores/<ds_id>/checks/executions/<run_id>")
def get_check_run(ds_id, run_id):
    datastore(ds_id)
    run = owned("check_executions", ds_id, run_id, "Exécution de vérification")
    upload = sandbox().store.get("uploads", run["upload"]) or {}
    view = {"_id": run["_id"], **stamps(run), "check": check_ref(run["check"]),
            "status": run["status"],
            "upload": {"_id": run["upload"], **stamps(upload), "type": upload.get("type", "VECTOR"),
                       "name": upload.get("name", ""), "status": upload.get("status", "DELETED")}}
    view.update({k: run[k] for k in ("start", "finish") if run.get(k)})
    return jsonify(view)


@bp.get("/datastores/<ds_id>/checks/executions/<run_id>/logs")
def check_logs(ds_id, run_id):
    datastore(ds_id)
    run = owned("check_executions", ds_id, run_id, "Exécution de vérification")
    return "\n".join(run.get("logs", [])) + "\n", 200, {"Content-Type": "text/plain; charset=utf-8"}


@bp.post("/datastores/<ds_id>/uploads/<up_id>/tags")
def tag_upload(ds_id, up_id):
    datastore(ds_id)
    return add_tags("uploads", ds_id, up_id, "Livraison")


@bp.delete("/datastores/<ds_id>/uploads/<up_id>/tags")
def untag_upload(ds_id, up_id):
    datastore(ds_id)
    return remove_tags("uploads", ds_id, up_id, "Livraison")


@bp.delete("/datastores/<ds_id>/uploads/<up_id>")
def delete_upload(ds_id, up_id):
    datastore(ds_id, "UPLOAD")
    upload = owned("uploads", ds_id, up_id, "Livraison")
    if upload["status"] == "CHECKING":
        raise ApiError(409, "La livraison est en cours de vérification")
    busy = [e for e in sandbox().store.find("executions", datastore=ds_id)
            if up_id in e.get("inputs", {}).get("upload", [])
            and e["status"] in ("WAITING", "PROGRESS")]
    if busy:
        raise ApiError(409, "La livraison est utilisée par un traitement en cours")
    sandbox().store.delete("uploads", up_id)
    forget_comments("uploads", up_id)
    for run in sandbox().store.find("check_executions", upload=up_id):
        sandbox().store.delete("check_executions", run["_id"])
    shutil.rmtree(upload_dir(up_id), ignore_errors=True)
    return no_content()
