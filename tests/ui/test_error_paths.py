"""Every window turns every failure into one clear, translated line (issue 14, hole 6): the
login dialog, the published services dock, the zoom-level inspector and the wizard's publish
page, each with the platform down, a wrong password, a 500 and a timeout."""

from __future__ import annotations

import pytest
from gpf_wmts_publisher.plugin.entrepot.models import Account, Datastore, User
from gpf_wmts_publisher.plugin.entrepot.secret import Secret
from gpf_wmts_publisher.plugin.settings import sandbox_urls
from gpf_wmts_publisher.ui import session as session_module
from gpf_wmts_publisher.ui.inspector_dock import ZoomInspectorDock
from gpf_wmts_publisher.ui.login_dialog import LoginDialog
from gpf_wmts_publisher.ui.published_dock import PublishedServicesDock
from qgis.core import QgsApplication, QgsProject, QgsRasterLayer

from tests.e2e.layers import make_polygon_gpkg, open_styled_layer
from tests.fixtures.failing_platform import (
    EXPECTED_WORDS,
    MODES,
    failing_platform,
    short_network_limits,
)
from tests.ui.conftest import dispose, wait_until
from tests.ui.test_publish_wizard import make_wizard, walk_to_publish_page

pytestmark = pytest.mark.slow   # long: handed to a worker first (tests/conftest.py)

# The inspector reads a WMTS, not the API: no sign-in, so no "wrong password" there.
INSPECTOR_WORDS = {"down": "Could not reach", "server_error": "HTTP 500",
                   "timeout": "Could not reach"}


def _clean(text: str) -> None:
    assert "Traceback" not in text and "t0ken-for-tests" not in text
    assert "wrong-or-right" not in text


def _failing_client(base_url: str):
    return session_module.make_client(sandbox_urls(base_url), "someone",
                                      Secret("wrong-or-right"))


@pytest.fixture
def short_limits(monkeypatch):
    short_network_limits(monkeypatch)


def _idle():
    wait_until(lambda: QgsApplication.taskManager().countActiveTasks() == 0, what="the tasks")


@pytest.mark.parametrize("mode", MODES)
def test_login_dialog(mode, unlocked_auth_db, short_limits):
    dialog = LoginDialog(session=session_module.Session())
    try:
        with failing_platform(mode) as base_url:
            dialog.sandboxRadio.setChecked(True)
            dialog.sandboxUrlEdit.setText(base_url)
            dialog.usernameEdit.setText("someone")
            dialog.passwordEdit.setText("wrong-or-right")
            dialog.connectButton.click()
            wait_until(lambda: "failed" in dialog.statusLabel.text().lower(), what="refusal")
            _idle()
        text = dialog.statusLabel.text()
        assert EXPECTED_WORDS[mode] in text, text
        _clean(text)
    finally:
        dispose(dialog)


@pytest.mark.parametrize("mode", MODES)
def test_published_services_dock(mode, qgis_iface, short_limits):
    session = session_module.Session()
    with failing_platform(mode) as base_url:
        session.client = _failing_client(base_url)
        session.user = Account(
            User.from_dict({"_id": "u", "first_name": "A", "last_name": "B", "email": "a@b.c"}),
            datastores=(Datastore(id="ds", name="Commune", community_name="Commune"),))
        dock = PublishedServicesDock(qgis_iface, session=session)
        try:
            dock.refresh()
            wait_until(lambda: "Loading" not in dock.statusLabel.text(), what="the listing")
            _idle()
            text = dock.statusLabel.text()
        finally:
            dispose(dock)
    expected = EXPECTED_WORDS[mode]
    assert expected in text, text
    _clean(text)


@pytest.mark.parametrize("mode", [m for m in MODES if m in INSPECTOR_WORDS])
def test_zoom_level_inspector(mode, qgis_iface, short_limits):
    with failing_platform(mode) as base_url:
        url = f"{base_url}/wmts?SERVICE=WMTS&REQUEST=GetCapabilities"
        layer = QgsRasterLayer(
            f"crs=EPSG:3857&format=image/png&layers=x&styles=&tileMatrixSet=PM&url={url}",
            "wmts", "wms")
        layer.setCustomProperty("gpf_wmts_publisher/capabilities_url", url)
        dock = ZoomInspectorDock(qgis_iface)
        try:
            dock.set_layers(layer)
            wait_until(lambda: "Reading" not in dock.statusLabel.text(), what="capabilities")
            _idle()
            text = dock.statusLabel.text()
        finally:
            dispose(dock)
    assert INSPECTOR_WORDS[mode] in text, text
    _clean(text)


@pytest.fixture(scope="module")
def source_layer(qgis_app, tmp_path_factory):
    layer = open_styled_layer(make_polygon_gpkg(str(tmp_path_factory.mktemp("errors"))))
    QgsProject.instance().addMapLayer(layer)
    yield layer
    QgsProject.instance().removeMapLayer(layer.id())


@pytest.mark.parametrize("mode", MODES)
def test_wizard_publish_page(mode, qgis_iface, source_layer, sandbox, unlocked_auth_db,
                             tmp_path, short_limits):
    wizard = make_wizard(qgis_iface, source_layer, tmp_path, sandbox)
    try:
        walk_to_publish_page(wizard, top=12, bottom=12, title="Erreurs")
        page = wizard.publish_page
        with failing_platform(mode) as base_url:
            wizard.session.client = _failing_client(base_url)  # the platform fails now
            page._fill_steps(wizard.new_task(wizard.publication()))
            page.publishButton.click()
            wait_until(lambda: page.state != "running", timeout_s=60, what="the failure")
            _idle()
        text = page.resultLabel.text()
        assert page.state == "failed" and EXPECTED_WORDS[mode] in text, text
        _clean(text)
    finally:
        dispose(wizard)
