"""QGIS glue: actions, menu, toolbar, translator and Processing provider registration.

It builds widgets (QAction, toolbar), so it lives in ``ui/``, not in ``plugin/``. Kept thin on
purpose: every action opens a window from ``ui/`` or starts a task; no network call is made here.
"""

from __future__ import annotations

import os
from typing import Callable, List, Optional

from qgis.core import QgsApplication, QgsProject, QgsSettings
from qgis.gui import QgsGui
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from ..plugin import PLUGIN_SLUG
from ..plugin.i18n import tr
from ..plugin.log import install_qgis_log_handler, remove_log_handler

PLUGIN_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ICON_PATH = os.path.join(PLUGIN_DIR, "resources", "icons", "icon.svg")


def qgis_locale() -> str:
    """Two-letter UI language QGIS runs in (its own setting first, then the system's)."""
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        name = settings.value("locale/userLocale", "") or ""
    else:
        name = QLocale.system().name()
    return (name or "en")[:2]


class GpfWmtsPublisherPlugin:
    """The object QGIS holds while the plugin is enabled."""

    MENU = "&Géoplateforme WMTS"

    def __init__(self, iface):
        self.iface = iface
        self.actions: List[QAction] = []
        self.toolbar = None
        self.translator: Optional[QTranslator] = None
        self.provider = None
        self.layer_menu_action: Optional[QAction] = None
        self._log_handler = None
        self._install_translator()

    # -- lifecycle -----------------------------------------------------------------------
    def initProcessing(self) -> None:
        try:
            from ..plugin.processing.provider import GpfWmtsProvider
        except ImportError:  # Processing algorithms not shipped in this build
            return
        provider = GpfWmtsProvider()
        # addProvider refuses (and deletes) a provider whose id is already registered, e.g. by
        # a previous load of the plugin that did not unload: keep no dangling reference then.
        if QgsApplication.processingRegistry().addProvider(provider):
            self.provider = provider

    def initGui(self) -> None:
        from ..plugin.layers import keep_task_threads_alive

        keep_task_threads_alive()
        self._log_handler = install_qgis_log_handler()
        self.toolbar = self.iface.addToolBar(tr("Géoplateforme WMTS"))
        self.toolbar.setObjectName("GpfWmtsPublisherToolbar")
        self._add_action(
            tr("Publish current layer as WMTS…"), self.open_publish_wizard, toolbar=True,
            object_name="gpfPublishWmts",
        )
        self._add_action(tr("Connect to the Géoplateforme…"), self.open_login,
                         object_name="gpfLogin")
        self._add_action(tr("Published services"), self.open_published_services,
                         object_name="gpfPublished")
        self._add_action(tr("Zoom-level inspector"), self.open_zoom_inspector,
                         object_name="gpfZoomInspector")
        from ..plugin.entrepot.network import forget_qgis_network_settings

        # the plugin's HTTP follows QGIS's proxy and CAs: read them again once they change
        QgsGui.instance().optionsChanged.connect(forget_qgis_network_settings)
        from .actions import add_layer_context_menu

        self.layer_menu_action = add_layer_context_menu(self.iface)
        # A restricted layer saved by an earlier version carries its key on the URL: moved
        # off it as soon as the layer is seen (a project read adds its layers as well).
        QgsProject.instance().layersAdded.connect(self._move_keys_off_urls)
        QgsProject.instance().projectSaved.connect(self._scrub_saved_project)
        self._move_keys_off_urls(list(QgsProject.instance().mapLayers().values()))
        self.initProcessing()
        from ..ui.actions import warm_up_windows

        warm_up_windows()  # the .ui forms compile now, off the first click's path

    @staticmethod
    def _scrub_saved_project() -> None:
        """After each save (a .qgz is zipped only after projectSaved: hence the next turn of
        the event loop), the migrated layers' old keys are removed from the file."""
        from qgis.PyQt.QtCore import QTimer

        from ..plugin.wmts.key_migration import migrated_layer_ids, scrub_saved_project

        project = QgsProject.instance()
        path, layer_ids = project.fileName(), migrated_layer_ids(project)
        if layer_ids:
            QTimer.singleShot(0, lambda: scrub_saved_project(path, layer_ids))

    def _move_keys_off_urls(self, layers) -> None:
        from .key_notice import move_keys_off_urls

        move_keys_off_urls(self.iface, layers)

    def unload(self) -> None:
        from ..plugin.entrepot.network import forget_qgis_network_settings

        try:
            QgsGui.instance().optionsChanged.disconnect(forget_qgis_network_settings)
        except (TypeError, RuntimeError):  # initGui did not connect it
            pass
        try:
            QgsProject.instance().layersAdded.disconnect(self._move_keys_off_urls)
            QgsProject.instance().projectSaved.disconnect(self._scrub_saved_project)
        except TypeError:  # initGui did not run
            pass
        if self.layer_menu_action is not None:
            self.iface.removeCustomActionForLayerType(self.layer_menu_action)
            self.layer_menu_action.deleteLater()
            self.layer_menu_action = None
        for action in self.actions:
            self.iface.removePluginWebMenu(self.MENU, action)
            self.iface.removeToolBarIcon(action)
            action.deleteLater()
        self.actions.clear()
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self._log_handler is not None:
            remove_log_handler(self._log_handler)
            self._log_handler = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None

    # -- actions -------------------------------------------------------------------------
    def open_publish_wizard(self) -> None:
        from .actions import open_publish_wizard

        open_publish_wizard(self.iface)

    def open_login(self) -> None:
        from .actions import open_login

        open_login(self.iface)

    def open_published_services(self) -> None:
        from .actions import open_published_services

        open_published_services(self.iface)

    def open_zoom_inspector(self) -> None:
        from .actions import open_zoom_inspector

        open_zoom_inspector(self.iface)

    # -- helpers -------------------------------------------------------------------------
    def _add_action(self, text: str, slot: Callable[[], None], *, toolbar: bool = False,
                    object_name: str = "") -> QAction:
        action = QAction(QIcon(ICON_PATH), text, self.iface.mainWindow())
        action.setObjectName(object_name)
        action.triggered.connect(slot)
        self.iface.addPluginToWebMenu(self.MENU, action)
        if toolbar:
            self.toolbar.addAction(action)
        self.actions.append(action)
        return action

    def _install_translator(self) -> None:
        qm = os.path.join(PLUGIN_DIR, "i18n", f"{PLUGIN_SLUG}_{qgis_locale()}.qm")
        if os.path.exists(qm):
            self.translator = QTranslator()
            if self.translator.load(qm):
                QCoreApplication.installTranslator(self.translator)
            else:
                self.translator = None
