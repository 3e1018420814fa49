"""The wizard publishes a layer group as one map: the group selected in the layer tree is
the source, each layer's style is checked (findings named after it) and previewed together,
and bad groups are refused on the source page, naming the layer."""

from __future__ import annotations

import pytest
from gpf_wmts_publisher.ui.publish_wizard import PublishWizard
from qgis.core import QgsProject, QgsVectorLayer

from scripts.demo_map import MAP_SAMPLE
from scripts.make_map_sample import MAP_SAMPLE_LAYERS, open_layers
from tests.ui.conftest import dispose, wait_until
from tests.ui.test_publish_wizard import choose_datastore, go_next, login


@pytest.fixture
def group(qgis_app):
    project = QgsProject.instance()
    node = project.layerTreeRoot().addGroup("Carte démo")
    layers = open_layers(MAP_SAMPLE)
    for layer in layers:
        project.addMapLayer(layer, False)
        node.addLayer(layer)
    yield node
    for layer in layers:
        project.removeMapLayer(layer.id())
    project.layerTreeRoot().removeChildNode(node)


@pytest.fixture
def wizard(qgis_iface, group, sandbox, unlocked_auth_db, tmp_path):
    from gpf_wmts_publisher.ui import session as session_module

    wizard = PublishWizard(qgis_iface, None, session=session_module.Session(),
                           journal_dir=str(tmp_path / "journals"), group=group)
    wizard.show()
    login(wizard, sandbox)
    choose_datastore(wizard, True)
    yield wizard
    dispose(wizard)


def test_a_selected_group_is_published_as_one_map(wizard):
    page = wizard.source_page
    assert page.mapRadio.isChecked() and page.groupCombo.currentText() == "Carte démo"
    assert [layer.name() for layer in wizard.map_layers()] == list(MAP_SAMPLE_LAYERS)
    assert "carte_demo" in page.datasheetEdit.text()
    go_next(wizard, wizard.style_page)
    style = wizard.style_page
    wait_until(lambda: style.result is not None, what="the style check")
    assert style.isComplete(), style.scoreLabel.text()
    shown = [style.findingsList.item(i).text() for i in range(style.findingsList.count())]
    # each layer's visibility range, said about that layer
    for name in MAP_SAMPLE_LAYERS:
        assert any(name in line and ("level" in line or "niveau" in line) for line in shown)
    wait_until(lambda: style.preview is not None, what="the composite preview")
    assert style.preview.score > 0.5
    spec = wizard.publication(snapshot=True)
    assert [source.name for source in spec.sources] == list(MAP_SAMPLE_LAYERS)
    assert spec.layer is None


def test_layers_whose_names_collide_are_refused_naming_them(wizard, group):
    extra = QgsVectorLayer("Point?crs=EPSG:2154", "routes", "memory")
    QgsProject.instance().addMapLayer(extra, False)
    group.addLayer(extra)
    try:
        wizard.next()
        assert wizard.currentPage() is wizard.source_page
        message = wizard.source_page.errors.messages()["map"]
        assert "Routes" in message and "routes" in message
    finally:
        QgsProject.instance().removeMapLayer(extra.id())
