"""Processing executions: create (with the output stored data), launch, get, abort, logs, list."""

from __future__ import annotations

from flask import jsonify, request

from ..context import sandbox
from ..errors import ApiError
from ..store import new_id, now_iso
from ..tile_plan import HARVEST_TILE_CAP, requested_tiles
from . import bp
from .common import current_user, datastore, json_body, list_reply, no_content, owned, require
from .views import PLATFORM_EPOCH, stamps

FORMATS = ("image/png", "image/jpeg")
MAX_LEVEL = 21


def _stored_data_ref(sd_id: str, fallback: dict) -> dict:
    sd = sandbox().store.get("stored_data", sd_id) or {}
    return {"_id": sd_id, **stamps(sd or fallback),
            "name": sd.get("name", fallback.get("name", "")),
            "type": sd.get("type", fallback.get("type", "VECTOR-DB")),
            "status": sd.get("status", "DELETED"), "srs": sd.get("srs", fallback.get("srs", ""))}


def _upload_ref(up_id: str) -> dict:
    up = sandbox().store.get("uploads", up_id) or {}
    ref = {"_id": up_id, **stamps(up), "name": up.get("name", ""),
           "type": up.get("type", "VECTOR"), "status": up.get("status", "DELETED")}
    if up.get("srs"):
        ref["srs"] = up["srs"]
    return ref


def processing_ref(processing: dict) -> dict:
    return {"_id": processing["_id"], "name": processing["name"], "creation": PLATFORM_EPOCH,
            "update": PLATFORM_EPOCH}


def execution_view(execution: dict) -> dict:
    """The real shape: status and dates, no progress (the platform does not report any)."""
    output = execution["output"]["stored_data"]
    view = {
        "_id": execution["_id"], **stamps(execution), "status": execution["status"],
        "processing": processing_ref(execution["processing"]),
        "inputs": {"upload": [_upload_ref(u) for u in execution["inputs"].get("upload", [])],
                   "stored_data": [_stored_data_ref(s, {})
                                   for s in execution["inputs"].get("stored_data", [])]},
        "output": {"stored_data": _stored_data_ref(output["_id"], output)},
        "parameters": execution["parameters"],
    }
    for field in ("launch", "start", "finish"):
        if execution.get(field):
            view[field] = execution[field]
    return view


def execution_item(execution: dict) -> dict:
    view = {"_id": execution["_id"], **stamps(execution), "status": execution["status"],
            "processing": processing_ref(execution["processing"])}
    view.update({f: execution[f] for f in ("launch", "start", "finish") if execution.get(f)})
    return view


def _check_integration(ds: dict, body: dict) -> None:
    uploads = (body.get("inputs") or {}).get("upload") or []
    if len(uploads) != 1:
        raise ApiError(400, "L'intégration attend exactement une livraison en entrée"
                            " (inputs.upload)")
    upload = sandbox().store.get("uploads", uploads[0])
    if not upload or upload["datastore"] != ds["_id"]:
        raise ApiError(400, f"Livraison {uploads[0]} inconnue dans cet entrepôt")
    if upload["type"] != "VECTOR":
        raise ApiError(400, f"La livraison {upload['_id']} n'est pas de type VECTOR")
    if upload["status"] != "CLOSED":
        raise ApiError(409, f"La livraison {upload['_id']} est au statut {upload['status']} :"
                            " seules les livraisons fermées et vérifiées sont acceptées")


def _check_harvest(params: dict) -> None:
    mandatory = ("harvest_layers", "harvest_levels", "harvest_area", "harvest_format",
                 "harvest_url", "bottom")
    missing = [p for p in mandatory if params.get(p) in (None, "", [])]
    if missing:
        raise ApiError(400, [f"Le paramètre {p} est obligatoire" for p in missing])
    levels = params["harvest_levels"]
    if not isinstance(levels, list) or not all(isinstance(z, str) and z.isdigit() for z in levels):
        raise ApiError(400, "harvest_levels doit être une liste de niveaux en chaînes (\"12\")")
    numbers = [int(z) for z in levels]
    for name in ("bottom", "top"):
        value = params.get(name)
        if value is not None and (not str(value).isdigit() or int(value) > MAX_LEVEL):
            raise ApiError(400, f"{name} doit être un niveau du TMS PM (0 à {MAX_LEVEL})")
    if any(z > MAX_LEVEL for z in numbers):
        raise ApiError(400, f"Les niveaux du TMS PM vont de 0 à {MAX_LEVEL}")
    bottom = int(params["bottom"])
    if max(numbers) != bottom:
        raise ApiError(400, "bottom doit être le niveau le plus bas (le plus détaillé) de"
                            " harvest_levels")
    if params.get("top") not in (None, "") and int(params["top"]) > bottom:
        raise ApiError(400, "top doit être inférieur ou égal à bottom")
    if params["harvest_format"] not in FORMATS:
        raise ApiError(400, f"harvest_format doit être l'un de {', '.join(FORMATS)}")
    if params.get("tms", "PM") != "PM":
        raise ApiError(400, "Seul le TMS PM est accepté")
    if "?" in params["harvest_url"]:
        raise ApiError(400, "harvest_url doit être l'URL du service sans paramètres")
    try:
        from osgeo import ogr

        geometry = ogr.CreateGeometryFromWkt(params["harvest_area"])
    except Exception:
        geometry = None
    if geometry is None or geometry.IsEmpty():
        raise ApiError(400, "harvest_area doit être un polygone WKT en EPSG:4326")
    _check_tile_cap(params, geometry.GetEnvelope())


def _check_reference(ds: dict, body: dict) -> None:
    """The harvest's optional input: one existing pyramid, updated by reference (its tiles
    are the new pyramid's start; the harvest then rewrites the levels and area it asks)."""
    if (body.get("inputs") or {}).get("upload"):
        raise ApiError(400, "Le moissonnage ne prend aucune livraison en entrée")
    inputs = (body.get("inputs") or {}).get("stored_data") or []
    if len(inputs) > 1:
        raise ApiError(400, "Le moissonnage prend au plus une pyramide en entrée")
    for sd_id in inputs:
        sd = sandbox().store.get("stored_data", sd_id)
        if not sd or sd["datastore"] != ds["_id"]:
            raise ApiError(400, f"Donnée stockée {sd_id} inconnue dans cet entrepôt")
        if sd["type"] != "ROK4-PYRAMID-RASTER":
            raise ApiError(400, f"La donnée stockée {sd_id} est de type {sd['type']} :"
                                " ROK4-PYRAMID-RASTER attendu en entrée du moissonnage")
        if sd["status"] != "GENERATED":
            raise ApiError(400, f"La donnée stockée {sd_id} est au statut {sd['status']}"
                                " (GENERATED attendu)")


def _check_tile_cap(params: dict, envelope) -> None:
    """409 before anything runs when the harvest asks for more than HARVEST_TILE_CAP tiles
    (the sandbox harvests every level top..bottom)."""
    top = int(params["top"]) if params.get("top") not in (None, "") else 0
    west, east, south, north = envelope
    requested = requested_tiles(range(top, int(params["bottom"]) + 1),
                                (west, south, east, north))
    if requested > HARVEST_TILE_CAP:
        def spaced(count: int) -> str:
            return f"{count:,}".replace(",", " ")

        raise ApiError(409, f"Quota de tuiles dépassé : ce moissonnage demande"
                            f" {spaced(requested)} tuiles, au plus {spaced(HARVEST_TILE_CAP)}"
                            " par moissonnage. Réduisez l'emprise (harvest_area) ou le niveau"
                            " du bas (bottom).")


@bp.post("/datastores/<ds_id>/processings/executions")
def create_execution(ds_id):
    ds = datastore(ds_id, "PROCESSING")
    body = json_body()
    require(body, "processing", "output")
    if body["processing"] not in ds["processings"]:
        raise ApiError(400, f"Le traitement {body['processing']} n'est pas autorisé sur cet"
                            " entrepôt")
    processing = sandbox().store.get("processings", body["processing"])
    output = (body.get("output") or {}).get("stored_data") or {}
    if output.get("id") or output.get("_id"):
        raise ApiError(400, "La mise à jour d'une donnée stockée existante n'est pas gérée par"
                            " le bac à sable")
    if not output.get("name"):
        raise ApiError(400, "output.stored_data.name est obligatoire")
    params = body.get("parameters") or {}
    if processing["kind"] == "integration":
        _check_integration(ds, body)
    else:
        _check_harvest(params)
        _check_reference(ds, body)
    output_type = processing["output_type"]["stored_data"]
    if processing["kind"] == "integration":
        upload = sandbox().store.get("uploads", body["inputs"]["upload"][0])
        srs = (params.get("srs") or upload["srs"]).upper()
    else:
        srs = "EPSG:3857"
    sd = sandbox().store.put("stored_data", {
        "_id": new_id(), "datastore": ds_id, "name": output["name"], "type": output_type,
        "status": "CREATED", "tags": {}, "size": 0, "extra": {}, "srs": srs, "open": False,
        "public_activity": False, "contact": current_user()["email"],
        "storage": {"type": "POSTGRESQL" if output_type == "VECTOR-DB" else "S3",
                    "tags": output.get("storage_tags") or []},
        "creation": now_iso(),
    })
    execution = sandbox().store.put("executions", {
        "_id": new_id(), "datastore": ds_id, "status": "CREATED",
        "processing": {"_id": processing["_id"], "name": processing["name"]},
        "inputs": {"upload": (body.get("inputs") or {}).get("upload") or [],
                   "stored_data": (body.get("inputs") or {}).get("stored_data") or []},
        "output": {"stored_data": {"_id": sd["_id"], "name": sd["name"], "type": output_type,
                                   "srs": srs}},
        "parameters": params, "creation": now_iso(), "logs": [],
    })
    return jsonify(execution_view(execution)), 201


@bp.post("/datastores/<ds_id>/processings/executions/<ex_id>/launch")
def launch_execution(ds_id, ex_id):
    datastore(ds_id, "PROCESSING")
    execution = owned("executions", ds_id, ex_id, "Exécution")
    if execution["status"] != "CREATED":
        raise ApiError(409, f"L'exécution est au statut {execution['status']} : déjà lancée")
    sandbox().store.update("executions", ex_id, lambda e: e.update(
        status="WAITING", launch=now_iso()))
    sandbox().workers.launch(ex_id)
    return no_content()


@bp.post("/datastores/<ds_id>/processings/executions/<ex_id>/abort")
def abort_execution(ds_id, ex_id):
    datastore(ds_id, "PROCESSING")
    execution = owned("executions", ds_id, ex_id, "Exécution")
    if execution["status"] not in ("CREATED", "WAITING", "PROGRESS"):
        raise ApiError(409, f"L'exécution est au statut {execution['status']} : rien à interrompre")
    sandbox().workers.abort(ex_id)
    if execution["status"] in ("CREATED", "WAITING"):
        sandbox().store.update("executions", ex_id, lambda e: e.update(
            status="ABORTED", finish=now_iso()))
        sandbox().store.update("stored_data", execution["output"]["stored_data"]["_id"],
                               lambda s: s.update(status="UNSTABLE"))
    return no_content()


@bp.get("/datastores/<ds_id>/processings/executions/<ex_id>")
def get_execution(ds_id, ex_id):
    datastore(ds_id)
    return jsonify(execution_view(owned("executions", ds_id, ex_id, "Exécution")))


@bp.delete("/datastores/<ds_id>/processings/executions/<ex_id>")
def delete_execution(ds_id, ex_id):
    datastore(ds_id, "PROCESSING")
    execution = owned("executions", ds_id, ex_id, "Exécution")
    if execution["status"] in ("WAITING", "PROGRESS"):
        raise ApiError(409, "L'exécution est en cours")
    sandbox().store.delete("executions", ex_id)
    return no_content()


@bp.get("/datastores/<ds_id>/processings/executions/<ex_id>/logs")
def execution_logs(ds_id, ex_id):
    datastore(ds_id)
    execution = owned("executions", ds_id, ex_id, "Exécution")
    return list_reply([{"line": line} for line in execution.get("logs", [])],
                      lambda item: item["line"])


@bp.get("/datastores/<ds_id>/processings/executions")
def list_executions(ds_id):
    datastore(ds_id)
    args = request.args
    items = []
    for e in sandbox().store.find("executions", datastore=ds_id):
        if args.get("status") and e["status"] != args["status"]:
            continue
        if args.get("input_upload") and args["input_upload"] not in e["inputs"]["upload"]:
            continue
        if args.get("input_stored_data") and \
                args["input_stored_data"] not in e["inputs"]["stored_data"]:
            continue
        if args.get("output_stored_data") and \
                args["output_stored_data"] != e["output"]["stored_data"]["_id"]:
            continue
        if args.get("processing") and args["processing"] != e["processing"]["_id"]:
            continue
        items.append(e)
    return list_reply(items, execution_item)


