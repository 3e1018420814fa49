"""Page 1: connection, datastore, where the publication starts (the layer, or an existing
stored data, WMS-V or pyramid: plugin/publish/sources.py lists them), datasheet name."""

from __future__ import annotations

from qgis.core import QgsMapLayerProxyModel, QgsVectorLayer
from qgis.PyQt.QtWidgets import QWizardPage

from ...plugin.publish.sources import UPLOADED_KINDS, SourceKind, reuse_fields
from ..background import run_in_task
from ..field_errors import FieldErrors
from . import language, load_form

FORM = load_form("source_page")


class SourcePage(QWizardPage, FORM):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.layerCombo.setFilters(QgsMapLayerProxyModel.Filter.VectorLayer)
        self._add_map_kind()
        self.errors = FieldErrors(self.form, {"layer": self.selectedOnlyCheck,
                                              "datastore": self.datastoreCombo,
                                              "map": self.groupCombo,
                                              "datasheet": self.datasheetEdit})
        # One radio button per kind of source: another kind is one more entry here.
        self.kind_buttons = {SourceKind.LAYER: self.uploadRadio,
                             SourceKind.STORED_DATA: self.reuseRadio,
                             SourceKind.WMSV: self.wmsvRadio,
                             SourceKind.PYRAMID: self.pyramidRadio,
                             SourceKind.MAP: self.mapRadio}
        self.loginButton.clicked.connect(self._open_login)
        for button in self.kind_buttons.values():
            button.toggled.connect(self._kind_toggled)
        self.datastoreCombo.currentIndexChanged.connect(self._load_existing)
        self.existingCombo.currentIndexChanged.connect(self._existing_changed)
        self.layerCombo.layerChanged.connect(self._layer_changed)
        self.datasheetEdit.textChanged.connect(self.completeChanged)
        self._list_task = None
        self._extent_task = None
        self.existing_extent_wgs84 = None   # the chosen resource's data extent, once read
        self._listed_for = None   # (datastore, kind) the combo shows
        self._suggested = ""   # the datasheet name last proposed (replaced while untouched)
        from ..name_watch import NameWatch

        self.name_watch = NameWatch(self, "datasheet_name", self.datasheetEdit, "datasheet")
        self._update_enabled()

    # -- state -------------------------------------------------------------------------
    def session(self):
        return self.wizard().session

    def source_kind(self) -> SourceKind:
        return next((kind for kind, button in self.kind_buttons.items()
                     if button.isChecked()), SourceKind.LAYER)

    def layer(self):
        if self.mapRadio.isChecked():
            layers = self.map_layers()
            return layers[0] if layers else None   # names and metadata start from it
        return self.layerCombo.currentLayer() if self.uploadRadio.isChecked() else None

    def map_layers(self) -> list:
        """A map's layers (the chosen group's checked ones, top first); [] for one layer."""
        from ...plugin.publish.map_source import group_layers

        group = self.chosen_group()
        return group_layers(group) if group is not None and self.mapRadio.isChecked() else []

    def chosen_group(self):
        from qgis.core import QgsProject

        name = self.groupCombo.currentText()
        return QgsProject.instance().layerTreeRoot().findGroup(name) if name else None

    def datastore_id(self) -> str:
        return self.datastoreCombo.currentData() or ""

    def existing_choice(self):
        """The SourceChoice picked in the list (None for the layer or an empty list)."""
        if self.source_kind() in UPLOADED_KINDS:
            return None
        return self.existingCombo.currentData()

    def stored_data_id(self) -> str:
        choice = self.existing_choice()
        return choice.id if choice is not None and choice.kind is SourceKind.STORED_DATA \
            else ""

    def reuse_fields(self):
        """The Publication's fields naming the reused resource (all None for the layer)."""
        choice = self.existing_choice()
        return reuse_fields(choice.kind, choice.id) if choice is not None else \
            reuse_fields(SourceKind.LAYER, "")

    def nextId(self) -> int:
        """An existing WMS-V goes straight to the pyramid; an existing pyramid to the WMTS
        and its metadata: the pages between have nothing to decide."""
        wizard = self.wizard()
        target = {SourceKind.WMSV: getattr(wizard, "pyramid_page", None),
                  SourceKind.PYRAMID: getattr(wizard, "metadata_page", None)}.get(
            self.source_kind())
        for page_id in wizard.pageIds() if target is not None else ():
            if wizard.page(page_id) is target:
                return page_id
        return super().nextId()

    # -- wiring ------------------------------------------------------------------------
    def initializePage(self) -> None:
        self.refresh_connection()
        if self.wizard().initial_layer is not None:
            self.layerCombo.setLayer(self.wizard().initial_layer)
        self._list_groups()
        group = getattr(self.wizard(), "initial_group", None)
        if group is not None and self.groupCombo.findText(group.name()) >= 0:
            self.groupCombo.setCurrentIndex(self.groupCombo.findText(group.name()))
            self.mapRadio.setChecked(True)
        self._layer_changed(self.layer())

    # -- a map: a layer group as one WMTS -------------------------------------------------
    def _add_map_kind(self) -> None:
        """One more source kind, between the layer and the stored data: a layer group."""
        from qgis.PyQt.QtWidgets import QComboBox, QLabel, QRadioButton

        self.mapRadio = QRadioButton(self.tr("Publish a layer group as one map (one WMTS)"),
                                     self)
        self.mapRadio.setObjectName("mapRadio")
        self.groupLabel = QLabel(self.tr("Layer group"), self)
        self.groupCombo = QComboBox(self)
        self.groupCombo.setObjectName("groupCombo")
        row = self.form.getWidgetPosition(self.reuseRadio)[0]
        self.form.insertRow(row, self.mapRadio)
        self.form.insertRow(row + 1, self.groupLabel, self.groupCombo)
        self.mapRadio.toggled.connect(self._update_enabled)
        self.mapRadio.toggled.connect(lambda _on: self._layer_changed(self.layer()))
        self.groupCombo.currentIndexChanged.connect(lambda _i: self._layer_changed(
            self.layer()))

    def _list_groups(self) -> None:
        from qgis.core import QgsLayerTree, QgsProject

        chosen = self.groupCombo.currentText()
        self.groupCombo.blockSignals(True)
        self.groupCombo.clear()
        pending = list(QgsProject.instance().layerTreeRoot().children())
        while pending:
            node = pending.pop(0)
            if QgsLayerTree.isGroup(node):
                self.groupCombo.addItem(node.name())
                pending[:0] = list(node.children())
        if chosen and self.groupCombo.findText(chosen) >= 0:
            self.groupCombo.setCurrentIndex(self.groupCombo.findText(chosen))
        self.groupCombo.blockSignals(False)

    def refresh_connection(self) -> None:
        session = self.session()
        self.datastoreCombo.blockSignals(True)
        self.datastoreCombo.clear()
        if session.connected:
            self.connectionLabel.setText(self.tr("Connected as {0}.").format(session.user.name))
            for datastore in session.user.datastores:
                label = datastore.name + (self.tr(" (sandbox)") if datastore.sandbox else "")
                self.datastoreCombo.addItem(label, datastore.id)
        else:
            self.connectionLabel.setText(self.tr("Not connected."))
        self.datastoreCombo.blockSignals(False)
        self._propose_datasheet(self.layerCombo.currentLayer())  # the prefix may be known now
        self._listed_for = None
        self._load_existing()
        self.completeChanged.emit()

    def _open_login(self) -> None:
        from ..login_dialog import LoginDialog

        dialog = LoginDialog(self, session=self.session())
        dialog.connected.connect(lambda _user: self.refresh_connection())
        dialog.disconnected.connect(self.refresh_connection)
        dialog.open()
        self.login_dialog = dialog  # kept for tests and to stay alive while open

    def _kind_toggled(self, checked: bool) -> None:
        if checked:   # the button turned on (the one turned off says so too)
            self._update_enabled()
            self._load_existing()

    def _update_enabled(self) -> None:
        upload = self.uploadRadio.isChecked()
        self.layerCombo.setEnabled(upload)
        self.selectedOnlyCheck.setEnabled(upload)
        existing = not upload and not self.mapRadio.isChecked()
        self.existingCombo.setEnabled(existing)
        self.existingLabel.setEnabled(existing)
        self.groupCombo.setEnabled(self.mapRadio.isChecked())
        self.completeChanged.emit()

    def _layer_changed(self, layer) -> None:
        self._propose_datasheet(layer)
        self.completeChanged.emit()

    def account_prefix(self) -> str:
        """The per-account prefix of every proposed name (plugin/publish/default_names.py)."""
        from ...plugin.publish.default_names import account_prefix, stored_account_prefix
        from ...plugin.settings import PluginSettings

        session = self.session()
        email = session.user.email if session.connected and session.user else ""
        return account_prefix(stored_account_prefix(PluginSettings()), email=email)

    def _propose_datasheet(self, layer) -> None:
        """Propose ``<account prefix>_<layer>`` (a map: ``_<group>``), unless the user typed a
        name of their own."""
        from ...plugin.publish.default_names import default_names

        if layer is None or self.datasheetEdit.text() not in ("", self._suggested):
            return
        group = self.chosen_group() if self.mapRadio.isChecked() else None
        base = group.name() if group is not None else layer.name()
        self._suggested = default_names(base, self.account_prefix()).datasheet
        self.datasheetEdit.setText(self._suggested)

    def _existing_changed(self) -> None:
        """An existing resource belongs to its datasheet: propose that one (unless typed)."""
        choice = self.existing_choice()
        if choice is not None and choice.datasheet_name and \
                self.datasheetEdit.text() in ("", self._suggested):
            self._suggested = choice.datasheet_name
            self.datasheetEdit.setText(choice.datasheet_name)
        self._read_extent(choice)
        self.completeChanged.emit()

    def _read_extent(self, choice) -> None:
        """The chosen resource's data extent, read in a task: the pyramid page counts the
        tiles (and applies the tile cap) on it."""
        self.existing_extent_wgs84 = None
        session = self.session()
        if choice is None or not session.connected:
            return
        client, ds = session.client, self.datastore_id()

        def fetch(_task):
            from ...plugin.entrepot.api import EntrepotApi
            from ...plugin.publish.sources import source_extent_wgs84

            return source_extent_wgs84(EntrepotApi(client, ds), choice.kind, choice.id)

        def show(extent):
            if self.existing_choice() is not choice:
                return   # another resource was chosen meanwhile
            self.existing_extent_wgs84 = extent
            pyramid_page = getattr(self.wizard(), "pyramid_page", None)
            if pyramid_page is not None and self.wizard().currentPage() is pyramid_page:
                pyramid_page.update_estimate()

        self._extent_task = run_in_task(self.tr("Reading the data's extent"), fetch, show,
                                        None)

    def _load_existing(self) -> None:
        """List the chosen kind's resources of the datastore in a task (never on the GUI
        thread); the combo keeps the list while the kind and datastore stay the same."""
        kind, session, ds = self.source_kind(), self.session(), self.datastore_id()
        if kind in UPLOADED_KINDS or (ds, kind) == self._listed_for:
            return
        self.existingCombo.clear()
        if not session.connected or not ds:
            self.existingStatusLabel.clear()
            return
        self._listed_for = (ds, kind)
        self.existingStatusLabel.setText(self.tr("Listing what the datastore holds…"))
        client = session.client

        def fetch(_task):
            from ...plugin.entrepot.api import EntrepotApi
            from ...plugin.publish.sources import list_sources

            return list_sources(EntrepotApi(client, ds), kind)

        def show(choices):
            if self._listed_for != (ds, kind):
                return   # the user chose another kind or datastore meanwhile
            self.existingCombo.blockSignals(True)
            self.existingCombo.clear()
            for choice in choices:
                self.existingCombo.addItem(choice.label(), choice)
            self.existingCombo.blockSignals(False)
            self.existingStatusLabel.setText(
                "" if choices else self.tr("Nothing of this kind in the datastore."))
            self._existing_changed()

        def failed(message):
            if self._listed_for == (ds, kind):
                self._listed_for = None   # try again on the next change
                self.existingStatusLabel.setText(message)

        self._list_task = run_in_task(self.tr("Listing the datastore's resources"), fetch,
                                      show, failed)

    # -- validation --------------------------------------------------------------------
    def problems(self):
        from ...plugin.publish.naming import check_technical_name

        lang = language()
        found = {}
        if not self.session().connected or not self.datastore_id():
            found["datastore"] = [self.tr("Connect and choose a datastore.")]
        if self.uploadRadio.isChecked():
            layer = self.layerCombo.currentLayer()
            if not isinstance(layer, QgsVectorLayer):
                found["layer"] = [self.tr("Choose a vector layer.")]
            elif self.selectedOnlyCheck.isChecked() and layer.selectedFeatureCount() == 0:
                found["layer"] = [self.tr("No feature is selected in this layer.")]
        elif self.mapRadio.isChecked():
            found.update(self._map_problems(lang))
        elif self.existing_choice() is None:
            found["layer"] = [self.tr("Choose the existing resource to start from.")]
        names = check_technical_name(self.datasheetEdit.text(), "datasheet_name")
        if names:
            found["datasheet"] = [p.message(lang) for p in names]
        return found

    def _map_problems(self, lang: str) -> dict:
        """The group's layers checked as the publication will (each message names its
        layer): before any upload, on the page where the group is chosen."""
        from types import SimpleNamespace

        from ...plugin.publish.map_source import check_map_layers, check_map_sources

        group = self.chosen_group()
        if group is None:
            return {"map": [self.tr("Choose a layer group.")]}
        layers = self.map_layers()
        problems = check_map_layers(layers, group.name())
        if not problems:
            problems = check_map_sources([SimpleNamespace(
                name=layer.name(), crs_authid=layer.crs().authid(),
                crs_valid=layer.crs().isValid()) for layer in layers])
        return {"map": [p.message(lang) for p in problems]} if problems else {}

    def validatePage(self) -> bool:
        return self.errors.show_all(self.problems())
