"""Tags routes shared by uploads, stored data, configurations and metadata."""

from __future__ import annotations

from flask import jsonify, request

from ..context import sandbox
from ..errors import ApiError
from .common import json_body, owned


def _view(collection: str, doc: dict) -> dict:
    """The tagged entity as its own GET route shows it."""
    from . import views

    if collection == "configurations":
        from .configurations import config_view

        return config_view(doc)
    return {"uploads": views.upload_view, "stored_data": views.stored_data_view,
            "metadata": views.metadata_view}[collection](doc)


def add_tags(collection: str, ds_id: str, doc_id: str, kind: str):
    owned(collection, ds_id, doc_id, kind)
    body = json_body()
    if not all(isinstance(v, str) for v in body.values()):
        raise ApiError(400, "Les valeurs des tags doivent être des chaînes")
    doc = sandbox().store.update(collection, doc_id,
                                 lambda d: d.setdefault("tags", {}).update(body))
    return jsonify(_view(collection, doc))


def remove_tags(collection: str, ds_id: str, doc_id: str, kind: str):
    owned(collection, ds_id, doc_id, kind)
    names = []
    for raw in request.args.getlist("tags") + request.args.getlist("tags[]"):
        names.extend(n for n in raw.split(",") if n)

    def drop(doc):
        for name in names:
            doc.setdefault("tags", {}).pop(name, None)

    return jsonify(_view(collection, sandbox().store.update(collection, doc_id, drop)))
