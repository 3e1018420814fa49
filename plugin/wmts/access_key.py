"""The key that opens a restricted WMTS in QGIS.

A restricted offering is served on the private endpoint, which answers only to a consumer key
with an access to the publication's permission. The plugin keeps one ``BASIC`` key per user,
named after itself, and adds the accesses it needs: publishing twice never creates a second
key. Its login and password go to QGIS's auth database (key_config.py), and the layer only
carries that configuration's id: never the key on a URL, in a project or in a log. (QGIS has
Basic, OAuth2 and certificate methods but no API-header one, so a HASH key could only travel
on the URL.)
"""

from __future__ import annotations

import secrets
from typing import Tuple

from ..entrepot.secret import Secret

KEY_NAME = "QGIS - gpf_wmts_publisher"
KEY_TYPE = "BASIC"


def ensure_access_key(api, offering_id: str, permission_id: str = "") -> Tuple[str, Secret]:
    """(login, password) of the user's plugin key, with an access to ``offering_id`` through
    ``permission_id`` (by default the user's permission that covers the offering)."""
    if not permission_id:
        permission = next((p for p in api.permissions() if offering_id in p.offering_ids),
                          None)
        if permission is None:
            raise ValueError("no permission of yours opens this restricted service")
        permission_id = permission.id
    key = next((k for k in api.list_keys() if k.name == KEY_NAME and k.type == KEY_TYPE),
               None)
    if key is None:
        login, password = f"qgis-{secrets.token_hex(8)}", Secret(secrets.token_urlsafe(24))
        key = api.create_key(KEY_NAME, KEY_TYPE, {"login": login,
                                                  "password": password.reveal()})
    else:
        login, password = _credentials(api, key)
    granted = any(_grants(access, permission_id, offering_id)
                  for access in api.key_accesses(key.id))
    if not granted:
        api.add_key_access(key.id, permission_id, [offering_id])
    return login, password


def _credentials(api, key) -> Tuple[str, Secret]:
    """The existing key's login and password: from the platform when it sends them back,
    else from this QGIS's auth database, where the plugin put them when it created the key."""
    infos = key.raw.get("type_infos") or {}
    if not infos.get("login") or not infos.get("password"):
        infos = api.key(key.id).raw.get("type_infos") or {}
    login = infos.get("login") or ""
    if login and infos.get("password"):
        return login, Secret(infos["password"])
    from .key_config import find_key_config, key_credentials

    stored = key_credentials(find_key_config(login) or "") if login else None
    if stored is None:
        raise ValueError(f"the key '{KEY_NAME}' was made elsewhere and its password is not in "
                         "this QGIS's authentication database")
    return stored


def key_auth_config(api, offering_id: str, permission_id: str = "") -> str:
    """The id of the QGIS auth configuration holding the key that opens ``offering_id``."""
    from .key_config import store_key_config

    login, password = ensure_access_key(api, offering_id, permission_id)
    return store_key_config(login, password)


def _grants(access, permission_id: str, offering_id: str) -> bool:
    """An access row, as the platform lists them: one per offering,
    ``{_id, permission: {_id, licence, …}, offering: {_id, layer_name, …}}``."""
    permission = access.get("permission") or {}
    offering = access.get("offering") or {}
    return permission.get("_id") == permission_id and offering.get("_id") == offering_id
