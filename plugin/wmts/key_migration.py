"""Layers saved by earlier versions with the key on their URL (``apikey=…``) are cleaned.

Such a key sat in clear in every ``.qgs``/``.qgz`` holding the layer. When the plugin sees
one (a project read, a layer added) it removes the key from the URL at once, so the next save
no longer holds it, and gives the layer the QGIS auth configuration of the user's plugin key
when this QGIS has one (key_config.py). The user is told; a layer whose new key has no access
to its service yet is brought back with "Add to map" in the published services dock, which
adds the access.
"""

from __future__ import annotations

import os
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
    # A layer that could not be opened (offline) is written back from the XML it was read
    # from, key included: drop that copy so the project saves the layer as it is now.
    layer.setOriginalXmlProperties("")
    layer.setCustomProperty(MIGRATED_PROPERTY, True)
    return True


def migrate_layers(layers: Iterable,
                   authcfg_for: Callable[[], Optional[str]] = lambda: None) -> List[str]:
    """Names of the layers whose key left the URL."""
    return [layer.name() for layer in layers if migrate_layer(layer, authcfg_for)]


def scrub_saved_project(path: str, layer_ids: Iterable[str]) -> int:
    """Removes the key from every ``<datasource>`` of the migrated layers in a saved project
    (``.qgs``, or the ``.qgs`` inside a ``.qgz``). A layer that could not be opened when the
    project was read keeps, inside QGIS, a copy of its XML as read (``<originalStyle>``, key
    included) that no API clears; it is written at each save, so each save is cleaned after.
    Only the plugin's migrated layers are touched: another service's key is not ours to
    remove. Returns how many data sources were cleaned."""
    import zipfile

    wanted = set(layer_ids)
    if not wanted or not os.path.isfile(path):
        return 0
    if not path.lower().endswith(".qgz"):
        with open(path, "rb") as handle:
            cleaned, data = _scrub_xml(handle.read(), wanted)
        if cleaned:
            _replace(path, data)
        return cleaned
    with zipfile.ZipFile(path) as archive:
        members = [(info, archive.read(info.filename)) for info in archive.infolist()]
    total, rewritten = 0, []
    for info, data in members:
        if info.filename.lower().endswith(".qgs"):
            cleaned, data = _scrub_xml(data, wanted)
            total += cleaned
        rewritten.append((info, data))
    if total:
        temporary = path + ".gpf-tmp"
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
            for info, data in rewritten:
                archive.writestr(info, data)
        os.replace(temporary, path)
    return total


def _scrub_xml(data: bytes, wanted) -> Tuple[int, bytes]:
    from lxml import etree

    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, huge_tree=True))
    cleaned = 0
    for source in root.iter("datasource"):
        layer_id = source.getparent().findtext("id") if source.getparent() is not None else ""
        if layer_id in wanted and source.text:
            stripped, found = strip_key(source.text)
            if found:
                source.text, cleaned = stripped, cleaned + 1
    if not cleaned:
        return 0, data
    return cleaned, etree.tostring(root.getroottree(), xml_declaration=False,
                                   encoding="utf-8", doctype="<!DOCTYPE qgis PUBLIC "
                                   "'http://mrcc.com/qgis.dtd' 'SYSTEM'>")


def _replace(path: str, data: bytes) -> None:
    temporary = path + ".gpf-tmp"
    with open(temporary, "wb") as handle:
        handle.write(data)
    os.replace(temporary, path)


def migrated_layer_ids(project) -> List[str]:
    return [layer.id() for layer in project.mapLayers().values()
            if layer.customProperty(MIGRATED_PROPERTY)]


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
