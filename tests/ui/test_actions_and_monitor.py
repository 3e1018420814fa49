"""The menu entries open their windows (current layer preselected), the layer context menu
action exists, and the stall monitor sees a blocked event loop."""

from __future__ import annotations

import time

import pytest
from gpf_wmts_publisher.ui import actions
from gpf_wmts_publisher.ui.stall_monitor import StallMonitor
from qgis.core import QgsProject, QgsVectorLayer

from tests.ui.conftest import wait_until


@pytest.fixture
def layer(qgis_app):
    layer = QgsVectorLayer("Polygon?crs=EPSG:2154", "Parcelles", "memory")
    QgsProject.instance().addMapLayer(layer)
    yield layer
    QgsProject.instance().removeMapLayer(layer.id())


def test_publish_wizard_opens_with_the_current_layer(qgis_iface, layer, monkeypatch):
    monkeypatch.setattr(qgis_iface, "activeLayer", lambda: layer, raising=False)
    wizard = actions.open_publish_wizard(qgis_iface)
    try:
        assert wizard.isVisible()
        assert wizard.source_page.layerCombo.currentLayer() is layer
        assert wizard.datasheet_name() == "parcelles"
    finally:
        wizard.close()


def test_login_published_services_and_inspector_open(qgis_iface, unlocked_auth_db):
    dialog = actions.open_login(qgis_iface)
    assert dialog.isVisible()
    dialog.close()
    services = actions.open_published_services(qgis_iface)
    assert services.isVisible() and "Connect" in services.statusLabel.text()
    inspector = actions.open_zoom_inspector(qgis_iface)
    assert inspector.isVisible()
    assert actions.open_zoom_inspector(qgis_iface) is inspector  # brought back, not doubled


def test_layer_context_menu_action_opens_the_wizard(qgis_iface, layer, monkeypatch):
    registered = []
    monkeypatch.setattr(qgis_iface, "addCustomActionForLayerType",
                        lambda action, menu, kind, all_layers: registered.append(
                            (action, kind, all_layers)), raising=False)
    monkeypatch.setattr(qgis_iface, "activeLayer", lambda: layer, raising=False)
    action = actions.add_layer_context_menu(qgis_iface)
    assert registered and registered[0][0] is action and registered[0][2] is True
    action.trigger()
    wizard = actions._OPEN["wizard"]
    try:
        assert wizard.source_page.layerCombo.currentLayer() is layer
    finally:
        wizard.close()


def test_stall_monitor_reports_a_blocked_event_loop(qgis_app):
    monitor = StallMonitor(interval_ms=5)
    monitor.start()
    wait_until(lambda: monitor.beats >= 3, what="heartbeats")
    monitor.mark("blocked")
    time.sleep(0.2)  # the GUI thread does not answer
    beats = monitor.beats
    wait_until(lambda: monitor.beats > beats, what="the next heartbeat")
    monitor.stop()
    assert monitor.longest_stall_ms >= 150
    assert monitor.longest_by_phase()["blocked"] >= 150
    print(monitor.report())
