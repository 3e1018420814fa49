"""A failed step shows its logs and offers Resume, which finishes without duplicates; the
published services dock lists the publication and unpublishes it after confirmation."""

from __future__ import annotations

import pytest
from gpf_wmts_publisher.ui.published_dock import PublishedServicesDock
from qgis.core import QgsProject

from tests.e2e.layers import make_polygon_gpkg, open_styled_layer
from tests.ui.conftest import list_services_of, wait_until
from tests.ui.test_publish_wizard import make_wizard, walk_to_publish_page


@pytest.fixture(scope="module")
def layer(qgis_app, tmp_path_factory):
    layer = open_styled_layer(make_polygon_gpkg(str(tmp_path_factory.mktemp("failure"))))
    QgsProject.instance().addMapLayer(layer)
    yield layer
    QgsProject.instance().removeMapLayer(layer.id())


@pytest.fixture(scope="module")
def resumed(qgis_iface, layer, sandbox, unlocked_auth_db, tmp_path_factory):
    wizard = make_wizard(qgis_iface, layer, tmp_path_factory.mktemp("resume"), sandbox)
    walk_to_publish_page(wizard, top=12, bottom=13, title="Parcelles reprises")
    wizard.publish_page.openInspectorCheck.setChecked(False)
    page = wizard.publish_page
    sandbox.set_faults(fail_step="harvest")
    try:
        page.publishButton.click()
        wait_until(lambda: page.state != "running", timeout_s=240, what="the failure")
        failure = {"state": page.state, "log": page.logEdit.toPlainText(),
                   "log_visible": page.logEdit.isVisibleTo(page),
                   "resume_visible": page.resumeButton.isVisibleTo(page),
                   "result": page.resultLabel.text()}
    finally:
        sandbox.reset_faults()
    page.resumeButton.click()
    wait_until(lambda: page.state != "running", timeout_s=240, what="the resumed run")
    yield wizard, failure
    wizard.close()


def test_failed_step_shows_logs_and_offers_resume(resumed):
    _wizard, failure = resumed
    assert failure["state"] == "failed"
    assert failure["log_visible"] and failure["log"]
    assert failure["resume_visible"]
    assert failure["result"]


def test_resume_reaches_published_without_a_second_upload(resumed, sandbox):
    wizard, _failure = resumed
    page = wizard.publish_page
    assert page.state == "published", page.resultLabel.text()
    kinds = [r["kind"] for r in page.result.resources]
    assert kinds.count("upload") == 1 and kinds.count("configuration_wmsv") == 1


def test_published_services_dock_lists_and_unpublishes(resumed, qgis_iface):
    wizard, _failure = resumed
    dock = PublishedServicesDock(qgis_iface, session=wizard.session)
    name = wizard.publish_page.result.wmts_layer_name
    list_services_of(dock, wizard.source_page.datastore_id(), name)
    sheets = {dock.servicesTree.topLevelItem(i).text(0)
              for i in range(dock.servicesTree.topLevelItemCount())}
    assert wizard.datasheet_name() in sheets
    assert dock.select_layer_name(name)
    row = dock.selected_row()
    assert row.type == "WMTS-TMS" and row.status == "PUBLISHED"
    assert dock.addButton.isEnabled() and dock.capabilitiesButton.isEnabled()

    asked = []
    dock.confirm = lambda text: asked.append(text) or False  # the user says No
    dock.unpublishButton.click()
    assert asked and name in asked[0]
    assert dock.task is None or dock.rows  # nothing removed
    dock.confirm = lambda text: True
    dock.unpublishButton.click()
    wait_until(lambda: any(r.layer_name == name and not r.offerings for r in dock.rows),
               timeout_s=240, what="the unpublication: " + dock.statusLabel.text())
    assert dock.select_layer_name(name)
    dock.deleteButton.click()
    wait_until(lambda: not any(r.layer_name == name for r in dock.rows), timeout_s=240,
               what="the deletion: " + dock.statusLabel.text())


def test_cancel_stops_the_run_and_resume_finishes_it(qgis_iface, layer, sandbox,
                                                     unlocked_auth_db, tmp_path):
    wizard = make_wizard(qgis_iface, layer, tmp_path, sandbox)
    try:
        walk_to_publish_page(wizard, top=12, bottom=12, title="Parcelles annulées")
        page = wizard.publish_page
        page.openInspectorCheck.setChecked(False)
        sandbox.set_faults(slow_rate=1.0, slow_s=0.3)
        try:
            page.publishButton.click()
            wait_until(lambda: page.progressBar.value() > 0 or page.state != "running",
                       what="the first progress")
            assert page.cancelButton.isEnabled()
            page.cancelButton.click()
            wait_until(lambda: page.state != "running", timeout_s=120, what="the cancel")
        finally:
            sandbox.reset_faults()
        assert page.state == "cancelled", page.resultLabel.text()
        assert page.resumeButton.isVisibleTo(page) and not page.isComplete()
        page.resumeButton.click()
        wait_until(lambda: page.state != "running", timeout_s=240, what="the resumed run")
        assert page.state == "published", page.resultLabel.text()
    finally:
        wizard.close()
