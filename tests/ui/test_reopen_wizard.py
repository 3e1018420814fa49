"""Publishing again (issue 15, "the journal tells the truth"), through the wizard like a user:
after an Unpublish in the services dock, reopening offers Start again (not a Resume that
ignores the new settings) and the new level range is what gets published; a WMS-V name taken
in a datastore the user cannot list is refused by the platform (409) at the configuration
step, the wizard goes back to that name's page and resumes with the new name, keeping what
was created."""

from __future__ import annotations

import pytest
import requests
from gpf_wmts_publisher.plugin.publish.layer_source import LayerSource
from gpf_wmts_publisher.plugin.publish.reopen import RESUME, START_AGAIN, UPDATE
from gpf_wmts_publisher.plugin.publish.session import password_api
from gpf_wmts_publisher.plugin.publish.spec import Publication
from gpf_wmts_publisher.plugin.publish.workflow import Workflow
from gpf_wmts_publisher.ui.published_dock import PublishedServicesDock
from qgis.core import QgsProject

from tests.e2e.layers import make_polygon_gpkg, open_styled_layer
from tests.ui.conftest import dispose, list_services_of, wait_until
from tests.ui.test_publish_wizard import go_next, make_wizard, walk_to_publish_page

pytestmark = pytest.mark.slow   # long: handed to a worker first (tests/conftest.py)


@pytest.fixture(scope="module")
def layer(qgis_app, tmp_path_factory):
    layer = open_styled_layer(make_polygon_gpkg(str(tmp_path_factory.mktemp("reopen"))))
    QgsProject.instance().addMapLayer(layer)
    yield layer
    QgsProject.instance().removeMapLayer(layer.id())


def close(*windows):
    """Let the look-ups the pages started finish (they would outlive the sandbox), then
    close the windows."""
    from qgis.core import QgsApplication

    for window in windows:
        if window is not None and hasattr(window, "stop_looking"):
            window.stop_looking()
    wait_until(lambda: QgsApplication.taskManager().countActiveTasks() == 0, timeout_s=120,
               what="the tasks still running")
    dispose(*windows)


def settle(wizard):
    """Reopening a datasheet, the metadata page reads its published record in a task and
    fills the form with it when it arrives: wait for it, then come to the last page again
    so the comparison sees the form as it stays."""
    from qgis.core import QgsTask

    task = getattr(wizard.metadata_page, "_existing_task", None)
    if task is not None:
        wait_until(lambda: task.status() in (QgsTask.TaskStatus.Complete,
                                             QgsTask.TaskStatus.Terminated),
                   what="the datasheet's metadata")
    wizard.back()
    go_next(wizard, wizard.publish_page)
    wait_until(lambda: offers_shown(wizard.publish_page) is not None, what="the comparison")


def offers_shown(page):
    """The offers once the journal was compared with the platform (None while looking)."""
    decision = page.offers.decision
    return None if decision is None else decision


def publish(page, button, timeout_s=280):
    button.click()
    wait_until(lambda: page.state != "running", timeout_s=timeout_s,
               what=lambda: "the run: " + page.resultLabel.text())
    assert page.state == "published", page.resultLabel.text() + page.logEdit.toPlainText()


def wmts_levels_on_platform(sandbox, datastore_id, configuration_layer):
    http = sandbox.session()
    url = f"{sandbox.api_url}/datastores/{datastore_id}/configurations"
    for item in http.get(url, params={"limit": 50, "type": "WMTS-TMS"}, timeout=10).json():
        configuration = http.get(f"{url}/{item['_id']}", timeout=10).json()
        if configuration["layer_name"] == configuration_layer:
            used = configuration["type_infos"]["used_data"][0]
            return int(used["top_level"]), int(used["bottom_level"])
    raise AssertionError(f"no WMTS configuration {configuration_layer}")


def _reopen(qgis_iface, layer, tmp_path, sandbox, datasheet: str, title: str):
    """A second wizard on the same layer, journal folder and datasheet, walked to its publish
    page with levels 11–12: (the wizard, its publish page)."""
    second = make_wizard(qgis_iface, layer, tmp_path, sandbox)
    second.source_page.datasheetEdit.setText(datasheet)
    walk_to_publish_page(second, top=11, bottom=12, title=title)
    again = second.publish_page
    again.openInspectorCheck.setChecked(False)
    settle(second)
    return second, again


def test_unpublish_then_reopen_publishes_the_new_level_range(qgis_iface, layer, sandbox,
                                                             unlocked_auth_db, tmp_path):
    first = make_wizard(qgis_iface, layer, tmp_path, sandbox)
    second = third = dock = None
    try:
        walk_to_publish_page(first, top=12, bottom=13, title="Parcelles republiées")
        page = first.publish_page
        page.openInspectorCheck.setChecked(False)
        publish(page, page.publishButton)
        name, datasheet = page.result.wmts_layer_name, first.datasheet_name()
        datastore_id = first.source_page.datastore_id()

        dock = PublishedServicesDock(qgis_iface, session=first.session)
        list_services_of(dock, datastore_id, name)
        assert dock.select_layer_name(name)
        dock.confirm = lambda text: True
        dock.unpublishButton.click()
        wait_until(lambda: any(r.layer_name == name and not r.offerings for r in dock.rows),
                   timeout_s=240, what=lambda: "the unpublication: " + dock.statusLabel.text())
        gone = requests.get(page.result.capabilities_url, timeout=10)
        assert gone.status_code != 200 or name not in gone.text

        second, again = _reopen(qgis_iface, layer, tmp_path, sandbox, datasheet,
                                "Parcelles republiées")
        decision = again.offers.decision
        assert decision.row == 10 and decision.offers == (START_AGAIN,), decision
        assert "top_level" in decision.changed and "bottom_level" in decision.changed
        assert not again.resumeButton.isVisibleTo(again)
        assert not again.publishButton.isVisibleTo(again)
        assert again.offers.startAgainButton.isVisibleTo(again)
        assert again.offers.label.text()   # why, and what Start again does
        # the journal's "done" is no longer the truth for what was taken down
        assert again._items["wmts"].text(1) == again.state_text("waiting")
        assert again._items["pyramid"].text(1) == again.state_text("done")

        publish(again, again.offers.startAgainButton)
        assert again.result.levels == [11, 12]
        assert wmts_levels_on_platform(sandbox, datastore_id, name) == (11, 12)
        capabilities = requests.get(again.result.capabilities_url, timeout=10)
        assert capabilities.status_code == 200 and name in capabilities.text

        third = make_wizard(qgis_iface, layer, tmp_path, sandbox)   # same settings again
        third.source_page.datasheetEdit.setText(datasheet)
        walk_to_publish_page(third, top=11, bottom=12, title="Parcelles republiées")
        online = third.publish_page
        settle(third)
        assert online.offers.decision.row == 7, online.offers.decision
        assert online.isComplete() and not online.resumeButton.isVisibleTo(online)
    finally:
        close(first, second, third, dock)


@pytest.fixture
def taken_elsewhere(qgis_app, sandbox, layer):
    """Publishes a WMS-V named ``sandbox.<datasheet>_wmsv`` in the *Formation IGN*
    datastore: the sandbox datastore's listing does not show it, the platform-wide layer
    name rule refuses it (409)."""

    def take(datasheet: str, journal_dir, kind: str = "wmsv") -> str:
        account = sandbox.accounts["formateur"]
        api = password_api(sandbox.api_url, sandbox.token_url, account["username"],
                           account["password"])
        other = sandbox.datastores()["own"]
        taken = f"sandbox.{datasheet}_{kind}"
        names = {"wmsv_name": f"{datasheet}_ailleurs_wmsv",
                 "wmts_name": f"{datasheet}_ailleurs_wmts", f"{kind}_name": taken}
        spec = Publication(
            datastore_id=other, datasheet_name=f"{datasheet}_ailleurs", **names,
            pyramid_name=f"{datasheet}_ailleurs_pyr", wmsv_private=False,
            metadata_identifier=f"{datasheet}_ailleurs_fiche",
            wmsv_title="Ailleurs", wmts_title="Ailleurs", abstract="Nom pris ailleurs",
            layer=LayerSource.from_layer(layer), top_level=12, bottom_level=12)
        Workflow(api, spec, journal_dir=str(journal_dir), poll_first_s=0.05,
                 poll_max_s=0.5).run(until=kind)
        return taken

    return take


def test_a_name_taken_elsewhere_goes_back_to_its_page_and_resumes(qgis_iface, layer, sandbox,
                                                                  unlocked_auth_db, tmp_path,
                                                                  taken_elsewhere):
    wizard = make_wizard(qgis_iface, layer, tmp_path, sandbox)
    try:
        taken = taken_elsewhere(wizard.datasheet_name(), tmp_path / "elsewhere")
        walk_to_publish_page(wizard, top=12, bottom=12, title="Parcelles renommées")
        page = wizard.publish_page
        page.openInspectorCheck.setChecked(False)
        assert wizard.wmsv_page.wmsvNameEdit.text() == taken[len("sandbox."):]
        page.publishButton.click()
        wait_until(lambda: page.state != "running", timeout_s=240, what="the refusal")
        assert page.state == "failed"
        assert "«  »" not in page.resultLabel.text() and '""' not in page.resultLabel.text()
        # back on the page where the WMS-V name is typed, with the platform's words
        assert wizard.currentPage() is wizard.wmsv_page
        shown = wizard.wmsv_page.errors.messages().get("wmsv_name", "")
        assert taken in shown and "déjà utilisé" in shown, shown

        wizard.wmsv_page.wmsvNameEdit.setText(f"{wizard.datasheet_name()}_wmsv_2")
        go_next(wizard, wizard.pyramid_page)
        go_next(wizard, wizard.metadata_page)
        go_next(wizard, wizard.access_page)
        go_next(wizard, wizard.publish_page)
        # Back works on the last page too, and coming again compares again
        wizard.back()
        assert wizard.currentPage() is wizard.access_page
        go_next(wizard, wizard.publish_page)
        wait_until(lambda: offers_shown(page) is not None, what="the comparison")
        decision = page.offers.decision
        assert decision.row == 5 and decision.offers[0] == RESUME, decision
        assert decision.changed == ("wmsv_name",)
        publish(page, page.resumeButton)
        kinds = [r["kind"] for r in page.result.resources]
        assert kinds.count("upload") == 1 and kinds.count("stored_data_vector") == 1
        assert page.result.wmsv_layer_name == f"sandbox.{wizard.datasheet_name()}_wmsv_2"
    finally:
        close(wizard)


def test_a_wmts_name_taken_elsewhere_keeps_the_pyramid_and_renames_the_record(
        qgis_iface, layer, sandbox, unlocked_auth_db, tmp_path, taken_elsewhere):
    """Refused at the WMTS configuration, after the pyramid and the metadata: the journal
    follows the new WMTS name (its key), the metadata record is replaced in place with it,
    nothing is harvested twice."""
    wizard = make_wizard(qgis_iface, layer, tmp_path, sandbox)
    try:
        taken = taken_elsewhere(wizard.datasheet_name(), tmp_path / "elsewhere", "wmts")
        walk_to_publish_page(wizard, top=12, bottom=12, title="Parcelles renommées")
        page = wizard.publish_page
        page.openInspectorCheck.setChecked(False)
        page.publishButton.click()
        wait_until(lambda: page.state != "running", timeout_s=240, what="the refusal")
        assert page.state == "failed"
        assert wizard.currentPage() is wizard.metadata_page
        assert taken in wizard.metadata_page.errors.messages().get("technical_name", "")

        new_name = f"{wizard.datasheet_name()}_wmts_2"
        wizard.metadata_page.wmtsNameEdit.setText(new_name)
        go_next(wizard, wizard.access_page)
        go_next(wizard, wizard.publish_page)
        wait_until(lambda: offers_shown(page) is not None, what="the comparison")
        decision = page.offers.decision
        assert decision.row == 5 and decision.offers[0] == RESUME, decision
        assert decision.redo_steps == ("metadata",)
        publish(page, page.resumeButton)
        kinds = [r["kind"] for r in page.result.resources]
        assert kinds.count("stored_data_pyramid") == 1 and kinds.count("metadata") == 1
        assert page.result.wmts_layer_name == f"sandbox.{new_name}"
        http = sandbox.session()
        record = next(r for r in page.result.resources if r["kind"] == "metadata")
        xml = http.get(f"{sandbox.api_url}/datastores/{page.result.datastore_id}/metadata/"
                       f"{record['id']}/file", timeout=10).text
        from gpf_wmts_publisher.plugin.metadata.iso19139_reader import from_iso19139

        names = [r.name for r in from_iso19139(xml.encode()).online_resources
                 if r.protocol == "OGC:WMTS"]
        assert names == [f"sandbox.{new_name}"], names
    finally:
        close(wizard)


def test_a_name_taken_in_the_own_datastore_is_said_where_it_is_typed(qgis_iface, layer,
                                                                     sandbox, unlocked_auth_db,
                                                                     tmp_path):
    """Typed: the page looks it up (debounced, in a task) and Next is refused with what
    holds the name. Not yet looked up when Next is clicked: the run's checks refuse it, the
    failure names its step ("Check the names and settings", never an empty name) and the
    wizard goes back to the page."""
    from qgis.PyQt.QtTest import QTest

    wizard = make_wizard(qgis_iface, layer, tmp_path, sandbox)
    try:
        datasheet = wizard.datasheet_name()
        account = sandbox.accounts["formateur"]
        api = password_api(sandbox.api_url, sandbox.token_url, account["username"],
                           account["password"])
        own = wizard.source_page.datastore_id()
        Workflow(api, Publication(
            datastore_id=own, datasheet_name=f"{datasheet}_avant", wmsv_name=f"{datasheet}_pris",
            wmts_name=f"{datasheet}_avant_wmts", pyramid_name=f"{datasheet}_avant_pyr",
            wmsv_title="Avant", wmts_title="Avant", abstract="Nom pris avant",
            layer=LayerSource.from_layer(layer), top_level=12, bottom_level=12),
            journal_dir=str(tmp_path / "avant"), poll_first_s=0.05, poll_max_s=0.5,
        ).run(until="wmsv")

        walk_to_publish_page(wizard, top=12, bottom=12, title="Parcelles")
        wmsv = wizard.wmsv_page
        for page in (wizard.access_page, wizard.metadata_page, wizard.pyramid_page, wmsv):
            wizard.back()   # Back on every page, the last one included
            assert wizard.currentPage() is page
        wmsv.wmsvNameEdit.clear()
        QTest.keyClicks(wmsv.wmsvNameEdit, f"{datasheet}_pris")
        wait_until(lambda: wmsv.name_watch.verdict is not None, what="the name look-up")
        assert wmsv.name_watch.verdict.blocking
        wizard.next()
        assert wizard.currentPage() is wmsv
        assert f"sandbox.{datasheet}_pris" in wmsv.errors.messages()["wmsv_name"]

        wmsv.name_watch.verdict = None          # as if Next came before the answer
        go_next(wizard, wizard.pyramid_page)
        go_next(wizard, wizard.metadata_page)
        go_next(wizard, wizard.access_page)
        go_next(wizard, wizard.publish_page)
        page = wizard.publish_page
        wait_until(lambda: page.offers.decision is not None, what="the comparison")
        page.publishButton.click()
        wait_until(lambda: page.state != "running", timeout_s=120, what="the refusal")
        assert page.state == "failed"
        assert page.step_title("preflight") in page.resultLabel.text()
        assert '""' not in page.resultLabel.text()
        assert wizard.currentPage() is wmsv
        assert f"sandbox.{datasheet}_pris" in wmsv.errors.messages()["wmsv_name"]
    finally:
        close(wizard)


def test_reopening_a_live_publication_with_another_range_updates_it_in_place(
        qgis_iface, layer, sandbox, unlocked_auth_db, tmp_path):
    """Row 8: online, other levels → Update (same URL, the new range served), after which
    the journal holds the new settings: reopening again finds nothing to do (row 7)."""
    first = make_wizard(qgis_iface, layer, tmp_path, sandbox)
    second = third = None
    try:
        walk_to_publish_page(first, top=12, bottom=12, title="Parcelles mises à jour")
        page = first.publish_page
        page.openInspectorCheck.setChecked(False)
        publish(page, page.publishButton)
        before, datasheet = page.result, first.datasheet_name()

        second, again = _reopen(qgis_iface, layer, tmp_path, sandbox, datasheet,
                                "Parcelles mises à jour")
        decision = again.offers.decision
        assert decision.row == 8 and decision.offers == (UPDATE, START_AGAIN), decision
        assert again.offers.updateButton.isVisibleTo(again)
        publish(again, again.offers.updateButton)
        assert again.result.capabilities_url == before.capabilities_url
        assert again.result.wmts_layer_name == before.wmts_layer_name
        assert wmts_levels_on_platform(sandbox, before.datastore_id,
                                       before.wmts_layer_name) == (11, 12)
        assert again.result.levels == [11, 12]

        third = make_wizard(qgis_iface, layer, tmp_path, sandbox)
        third.source_page.datasheetEdit.setText(datasheet)
        walk_to_publish_page(third, top=11, bottom=12, title="Parcelles mises à jour")
        settle(third)
        assert third.publish_page.offers.decision.row == 7, third.publish_page.offers.decision
    finally:
        close(first, second, third)
