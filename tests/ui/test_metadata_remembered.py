"""Metadata across wizard runs: what the user typed comes back for a new datasheet; a
datasheet that already has a record on the platform shows that record instead."""

from __future__ import annotations

import itertools

import pytest
from gpf_wmts_publisher.plugin.entrepot.api import EntrepotApi
from gpf_wmts_publisher.plugin.metadata import ServiceMetadata, to_iso19139
from gpf_wmts_publisher.plugin.metadata.remembered import SETTINGS_NAME
from gpf_wmts_publisher.plugin.settings import PluginSettings
from qgis.core import QgsProject

from tests.e2e.layers import make_polygon_gpkg, open_styled_layer
from tests.ui.conftest import dispose, wait_until
from tests.ui.test_publish_wizard import go_next, make_wizard

_runs = itertools.count(1)


@pytest.fixture(scope="module")
def layer(qgis_app, tmp_path_factory):
    layer = open_styled_layer(make_polygon_gpkg(str(tmp_path_factory.mktemp("remembered"))))
    QgsProject.instance().addMapLayer(layer)
    yield layer
    QgsProject.instance().removeMapLayer(layer.id())


@pytest.fixture
def nothing_remembered(qgis_app):
    settings = PluginSettings()
    settings.set_value(SETTINGS_NAME, "")
    yield
    settings.set_value(SETTINGS_NAME, "")


def open_metadata_page(qgis_iface, layer, sandbox, tmp_path, datasheet=""):
    """A new wizard (a new run) walked to the metadata page."""
    wizard = make_wizard(qgis_iface, layer, tmp_path / f"run{next(_runs)}", sandbox)
    if datasheet:
        wizard.source_page.datasheetEdit.setText(datasheet)
    go_next(wizard, wizard.style_page)
    wait_until(lambda: wizard.style_page.result is not None, what="the style check")
    go_next(wizard, wizard.wmsv_page)
    wizard.wmsv_page.wmsvTitleEdit.setText("Parcelles")
    wizard.wmsv_page.abstractEdit.setPlainText("Parcelles de la commune")
    go_next(wizard, wizard.pyramid_page)
    wizard.pyramid_page.set_levels(10, 12)
    go_next(wizard, wizard.metadata_page)
    return wizard


def test_metadata_typed_in_one_run_fills_the_next_runs_new_datasheet(
        qgis_iface, layer, sandbox, unlocked_auth_db, tmp_path, nothing_remembered):
    first = open_metadata_page(qgis_iface, layer, sandbox, tmp_path)
    page = first.metadata_page
    page.emailEdit.setText("jo@commune.example")
    page.organisationEdit.setText("Commune de Test")
    page.organisationEmailEdit.setText("sig@commune.example")
    page.lineageEdit.setPlainText("Cadastre 2026")
    go_next(first, first.access_page)
    dispose(first)

    second = open_metadata_page(qgis_iface, layer, sandbox, tmp_path)
    try:
        page = second.metadata_page
        assert page.emailEdit.text() == "jo@commune.example"
        assert page.organisationEdit.text() == "Commune de Test"
        assert page.organisationEmailEdit.text() == "sig@commune.example"
        assert page.lineageEdit.toPlainText() == "Cadastre 2026"
        # the names stay this run's own
        assert page.wmtsNameEdit.text() == f"{second.datasheet_name()}_wmts"
    finally:
        dispose(second)


def test_an_existing_datasheets_record_wins_over_what_was_remembered(
        qgis_iface, layer, sandbox, unlocked_auth_db, tmp_path, nothing_remembered):
    PluginSettings().set_value(SETTINGS_NAME, '{"contact_email": "remembered@example.org", '
                                              '"organisation": "Remembered"}')
    wizard = make_wizard(qgis_iface, layer, tmp_path / "probe", sandbox)
    datastore = wizard.datastore()
    dispose(wizard)
    datasheet = f"fiche_documentee_{next(_runs)}"
    prefix = datastore.details.get("metadata_file_identifier_prefix")
    identifier = f"{prefix}.{datasheet}" if prefix else datasheet
    record = ServiceMetadata(
        public_title="Parcelles documentées", service_title="Parcelles documentées",
        abstract="Fiche déjà décrite", file_identifier=identifier,
        contact_email="existing@example.org", organisation="Existing organisation",
        organisation_email="existing@example.org", topic_categories=["planningCadastre"])
    api = EntrepotApi(wizard.session.client, datastore.id)
    uploaded = api.upload_metadata(to_iso19139(record))
    api.add_tags("metadata", uploaded.id, {"datasheet_name": datasheet})

    wizard = open_metadata_page(qgis_iface, layer, sandbox, tmp_path, datasheet=datasheet)
    try:
        page = wizard.metadata_page
        wait_until(lambda: datasheet in page.importLabel.text(),
                   what=lambda: "the existing record: " + page.importLabel.text())
        assert page.emailEdit.text() == "existing@example.org"
        assert page.organisationEdit.text() == "Existing organisation"
        assert page.summaryEdit.toPlainText() == "Fiche déjà décrite"
        assert page.identifierEdit.text() == datasheet  # the record's, without the prefix
        assert page.wmtsNameEdit.text() == f"{datasheet}_wmts"
    finally:
        dispose(wizard)
