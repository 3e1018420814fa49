"""Bad input is refused next to the field it is about, before anything reaches the platform."""

from __future__ import annotations

import pytest
from qgis.core import QgsProject

from tests.e2e.layers import make_polygon_gpkg, open_styled_layer
from tests.ui.conftest import dispose, wait_until
from tests.ui.test_publish_wizard import go_next, make_wizard


@pytest.fixture(scope="module")
def layer(qgis_app, tmp_path_factory):
    layer = open_styled_layer(make_polygon_gpkg(str(tmp_path_factory.mktemp("validation"))))
    QgsProject.instance().addMapLayer(layer)
    yield layer
    QgsProject.instance().removeMapLayer(layer.id())


@pytest.fixture
def wizard_at_wmsv(qgis_iface, layer, sandbox, unlocked_auth_db, tmp_path):
    wizard = make_wizard(qgis_iface, layer, tmp_path, sandbox)
    go_next(wizard, wizard.style_page)
    wait_until(lambda: wizard.style_page.result is not None, what="the style check")
    go_next(wizard, wizard.wmsv_page)
    yield wizard
    dispose(wizard)


def _stays(wizard, page):
    wizard.next()
    assert wizard.currentPage() is page
    return page.errors.messages()


def test_empty_title_is_refused_next_to_the_title(wizard_at_wmsv):
    page = wizard_at_wmsv.wmsv_page
    page.wmsvTitleEdit.setText("   ")
    page.abstractEdit.setPlainText("Résumé")
    messages = _stays(wizard_at_wmsv, page)
    assert set(messages) == {"wmsv_title"}
    assert page.errors.labels["wmsv_title"].isVisible()


@pytest.mark.parametrize("name", ["1parcelles", "parcelles été", "par/celles", ""])
def test_bad_technical_name_is_refused(wizard_at_wmsv, name):
    page = wizard_at_wmsv.wmsv_page
    page.wmsvNameEdit.setText(name)
    page.abstractEdit.setPlainText("Résumé")
    messages = _stays(wizard_at_wmsv, page)
    assert messages.get("wmsv_name")


def test_titles_with_xml_characters_are_accepted(wizard_at_wmsv):
    page = wizard_at_wmsv.wmsv_page
    page.wmsvTitleEdit.setText('A & B <c> "d" \'e\'')
    page.abstractEdit.setPlainText('Résumé & <détails>')
    go_next(wizard_at_wmsv, wizard_at_wmsv.pyramid_page)


def test_inverted_zoom_range_is_refused_and_explained(wizard_at_wmsv):
    page = wizard_at_wmsv.wmsv_page
    page.abstractEdit.setPlainText("Résumé")
    go_next(wizard_at_wmsv, wizard_at_wmsv.pyramid_page)
    pyramid = wizard_at_wmsv.pyramid_page
    pyramid.set_levels(15, 11)
    assert pyramid.errors.messages()["zoom"]  # shown live, before Next
    messages = _stays(wizard_at_wmsv, pyramid)
    assert "15" in messages["zoom"] and "11" in messages["zoom"]
    pyramid.set_levels(11, 15)
    assert "zoom" not in pyramid.errors.messages()
    assert (pyramid.zoomSlider.lowerValue(), pyramid.zoomSlider.upperValue()) == (11, 15)
    assert "11 · 1:" in pyramid.rangeLabel.text()
    assert len(pyramid.estimateChart.bars) == 5


def test_over_tiling_is_warned_about(wizard_at_wmsv):
    wizard_at_wmsv.wmsv_page.abstractEdit.setPlainText("Résumé")
    go_next(wizard_at_wmsv, wizard_at_wmsv.pyramid_page)
    pyramid = wizard_at_wmsv.pyramid_page
    pyramid.set_levels(4, 21)
    assert pyramid.warningLabel.text()
    pyramid.set_levels(10, 12)
    assert pyramid.warningLabel.text() == ""


def test_restriction_is_disabled_with_an_explanation_in_the_sandbox(wizard_at_wmsv):
    wizard = wizard_at_wmsv
    wizard.wmsv_page.abstractEdit.setPlainText("Résumé")
    go_next(wizard, wizard.pyramid_page)
    go_next(wizard, wizard.metadata_page)
    wizard.metadata_page.emailEdit.setText("a@example.org")
    wizard.metadata_page.organisationEdit.setText("Org")
    wizard.metadata_page.organisationEmailEdit.setText("b@example.org")
    go_next(wizard, wizard.access_page)
    access = wizard.access_page
    assert not access.restrictedRadio.isEnabled()
    assert access.publicRadio.isChecked()
    assert "sandbox" in access.explanationLabel.text().lower() or \
        "bac à sable" in access.explanationLabel.text().lower()
    assert wizard.publication().restricted is False


def test_metadata_messages_sit_next_to_their_fields(wizard_at_wmsv):
    wizard = wizard_at_wmsv
    wizard.wmsv_page.abstractEdit.setPlainText("Résumé")
    go_next(wizard, wizard.pyramid_page)
    go_next(wizard, wizard.metadata_page)
    page = wizard.metadata_page
    page.emailEdit.setText("not-an-address")
    page.organisationEdit.setText("")
    page.wmtsTitleEdit.setText("")
    messages = _stays(wizard, page)
    assert {"contact_email", "organisation", "service_title"} <= set(messages)


def test_iso19139_import_fills_the_form(wizard_at_wmsv, tmp_path):
    from gpf_wmts_publisher.plugin.metadata.iso19139_writer import to_iso19139
    from gpf_wmts_publisher.plugin.metadata.model import ServiceMetadata

    wizard = wizard_at_wmsv
    wizard.wmsv_page.abstractEdit.setPlainText("Résumé")
    go_next(wizard, wizard.pyramid_page)
    go_next(wizard, wizard.metadata_page)
    record = ServiceMetadata(public_title="Titre importé", service_title="Service importé",
                             technical_name="importe_wmts", abstract="Résumé importé",
                             file_identifier="importe_wmts", contact_email="c@example.org",
                             organisation="IGN", organisation_email="o@example.org",
                             topic_categories=["planningCadastre"], lineage="Import")
    path = tmp_path / "record.xml"
    path.write_bytes(to_iso19139(record))
    assert wizard.metadata_page.import_file(str(path))
    page = wizard.metadata_page
    assert page.publicTitleEdit.text() == "Titre importé"
    assert page.organisationEdit.text() == "IGN"
    assert page.topicCombo.currentData() == "planningCadastre"


def test_style_page_shows_findings_and_the_fidelity_score(wizard_at_wmsv):
    page = wizard_at_wmsv.style_page
    wait_until(lambda: page.preview is not None, what="the fidelity preview")
    assert page.findingsList.count() >= 1
    assert page.preview.score > 0.9  # a plain fill survives the SLD
    assert page.localPreview.pixmap() is not None and not page.localPreview.pixmap().isNull()
    assert "%" in page.scoreLabel.text()


def test_restriction_is_offered_in_the_own_datastore(qgis_iface, layer, sandbox,
                                                     unlocked_auth_db, tmp_path):
    wizard = make_wizard(qgis_iface, layer, tmp_path, sandbox, sandbox_datastore=False)
    try:
        go_next(wizard, wizard.style_page)
        wait_until(lambda: wizard.style_page.result is not None, what="the style check")
        go_next(wizard, wizard.wmsv_page)
        wizard.wmsv_page.abstractEdit.setPlainText("Résumé")
        go_next(wizard, wizard.pyramid_page)
        go_next(wizard, wizard.metadata_page)
        wizard.metadata_page.emailEdit.setText("a@example.org")
        wizard.metadata_page.organisationEdit.setText("Org")
        wizard.metadata_page.organisationEmailEdit.setText("b@example.org")
        go_next(wizard, wizard.access_page)
        access = wizard.access_page
        assert access.restrictedRadio.isEnabled()
        access.restrictedRadio.setChecked(True)
        assert access.endDateEdit.isEnabled()
        assert wizard.publication().restricted is True
    finally:
        wizard.close()
