"""Storage quotas, checked BEFORE a file reaches the datastore's storage.

A full quota must not be overrun even for a moment (a trainee's 2 GB upload would fill the
training server's disk before being refused): each route measures what it received (werkzeug
spools a multipart file to a temporary file, outside the store) and asks here first.
"""

from __future__ import annotations

import os

from .context import sandbox
from .errors import ApiError

# The annexes quota of a datastore (``annex_quota`` once /admin/quotas changed it).
ANNEX_QUOTA_BYTES = 100 * 1024**2


def annex_quota(ds: dict) -> int:
    return ds.get("annex_quota", ANNEX_QUOTA_BYTES)


def sent_size(sent) -> int:
    """Bytes of a received multipart file (werkzeug FileStorage), without writing it anywhere."""
    stream = sent.stream
    position = stream.tell()
    stream.seek(0, os.SEEK_END)
    size = stream.tell()
    stream.seek(position)
    return size


def storage_use(ds_id: str) -> int:
    """What the datastore's uploads, stored data and statics hold, in bytes."""
    store = sandbox().store
    documents = sum(d.get("size", 0) for kind in ("uploads", "stored_data")
                    for d in store.find(kind, datastore=ds_id))
    return documents + sum(s.get("_size", 0) for s in store.find("statics", datastore=ds_id))


def annex_use(ds_id: str) -> int:
    return sum(a.get("size", 0) for a in sandbox().store.find("annexes", datastore=ds_id))


def check_storage(ds_id: str, incoming: int, replaced: int = 0) -> None:
    """409 when ``incoming`` more bytes (``replaced`` bytes freed) would pass the quota."""
    ds = sandbox().store.get("datastores", ds_id)
    if storage_use(ds_id) - replaced + incoming > ds["storage_quota"]:
        raise ApiError(409, "Quota de stockage de l'entrepôt dépassé : supprimez des livraisons"
                            " ou des données stockées")


def check_annexes(ds_id: str, incoming: int) -> None:
    if annex_use(ds_id) + incoming > annex_quota(sandbox().store.get("datastores", ds_id)):
        raise ApiError(409, "Quota des annexes de l'entrepôt dépassé : supprimez des annexes")
