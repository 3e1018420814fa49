"""The services dock's Update action: its dialog's choices, and a level range changed in
place from the dock (same layer name, the new level served)."""

from __future__ import annotations

import pytest
import requests
from gpf_wmts_publisher.plugin.entrepot.errors import NotFound
from gpf_wmts_publisher.plugin.entrepot.models import Account, Datastore, User
from gpf_wmts_publisher.plugin.publish.journal import JOURNAL_DIR_ENV, Journal
from gpf_wmts_publisher.plugin.publish.layer_source import LayerSource
from gpf_wmts_publisher.plugin.publish.session import password_api
from gpf_wmts_publisher.plugin.publish.spec import Publication
from gpf_wmts_publisher.plugin.publish.workflow import Workflow
from gpf_wmts_publisher.ui import session as session_module
from gpf_wmts_publisher.ui.published_dock import PublishedServicesDock
from gpf_wmts_publisher.ui.update_action import UpdateDialog
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox

from tests.e2e.layers import make_polygon_gpkg, open_styled_layer
from tests.e2e.tile_poller import get_tile, square_tile
from tests.ui.conftest import dispose, list_services_of, wait_until


def test_the_dialog_asks_for_a_choice_and_builds_the_changes(qgis_app):
    dialog = UpdateDialog(None)
    try:
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()                       # nothing chosen yet
        assert not dialog.dataBox.isEnabled()           # no current layer: no data, no style
        dialog.levelsBox.setChecked(True)
        dialog.topSpin.setValue(15)
        dialog.bottomSpin.setValue(12)
        assert not ok.isEnabled()                       # top below bottom
        dialog.bottomSpin.setValue(17)
        assert ok.isEnabled()
        dialog.levelsBox.setChecked(False)
        dialog.metadataBox.setChecked(True)
        assert not ok.isEnabled()                       # new metadata, but nothing typed
        dialog.titleEdit.setText("Nouveau titre")
        assert ok.isEnabled()
        dialog.levelsBox.setChecked(True)
        changes = dialog.changes(None)
        assert (changes.top_level, changes.bottom_level) == (15, 17)
        assert changes.metadata == {"public_title": "Nouveau titre"}
        assert changes.kinds() == ["levels", "metadata"]
    finally:
        dispose(dialog)


def test_new_data_include_the_style(qgis_app):
    dialog = UpdateDialog("Parcelles")
    try:
        dialog.dataBox.setChecked(True)
        assert not dialog.styleBox.isEnabled()
    finally:
        dispose(dialog)


def test_the_dock_updates_the_level_range_in_place(sandbox, qgis_iface, tmp_path,
                                                   monkeypatch):
    account = sandbox.accounts["formateur"]
    api = password_api(sandbox.api_url, sandbox.token_url, account["username"],
                       account["password"])
    datastore_id = sandbox.datastores()["sandbox"]
    layer = open_styled_layer(make_polygon_gpkg(str(tmp_path)))
    spec = Publication(datastore_id=datastore_id, datasheet_name="fiche_dock_maj",
                       wmsv_name="dock_maj_wmsv", wmts_name="dock_maj_wmts",
                       pyramid_name="dock_maj_pyramide", wmsv_title="Parcelles",
                       wmts_title="Parcelles (WMTS)", abstract="Parcelles",
                       layer=LayerSource.from_layer(layer), top_level=12, bottom_level=13,
                       image_format="image/png")
    journals = str(tmp_path / "journals")
    monkeypatch.setenv(JOURNAL_DIR_ENV, journals)   # the dock's journals, as in QGIS
    workflow = Workflow(api, spec, journal_dir=journals, poll_first_s=0.05, poll_max_s=0.5)
    result = workflow.run()
    old_pyramid = workflow.journal.resource_id("stored_data_pyramid")
    session = session_module.Session()
    session.client = api.client
    session.user = Account(User.from_dict({"_id": "u", "email": "formateur@example.org"}),
                           datastores=(Datastore(id=datastore_id, name="Découverte"),))
    dock = PublishedServicesDock(qgis_iface, session=session)

    def choose_levels(dialog) -> int:
        dialog.levelsBox.setChecked(True)
        dialog.topSpin.setValue(12)
        dialog.bottomSpin.setValue(14)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(UpdateDialog, "exec", choose_levels)
    try:
        list_services_of(dock, datastore_id, result.wmts_layer_name)
        assert dock.select_layer_name(result.wmts_layer_name)
        assert dock.update_action.button.isEnabled()
        dock.update_action.button.click()
        wait_until(lambda: dock.update_action.task is None,
                   timeout_s=240, what=lambda: dock.statusLabel.text())
        assert dock.update_action.last_result is not None, dock.statusLabel.text()
        assert "address has not changed" in dock.statusLabel.text()
        tile = get_tile(sandbox.base_url, result.wmts_layer_name, 14, *square_tile(14))
        assert tile.status_code == 200
        capabilities = requests.get(result.capabilities_url, timeout=30).text
        assert result.wmts_layer_name in capabilities
        # The publication's journal learnt the update: new settings, new pyramid, the old
        # one (the publication's own) removed; reopening the wizard compares with these.
        journal = Journal.open(datastore_id, spec.journal_key, journals)
        assert (journal.snapshot()["spec"]["top_level"],
                journal.snapshot()["spec"]["bottom_level"]) == (12, 14)
        assert journal.resource_id("stored_data_pyramid") not in (None, old_pyramid)
        with pytest.raises(NotFound):
            api.in_datastore(datastore_id).stored_data(old_pyramid)
    finally:
        dispose(dock)
        Workflow(api, spec, journal_dir=journals).undo()
