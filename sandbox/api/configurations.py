"""Configurations (WMS-VECTOR, WMTS-TMS) and their offerings on the datastore's endpoints."""

from __future__ import annotations

import re

from flask import jsonify, request

from ..context import sandbox
from ..errors import ApiError
from ..paging import like, matches_tags, tag_filters
from ..store import new_id, now_iso
from . import bp
from .account import endpoint_use
from .comments import forget_comments
from .common import (
    current_user,
    datastore,
    endpoint_view,
    is_sandbox,
    json_body,
    list_reply,
    no_content,
    owned,
    require,
)
from .tags import add_tags, remove_tags
from .views import configuration_ref, endpoint_ref, pick, stamps

CONFIG_TYPES = ("WMS-VECTOR", "WMTS-TMS")
LAYER_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-.]*$")


def _check_layer_name(ds: dict, kind: str, layer_name: str, user: dict) -> None:
    if not LAYER_NAME.match(layer_name):
        raise ApiError(400, f"layer_name « {layer_name} » invalide : attendu"
                            " ^[A-Za-z_][A-Za-z0-9_\\-.]*$")
    prefix = ds.get("configuration_layer_name_prefix")
    if prefix and not layer_name.startswith(prefix + "."):
        raise ApiError(400, f"Dans cet entrepôt, layer_name doit commencer par « {prefix}. »")
    taken = any(c["layer_name"] == layer_name and c["type"] == kind
                for c in sandbox().store.all("configurations"))
    if taken:
        raise ApiError(409, f"Le nom de couche « {layer_name} » est déjà utilisé pour le"
                            f" type {kind}")
    limit = ds.get("layer_limit_per_account")
    if limit:
        mine = [c for c in sandbox().store.find("configurations", datastore=ds["_id"])
                if c.get("created_by") == user["_id"]]
        if len(mine) >= limit:
            raise ApiError(409, f"Limite de {limit} couches par compte atteinte dans le bac"
                                " à sable")


def _generated(ds_id: str, sd_id: str, kind: str) -> dict:
    sd = sandbox().store.get("stored_data", sd_id or "")
    if not sd or sd["datastore"] != ds_id:
        raise ApiError(400, f"Donnée stockée {sd_id} inconnue dans cet entrepôt")
    if sd["type"] != kind:
        raise ApiError(400, f"La donnée stockée {sd_id} est de type {sd['type']}, {kind} attendu")
    if sd["status"] != "GENERATED":
        raise ApiError(400, f"La donnée stockée {sd_id} est au statut {sd['status']} (GENERATED"
                            " attendu)")
    return sd


def _check_wms_vector(ds_id: str, used_data: list) -> dict:
    """Validate tables and styles; returns the bbox of the first stored data."""
    bbox = None
    for used in used_data:
        sd = _generated(ds_id, used.get("stored_data"), "VECTOR-DB")
        bbox = bbox or sd.get("bbox")
        tables = {r["name"]: r for r in sd["type_infos"]["relations"]}
        relations = used.get("relations") or []
        if not relations:
            raise ApiError(400, "used_data[].relations ne peut pas être vide")
        for relation in relations:
            table = tables.get(relation.get("name"))
            if table is None:
                raise ApiError(400, f"La table « {relation.get('name')} » est absente de la donnée"
                                    f" stockée {sd['_id']} (tables : {', '.join(tables)})")
            style = sandbox().store.get("statics", relation.get("style") or "")
            if not style or style["datastore"] != ds_id or style["type"] != "GEOSERVER-STYLE":
                raise ApiError(400, f"Le style {relation.get('style')} de la table {table['name']}"
                                    " n'est pas un fichier statique GEOSERVER-STYLE de l'entrepôt")
            missing = [a for a in style["type_infos"].get("used_attributes", [])
                       if a not in table["attributes"]]
            if missing:
                raise ApiError(400, f"Le style {style['_id']} utilise des attributs absents de la"
                                    f" table {table['name']} : {', '.join(missing)}")
    return bbox


def _check_wmts(ds_id: str, used_data: list) -> dict:
    bbox = None
    for used in used_data:
        sd = _generated(ds_id, used.get("stored_data"), "ROK4-PYRAMID-RASTER")
        bbox = bbox or sd.get("bbox")
        levels = {int(z) for z in sd["type_infos"]["levels"]}
        try:
            top, bottom = int(used["top_level"]), int(used["bottom_level"])
        except (KeyError, TypeError, ValueError):
            raise ApiError(400, "used_data[].top_level et bottom_level sont obligatoires") from None
        if top > bottom:
            raise ApiError(400, "top_level doit être inférieur ou égal à bottom_level")
        absent = [str(z) for z in (top, bottom) if z not in levels]
        if absent:
            raise ApiError(400, f"Niveaux absents de la pyramide {sd['_id']} : {', '.join(absent)}"
                                f" (niveaux : {min(levels)} à {max(levels)})")
    return bbox


@bp.post("/datastores/<ds_id>/configurations")
def create_configuration(ds_id):
    ds = datastore(ds_id, "BROADCAST")
    user = current_user()
    body = json_body()  # fields, types and required ones: sandbox/contract/configurations.py
    if body["type"] not in CONFIG_TYPES:
        raise ApiError(400, f"type doit être l'un de {', '.join(CONFIG_TYPES)} dans le bac à"
                            " sable")
    infos = dict(body["type_infos"])
    _check_layer_name(ds, body["type"], body["layer_name"], user)
    check = _check_wms_vector if body["type"] == "WMS-VECTOR" else _check_wmts
    bbox = check(ds_id, infos["used_data"])
    if not infos.get("bbox") and bbox:
        infos["bbox"] = bbox
    config = sandbox().store.put("configurations", {
        "_id": new_id(), "datastore": ds_id, "type": body["type"], "name": body["name"],
        "layer_name": body["layer_name"], "type_infos": infos,
        "attribution": body.get("attribution"), "metadata": body.get("metadata") or [],
        "status": "UNPUBLISHED", "tags": {}, "created_by": user["_id"],
        "creation": now_iso(), "last_event": {"title": "creation", "date": now_iso()},
    })
    return jsonify(config_view(config)), 201


@bp.put("/datastores/<ds_id>/configurations/<conf_id>")
def replace_configuration(ds_id, conf_id):
    """Full replace (layer_name and type cannot change); offerings resync with PUT on them."""
    datastore(ds_id, "BROADCAST")
    config = owned("configurations", ds_id, conf_id, "Configuration")
    body = json_body()
    for immutable in ("layer_name", "type"):
        if body.get(immutable) not in (None, config[immutable]):
            raise ApiError(400, f"{immutable} ne peut pas être modifié")
    infos = dict(body["type_infos"])
    check = _check_wms_vector if config["type"] == "WMS-VECTOR" else _check_wmts
    bbox = check(ds_id, infos["used_data"])
    if not infos.get("bbox") and bbox:
        infos["bbox"] = bbox
    updated = sandbox().store.update("configurations", conf_id, lambda c: c.update(
        name=body["name"], type_infos=infos, attribution=body.get("attribution"),
        metadata=body.get("metadata") or [],
        last_event={"title": "modification", "date": now_iso()}))
    return jsonify(config_view(updated))


def config_view(config: dict) -> dict:
    view = {"_id": config["_id"], **stamps(config),
            **pick(config, "name", "layer_name", "type", "status", "attribution", "last_event",
                   "extra", "type_infos")}
    view["tags"] = config.get("tags") or {}
    if config.get("metadata"):
        view["metadata"] = config["metadata"]
    return view


def config_item(config: dict) -> dict:
    view = config_view(config)
    for detail_only in ("type_infos", "extra"):
        view.pop(detail_only, None)
    return view


@bp.get("/datastores/<ds_id>/configurations")
def list_configurations(ds_id):
    datastore(ds_id)
    args = request.args
    wanted = tag_filters(args)
    items = [c for c in sandbox().store.find("configurations", datastore=ds_id)
             if matches_tags(c, wanted)
             and (not args.get("type") or c["type"] == args["type"])
             and (not args.get("status") or c["status"] == args["status"])
             and (not args.get("name") or like(c["name"], args["name"]))
             and (not args.get("layer_name") or like(c["layer_name"], args["layer_name"]))
             and (not args.get("stored_data") or any(
                 u.get("stored_data") == args["stored_data"]
                 for u in c["type_infos"].get("used_data", [])))]
    return list_reply(items, config_item)


@bp.get("/datastores/<ds_id>/configurations/<conf_id>")
def get_configuration(ds_id, conf_id):
    datastore(ds_id)
    return jsonify(config_view(owned("configurations", ds_id, conf_id, "Configuration")))


@bp.post("/datastores/<ds_id>/configurations/<conf_id>/tags")
def tag_configuration(ds_id, conf_id):
    datastore(ds_id)
    return add_tags("configurations", ds_id, conf_id, "Configuration")


@bp.delete("/datastores/<ds_id>/configurations/<conf_id>/tags")
def untag_configuration(ds_id, conf_id):
    datastore(ds_id)
    return remove_tags("configurations", ds_id, conf_id, "Configuration")


@bp.delete("/datastores/<ds_id>/configurations/<conf_id>")
def delete_configuration(ds_id, conf_id):
    datastore(ds_id, "BROADCAST")
    owned("configurations", ds_id, conf_id, "Configuration")
    if any(sandbox().store.find("offerings", configuration=conf_id)):
        raise ApiError(409, "La configuration a encore une offre : dépubliez-la d'abord")
    sandbox().store.delete("configurations", conf_id)
    forget_comments("configurations", conf_id)
    return no_content()


# --- offerings ---------------------------------------------------------------------------------

def offering_urls(offering: dict) -> list:
    endpoint = sandbox().store.get("endpoints", offering["endpoint"])
    urls = []
    for item in endpoint_view(endpoint)["urls"]:
        if item["type"] == "WMS":
            url = f"{item['url']}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities"
        elif item["type"] == "WMTS":
            url = f"{item['url']}?SERVICE=WMTS&VERSION=1.0.0&REQUEST=GetCapabilities"
        elif item["type"] == "TMS":
            url = f"{item['url']}/{offering['layer_name']}"
        else:
            url = item["url"]
        urls.append({"type": item["type"], "url": url})
    return urls


def offering_view(offering: dict) -> dict:
    view = {"_id": offering["_id"], **stamps(offering),
            **pick(offering, "open", "available", "layer_name", "type", "status", "extra")}
    view["public_activity"] = bool(offering.get("public_activity", False))
    view["urls"] = offering_urls(offering)
    view["endpoint"] = endpoint_ref(offering["endpoint"])
    view["configuration"] = configuration_ref(offering["configuration"])
    return view


@bp.post("/datastores/<ds_id>/configurations/<conf_id>/offerings")
def create_offering(ds_id, conf_id):
    ds = datastore(ds_id, "BROADCAST")
    config = owned("configurations", ds_id, conf_id, "Configuration")
    body = json_body()
    require(body, "endpoint")
    entry = next((e for e in ds["endpoints"] if e["endpoint"] == body["endpoint"]), None)
    if entry is None:
        raise ApiError(400, f"Le point d'accès {body['endpoint']} n'est pas dans cet entrepôt")
    endpoint = sandbox().store.get("endpoints", body["endpoint"])
    if endpoint["type"] != config["type"]:
        raise ApiError(400, f"Le point d'accès est de type {endpoint['type']}, la configuration"
                            f" de type {config['type']}")
    wants_open = bool(body.get("open", False))
    if is_sandbox(ds) and not wants_open:
        raise ApiError(400, "Le bac à sable ne publie que des services « Tout public » :"
                            " les restrictions d'accès ne sont pas disponibles")
    if any(sandbox().store.find("offerings", configuration=conf_id, endpoint=endpoint["_id"])):
        raise ApiError(409, "Cette configuration est déjà publiée sur ce point d'accès")
    if endpoint_use(ds_id, endpoint["_id"]) >= entry["quota"]:
        raise ApiError(409, f"Quota du point d'accès {endpoint['name']} atteint"
                            f" ({entry['quota']} offres)")
    offering = sandbox().store.put("offerings", {
        "_id": new_id(), "datastore": ds_id, "configuration": conf_id,
        "endpoint": endpoint["_id"], "type": config["type"], "layer_name": config["layer_name"],
        "open": True if endpoint["open"] else wants_open, "status": "PUBLISHING",
        "available": False, "creation": now_iso(),
        "public_activity": bool(body.get("public_activity", False)),
    })
    sandbox().workers.publish(offering["_id"])
    return jsonify(offering_view(offering)), 201


@bp.get("/datastores/<ds_id>/configurations/<conf_id>/offerings")
def configuration_offerings(ds_id, conf_id):
    datastore(ds_id)
    owned("configurations", ds_id, conf_id, "Configuration")
    return list_reply(sandbox().store.find("offerings", configuration=conf_id), offering_view)


@bp.get("/datastores/<ds_id>/offerings")
def list_offerings(ds_id):
    datastore(ds_id)
    args = request.args
    items = []
    for o in sandbox().store.find("offerings", datastore=ds_id):
        if args.get("type") and o["type"] != args["type"]:
            continue
        if args.get("endpoint") and o["endpoint"] != args["endpoint"]:
            continue
        if args.get("layer_name") and not like(o["layer_name"], args["layer_name"]):
            continue
        if args.get("configuration") and o["configuration"] != args["configuration"]:
            continue
        if args.get("stored_data"):
            config = sandbox().store.get("configurations", o["configuration"]) or {}
            if not any(u.get("stored_data") == args["stored_data"]
                       for u in config.get("type_infos", {}).get("used_data", [])):
                continue
        items.append(o)
    return list_reply(items, offering_view)


@bp.get("/datastores/<ds_id>/offerings/<off_id>")
def get_offering(ds_id, off_id):
    datastore(ds_id)
    return jsonify(offering_view(owned("offerings", ds_id, off_id, "Offre")))


@bp.put("/datastores/<ds_id>/offerings/<off_id>")
def sync_offering(ds_id, off_id):
    """Resynchronise after a configuration change: MODIFYING, then PUBLISHED again."""
    datastore(ds_id, "BROADCAST")
    offering = owned("offerings", ds_id, off_id, "Offre")
    if offering["status"] not in ("PUBLISHED", "UNSTABLE"):
        raise ApiError(409, f"L'offre est au statut {offering['status']}")
    # Both show the change under way until the worker publishes the new state: the offering
    # MODIFYING (still serving what it served), its configuration SYNCHRONIZING.
    with sandbox().store.lock:
        offering = sandbox().store.update("offerings", off_id,
                                          lambda o: o.update(status="MODIFYING"))
        sandbox().store.update("configurations", offering["configuration"],
                               lambda c: c.update(status="SYNCHRONIZING"))
    sandbox().workers.publish(off_id)
    return jsonify(offering_view(offering))


@bp.patch("/datastores/<ds_id>/offerings/<off_id>")
def patch_offering(ds_id, off_id):
    datastore(ds_id, "BROADCAST")
    owned("offerings", ds_id, off_id, "Offre")
    body = json_body()  # checked against sandbox/contract/configurations.py
    if "open" in body:
        raise ApiError(400, "Le bac à sable ne change pas l'ouverture d'une offre : dépubliez"
                            " puis republiez-la")
    offering = sandbox().store.update("offerings", off_id, lambda o: o.update(body))
    return jsonify(offering_view(offering))


@bp.delete("/datastores/<ds_id>/offerings/<off_id>")
def delete_offering(ds_id, off_id):
    datastore(ds_id, "BROADCAST")
    offering = owned("offerings", ds_id, off_id, "Offre")
    if offering["status"] == "UNPUBLISHING":
        return no_content()
    sandbox().store.update("offerings", off_id, lambda o: o.update(
        status="UNPUBLISHING", available=False))
    for permission in sandbox().store.all("permissions"):
        if off_id in permission["offerings"]:
            remaining = [o for o in permission["offerings"] if o != off_id]
            if remaining:
                sandbox().store.update("permissions", permission["_id"],
                                       lambda p, r=remaining: p.update(offerings=r))
            else:
                sandbox().store.delete("permissions", permission["_id"])
    sandbox().workers.unpublish(off_id)
    return no_content()


