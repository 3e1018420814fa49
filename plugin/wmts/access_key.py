"""The key that opens a restricted WMTS in QGIS.

A restricted offering is served on the private endpoint, which answers only to a consumer key
(``apikey``) with an access to the publication's permission. The plugin keeps one HASH key per
user, named after itself, and adds the accesses it needs: publishing twice never creates a
second key, and the key's value only goes to the layer's URL (never to a log).
"""

from __future__ import annotations

from ..entrepot.secret import Secret

KEY_NAME = "QGIS - gpf_wmts_publisher"


def ensure_access_key(api, offering_id: str, permission_id: str = "") -> Secret:
    """The user's plugin key, with an access to ``offering_id`` through ``permission_id`` (by
    default the user's permission that covers the offering)."""
    if not permission_id:
        permission = next((p for p in api.permissions() if offering_id in p.offering_ids),
                          None)
        if permission is None:
            raise ValueError("no permission of yours opens this restricted service")
        permission_id = permission.id
    key = next((k for k in api.list_keys() if k.name == KEY_NAME and k.type == "HASH"), None)
    if key is None:
        key = api.create_key(KEY_NAME, "HASH")
    granted = any(_grants(access, permission_id, offering_id)
                  for access in api.key_accesses(key.id))
    if not granted:
        api.add_key_access(key.id, permission_id, [offering_id])
    value = (key.raw.get("type_infos") or {}).get("hash")
    if not value:  # a listing may leave the value out: the key itself has it
        value = (api.key(key.id).raw.get("type_infos") or {}).get("hash", "")
    if not value:
        raise ValueError(f"the key '{KEY_NAME}' has no value to send")
    return Secret(value)


def _grants(access, permission_id: str, offering_id: str) -> bool:
    """An access row, as the platform lists them: one per offering,
    ``{_id, permission: {_id, licence, …}, offering: {_id, layer_name, …}}``."""
    permission = access.get("permission") or {}
    offering = access.get("offering") or {}
    return permission.get("_id") == permission_id and offering.get("_id") == offering_id
