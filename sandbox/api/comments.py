"""Comments on uploads, stored data and configurations: list, add, edit, remove.

The official SDK reads an upload's comments during every delivery and adds the ones its
descriptor lists (``store/interface/CommentInterface.py``): ``GET``/``POST …/{id}/comments``
with ``{"text": …}``, ``PUT``/``DELETE …/comments/{comment}``.
"""

from __future__ import annotations

from flask import jsonify

from ..context import sandbox
from ..errors import ApiError, not_found
from ..store import new_id, now_iso
from . import bp
from .common import current_user, datastore, json_body, list_reply, no_content, owned

# URL segment → (collection, the name used in "not found" messages)
COMMENTED = {
    "uploads": ("uploads", "Livraison"),
    "stored_data": ("stored_data", "Donnée stockée"),
    "configurations": ("configurations", "Configuration"),
}
MAX_TEXT = 4000


def _target(ds_id: str, kind: str, doc_id: str) -> str:
    datastore(ds_id)
    collection, label = COMMENTED[kind]
    owned(collection, ds_id, doc_id, label)
    return collection


def _text(body: dict) -> str:
    unknown = sorted(set(body) - {"text"})
    if unknown:
        raise ApiError(400, [f"Le champ {name} n'est pas autorisé" for name in unknown])
    text = body.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ApiError(400, "Le champ text est obligatoire (chaîne non vide)")
    if len(text) > MAX_TEXT:
        raise ApiError(400, f"Le champ text dépasse {MAX_TEXT} caractères")
    return text


def comment_view(comment: dict) -> dict:
    return {"_id": comment["_id"], "text": comment["text"], "author": comment["author"],
            "creation": comment["creation"], "update": comment["update"]}


def _comments_of(collection: str, doc_id: str) -> list:
    found = [c for c in sandbox().store.find("comments", target_id=doc_id)
             if c["target"] == collection]
    return sorted(found, key=lambda c: c["creation"])


def _own_comment(collection: str, doc_id: str, comment_id: str) -> dict:
    comment = sandbox().store.get("comments", comment_id)
    if not comment or comment["target"] != collection or comment["target_id"] != doc_id:
        raise not_found("Commentaire", comment_id)
    if comment["author"]["_id"] != current_user()["_id"]:
        raise ApiError(403, "Seul l'auteur d'un commentaire peut le modifier ou le supprimer")
    return comment


def list_comments(ds_id, kind, doc_id):
    collection = _target(ds_id, kind, doc_id)
    return list_reply(_comments_of(collection, doc_id), comment_view)


def add_comment(ds_id, kind, doc_id):
    collection = _target(ds_id, kind, doc_id)
    text = _text(json_body())
    user = current_user()
    stamp = now_iso()
    comment = sandbox().store.put("comments", {
        "_id": new_id(), "target": collection, "target_id": doc_id, "text": text,
        "author": {"_id": user["_id"], "first_name": user.get("first_name", ""),
                   "last_name": user.get("last_name", "")},
        "creation": stamp, "update": stamp,
    })
    return jsonify(comment_view(comment)), 201


def edit_comment(ds_id, kind, doc_id, comment_id):
    collection = _target(ds_id, kind, doc_id)
    _own_comment(collection, doc_id, comment_id)
    text = _text(json_body())
    comment = sandbox().store.update(
        "comments", comment_id, lambda c: c.update(text=text, update=now_iso()))
    return jsonify(comment_view(comment))


def remove_comment(ds_id, kind, doc_id, comment_id):
    collection = _target(ds_id, kind, doc_id)
    _own_comment(collection, doc_id, comment_id)
    sandbox().store.delete("comments", comment_id)
    return no_content()


# One rule per commented entity, so each route reads plainly (and has its own contract key).
for _kind in COMMENTED:
    _base = f"/datastores/<ds_id>/{_kind}/<doc_id>/comments"
    _fixed = {"kind": _kind}
    bp.add_url_rule(_base, f"list_{_kind}_comments", list_comments, methods=["GET"],
                    defaults=_fixed)
    bp.add_url_rule(_base, f"add_{_kind}_comment", add_comment, methods=["POST"],
                    defaults=_fixed)
    bp.add_url_rule(_base + "/<comment_id>", f"edit_{_kind}_comment", edit_comment,
                    methods=["PUT"], defaults=_fixed)
    bp.add_url_rule(_base + "/<comment_id>", f"remove_{_kind}_comment", remove_comment,
                    methods=["DELETE"], defaults=_fixed)


def forget_comments(collection: str, doc_id: str) -> None:
    """Drop the comments of a deleted entity (the platform deletes them with it)."""
    for comment in _comments_of(collection, doc_id):
        sandbox().store.delete("comments", comment["_id"])
