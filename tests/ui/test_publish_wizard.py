"""The wizard driven like a user would: login, every page, Publish, PUBLISHED — with a GUI
stall monitor running — then the WMTS in the canvas and the zoom-level inspector on it."""

from __future__ import annotations

import itertools

import pytest
from gpf_wmts_publisher.plugin.similarity import FAITHFUL_FROM
from gpf_wmts_publisher.plugin.wmts.levels import level_resolution, mercator_units_per_pixel
from gpf_wmts_publisher.ui import session as session_module
from gpf_wmts_publisher.ui.publish_wizard import PublishWizard
from gpf_wmts_publisher.ui.stall_monitor import StallMonitor
from qgis.core import QgsFillSymbol, QgsProject, QgsSingleSymbolRenderer

from tests.e2e.layers import make_polygon_gpkg, open_styled_layer
from tests.ui.conftest import list_services_of, wait_until

_names = itertools.count(1)
HOSTILE_TITLE = 'Parcelles & "bâti" <test> l\'été'
# The sandbox's WMTS capabilities break on '&' in a WMTS title (reported to its owner), and
# the sandbox is shared by the session: the WMTS service title stays plain here.
WMTS_TITLE = "Parcelles bâties (WMTS)"


@pytest.fixture(scope="module")
def source_layer(qgis_app, tmp_path_factory):
    layer = open_styled_layer(make_polygon_gpkg(str(tmp_path_factory.mktemp("wizard"))))
    QgsProject.instance().addMapLayer(layer)
    yield layer
    QgsProject.instance().removeMapLayer(layer.id())


def login(wizard, sandbox):
    page = wizard.source_page
    page.loginButton.click()
    dialog = page.login_dialog
    dialog.sandboxRadio.setChecked(True)
    dialog.sandboxUrlEdit.setText(sandbox.base_url)
    dialog.usernameEdit.setText("formateur")
    dialog.passwordEdit.setText("formateur")
    dialog.connectButton.click()
    wait_until(lambda: wizard.session.connected, what="login")
    dialog.close()


def choose_datastore(wizard, sandbox_datastore: bool):
    combo = wizard.source_page.datastoreCombo
    for index in range(combo.count()):
        datastore = wizard.session.datastore(combo.itemData(index))
        if datastore.sandbox == sandbox_datastore:
            combo.setCurrentIndex(index)
            return datastore
    raise AssertionError("no such datastore")


def make_wizard(qgis_iface, layer, tmp_path, sandbox, *, sandbox_datastore=True,
                name_datasheet=True):
    """The wizard on ``layer`` (None: no layer, an existing source), logged in to the sandbox,
    a datastore chosen and, unless told not to, a datasheet name of its own typed."""
    wizard = PublishWizard(qgis_iface, layer, session=session_module.Session(),
                           journal_dir=str(tmp_path / "journals"))
    wizard.poll_first_s, wizard.poll_max_s = 0.05, 0.5
    wizard.show()
    login(wizard, sandbox)
    choose_datastore(wizard, sandbox_datastore)
    if name_datasheet:
        wizard.source_page.datasheetEdit.setText(f"fiche_ui_{next(_names)}")
    return wizard


def go_next(wizard, expected_page):
    wizard.next()
    assert wizard.currentPage() is expected_page, _errors_of(wizard.currentPage())


def _errors_of(page):
    errors = getattr(page, "errors", None)
    return errors.messages() if errors is not None else {}


def walk_to_publish_page(wizard, *, top=10, bottom=14, title=HOSTILE_TITLE, restricted=False,
                         end_date: str = ""):
    go_next(wizard, wizard.style_page)
    wait_until(lambda: wizard.style_page.result is not None, what="the style check")
    assert wizard.style_page.isComplete(), wizard.style_page.scoreLabel.text()
    go_next(wizard, wizard.wmsv_page)
    wizard.wmsv_page.wmsvTitleEdit.setText(title)
    wizard.wmsv_page.abstractEdit.setPlainText("Parcelles de test")
    go_next(wizard, wizard.pyramid_page)
    wizard.pyramid_page.set_levels(top, bottom)
    go_next(wizard, wizard.metadata_page)
    page = wizard.metadata_page
    page.wmtsTitleEdit.setText(WMTS_TITLE)
    page.publicTitleEdit.setText(title)
    page.emailEdit.setText("formateur@example.org")
    page.organisationEdit.setText("Organisme & associés")
    page.organisationEmailEdit.setText("contact@example.org")
    page.lineageEdit.setPlainText("Saisie <manuelle>")
    go_next(wizard, wizard.access_page)
    if restricted:
        wizard.access_page.restrictedRadio.setChecked(True)
    if end_date:  # YYYY-MM-DD, picked in the access page's calendar
        from qgis.PyQt.QtCore import QDate

        wizard.access_page.endDateEdit.setDate(QDate.fromString(end_date, "yyyy-MM-dd"))
    go_next(wizard, wizard.publish_page)


@pytest.fixture(scope="module")
def published(qgis_iface, source_layer, sandbox, unlocked_auth_db, tmp_path_factory):
    """One publication of levels 10–14 through the wizard, shared by the tests below."""
    tmp_path = tmp_path_factory.mktemp("published")
    # QGIS loads the plugin at start-up, before any click: its imports (requests, lxml, the
    # workflow behind the Processing provider) are not paid while the wizard runs.
    import gpf_wmts_publisher

    plugin = gpf_wmts_publisher.classFactory(qgis_iface)
    plugin.initGui()
    monitor = StallMonitor(interval_ms=10)
    monitor.start()
    monitor.mark("build the wizard, log in")
    wizard = make_wizard(qgis_iface, source_layer, tmp_path, sandbox)
    monitor.mark("pages")
    walk_to_publish_page(wizard)
    from gpf_wmts_publisher.ui import actions

    wizard.published.connect(lambda result: actions.after_publication(qgis_iface, wizard, result))
    monitor.mark("publishing")
    wizard.publish_page.publishButton.click()
    wait_until(lambda: wizard.publish_page.state != "running", timeout_s=280,
               what="the publication")
    monitor.stop()
    print(f"\n{monitor.report()} (login → PUBLISHED through the wizard); by phase: "
          + ", ".join(f"{phase} {ms:.0f} ms" for phase, ms in monitor.longest_by_phase().items()))
    wait_until(lambda: actions._OPEN.get("inspector") is not None and
               actions._OPEN["inspector"].levels, timeout_s=60,
               what="the inspector: " + wizard.publish_page.resultLabel.text())
    yield wizard, actions._OPEN["inspector"], monitor
    wizard.close()
    plugin.unload()


def test_wizard_drives_from_login_to_published(published, sandbox):
    wizard, _dock, monitor = published
    page = wizard.publish_page
    assert page.state == "published", page.resultLabel.text() + page.logEdit.toPlainText()
    assert page.progressBar.value() == 100
    states = {page.stepsTree.topLevelItem(i).text(1)
              for i in range(page.stepsTree.topLevelItemCount())}
    assert states == {page.state_text("done")}
    assert page.result.levels == [10, 11, 12, 13, 14]
    assert page.elapsedLabel.text()
    assert wizard.currentPage() is page and page.isComplete()
    assert monitor.beats > 0


def test_titles_with_xml_characters_reach_the_platform_intact(published, sandbox):
    wizard, _dock, _monitor = published
    spec = wizard.publication()
    assert spec.wmsv_title == HOSTILE_TITLE and spec.metadata.public_title == HOSTILE_TITLE
    assert not wizard.wmsv_page.problems() and not wizard.metadata_page.problems()
    from gpf_wmts_publisher.plugin.metadata.iso19139_reader import from_iso19139
    from gpf_wmts_publisher.plugin.metadata.iso19139_writer import to_iso19139

    assert from_iso19139(to_iso19139(spec.metadata)).public_title == HOSTILE_TITLE
    http = sandbox.session()
    configurations = f"{sandbox.api_url}/datastores/{spec.datastore_id}/configurations"
    listed = http.get(configurations, params={"limit": 50}, timeout=10).json()
    # A list item has no type_infos on the platform: read each configuration.
    titles = {http.get(f"{configurations}/{c['_id']}", timeout=10).json()["type_infos"]["title"]
              for c in listed}
    assert HOSTILE_TITLE in titles


def test_wmts_is_added_above_the_source_layer(published, source_layer):
    _wizard, dock, _monitor = published
    wmts = dock.wmts_layer()
    assert wmts is not None and wmts.isValid()
    order = [node.layer() for node in QgsProject.instance().layerTreeRoot().findLayers()]
    assert order.index(wmts) == order.index(source_layer) - 1


def test_inspector_lists_exactly_the_published_levels(published):
    _wizard, dock, _monitor = published
    assert dock.listed_levels() == [10, 11, 12, 13, 14]


def test_stepping_gives_each_level_resolution_within_half_a_percent(published, qgis_iface):
    _wizard, dock, _monitor = published
    canvas = qgis_iface.mapCanvas()
    dock.go_to_level(10)
    seen = []
    for _ in range(5):
        z = dock.current_level
        mupp = mercator_units_per_pixel(canvas.mapSettings())
        assert mupp == pytest.approx(level_resolution(z), rel=0.005)
        seen.append(z)
        dock.nextButton.click()
    assert seen == [10, 11, 12, 13, 14]
    assert dock.current_level == 14  # clamped at the last level
    dock.previousButton.click()
    assert dock.current_level == 13


def test_every_level_has_tiles_and_a_high_score(published, tmp_path):
    _wizard, dock, _monitor = published
    finished = []
    dock.inspectionFinished.connect(finished.append)
    dock.inspectButton.click()
    wait_until(lambda: finished, timeout_s=120, what="the level checks")
    results = finished[-1]
    assert [r.z for r in results] == [10, 11, 12, 13, 14]
    for result in results:
        assert result.tiles_found >= 1, result
        assert result.score is not None and result.score >= FAITHFUL_FROM, (result.z,
                                                                             result.score)
        assert not result.flagged
    print("\nscores matching style:", {r.z: round(r.score, 3) for r in results})
    sheet = dock.save_contact_sheet(str(tmp_path / "contact-sheet.png"))
    from qgis.PyQt.QtGui import QImage

    assert QImage(sheet).width() > 5 * 100


def test_a_mismatched_style_gives_low_scores(published, source_layer):
    _wizard, dock, _monitor = published
    other = open_styled_layer(source_layer.source())
    symbol = QgsFillSymbol.createSimple({"color": "20,60,220,255",
                                         "outline_color": "20,160,60,255"})
    other.setRenderer(QgsSingleSymbolRenderer(symbol))
    QgsProject.instance().addMapLayer(other, False)
    try:
        dock.sourceLayerCombo.setLayer(other)
        finished = []
        dock.inspectionFinished.connect(finished.append)
        dock.inspectButton.click()
        wait_until(lambda: finished, timeout_s=120, what="the level checks")
        results = finished[-1]
        print("\nscores mismatched style:", {r.z: round(r.score, 3) for r in results})
        assert all(r.score is not None and r.score < 0.5 for r in results)
        assert all(r.flagged for r in results)
    finally:
        dock.sourceLayerCombo.setLayer(source_layer)
        QgsProject.instance().removeMapLayer(other.id())


def test_inspector_reads_the_levels_of_any_wmts_layer_of_the_project(published, qgis_iface):
    from gpf_wmts_publisher.ui.inspector_dock import ZoomInspectorDock

    _wizard, dock, _monitor = published
    other = ZoomInspectorDock(qgis_iface)
    other.pick_layers_from_project()  # capabilities read again, in a task
    wait_until(lambda: other.levels, what="the capabilities")
    assert other.wmts_layer() is dock.wmts_layer()
    assert other.listed_levels() == [10, 11, 12, 13, 14]


@pytest.mark.parametrize("authid", ["EPSG:2154", "EPSG:4326"])
def test_stepping_in_another_project_crs_keeps_the_equivalent_scale(published, qgis_iface,
                                                                   authid):
    from qgis.core import QgsCoordinateReferenceSystem

    _wizard, dock, _monitor = published
    canvas = qgis_iface.mapCanvas()
    if not canvas.mapSettings().destinationCrs().isValid():
        # pytest-qgis's canvas starts without a CRS (QGIS's always has one): without it the
        # extent left by an earlier test cannot be carried into the other CRS.
        canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
        dock.show_first_level(dock.source_layer())
    previous = canvas.mapSettings().destinationCrs()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem(authid))
    dock.keepProjectCrsCheck.setChecked(True)  # by default the map switches to the level's
    try:
        for z in dock.levels:
            dock.go_to_level(z)
            assert canvas.mapSettings().destinationCrs().authid() == authid
            assert mercator_units_per_pixel(canvas.mapSettings()) == pytest.approx(
                level_resolution(z), rel=0.005)
    finally:
        dock.keepProjectCrsCheck.setChecked(False)
        canvas.setDestinationCrs(previous)


def test_published_services_dock_adds_the_wmts_to_the_map(published, qgis_iface):
    from gpf_wmts_publisher.ui.published_dock import PublishedServicesDock

    wizard, _dock, _monitor = published
    services = PublishedServicesDock(qgis_iface, session=wizard.session)
    name = wizard.publish_page.result.wmts_layer_name
    list_services_of(services, wizard.source_page.datastore_id(), name)
    assert services.select_layer_name(name)
    before = len(QgsProject.instance().mapLayers())
    services.addButton.click()
    wait_until(lambda: len(QgsProject.instance().mapLayers()) > before, what="the new layer")
    added = [layer for layer in QgsProject.instance().mapLayers().values()
             if layer.customProperty("gpf_wmts_publisher/layer_name") == name]
    assert len(added) == 2 and all(layer.isValid() for layer in added)
