"""Stored data: get, list (type, status, name, tags[...]), tags, patch, delete."""

from __future__ import annotations

import shutil

from flask import jsonify, request

from ..context import sandbox
from ..errors import ApiError
from ..paging import like, matches_tags, tag_filters
from . import bp
from .comments import forget_comments
from .common import datastore, json_body, list_reply, no_content, owned
from .tags import add_tags, remove_tags
from .views import stored_data_item, stored_data_view


@bp.get("/datastores/<ds_id>/stored_data")
def list_stored_data(ds_id):
    datastore(ds_id)
    args = request.args
    wanted = tag_filters(args)
    items = [s for s in sandbox().store.find("stored_data", datastore=ds_id)
             if matches_tags(s, wanted)
             and (not args.get("type") or s["type"] == args["type"])
             and (not args.get("status") or s["status"] == args["status"])
             and (not args.get("name") or like(s["name"], args["name"]))]
    return list_reply(items, stored_data_item)


@bp.get("/datastores/<ds_id>/stored_data/<sd_id>")
def get_stored_data(ds_id, sd_id):
    datastore(ds_id)
    return jsonify(stored_data_view(owned("stored_data", ds_id, sd_id, "Donnée stockée")))


@bp.patch("/datastores/<ds_id>/stored_data/<sd_id>")
def patch_stored_data(ds_id, sd_id):
    datastore(ds_id)
    owned("stored_data", ds_id, sd_id, "Donnée stockée")
    body = json_body()
    # Fields are checked by the contract; the sandbox keeps them as sent.
    doc = sandbox().store.update("stored_data", sd_id, lambda s: s.update(body))
    return jsonify(stored_data_view(doc))


@bp.post("/datastores/<ds_id>/stored_data/<sd_id>/tags")
def tag_stored_data(ds_id, sd_id):
    datastore(ds_id)
    return add_tags("stored_data", ds_id, sd_id, "Donnée stockée")


@bp.delete("/datastores/<ds_id>/stored_data/<sd_id>/tags")
def untag_stored_data(ds_id, sd_id):
    datastore(ds_id)
    return remove_tags("stored_data", ds_id, sd_id, "Donnée stockée")


def configurations_using(sd_id: str) -> list:
    """Configurations that use the stored data, or whose offering still serves it (an
    offering being resynchronised serves its previous configuration until it is done)."""
    def uses(infos: dict) -> bool:
        return any(u.get("stored_data") == sd_id for u in (infos or {}).get("used_data", []))

    served = {o["configuration"] for o in sandbox().store.all("offerings")
              if uses(o.get("_served"))}
    return [c for c in sandbox().store.all("configurations")
            if uses(c["type_infos"]) or c["_id"] in served]


@bp.delete("/datastores/<ds_id>/stored_data/<sd_id>")
def delete_stored_data(ds_id, sd_id):
    datastore(ds_id)
    sd = owned("stored_data", ds_id, sd_id, "Donnée stockée")
    users = configurations_using(sd_id)
    if users:
        names = ", ".join(c["layer_name"] for c in users)
        raise ApiError(409, f"La donnée stockée est utilisée par les configurations : {names}")
    if sd["status"] == "GENERATING":
        raise ApiError(409, "La donnée stockée est en cours de génération")
    sandbox().store.delete("stored_data", sd_id)
    forget_comments("stored_data", sd_id)
    shutil.rmtree(sandbox().store.files("stored_data", sd_id, "x").parent, ignore_errors=True)
    return no_content()
