"""Brings a published WMTS into the project, above its source layer, without blocking the GUI.

The capabilities are read (OWSLib, plugin/wmts/capabilities) and the QgsRasterLayer is built in
a task: the wms provider reads the capabilities again when it is constructed, which must not
happen on the GUI thread. The layer is then moved to the GUI thread and added there.
"""

from __future__ import annotations

from typing import Callable, Optional

from qgis.core import QgsApplication, QgsProject

from .background import run_in_task


def layer_info_task_function(capabilities_url: str, layer_name: str, build_layer: bool = True,
                             access_key: Optional[Callable] = None):
    """The task's work: (layer or None, WmtsLayerInfo); the layer is handed to the GUI
    thread, where it will live in the project. ``access_key()`` (a restricted WMTS) gives the
    id of the QGIS auth configuration holding the key; it runs in the task too (it may call
    the entrepôt). The layer carries only that id, never the key."""

    def work(_task):
        from ..plugin.wmts.key_config import basic_headers

        authcfg = access_key() if access_key is not None else None
        headers = basic_headers(authcfg) if authcfg else None
        if not build_layer:
            from ..plugin.wmts.capabilities import find_layer, read_capabilities

            return None, find_layer(read_capabilities(capabilities_url, headers=headers),
                                    layer_name)
        from ..plugin.wmts.qgis_layer import open_wmts_layer

        layer, info = open_wmts_layer(capabilities_url, layer_name, authcfg=authcfg,
                                      headers=headers)
        layer.moveToThread(QgsApplication.instance().thread())
        return layer, info

    return work


def restricted_key(client, datastore_id: str, offering_id: str, permission_id: str = ""):
    """``access_key`` for a restricted offering: the auth configuration id of the user's
    plugin key (plugin/wmts/access_key.py, key_config.py)."""

    def access_key():
        from ..plugin.entrepot.api import EntrepotApi
        from ..plugin.wmts.access_key import key_auth_config

        return key_auth_config(EntrepotApi(client, datastore_id), offering_id, permission_id)

    return access_key


def insert_above(layer, source_layer=None, project: Optional[QgsProject] = None) -> None:
    """Adds ``layer`` to the project just above ``source_layer`` (at the top otherwise)."""
    project = project or QgsProject.instance()
    project.addMapLayer(layer, False)
    root = project.layerTreeRoot()
    node = root.findLayer(source_layer.id()) if source_layer is not None else None
    if node is None:
        root.insertLayer(0, layer)
        return
    parent = node.parent()
    parent.insertLayer(parent.children().index(node), layer)


def add_wmts_layer(capabilities_url: str, layer_name: str, *, source_layer=None,
                   on_added: Optional[Callable] = None,
                   on_failed: Optional[Callable[[str], None]] = None,
                   access_key: Optional[Callable] = None):
    """Starts the task; ``on_added(layer, info)`` runs on the GUI thread once it is added."""

    def added(result):
        layer, info = result
        layer.setCustomProperty("gpf_wmts_publisher/layer_name", layer_name)
        layer.setCustomProperty("gpf_wmts_publisher/capabilities_url", capabilities_url)
        insert_above(layer, source_layer)
        if on_added is not None:
            on_added(layer, info)

    return run_in_task(QgsApplication.translate("WmtsLayer", "Adding the WMTS to the map"),
                       layer_info_task_function(capabilities_url, layer_name,
                                                access_key=access_key),
                       added, on_failed)
