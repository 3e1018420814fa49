"""A restricted WMTS, published from the wizard on the own datastore, comes back into the map
through the private endpoint with the user's plugin key (created once, reused after)."""

from __future__ import annotations

import datetime
from urllib.parse import unquote

import pytest
import requests
from gpf_wmts_publisher.plugin.entrepot.api import EntrepotApi
from gpf_wmts_publisher.plugin.wmts.access_key import KEY_NAME, ensure_access_key
from gpf_wmts_publisher.ui import actions
from gpf_wmts_publisher.ui.published_dock import PublishedServicesDock
from qgis.core import QgsApplication, QgsProject

from tests.e2e.layers import make_polygon_gpkg, open_styled_layer
from tests.ui.conftest import dispose, list_services_of, wait_until
from tests.ui.test_publish_wizard import make_wizard, walk_to_publish_page

# Not the six-month default: the day the user picks must be the one the permission ends.
LAST_DAY = (datetime.date.today() + datetime.timedelta(days=40)).isoformat()


def _wmts_layers(name: str):
    return [layer for layer in QgsProject.instance().mapLayers().values()
            if layer.customProperty("gpf_wmts_publisher/layer_name") == name]


@pytest.fixture(scope="module")
def restricted(qgis_iface, sandbox, unlocked_auth_db, tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("restricted")
    layer = open_styled_layer(make_polygon_gpkg(str(tmp_path)))
    QgsProject.instance().addMapLayer(layer)
    wizard = make_wizard(qgis_iface, layer, tmp_path, sandbox, sandbox_datastore=False)
    walk_to_publish_page(wizard, top=12, bottom=13, title="Parcelles réservées",
                         restricted=True, end_date=LAST_DAY)
    wizard.published.connect(lambda result: actions.after_publication(qgis_iface, wizard, result))
    page = wizard.publish_page
    page.publishButton.click()
    wait_until(lambda: page.state != "running", timeout_s=240, what="the publication")
    assert page.state == "published", page.resultLabel.text() + page.logEdit.toPlainText()
    name = page.result.wmts_layer_name
    wait_until(lambda: _wmts_layers(name) or "<br>" in page.resultLabel.text(),
               what=lambda: "the WMTS in the map: " + page.resultLabel.text())
    yield wizard, name
    wait_until(lambda: QgsApplication.taskManager().countActiveTasks() == 0, what="the tasks")
    dispose(wizard, actions._OPEN.pop("inspector", None))
    QgsProject.instance().removeMapLayers([lyr.id() for lyr in _wmts_layers(name)] + [layer.id()])


def test_the_restricted_wmts_is_added_to_the_map_with_a_key(restricted, sandbox):
    wizard, name = restricted
    result = wizard.publish_page.result
    assert result.permission_id and "/private" in result.capabilities_url
    # Without a key the private endpoint refuses.
    assert requests.get(result.capabilities_url, timeout=10).status_code == 401
    layers = _wmts_layers(name)
    assert len(layers) == 1, wizard.publish_page.resultLabel.text()
    source = unquote(layers[0].source())
    # the key lives in QGIS's auth database: the layer (and any project) holds only its id
    assert layers[0].isValid() and "authcfg=" in source and "apikey" not in source.lower()
    assert "authentication database" in wizard.publish_page.resultLabel.text()
    api = EntrepotApi(wizard.session.client, result.datastore_id)
    assert [k.name for k in api.list_keys()].count(KEY_NAME) == 1


def test_the_permission_ends_on_the_day_chosen_on_the_access_page(restricted):
    wizard, _name = restricted
    result = wizard.publish_page.result
    api = EntrepotApi(wizard.session.client, result.datastore_id)
    permission = next(p for p in api.permissions() if p.id == result.permission_id)
    assert permission.end_date.startswith(f"{LAST_DAY}T23:59"), permission.end_date


def test_the_key_is_reused_and_the_dock_adds_and_opens_the_service_with_it(
        restricted, qgis_iface, monkeypatch):
    from gpf_wmts_publisher.ui import published_dock

    opened = []
    monkeypatch.setattr(published_dock, "QDesktopServices",
                        type("Browser", (), {"openUrl": staticmethod(opened.append)}))
    wizard, name = restricted
    result = wizard.publish_page.result
    api = EntrepotApi(wizard.session.client, result.datastore_id)
    first = ensure_access_key(api, result.wmts_offering_id)
    assert ensure_access_key(api, result.wmts_offering_id) == first
    assert [k.name for k in api.list_keys()].count(KEY_NAME) == 1

    dock = PublishedServicesDock(qgis_iface, session=wizard.session)
    try:
        list_services_of(dock, result.datastore_id, name)
        assert dock.select_layer_name(name)
        dock.addButton.click()
        wait_until(lambda: len(_wmts_layers(name)) == 2,
                   what=lambda: "the layer from the dock: " + dock.statusLabel.text())
        assert all(layer.isValid() for layer in _wmts_layers(name))
        dock.capabilitiesButton.click()  # read with the key, shown from a local copy
        wait_until(lambda: opened, what=lambda: "the capabilities in the browser: "
                   + dock.statusLabel.text())
        assert opened[0].isLocalFile() and "apikey" not in opened[0].toString().lower()
        with open(opened[0].toLocalFile(), encoding="utf-8") as copy:
            assert name in copy.read()
    finally:
        # A refresh still running would call back into a deleted dock.
        wait_until(lambda: QgsApplication.taskManager().countActiveTasks() == 0,
                   what="the dock's tasks")
        dispose(dock)
