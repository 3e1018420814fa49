"""The services dock's "Update…" action: choose what changes, then the update in place
(plugin/publish/update.py) runs in a task; the WMTS keeps its name and URL.

Kept apart from ui/published_dock.py: the dock only calls ``UpdateAction(dock)``, which adds
its button beside Unpublish and follows the dock's selection.
"""

from __future__ import annotations

from typing import Optional

from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from ..plugin.i18n import tr

PM_LEVELS = (0, 21)


class UpdateDialog(QDialog):
    """What changes: data, style, levels, extent (from the current layer), metadata."""

    def __init__(self, layer_name: Optional[str], parent=None):
        super().__init__(parent)
        self.setObjectName("GpfUpdateDialog")
        self.setWindowTitle(tr("Update the WMTS in place"))
        layer = layer_name or tr("no vector layer selected")
        self.dataBox = QCheckBox(tr("New data: the features and style of the current layer"
                                    " ({0})").format(layer))
        self.styleBox = QCheckBox(tr("New style: the symbology of the current layer"
                                     " ({0})").format(layer))
        self.levelsBox = QCheckBox(tr("New level range"))
        self.topSpin, self.bottomSpin = QSpinBox(), QSpinBox()
        for spin, value in ((self.topSpin, 4), (self.bottomSpin, 16)):
            spin.setRange(*PM_LEVELS)
            spin.setValue(value)
            spin.valueChanged.connect(lambda _value: self._update_enabled())
        self.extentBox = QCheckBox(tr("New extent: the extent of the current layer"))
        self.metadataBox = QCheckBox(tr("New metadata"))
        self.titleEdit, self.abstractEdit = QLineEdit(), QPlainTextEdit()
        for box in (self.dataBox, self.styleBox, self.extentBox):
            box.setEnabled(layer_name is not None)
        form = QFormLayout()
        levels = QHBoxLayout()
        levels.addWidget(self.topSpin)
        levels.addWidget(self.bottomSpin)
        form.addRow(tr("Top and bottom levels"), levels)
        form.addRow(tr("Public title"), self.titleEdit)
        form.addRow(tr("Summary"), self.abstractEdit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        for box in (self.dataBox, self.styleBox, self.levelsBox, self.extentBox,
                    self.metadataBox):
            layout.addWidget(box)
            box.toggled.connect(self._update_enabled)
        self.titleEdit.textChanged.connect(lambda _text: self._update_enabled())
        self.abstractEdit.textChanged.connect(self._update_enabled)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._update_enabled()

    def _update_enabled(self) -> None:
        # New data carry their own style: the style choice is part of it.
        self.styleBox.setEnabled(self.dataBox.isEnabled() and not self.dataBox.isChecked())
        for widget in (self.topSpin, self.bottomSpin):
            widget.setEnabled(self.levelsBox.isChecked())
        for widget in (self.titleEdit, self.abstractEdit):
            widget.setEnabled(self.metadataBox.isChecked())
        valid_levels = not self.levelsBox.isChecked() or (
            self.topSpin.value() <= self.bottomSpin.value())
        # New metadata need at least one field filled in.
        metadata = bool(self.titleEdit.text().strip()
                        or self.abstractEdit.toPlainText().strip())
        chosen = any(box.isChecked() and box.isEnabled() for box in (
            self.dataBox, self.styleBox, self.levelsBox, self.extentBox)) or (
            self.metadataBox.isChecked() and metadata)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            chosen and valid_levels)

    def changes(self, layer_source):
        """The UpdateChanges chosen (``layer_source``: the current layer's snapshot)."""
        from ..plugin.publish.update import UpdateChanges

        metadata = None
        if self.metadataBox.isChecked():
            metadata = {name: value for name, value in (
                ("public_title", self.titleEdit.text().strip()),
                ("abstract", self.abstractEdit.toPlainText().strip())) if value}
        data = self.dataBox.isChecked() and layer_source is not None
        return UpdateChanges(
            data=layer_source if data else None,
            style=layer_source if self.styleBox.isChecked() and not data else None,
            top_level=self.topSpin.value() if self.levelsBox.isChecked() else None,
            bottom_level=self.bottomSpin.value() if self.levelsBox.isChecked() else None,
            extent_wgs84=(layer_source.extent_wgs84 if self.extentBox.isChecked()
                          and layer_source is not None else None),
            metadata=metadata or None)


class UpdateAction:
    """The dock's Update button, its dialog and its task."""

    def __init__(self, dock):
        self.dock = dock
        self.task = None
        self.last_result = None   # the last UpdateResult (the wizard's journal may want it)
        self.button = QPushButton(tr("Update…"), dock)
        self.button.setObjectName("updateButton")
        self.button.setToolTip(tr("Change the data, style, levels, extent or metadata of the"
                                  " selected WMTS; its address stays the same."))
        layout = dock.buttonsLayout
        layout.insertWidget(layout.indexOf(dock.unpublishButton), self.button)
        self.button.clicked.connect(self.open)
        dock.servicesTree.itemSelectionChanged.connect(self.update_enabled)
        self.update_enabled()

    def update_enabled(self) -> None:
        row = self.dock.selected_row()
        self.button.setEnabled(row is not None and row.type == "WMTS-TMS"
                               and bool(row.offerings) and self.task is None)

    def _current_layer(self):
        from qgis.core import QgsVectorLayer

        iface = self.dock.iface
        layer = iface.activeLayer() if iface is not None else None
        return layer if isinstance(layer, QgsVectorLayer) else None

    def open(self) -> None:
        row = self.dock.selected_row()
        if row is None:
            return
        layer = self._current_layer()
        dialog = UpdateDialog(layer.name() if layer is not None else None, self.dock)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        from ..plugin.publish.layer_source import LayerSource

        source = LayerSource.from_layer(layer) if layer is not None else None  # GUI thread
        self.start(row.configuration_id, dialog.changes(source))

    def start(self, configuration_id: str, changes, undo: bool = False) -> None:
        from ..plugin.entrepot.api import EntrepotApi
        from ..plugin.publish.update import UpdateRequest, UpdateTask
        from ..plugin.tasks import start

        client = self.dock.session.client
        datastore_id = self.dock.datastoreCombo.currentData()

        def api_factory(cancelled):
            return EntrepotApi(client.with_cancel(cancelled))

        task = UpdateTask(api_factory, UpdateRequest(datastore_id, configuration_id, changes),
                          undo=undo)
        task.step_progress.connect(lambda step, message: self.dock.statusLabel.setText(
            f"{step}: {message}"))
        task.updated.connect(self._updated)
        task.undone.connect(lambda _kinds: self._finished(tr("The update was undone: the"
                                                             " WMTS serves what it served.")))
        task.failed.connect(lambda message, _logs: self._failed(task, message))
        self.task = task
        self.update_enabled()
        self.dock.statusLabel.setText(task.description())
        start(task)

    def _finished(self, text: str) -> None:
        self.task = None
        self.dock.statusLabel.setText(text)
        # No refresh: an update changes no row (same configuration, name and status), and
        # the listing's own message would replace this one.
        self.update_enabled()

    def _updated(self, result) -> None:
        self.last_result = result
        self._finished(tr("{0} updated in place ({1}); its address has not changed.").format(
            result.wmts_layer_name, ", ".join(result.changes)))

    def _failed(self, task, message: str) -> None:
        self.task = None
        self.dock.statusLabel.setText(message)
        self.update_enabled()
        if not task.undoing and self._ask_undo(message):
            self.start(task.request.wmts_configuration_id, task.request.changes, undo=True)

    def _ask_undo(self, message: str) -> bool:
        answer = QMessageBox.question(
            self.dock, tr("Update the WMTS in place"),
            tr("{0}\n\nUndo this update? The WMTS goes back to what it served; otherwise the"
               " same update can be resumed later.").format(message),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
