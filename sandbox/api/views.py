"""Replies in the real platform's shapes (sandbox/contract/ holds the models they must meet).

The store keeps internal fields (``datastore``, ``_md5``, ``created_by`` …); a view keeps
only what the platform sends, and turns the sandbox's ids into the objects the platform
nests (an offering's ``configuration`` and ``endpoint``, a permission's ``offerings``)."""

from __future__ import annotations

from ..context import sandbox

# The dates of the seeded, never-changing platform objects (checks, processings).
PLATFORM_EPOCH = "2024-01-01T00:00:00.000+00:00"


def pick(doc: dict, *names: str) -> dict:
    return {n: doc[n] for n in names if doc.get(n) is not None}


def stamps(doc: dict) -> dict:
    creation = doc.get("creation") or PLATFORM_EPOCH
    return {"creation": creation, "update": doc.get("update") or creation}


def upload_view(upload: dict) -> dict:
    view = {"_id": upload["_id"], **stamps(upload),
            **pick(upload, "name", "description", "type", "open", "status", "srs", "contact",
                   "extent", "size", "last_event", "extra", "type_infos")}
    view.setdefault("description", "")
    view.setdefault("open", False)
    view.setdefault("contact", "")
    view["tags"] = upload.get("tags") or {}
    return view


def upload_item(upload: dict) -> dict:
    view = upload_view(upload)
    for internal in ("update", "extent", "extra", "type_infos"):
        view.pop(internal, None)
    if upload.get("bbox"):
        view["bbox"] = upload["bbox"]
    return view


def stored_data_view(sd: dict) -> dict:
    view = {"_id": sd["_id"], **stamps(sd),
            **pick(sd, "name", "type", "open", "srs", "description", "edition", "contact",
                   "extent", "size", "status", "last_event", "tags", "storage",
                   "public_activity", "extra", "type_infos")}
    view.setdefault("open", False)
    view.setdefault("contact", "")
    view.setdefault("public_activity", False)
    view["storage"] = {"type": (sd.get("storage") or {}).get("type", "POSTGRESQL"),
                       "labels": list((sd.get("storage") or {}).get("tags") or [])}
    return view


def stored_data_item(sd: dict) -> dict:
    view = stored_data_view(sd)
    for internal in ("update", "extent", "storage", "extra", "type_infos"):
        view.pop(internal, None)
    view.setdefault("description", "")
    view["tags"] = sd.get("tags") or {}
    if sd.get("bbox"):
        view["bbox"] = sd["bbox"]
    return view


def endpoint_ref(endpoint_id: str) -> dict:
    endpoint = sandbox().store.get("endpoints", endpoint_id) or {"_id": endpoint_id}
    return {"_id": endpoint_id, **stamps(endpoint), "name": endpoint.get("name", "")}


def configuration_ref(configuration_id: str) -> dict:
    config = sandbox().store.get("configurations", configuration_id) or {}
    ref = {"_id": configuration_id, **stamps(config), "name": config.get("name", ""),
           "status": config.get("status", "UNPUBLISHED")}
    if config.get("type"):
        ref["type"] = config["type"]
    return ref


def offering_short(offering: dict) -> dict:
    """An offering as permissions and key accesses show it."""
    return {"_id": offering["_id"], **stamps(offering),
            **pick(offering, "open", "available", "layer_name", "type", "status")}


def permission_view(permission: dict) -> dict:
    store = sandbox().store
    offerings = []
    for off_id in permission["offerings"]:
        offering = store.get("offerings", off_id)
        if offering is not None:
            offerings.append(offering_short(offering))
    view = {"_id": permission["_id"], **stamps(permission),
            **pick(permission, "licence", "end_date", "only_oauth"), "offerings": offerings}
    ds = store.get("datastores", permission["datastore"]) or {}
    view["datastore_author"] = {"_id": permission["datastore"], **stamps(ds),
                                **pick(ds, "name", "technical_name", "active")}
    beneficiary = permission.get("beneficiary", {}).get("_id")
    kind = "communities" if permission.get("type") == "COMMUNITY" else "users"
    found = store.get(kind, beneficiary or "")
    if found:
        names = ("name", "technical_name") if kind == "communities" else (
            "first_name", "last_name")
        view["beneficiary"] = {"_id": found["_id"], **stamps(found), **pick(found, *names)}
    return view


def permission_short(permission: dict) -> dict:
    return {"_id": permission["_id"], **stamps(permission),
            **pick(permission, "licence", "end_date", "only_oauth")}


def key_view(key: dict) -> dict:
    return {"_id": key["_id"], **stamps(key),
            **pick(key, "name", "type", "whitelist", "blacklist", "user_agent", "referer"),
            "type_infos": dict(key.get("type_infos") or {})}


def key_item(key: dict) -> dict:
    return {"_id": key["_id"], **stamps(key), **pick(key, "name", "type")}


def metadata_view(md: dict) -> dict:
    store = sandbox().store
    view = {"_id": md["_id"], **stamps(md),
            **pick(md, "type", "open_data", "level", "file_identifier", "extra")}
    view["tags"] = md.get("tags") or {}
    view["endpoints"] = [endpoint_ref(e["_id"]) for e in md.get("endpoints", [])
                         if store.get("endpoints", e["_id"])]
    return view


def static_view(static: dict) -> dict:
    return {"_id": static["_id"], **stamps(static),
            **pick(static, "name", "description", "type", "extra"),
            "type_infos": static.get("type_infos") or {}}


def static_item(static: dict) -> dict:
    return {"_id": static["_id"], **stamps(static),
            **pick(static, "name", "type", "description")}


def annex_view(annexe: dict) -> dict:
    return {"_id": annexe["_id"], **stamps(annexe),
            **pick(annexe, "paths", "size", "mime_type", "published", "labels")}


