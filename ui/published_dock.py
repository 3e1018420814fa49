"""The datasheet view: the user's datasheets with their data, services, pyramids, metadata,
permissions, dates and states (read in plugin/publish/datasheet.py, in a task), and what to
do with them: add a service to the map, open its capabilities, unpublish it, delete the
whole datasheet (planned and run in plugin/publish/datasheet_delete*.py, after a summary)."""

from __future__ import annotations

import os
from typing import List, Optional

from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QObject, Qt, QUrl, pyqtSignal
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QMessageBox

from ..plugin.publish.datasheet import (  # noqa: F401 - ServiceRow, list_services: re-exported
    NO_DATASHEET,
    Datasheet,
    ServiceRow,
    list_services,
    sheets_from_rows,
    unpublish_service,
)
from . import datasheet_tree
from . import session as session_module
from .background import run_in_task
from .forms import form_class

FORM = form_class(os.path.join(os.path.dirname(__file__), "published_dock.ui"))


class _Relay(QObject):
    """Carries the removal under way from the task's thread to the status label (queued:
    the relay lives on the GUI thread)."""

    said = pyqtSignal(str)


class PublishedServicesDock(QgsDockWidget, FORM):
    def __init__(self, iface=None, session: session_module.Session = session_module.CURRENT,
                 parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.setObjectName("GpfPublishedServicesDock")
        self.iface = iface
        self.session = session
        self.sheets: List[Datasheet] = []
        self.rows: List[ServiceRow] = []
        self.task = None
        self.delete_task = None
        self._listing = 0  # number of the newest listing asked for
        self._notice = ""  # the end of a deletion, shown with the listing that follows it
        self.shown_listing: Optional[int] = None
        self.refreshButton.clicked.connect(self.refresh)
        self.datastoreCombo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.addButton.clicked.connect(self.add_to_map)
        self.capabilitiesButton.clicked.connect(self.open_capabilities)
        self.unpublishButton.clicked.connect(lambda: self.remove_selected(delete=False))
        self.deleteButton.clicked.connect(self.delete_datasheet)
        self.cancelButton.clicked.connect(self.cancel_delete)
        self.servicesTree.itemSelectionChanged.connect(self._update_enabled)
        self._update_enabled()
        from .update_action import UpdateAction

        self.update_action = UpdateAction(self)   # its own module: ui/update_action.py

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
        self.statusLabel.setText(self.tr("Loading the datasheets…"))

        def read(task):
            from ..plugin.entrepot.api import EntrepotApi
            from ..plugin.publish.datasheet import list_datasheets

            api = EntrepotApi(client, datastore_id).with_cancel(task.isCanceled)
            return list_datasheets(api, progress=lambda f: task.setProgress(100.0 * f),
                                   cancelled=task.isCanceled)

        self.task = run_in_task(self.tr("Listing the datasheets"), read,
                                lambda sheets: self._show_sheets(sheets, listing),
                                self.statusLabel.setText)

    def _show_rows(self, rows: List[ServiceRow], listing: Optional[int] = None) -> None:
        """Services alone, grouped by their datasheet tag."""
        self._show_sheets(sheets_from_rows(rows), listing)

    def _show_sheets(self, sheets: List[Datasheet], listing: Optional[int] = None) -> None:
        # An older listing (another datastore, maybe) that ends late must not replace the
        # newest one: the user would act on services that are not the ones shown.
        if listing is not None and listing != self._listing:
            return
        selected = self.selected_row()
        self.shown_listing = listing
        self.sheets = list(sheets)
        count = datasheet_tree.fill(self.servicesTree, self.sheets, self.rows)
        if selected is not None:  # the same service stays selected after a refresh
            self.select_configuration(selected.configuration_id)
        tagged = sum(1 for sheet in self.sheets if sheet.is_tagged)
        listed = (self.tr("{0} datasheets, {1} services.").format(tagged, len(self.rows))
                  if count else self.tr("No datasheet in this datastore."))
        self.statusLabel.setText(f"{self._notice} {listed}" if self._notice else listed)
        self._notice = ""
        self._update_enabled()

    def selected_row(self) -> Optional[ServiceRow]:
        items = self.servicesTree.selectedItems()
        if not items:
            return None
        index = items[0].data(0, datasheet_tree.ROW_ROLE)
        return self.rows[index] if index is not None and index < len(self.rows) else None

    def selected_datasheet(self) -> Optional[str]:
        """The datasheet of the selected item (any item under it), None for the services
        without a datasheet."""
        items = self.servicesTree.selectedItems()
        return datasheet_tree.sheet_name_of(items[0]) if items else None

    def select_layer_name(self, layer_name: str) -> bool:
        return self._select(lambda row: row.layer_name == layer_name)

    def select_configuration(self, configuration_id: str) -> bool:
        return self._select(lambda row: row.configuration_id == configuration_id)

    def select_datasheet(self, name: str) -> bool:
        for index in range(self.servicesTree.topLevelItemCount()):
            item = self.servicesTree.topLevelItem(index)
            if item.data(0, datasheet_tree.SHEET_ROLE) == name:
                self.servicesTree.setCurrentItem(item)
                return True
        return False

    def _select(self, wanted) -> bool:
        for index, row in enumerate(self.rows):
            if wanted(row):
                for item in self.servicesTree.findItems(row.layer_name or row.name,
                                                        Qt.MatchFlag.MatchRecursive):
                    if item.data(0, datasheet_tree.ROW_ROLE) == index:
                        self.servicesTree.setCurrentItem(item)
                        return True
        return False

    def _update_enabled(self) -> None:
        row = self.selected_row()
        deleting = self.delete_task is not None
        self.addButton.setEnabled(row is not None and row.type == "WMTS-TMS"
                                  and bool(row.capabilities_url()))
        self.capabilitiesButton.setEnabled(row is not None and bool(row.capabilities_url()))
        self.unpublishButton.setEnabled(row is not None and bool(row.offerings)
                                        and not deleting)
        self.deleteButton.setEnabled(self.selected_datasheet() is not None and not deleting)

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

    def remove_selected(self, delete: bool = False) -> None:
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
                                lambda task: unpublish_service(
                                    client, datastore_id, row, delete, task.isCanceled),
                                lambda _result: self.refresh(), self.statusLabel.setText)

    # -- delete a datasheet ------------------------------------------------------------
    def delete_datasheet(self) -> None:
        """Plans (in a task), shows what will go, and on Yes deletes (another task)."""
        name = self.selected_datasheet()
        if name is None or self.delete_task is not None:
            return
        client, datastore_id = self.session.client, self.datastoreCombo.currentData()
        record_dir = self._record_dir()
        self.statusLabel.setText(self.tr("Reading what the datasheet \"{0}\" holds…")
                                 .format(name))

        def plan(task):
            from ..plugin.entrepot.api import EntrepotApi
            from ..plugin.publish.datasheet_delete import plan_delete

            api = EntrepotApi(client, datastore_id).with_cancel(task.isCanceled)
            return plan_delete(api, name, record_dir)

        self.task = run_in_task(self.tr("Planning the datasheet's deletion"), plan,
                                lambda p: self._confirm_and_delete(p, datastore_id),
                                self.statusLabel.setText)

    @staticmethod
    def _record_dir() -> str:
        from ..plugin.publish.journal import default_journal_dir

        return default_journal_dir()

    def _confirm_and_delete(self, plan, datastore_id: str) -> None:
        from ..plugin.publish.datasheet_delete_run import summary_lines

        if plan.empty:
            self.statusLabel.setText(self.tr("The datasheet \"{0}\" holds nothing left to "
                                             "delete.").format(plan.datasheet))
            self.refresh()
            return
        text = "\n".join([self.tr("Delete the datasheet \"{0}\" and everything it holds? "
                                   "This cannot be undone. What will go:").format(
                                       plan.datasheet), ""] + ["• " + line for line in
                                                              summary_lines(plan)])
        if not self.confirm(text):
            self.statusLabel.setText(self.tr("Nothing deleted."))
            return
        self._start_delete(plan, datastore_id)

    def _start_delete(self, plan, datastore_id: str) -> None:
        client, record_dir = self.session.client, self._record_dir()
        relay = _Relay(self)
        # a removal's words arriving after the end must not replace the end's message
        relay.said.connect(lambda text: self.delete_task is not None
                           and self.statusLabel.setText(text))
        template = self.tr("Deleting the datasheet \"{0}\": {1}…")

        def said(percent: float, label: str, task) -> None:
            task.setProgress(percent)
            relay.said.emit(template.format(plan.datasheet, label))

        def run(task):
            from ..plugin.entrepot.api import EntrepotApi
            from ..plugin.publish.datasheet_delete_run import run_delete

            api = EntrepotApi(client, datastore_id).with_cancel(task.isCanceled)
            return run_delete(api, plan, progress=lambda percent, label:
                              said(percent, label, task), cancelled=task.isCanceled,
                              record_dir=record_dir)

        self.progressBar.setValue(0)
        self.progressBar.setVisible(True)
        self.cancelButton.setVisible(True)
        self.cancelButton.setEnabled(True)
        self.statusLabel.setText(self.tr("Deleting the datasheet \"{0}\"…").format(
            plan.datasheet))
        self.delete_task = run_in_task(
            self.tr("Deleting the datasheet {0}").format(plan.datasheet), run,
            lambda count: self._delete_ended(self.tr(
                "The datasheet \"{0}\" is deleted ({1} removals).").format(plan.datasheet,
                                                                            count)),
            self._delete_ended)
        self.delete_task.progressChanged.connect(
            lambda value: self.progressBar.setValue(int(value)))
        self._update_enabled()

    def cancel_delete(self) -> None:
        if self.delete_task is not None:
            self.cancelButton.setEnabled(False)
            self.delete_task.cancel()

    def _delete_ended(self, message: str) -> None:
        self.delete_task = None
        self.progressBar.setVisible(False)
        self.cancelButton.setVisible(False)
        self._update_enabled()
        self.refresh()
        self.statusLabel.setText(message)
        self._notice = message
