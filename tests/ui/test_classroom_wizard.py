"""The wizard in a class: names proposed behind the account's prefix, and a dry run that
checks everything and creates nothing."""

from __future__ import annotations

from gpf_wmts_publisher.ui import session as session_module
from gpf_wmts_publisher.ui.publish_wizard import PublishWizard
from qgis.core import QgsProject

from tests.e2e.layers import make_polygon_gpkg, open_styled_layer
from tests.e2e.test_classroom import writes_to_the_api
from tests.ui.conftest import dispose, wait_until
from tests.ui.test_publish_wizard import choose_datastore, login, walk_to_publish_page


def test_names_carry_the_account_prefix_and_the_dry_run_creates_nothing(
        qgis_iface, sandbox, unlocked_auth_db, tmp_path):
    layer = open_styled_layer(make_polygon_gpkg(str(tmp_path), name="Classe Été"))
    layer.setName("Classe Été")
    QgsProject.instance().addMapLayer(layer)   # the source page lists the project's layers
    journals = tmp_path / "journals"
    wizard = PublishWizard(qgis_iface, layer, session=session_module.Session(),
                           journal_dir=str(journals))
    try:
        wizard.show()
        source = wizard.source_page
        assert source.datasheetEdit.text() == "classe_ete"   # no account known yet
        login(wizard, sandbox)
        choose_datastore(wizard, sandbox_datastore=True)
        assert source.datasheetEdit.text() == "formateur_classe_ete"
        walk_to_publish_page(wizard, top=12, bottom=13, title="Classe")
        assert wizard.wmsv_page.wmsvNameEdit.text() == "formateur_classe_ete_wmsv"
        assert wizard.pyramid_page.pyramidNameEdit.text() == "formateur_classe_ete_pyramide"
        assert wizard.metadata_page.wmts_name() == "formateur_classe_ete_wmts"

        writes = writes_to_the_api(sandbox)
        dry_run = wizard.publish_page.dry_run
        dry_run.button.click()
        wait_until(lambda: dry_run.report is not None or dry_run.button.isEnabled(),
                   what="the dry run")
        assert dry_run.report is not None and dry_run.report.ok, \
            wizard.publish_page.logEdit.toPlainText()
        shown = wizard.publish_page.logEdit.toPlainText()
        assert "sandbox.formateur_classe_ete_wmts" in shown and "formateur_classe_ete" in shown
        assert writes_to_the_api(sandbox) == writes
        assert not journals.exists() or not list(journals.iterdir())
    finally:
        dispose(wizard)
        QgsProject.instance().removeMapLayer(layer.id())


def test_a_name_the_user_typed_is_kept_when_the_account_changes(
        qgis_iface, sandbox, unlocked_auth_db, tmp_path):
    layer = open_styled_layer(make_polygon_gpkg(str(tmp_path), name="Classe Été"))
    layer.setName("Classe Été")
    QgsProject.instance().addMapLayer(layer)
    wizard = PublishWizard(qgis_iface, layer, session=session_module.Session(),
                           journal_dir=str(tmp_path / "journals"))
    try:
        wizard.show()
        wizard.source_page.datasheetEdit.setText("ma_fiche")
        login(wizard, sandbox)
        assert wizard.source_page.datasheetEdit.text() == "ma_fiche"
    finally:
        dispose(wizard)
        QgsProject.instance().removeMapLayer(layer.id())
