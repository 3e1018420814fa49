"""ISO 19139 metadata: upload (type/open_data in query or form), get, file, list, delete,
publication on a METADATA endpoint (then served by the CSW)."""

from __future__ import annotations

import shutil

from flask import jsonify, request, send_file
from lxml import etree

from ..context import sandbox
from ..errors import ApiError
from ..paging import matches_tags, tag_filters
from ..store import new_id, now_iso
from . import bp
from .common import datastore, json_body, list_reply, no_content, owned
from .tags import add_tags, remove_tags
from .views import metadata_view

GMD = "http://www.isotc211.org/2005/gmd"
GCO = "http://www.isotc211.org/2005/gco"
NS = {"gmd": GMD, "gco": GCO}
METADATA_TYPES = ("ISOAP", "INSPIRE")


def metadata_file(md: dict):
    return sandbox().store.files("metadata", md["_id"], "metadata.xml")


def parse_iso(data: bytes):
    """(file identifier, hierarchy level) of an ISO 19139 record, or a 400."""
    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as error:
        raise ApiError(400, f"Le fichier de métadonnées n'est pas un XML bien formé : {error}") \
            from None
    if root.tag != f"{{{GMD}}}MD_Metadata":
        raise ApiError(400, "La racine doit être gmd:MD_Metadata (ISO 19139)")
    identifier = (root.findtext("gmd:fileIdentifier/gco:CharacterString", namespaces=NS)
                  or "").strip()
    if not identifier:
        raise ApiError(400, "gmd:fileIdentifier/gco:CharacterString est obligatoire")
    level = root.find("gmd:hierarchyLevel/gmd:MD_ScopeCode", namespaces=NS)
    level_value = (level.get("codeListValue") if level is not None else "dataset") or "dataset"
    if level_value not in ("dataset", "series"):
        raise ApiError(400, f"hierarchyLevel « {level_value} » : dataset ou series attendu")
    return identifier, level_value


@bp.post("/datastores/<ds_id>/metadata")
def create_metadata(ds_id):
    ds = datastore(ds_id)
    sent = request.files.get("file")
    if sent is None:
        raise ApiError(400, "Le fichier (champ multipart « file ») est absent")
    kind = request.args.get("type") or request.form.get("type") or "ISOAP"
    if kind not in METADATA_TYPES:
        raise ApiError(400, f"type doit être l'un de {', '.join(METADATA_TYPES)}")
    open_data = (request.args.get("open_data") or request.form.get("open_data") or "false")
    data = sent.read()
    identifier, level = parse_iso(data)
    prefix = ds.get("metadata_file_identifier_prefix")
    if prefix and not identifier.startswith(prefix + "."):
        raise ApiError(400, f"Dans cet entrepôt, l'identifiant doit commencer par « {prefix}. »")
    if any(m["file_identifier"] == identifier for m in sandbox().store.all("metadata")):
        raise ApiError(409, f"L'identifiant de fiche « {identifier} » est déjà utilisé")
    md = {
        "_id": new_id(), "datastore": ds_id, "type": kind,
        "open_data": open_data.lower() == "true", "level": level.upper(),
        "file_identifier": identifier, "tags": {}, "endpoints": [], "creation": now_iso(),
    }
    metadata_file(md).write_bytes(data)
    md = sandbox().store.put("metadata", md)
    return jsonify(metadata_view(md)), 201


@bp.get("/datastores/<ds_id>/metadata")
def list_metadata(ds_id):
    datastore(ds_id)
    wanted = tag_filters(request.args)
    fid = request.args.get("file_identifier")
    items = [m for m in sandbox().store.find("metadata", datastore=ds_id)
             if matches_tags(m, wanted) and (not fid or m["file_identifier"] == fid)]
    return list_reply(items, metadata_view)


@bp.get("/datastores/<ds_id>/metadata/<md_id>")
def get_metadata(ds_id, md_id):
    datastore(ds_id)
    return jsonify(metadata_view(owned("metadata", ds_id, md_id, "Métadonnée")))


@bp.get("/datastores/<ds_id>/metadata/<md_id>/file")
def get_metadata_file(ds_id, md_id):
    datastore(ds_id)
    md = owned("metadata", ds_id, md_id, "Métadonnée")
    return send_file(metadata_file(md), mimetype="application/xml")


@bp.put("/datastores/<ds_id>/metadata/<md_id>")
def replace_metadata(ds_id, md_id):
    datastore(ds_id)
    md = owned("metadata", ds_id, md_id, "Métadonnée")
    sent = request.files.get("file")
    if sent is None:
        raise ApiError(400, "Le fichier (champ multipart « file ») est absent")
    data = sent.read()
    identifier, level = parse_iso(data)
    if identifier != md["file_identifier"]:
        raise ApiError(400, "L'identifiant de fiche ne peut pas changer")
    metadata_file(md).write_bytes(data)
    return jsonify(metadata_view(sandbox().store.update("metadata", md_id,
                                                        lambda m: m.update(level=level.upper()))))


@bp.patch("/datastores/<ds_id>/metadata/<md_id>")
def patch_metadata(ds_id, md_id):
    datastore(ds_id)
    owned("metadata", ds_id, md_id, "Métadonnée")
    body = json_body()  # checked against sandbox/contract/metadata.py
    return jsonify(metadata_view(sandbox().store.update("metadata", md_id,
                                                        lambda m: m.update(body))))


@bp.post("/datastores/<ds_id>/metadata/<md_id>/tags")
def tag_metadata(ds_id, md_id):
    datastore(ds_id)
    return add_tags("metadata", ds_id, md_id, "Métadonnée")


@bp.delete("/datastores/<ds_id>/metadata/<md_id>/tags")
def untag_metadata(ds_id, md_id):
    datastore(ds_id)
    return remove_tags("metadata", ds_id, md_id, "Métadonnée")


@bp.delete("/datastores/<ds_id>/metadata/<md_id>")
def delete_metadata(ds_id, md_id):
    datastore(ds_id)
    owned("metadata", ds_id, md_id, "Métadonnée")
    sandbox().store.delete("metadata", md_id)
    shutil.rmtree(sandbox().store.files("metadata", md_id, "x").parent, ignore_errors=True)
    return no_content()


def _publication(ds_id: str, publish: bool):
    ds = datastore(ds_id)
    body = json_body()  # checked against sandbox/contract/metadata.py
    entry = next((e for e in ds["endpoints"] if e["endpoint"] == body["endpoint"]), None)
    endpoint = sandbox().store.get("endpoints", body["endpoint"]) if entry else None
    if not endpoint or endpoint["type"] != "METADATA":
        raise ApiError(400, f"{body['endpoint']} n'est pas un point d'accès METADATA de l'entrepôt")
    by_fid = {m["file_identifier"]: m for m in sandbox().store.find("metadata", datastore=ds_id)}
    unknown = [f for f in body["file_identifiers"] if f not in by_fid]
    if unknown:
        raise ApiError(400, f"Fiches inconnues dans cet entrepôt : {', '.join(unknown)}")
    for fid in body["file_identifiers"]:
        def change(m, endpoint_id=endpoint["_id"]):
            others = [e for e in m["endpoints"] if e["_id"] != endpoint_id]
            m["endpoints"] = others + ([{"_id": endpoint_id}] if publish else [])
        sandbox().store.update("metadata", by_fid[fid]["_id"], change)
    return no_content()


@bp.post("/datastores/<ds_id>/metadata/publication")
def publish_metadata(ds_id):
    return _publication(ds_id, True)


@bp.post("/datastores/<ds_id>/metadata/unpublication")
def unpublish_metadata(ds_id):
    return _publication(ds_id, False)
