"""Layers saved by earlier versions with the key on their URL (``apikey=…``) are cleaned.

Such a key sat in clear in every ``.qgs``/``.qgz`` holding the layer. When the plugin sees
one (a project read, a layer added) it removes the key from the URL at once, so the next save
no longer holds it, and gives the layer the QGIS auth configuration of the user's plugin key
when this QGIS has one (key_config.py). The user is told; a layer whose new key has no access
to its service yet is brought back with "Add to map" in the published services dock, which
adds the access.
"""

from __future__ import annotations

from typing import Callable, Iterable, List, Optional, Tuple
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from qgis.core import QgsDataProvider, QgsDataSourceUri

MIGRATED_PROPERTY = "gpf_wmts_publisher/key_moved_to_auth_database"
SECRET_PARAMETERS = ("apikey",)


def _without_key(url: str) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if k.lower() not in SECRET_PARAMETERS]
    return urlunsplit(parts._replace(query=urlencode(query)))


def strip_key(source: str, authcfg: Optional[str] = None) -> Tuple[str, bool]:
    """(the wms URI without any key on its URL, with ``authcfg`` when given; whether a key
    was there)."""
    uri = QgsDataSourceUri()
    uri.setEncodedUri(source)
    url = uri.param("url")
    cleaned = _without_key(url)
    if not url or cleaned == url:
        return source, False
    uri.removeParam("url")
    uri.setParam("url", cleaned)
    uri.removeParam("IgnoreGetMapUrl")  # only there to carry the key to GetTile
    if authcfg:
        uri.setAuthConfigId(authcfg)
    return bytes(uri.encodedUri()).decode("utf-8"), True


def migrate_layer(layer, authcfg_for: Callable[[], Optional[str]] = lambda: None) -> bool:
    """Moves ``layer`` off its URL key; True when it had one."""
    if layer is None or layer.providerType() != "wms" or "apikey" not in layer.source().lower():
        return False
    source, found = strip_key(layer.source(), authcfg_for())
    if not found:
        return False
    layer.setDataSource(source, layer.name(), "wms", QgsDataProvider.ProviderOptions())
    layer.setCustomProperty(MIGRATED_PROPERTY, True)
    return True


def migrate_layers(layers: Iterable,
                   authcfg_for: Callable[[], Optional[str]] = lambda: None) -> List[str]:
    """Names of the layers whose key left the URL."""
    return [layer.name() for layer in layers if migrate_layer(layer, authcfg_for)]


def existing_key_config() -> Optional[str]:
    """The auth configuration of the user's plugin key in this QGIS, if one exists (read
    without asking for the master password: only names and methods are listed)."""
    from qgis.core import QgsApplication

    from .key_config import BASIC_METHOD, KEY_CONFIG_NAME

    manager = QgsApplication.authManager()
    for config_id, config in manager.availableAuthMethodConfigs().items():
        if config.name() == KEY_CONFIG_NAME and config.method() == BASIC_METHOD:
            return config_id
    return None
