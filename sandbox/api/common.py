"""Helpers every route uses: the caller, the datastore, JSON bodies, list replies, views."""

from __future__ import annotations

from typing import Iterable, List, Optional

from flask import g, jsonify, request

from ..context import sandbox
from ..errors import ApiError, not_found
from ..paging import paginate


def current_user() -> dict:
    """The user behind the Bearer token (401 when missing, forged or expired)."""
    if "user" in g:
        return g.user
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise ApiError(401, "Authentification requise", {"WWW-Authenticate": "Bearer"})
    claims = sandbox().signer.verify(token.strip(), "Bearer")
    user = sandbox().store.get("users", claims["sub"]) if claims else None
    if not user:
        raise ApiError(401, "Jeton invalide ou expiré",
                       {"WWW-Authenticate": 'Bearer error="invalid_token"'})
    g.user = user
    return user


def member_rights(user: dict, community_id: str) -> Optional[List[str]]:
    for membership in user.get("communities", []):
        if membership["community"] == community_id:
            return membership["rights"]
    return None


def datastore(ds_id: str, right: Optional[str] = None) -> dict:
    """The datastore, if the caller belongs to its community (and holds ``right``)."""
    user = current_user()
    ds = sandbox().store.get("datastores", ds_id)
    if not ds:
        raise not_found("Entrepôt", ds_id)
    rights = member_rights(user, ds["community"])
    if rights is None:
        raise ApiError(403, "Vous n'avez pas accès à cet entrepôt")
    if right and right not in rights:
        raise ApiError(403, f"Droit {right} requis sur cet entrepôt")
    return ds


def is_sandbox(ds: dict) -> bool:
    return bool(ds.get("configuration_layer_name_prefix"))


def json_body() -> dict:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise ApiError(400, "Le corps de la requête doit être un objet JSON")
    return body


def require(body: dict, *names: str) -> None:
    missing = [n for n in names if body.get(n) in (None, "", [], {})]
    if missing:
        raise ApiError(400, [f"Le champ {n} est obligatoire" for n in missing])


def owned(collection: str, ds_id: str, doc_id: str, kind: str) -> dict:
    """A document of this datastore (404 when absent or elsewhere)."""
    doc = sandbox().store.get(collection, doc_id)
    if not doc or doc.get("datastore") != ds_id:
        raise not_found(kind, doc_id)
    return doc


def list_reply(items: Iterable[dict], view=lambda d: d):
    page, headers = paginate(items, request.args)
    reply = jsonify([view(d) for d in page])
    reply.headers.update(headers)
    return reply


def public(doc: dict) -> dict:
    """A document without the sandbox's internal fields (those starting with ``_`` but _id)."""
    return {k: v for k, v in doc.items() if not k.startswith("_") or k == "_id"}


def no_content():
    return "", 204


def endpoint_view(endpoint: dict) -> dict:
    base = sandbox().base_url
    return {
        "_id": endpoint["_id"], "name": endpoint["name"],
        "technical_name": endpoint["technical_name"], "type": endpoint["type"],
        "open": endpoint["open"],
        "urls": [{"type": p["type"], "url": base + p["path"]} for p in endpoint["paths"]],
    }
