"""In French, no window of the plugin shows an English string: every wizard page (Qt's own
Back/Next/Cancel included), the login dialog and the published-services dock."""

from __future__ import annotations

import pytest
from gpf_wmts_publisher.ui import session as session_module
from gpf_wmts_publisher.ui.published_dock import PublishedServicesDock, ServiceRow
from qgis.core import QgsProject
from qgis.PyQt.QtWidgets import QWizard

from tests.e2e.layers import make_polygon_gpkg, open_styled_layer
from tests.ui.conftest import dispose, wait_until
from tests.ui.visible_strings import english_left, english_patterns


@pytest.fixture
def source_layer(qgis_app, tmp_path):
    layer = open_styled_layer(make_polygon_gpkg(str(tmp_path)))
    QgsProject.instance().addMapLayer(layer)
    yield layer
    QgsProject.instance().removeMapLayer(layer.id())


def test_the_checker_catches_english(qgis_app):
    """The check itself: an English window is reported, word for word and formatted."""
    from qgis.PyQt.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

    window = QWidget()
    window.setLayout(QVBoxLayout())
    for widget in (QLabel("Loading the datasheets…"), QPushButton("&Next >"),
                   QLabel("2 datasheets, 3 services."), QLabel("farming"),
                   QLabel("[WARNING] la couche est vide")):
        window.layout().addWidget(widget)
    try:
        assert len(english_left(window, english_patterns())) == 5
    finally:
        dispose(window)


def test_qt_wizard_buttons_follow_the_locale(french_interface):
    wizard = QWizard()
    try:
        assert wizard.buttonText(QWizard.WizardButton.NextButton) == "&Suivant >"
        assert wizard.buttonText(QWizard.WizardButton.CancelButton) == "Annuler"
    finally:
        dispose(wizard)


def test_every_wizard_page_is_french(french_interface, qgis_iface, source_layer, sandbox,
                                     unlocked_auth_db, tmp_path):
    from tests.ui.test_publish_wizard import choose_datastore

    patterns = english_patterns()
    wizard = _wizard(qgis_iface, source_layer, tmp_path)
    found = {}
    try:
        page = wizard.source_page
        page.loginButton.click()
        dialog = page.login_dialog
        found["login"] = english_left(dialog, patterns)
        dialog.sandboxRadio.setChecked(True)
        dialog.sandboxUrlEdit.setText(sandbox.base_url)
        dialog.usernameEdit.setText("formateur")
        dialog.passwordEdit.setText("formateur")
        dialog.connectButton.click()
        wait_until(lambda: wizard.session.connected, what="login")
        found["login, connected"] = english_left(dialog, patterns)
        dialog.close()
        choose_datastore(wizard, True)
        wizard.source_page.datasheetEdit.setText("fiche_francaise")
        found["source"] = english_left(wizard, patterns)
        wizard.next()
        wait_until(lambda: wizard.style_page.result is not None, what="the style check")
        for page in (wizard.style_page, wizard.wmsv_page, wizard.pyramid_page,
                     wizard.metadata_page, wizard.access_page, wizard.publish_page):
            errors = getattr(wizard.currentPage(), "errors", None)
            assert wizard.currentPage() is page, errors.messages() if errors else ""
            wait_until(lambda: True)
            found[type(page).__name__] = english_left(wizard, patterns)
            if page is wizard.wmsv_page:
                page.wmsvTitleEdit.setText("Parcelles")
                page.abstractEdit.setPlainText("Parcelles de test")
            if page is wizard.metadata_page:
                page.emailEdit.setText("formateur@example.org")
                page.organisationEmailEdit.setText("contact@example.org")
                page.organisationEdit.setText("Organisme")
            if page is not wizard.publish_page:
                wizard.next()
        found["metadata page errors"] = _errors_shown(wizard)
    finally:
        dispose(wizard)
    assert {page: left for page, left in found.items() if left} == {}


def _wizard(qgis_iface, layer, tmp_path):
    from gpf_wmts_publisher.ui.publish_wizard import PublishWizard

    wizard = PublishWizard(qgis_iface, layer, session=session_module.Session(),
                           journal_dir=str(tmp_path / "journals"))
    wizard.resize(1000, 800)
    wizard.show()
    return wizard


def _errors_shown(wizard):
    """The metadata page's field errors, in French too (an empty title and summary)."""
    wizard.back()
    wizard.back()
    page = wizard.metadata_page
    page.publicTitleEdit.setText("")
    page.summaryEdit.setPlainText("")
    page.emailEdit.setText("pas-un-courriel")
    page.validatePage()
    return english_left(wizard, english_patterns())


def test_the_services_dock_is_french(french_interface):
    dock = PublishedServicesDock(None, session=session_module.Session())
    try:
        dock.show()
        dock._show_rows([
            ServiceRow(datasheet="fiche", configuration_id="c1", name="parcelles",
                       layer_name="parcelles", type="WMTS-TMS", status="PUBLISHED",
                       offerings=[{"id": "o1", "status": "PUBLISHED", "open": True,
                                   "urls": []}]),
            ServiceRow(datasheet="fiche", configuration_id="c2", name="parcelles_wmsv",
                       layer_name="parcelles_wmsv", type="WMS-VECTOR",
                       status="UNPUBLISHED")])
        assert english_left(dock, english_patterns()) == []
        from tests.ui.test_datasheet_view import _sheet

        dock._show_sheets([_sheet()])  # a whole datasheet: data, levels, permissions…
        assert english_left(dock, english_patterns()) == []
        dock.refresh()  # not connected: says so
        assert english_left(dock, english_patterns()) == []
    finally:
        dispose(dock)


def test_the_zoom_inspector_is_french(french_interface, qgis_iface):
    from gpf_wmts_publisher.ui.inspector_dock import ZoomInspectorDock

    dock = ZoomInspectorDock(qgis_iface)
    try:
        dock.show()
        wait_until(lambda: True)
        assert english_left(dock, english_patterns()) == []
    finally:
        dispose(dock)
