"""The user's publications, grouped by datasheet: services, statuses, and what to do with them
(add to map, open capabilities, unpublish, delete — the last two after confirmation)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Dict, List, Optional

from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QMessageBox, QTreeWidgetItem

from ..plugin.code_labels import status_label
from . import session as session_module
from .background import run_in_task
from .forms import form_class

FORM = form_class(os.path.join(os.path.dirname(__file__), "published_dock.ui"))
NO_DATASHEET = "—"


@dataclass
class ServiceRow:
    datasheet: str
    configuration_id: str
    name: str
    layer_name: str
    type: str
    status: str
    offerings: List[Dict] = field(default_factory=list)  # {id, status, open, urls}

    def url(self, kind: str) -> Optional[str]:
        for offering in self.offerings:
            for url_type, url in offering.get("urls", ()):
                if url_type.upper() == kind.upper():
                    return url
        return None

    def capabilities_url(self) -> Optional[str]:
        from ..plugin.wmts.capabilities import capabilities_url

        if self.type == "WMTS-TMS":
            url = self.url("WMTS")
            return capabilities_url(url) if url else None
        url = self.url("WMS")
        if not url:
            return None
        return f"{url}{'&' if '?' in url else '?'}SERVICE=WMS&REQUEST=GetCapabilities"


def list_services(client, datastore_id: str) -> List[ServiceRow]:
    """Every configuration of the datastore with its offerings (runs in a task)."""
    from ..plugin.entrepot.api import EntrepotApi

    api = EntrepotApi(client, datastore_id)
    rows = []
    for configuration in api.configurations():
        offerings = [{"id": o.id, "status": o.status, "open": o.open, "urls": o.urls}
                     for o in api.configuration_offerings(configuration.id)]
        rows.append(ServiceRow(
            datasheet=configuration.tags.get("datasheet_name", NO_DATASHEET),
            configuration_id=configuration.id, name=configuration.name,
            layer_name=configuration.layer_name, type=configuration.type,
            status=offerings[0]["status"] if offerings else configuration.status,
            offerings=offerings))
    return sorted(rows, key=lambda r: (r.datasheet, r.type, r.name))


def unpublish(client, datastore_id: str, row: ServiceRow, delete: bool, task=None) -> None:
    """Runs in a task: takes the row's service down (and deletes its configuration)."""
    from functools import partial

    from ..plugin.entrepot.api import EntrepotApi
    from ..plugin.publish.unpublish import take_down
    from ..plugin.publish.waiting import wait_for

    cancelled = task.isCanceled if task is not None else (lambda: False)
    take_down(EntrepotApi(client, datastore_id), [o["id"] for o in row.offerings],
              row.configuration_id, partial(wait_for, cancelled=cancelled),
              delete_config=delete)


class PublishedServicesDock(QgsDockWidget, FORM):
    def __init__(self, iface=None, session: session_module.Session = session_module.CURRENT,
                 parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.setObjectName("GpfPublishedServicesDock")
        self.iface = iface
        self.session = session
        self.rows: List[ServiceRow] = []
        self.task = None
        self._listing = 0  # number of the newest listing asked for
        self.refreshButton.clicked.connect(self.refresh)
        self.datastoreCombo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.addButton.clicked.connect(self.add_to_map)
        self.capabilitiesButton.clicked.connect(self.open_capabilities)
        self.unpublishButton.clicked.connect(lambda: self.remove_selected(delete=False))
        self.deleteButton.clicked.connect(lambda: self.remove_selected(delete=True))
        self.servicesTree.itemSelectionChanged.connect(self._update_enabled)
        self._update_enabled()

    def _fill_datastores(self) -> None:
        current = self.datastoreCombo.currentData()
        self.datastoreCombo.blockSignals(True)
        self.datastoreCombo.clear()
        for datastore in self.session.user.datastores if self.session.connected else []:
            self.datastoreCombo.addItem(datastore.name, datastore.id)
        index = self.datastoreCombo.findData(current)
        self.datastoreCombo.setCurrentIndex(max(index, 0))
        self.datastoreCombo.blockSignals(False)

    def refresh(self) -> None:
        if not self.session.connected:
            self.statusLabel.setText(self.tr("Connect to the Géoplateforme first."))
            return
        self._fill_datastores()
        datastore_id = self.datastoreCombo.currentData()
        if not datastore_id:
            return
        client = self.session.client
        self._listing += 1
        listing = self._listing
        self.statusLabel.setText(self.tr("Loading the services…"))
        self.task = run_in_task(self.tr("Listing published services"),
                                lambda _task: list_services(client, datastore_id),
                                lambda rows: self._show_rows(rows, listing),
                                self.statusLabel.setText)

    def _show_rows(self, rows: List[ServiceRow], listing: Optional[int] = None) -> None:
        # An older listing (another datastore, maybe) that ends late must not replace the
        # newest one: the user would act on services that are not the ones shown.
        if listing is not None and listing != self._listing:
            return
        selected = self.selected_row()
        self.rows = rows
        self.servicesTree.clear()
        sheets: Dict[str, QTreeWidgetItem] = {}
        for index, row in enumerate(rows):
            parent = sheets.get(row.datasheet)
            if parent is None:
                parent = QTreeWidgetItem([row.datasheet])
                sheets[row.datasheet] = parent
                self.servicesTree.addTopLevelItem(parent)
            access = ", ".join(self.tr("public") if o["open"] else self.tr("restricted")
                               for o in row.offerings) or "–"
            item = QTreeWidgetItem([row.layer_name or row.name, row.type,
                                    status_label(row.status), access])
            item.setData(0, Qt.ItemDataRole.UserRole, index)
            parent.addChild(item)
        self.servicesTree.expandAll()
        if selected is not None:  # the same service stays selected after a refresh
            self.select_configuration(selected.configuration_id)
        self.statusLabel.setText(self.tr("{0} services in {1} datasheets.").format(
            len(rows), len(sheets)))
        self._update_enabled()

    def selected_row(self) -> Optional[ServiceRow]:
        items = self.servicesTree.selectedItems()
        if not items:
            return None
        index = items[0].data(0, Qt.ItemDataRole.UserRole)
        return self.rows[index] if index is not None else None

    def select_layer_name(self, layer_name: str) -> bool:
        return self._select(lambda row: row.layer_name == layer_name)

    def select_configuration(self, configuration_id: str) -> bool:
        return self._select(lambda row: row.configuration_id == configuration_id)

    def _select(self, wanted) -> bool:
        for index, row in enumerate(self.rows):
            if wanted(row):
                iterator = self.servicesTree.findItems(row.layer_name or row.name,
                                                       Qt.MatchFlag.MatchRecursive)
                for item in iterator:
                    if item.data(0, Qt.ItemDataRole.UserRole) == index:
                        self.servicesTree.setCurrentItem(item)
                        return True
        return False

    def _update_enabled(self) -> None:
        row = self.selected_row()
        self.addButton.setEnabled(row is not None and row.type == "WMTS-TMS"
                                  and bool(row.capabilities_url()))
        self.capabilitiesButton.setEnabled(row is not None and bool(row.capabilities_url()))
        self.unpublishButton.setEnabled(row is not None and bool(row.offerings))
        self.deleteButton.setEnabled(row is not None)

    # -- actions -----------------------------------------------------------------------
    def _access_key(self, row: ServiceRow):
        """For a restricted service, how to get the user's key (in a task), else None."""
        from .wmts_layer import restricted_key

        closed = next((o for o in row.offerings if not o["open"]), None)
        return (restricted_key(self.session.client, self.datastoreCombo.currentData(),
                               closed["id"]) if closed is not None else None)

    def add_to_map(self) -> None:
        from .wmts_layer import add_wmts_layer

        row = self.selected_row()
        if row is None:
            return
        self.task = add_wmts_layer(row.capabilities_url(), row.layer_name,
                                   access_key=self._access_key(row),
                                   on_added=lambda layer, _info: self.statusLabel.setText(
                                       self.tr("{0} added to the map.").format(layer.name())),
                                   on_failed=self.statusLabel.setText)

    def open_capabilities(self) -> None:
        """In the browser. A restricted service's key must not go on a URL (browser history,
        logs): its capabilities are read here with the key and shown from a local copy."""
        row = self.selected_row()
        if row is None or not row.capabilities_url():
            return
        url, access_key = row.capabilities_url(), self._access_key(row)
        if access_key is None:
            QDesktopServices.openUrl(QUrl(url))
            return
        from ..plugin.wmts.key_config import restricted_capabilities_copy

        self.task = run_in_task(
            self.tr("Reading the restricted capabilities"),
            lambda _task: restricted_capabilities_copy(url, access_key()),
            lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(path)),
            self.statusLabel.setText)

    def confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Published services"), text,
                                      QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def remove_selected(self, delete: bool) -> None:
        row = self.selected_row()
        if row is None:
            return
        question = (self.tr("Delete the service \"{0}\"? It is unpublished, then its "
                            "configuration is deleted.") if delete else
                    self.tr("Unpublish the service \"{0}\"? Its users lose access; the "
                            "configuration is kept.")).format(row.layer_name or row.name)
        if not self.confirm(question):
            return
        client, datastore_id = self.session.client, self.datastoreCombo.currentData()
        self.statusLabel.setText(self.tr("Removing {0}…").format(row.layer_name))
        self.task = run_in_task(self.tr("Removing a service"),
                                lambda task: unpublish(client, datastore_id, row, delete, task),
                                lambda _result: self.refresh(), self.statusLabel.setText)
