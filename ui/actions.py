"""What the plugin's menu entries open (ui/main.py calls these). One window of each kind
is kept per QGIS session so a second click brings it back instead of opening another."""

from __future__ import annotations

import importlib
import logging
from typing import Dict

LOG = logging.getLogger(__name__)

_OPEN: Dict[str, object] = {}

# The windows' modules pull in the plugin modules they use when imported (their .ui forms are
# compiled ahead, ui/forms; a form edited and not recompiled is compiled at import, ~30 ms).
# Imported soon after the plugin starts, that work is off the first click's path: the click
# only builds widgets.
WINDOW_MODULES = ("publish_wizard", "login_dialog", "published_dock", "inspector_dock")


def warm_up_windows() -> None:
    """Import the windows' modules on the GUI thread, one per turn of the event loop, once the
    event loop runs (after QGIS has loaded every plugin, at start-up).

    Never on a helper thread: PyQt's uic.loadUiType is not thread-safe, and QGIS's own plugins
    call it on the GUI thread while QGIS starts (Processing's dialogs). A compile on a helper
    thread at the same moment made theirs fail (KeyError: 'Ui_Dialog' in Processing, from the
    packaged-plugin smoke test in a real QGIS)."""
    from qgis.PyQt.QtCore import QTimer

    pending = list(WINDOW_MODULES)

    def import_next() -> None:
        name = pending.pop(0)
        try:
            importlib.import_module(f"{__package__}.{name}")
        except Exception:  # the click imports it again and reports the error there
            LOG.debug("warm-up import of %s failed", name, exc_info=True)
        if pending:
            QTimer.singleShot(0, import_next)

    QTimer.singleShot(0, import_next)


def _current_vector_layer(iface):
    from qgis.core import QgsVectorLayer

    layer = iface.activeLayer() if iface is not None else None
    return layer if isinstance(layer, QgsVectorLayer) else None


def _current_group(iface):
    """The group selected in the layer tree (published as one map), or None: a selected
    layer, even inside a group, is published alone."""
    from qgis.core import QgsLayerTree
    from qgis.gui import QgsLayerTreeView

    view = iface.layerTreeView() if iface is not None else None
    if not isinstance(view, QgsLayerTreeView) or view.layerTreeModel() is None:
        return None   # no layer tree (a headless iface)
    node = view.currentNode()
    if node is None or not QgsLayerTree.isGroup(node) or node.parent() is None:
        return None   # nothing, a layer, or the root (no current node)
    return node


def open_publish_wizard(iface, layer=None):
    from .publish_wizard import PublishWizard

    wizard = PublishWizard(iface, layer or _current_vector_layer(iface),
                           group=None if layer is not None else _current_group(iface))
    wizard.published.connect(lambda result: after_publication(iface, wizard, result))
    _OPEN["wizard"] = wizard
    wizard.show()
    return wizard


def open_login(iface):
    from .login_dialog import LoginDialog

    dialog = LoginDialog(iface.mainWindow() if iface is not None else None)
    _OPEN["login"] = dialog
    dialog.show()
    return dialog


def _dock(iface, key: str, factory):
    from qgis.PyQt.QtCore import Qt

    dock = _OPEN.get(key)
    if dock is None:
        dock = factory()
        _OPEN[key] = dock
        if iface is not None:
            iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.show()
    dock.raise_()
    return dock


def open_published_services(iface):
    from .published_dock import PublishedServicesDock

    dock = _dock(iface, "published", lambda: PublishedServicesDock(iface))
    dock.refresh()
    return dock


def open_zoom_inspector(iface, wmts_layer=None, source_layer=None, info=None, map_layers=None):
    """Opens (or brings back) the inspector; with a layer and its capabilities info, the
    canvas goes straight to the first published level over the data."""
    from .inspector_dock import ZoomInspectorDock

    dock = _dock(iface, "inspector", lambda: ZoomInspectorDock(iface))
    if wmts_layer is not None:
        dock.set_layers(wmts_layer, source_layer, info, map_layers=map_layers)
        if info is not None:
            dock.show_first_level(source_layer)
    else:
        dock.pick_layers_from_project()
    return dock


def after_publication(iface, wizard, result):
    """Adds the WMTS above the source layer, then opens the inspector on it (when asked)."""
    if not wizard.publish_page.openInspectorCheck.isChecked():
        return
    from .wmts_layer import add_wmts_layer, restricted_key

    source = wizard.source_layer()
    map_layers = wizard.map_layers()   # a map: compared with the group drawn locally
    access_key = (restricted_key(wizard.session.client, result.datastore_id,
                                 result.wmts_offering_id, result.permission_id)
                  if result.permission_id else None)
    label = wizard.publish_page.resultLabel

    def added(layer, info):
        if access_key is not None:  # the user is told where the key lives
            label.setText(label.text() + "<br>" + key_location_text())
        open_zoom_inspector(iface, layer, source, info, map_layers=map_layers)

    add_wmts_layer(result.capabilities_url, result.wmts_layer_name, source_layer=source,
                   access_key=access_key, on_added=added,
                   on_failed=lambda message: label.setText(label.text() + "<br>" + message))


def key_location_text() -> str:
    from qgis.PyQt.QtCore import QCoreApplication

    return QCoreApplication.translate(
        "KeyNotice", "The key that opens this restricted service is kept in QGIS's "
        "authentication database (Settings › Options › Authentication, configuration "
        "“Géoplateforme service key”); the layer and the project hold only its id.")


def add_layer_context_menu(iface):
    """"Publish as WMTS…" in the context menu of vector layers in the layer tree."""
    from qgis.core import QgsMapLayerType
    from qgis.PyQt.QtCore import QCoreApplication
    from qgis.PyQt.QtWidgets import QAction

    action = QAction(QCoreApplication.translate("Actions", "Publish as WMTS on the "
                                                "Géoplateforme…"), iface.mainWindow())
    action.triggered.connect(lambda: open_publish_wizard(iface, _current_vector_layer(iface)))
    iface.addCustomActionForLayerType(action, "", QgsMapLayerType.VectorLayer, True)
    return action
