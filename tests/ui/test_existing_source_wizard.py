"""The wizard starts from what exists: the source page lists the datastore's WMS-V services and
pyramids in a task, an existing WMS-V goes straight to the pyramid page and an existing
pyramid to the WMTS page, and the datasheet's metadata record is shown read-only, kept, and
completed with the new WMTS; Back returns to the source page."""

from __future__ import annotations

import pytest
from gpf_wmts_publisher.plugin.publish.sources import SourceKind

from tests.e2e.layers import make_polygon_gpkg, open_styled_layer
from tests.ui.conftest import dispose, wait_until
from tests.ui.test_publish_wizard import make_wizard

LEVEL = 12


@pytest.fixture(scope="module")
def original(qgis_app, sandbox, tmp_path_factory):
    """A first publication (from a layer, through the workflow) of a datasheet."""
    from gpf_wmts_publisher.plugin.publish.layer_source import LayerSource
    from gpf_wmts_publisher.plugin.publish.session import password_api
    from gpf_wmts_publisher.plugin.publish.spec import Publication
    from gpf_wmts_publisher.plugin.publish.workflow import Workflow

    directory = tmp_path_factory.mktemp("original")
    layer = open_styled_layer(make_polygon_gpkg(str(directory)))
    api = password_api(sandbox.api_url, sandbox.token_url, "formateur", "formateur")
    spec = Publication(
        datastore_id=sandbox.datastores()["sandbox"], datasheet_name="fiche_ui_existant",
        wmsv_name="ui_existant_wmsv", wmts_name="ui_existant_wmts",
        pyramid_name="ui_existant_pyramide", wmsv_title="Existant", wmts_title="Existant",
        abstract="Première publication", layer=LayerSource.from_layer(layer),
        top_level=LEVEL, bottom_level=LEVEL)
    workflow = Workflow(api, spec, journal_dir=str(directory / "journals"),
                        poll_first_s=0.05, poll_max_s=0.5)
    workflow.run()
    yield workflow
    workflow.undo()


def _wizard(qgis_iface, sandbox, tmp_path):
    return make_wizard(qgis_iface, None, tmp_path, sandbox, name_datasheet=False)


def _choose(page, kind: SourceKind, resource_id: str) -> None:
    page.datasheetEdit.clear()   # the chosen resource's datasheet is proposed
    page.kind_buttons[kind].setChecked(True)
    combo = page.existingCombo
    wait_until(lambda: any(combo.itemData(i).id == resource_id for i in range(combo.count())),
               what=lambda: "the list: " + page.existingStatusLabel.text())
    combo.setCurrentIndex(next(i for i in range(combo.count())
                               if combo.itemData(i).id == resource_id))


def test_an_existing_wmsv_goes_to_the_pyramid_page_and_back(qgis_iface, sandbox, original,
                                                            tmp_path, unlocked_auth_db):
    wizard = _wizard(qgis_iface, sandbox, tmp_path)
    try:
        page = wizard.source_page
        configuration_id = original.journal.resource_id("configuration_wmsv")
        _choose(page, SourceKind.WMSV, configuration_id)
        assert page.datasheetEdit.text() == "fiche_ui_existant"
        assert not page.layerCombo.isEnabled()
        wait_until(lambda: page.existing_extent_wgs84 is not None, what="the data's extent")
        wizard.next()
        pyramid = wizard.pyramid_page
        assert wizard.currentPage() is pyramid
        assert pyramid.dataExtentRadio.isEnabled()
        pyramid.dataExtentRadio.setChecked(True)
        pyramid.set_levels(LEVEL, LEVEL)
        assert pyramid.bbox_3857() is not None   # the tiles are counted on the WMS-V's data
        assert any(ch.isdigit() for ch in pyramid.totalLabel.text()), pyramid.totalLabel.text()
        spec = wizard.publication()
        assert spec.reuse_wmsv_configuration_id == configuration_id
        assert spec.reuse_pyramid_id is None and spec.layer is None
        wizard.back()
        assert wizard.currentPage() is page
    finally:
        dispose(wizard)


def test_an_existing_pyramid_publishes_only_the_wmts_and_keeps_the_datasheets_record(
        qgis_iface, sandbox, original, tmp_path, unlocked_auth_db):
    wizard = _wizard(qgis_iface, sandbox, tmp_path)
    try:
        pyramid_id = original.journal.resource_id("stored_data_pyramid")
        _choose(wizard.source_page, SourceKind.PYRAMID, pyramid_id)
        wizard.next()
        page = wizard.metadata_page
        assert wizard.currentPage() is page
        wait_until(lambda: page.existing_record, what="the datasheet's record")
        assert page.publicTitleEdit.isReadOnly() and not page.topicCombo.isEnabled()
        assert not page.wmtsNameEdit.isReadOnly() and not page.wmtsTitleEdit.isReadOnly()
        page.wmtsNameEdit.setText("ui_depuis_pyramide_wmts")
        page.wmtsTitleEdit.setText("Depuis la pyramide")
        wizard.next()
        assert wizard.currentPage() is wizard.access_page, page.errors.messages()
        wizard.next()
        publish = wizard.publish_page
        assert wizard.currentPage() is publish
        publish.publishButton.click()
        wait_until(lambda: publish.state != "running", timeout_s=200, what="the publication")
        assert publish.state == "published", publish.resultLabel.text()
        created = {r["kind"] for r in publish.result.resources}
        assert created == {"configuration_wmts", "offering_wmts"}
        from gpf_wmts_publisher.plugin.publish.workflow import Workflow

        api = original.api
        assert "ui_depuis_pyramide_wmts" in api.metadata_file(
            original.journal.resource_id("metadata"))
        Workflow(api, wizard.publication(), journal_dir=str(tmp_path / "journals")).undo()
        assert api.stored_data(pyramid_id).status == "GENERATED"
        assert "ui_depuis_pyramide_wmts" not in api.metadata_file(
            original.journal.resource_id("metadata"))
    finally:
        dispose(wizard)
