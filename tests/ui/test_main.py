"""The plugin loads in QGIS through classFactory and cleans up after itself."""

from __future__ import annotations

import importlib

from qgis.PyQt.QtWidgets import QAction


def _load(iface):
    package = importlib.import_module("gpf_wmts_publisher")
    plugin = package.classFactory(iface)
    plugin.initGui()
    return plugin


def test_plugin_adds_menu_entries_and_a_toolbar_icon(qgis_iface):
    plugin = _load(qgis_iface)
    try:
        names = {a.objectName() for a in plugin.actions}
        assert {"gpfPublishWmts", "gpfLogin", "gpfPublished", "gpfZoomInspector"} <= names
        assert plugin.toolbar is not None
        toolbar_actions = [a for a in plugin.toolbar.actions() if isinstance(a, QAction)]
        assert [a.objectName() for a in toolbar_actions] == ["gpfPublishWmts"]
        assert all(not a.icon().isNull() for a in plugin.actions)
    finally:
        plugin.unload()


def test_unload_removes_every_action_and_the_toolbar(qgis_iface):
    plugin = _load(qgis_iface)
    plugin.unload()
    assert plugin.actions == []
    assert plugin.toolbar is None


def test_metadata_declares_what_the_plugin_repository_needs():
    import configparser
    from pathlib import Path

    meta = configparser.ConfigParser()
    meta.read(Path(__file__).resolve().parents[2] / "metadata.txt", encoding="utf-8")
    general = meta["general"]
    for key in ("name", "qgisMinimumVersion", "description", "about", "version", "author",
                "email", "tracker", "repository", "homepage", "tags", "category", "icon",
                "experimental", "changelog"):
        assert general.get(key), key
    assert general["qgisMinimumVersion"] == "3.22"
    assert general["category"] == "Web"


def test_a_provider_already_registered_does_not_break_load_or_unload(qgis_iface):
    from gpf_wmts_publisher.plugin.processing.provider import GpfWmtsProvider
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    existing = GpfWmtsProvider()
    assert registry.addProvider(existing)
    try:
        plugin = _load(qgis_iface)
        assert plugin.provider is None
        plugin.unload()
        assert registry.providerById(existing.id()) is existing
    finally:
        registry.removeProvider(existing)


def test_vector_layers_get_a_publish_entry_in_their_context_menu(qgis_iface):
    plugin = _load(qgis_iface)
    try:
        action = plugin.layer_menu_action
        assert action is not None
        assert "WMTS" in action.text()
    finally:
        plugin.unload()
    assert plugin.layer_menu_action is None


def test_changing_qgis_options_makes_the_plugins_http_read_them_again(qgis_iface):
    from gpf_wmts_publisher.plugin.entrepot import network
    from qgis.gui import QgsGui

    plugin = _load(qgis_iface)
    try:
        network.recent_qgis_proxy_settings()
        assert "proxy" in network._SNAPSHOT
        QgsGui.instance().optionsChanged.emit()
        assert "proxy" not in network._SNAPSHOT
    finally:
        plugin.unload()


def test_a_project_layer_with_its_key_on_the_url_is_cleaned_when_the_plugin_sees_it(
        qgis_iface, tmp_path):
    """Issue 14, hole 3: a project saved by an earlier version, read with the plugin loaded."""
    from qgis.core import QgsProject, QgsRasterLayer
    from qgis.PyQt.QtCore import QCoreApplication

    from scripts.scan_secrets import scan_paths
    from tests.plugin.wmts.test_key_migration import OLD_SOURCE

    old = QgsProject()
    old.addMapLayer(QgsRasterLayer(OLD_SOURCE, "Routes privées", "wms"))
    assert old.write(str(tmp_path / "old.qgs"))
    assert "s3cr3t" in (tmp_path / "old.qgs").read_text(encoding="utf-8")
    plugin = _load(qgis_iface)
    project = QgsProject.instance()
    try:
        assert project.read(str(tmp_path / "old.qgs"))
        assert project.write(str(tmp_path / "saved_again.qgs"))
        assert project.write(str(tmp_path / "saved_again.qgz"))
        QCoreApplication.processEvents()  # QGIS desktop's event loop runs the deferred clean
        saved = [tmp_path / "saved_again.qgs", tmp_path / "saved_again.qgz"]
        assert scan_paths(saved, {"old key": "s3cr3t-hash-key"}) == []
        assert scan_paths([tmp_path / "old.qgs"], {"old key": "s3cr3t-hash-key"})  # can fail
        for path in saved:  # what was cleaned is still a project QGIS reads
            assert project.read(str(path)) and len(project.mapLayers()) == 1
    finally:
        plugin.unload()
        project.clear()
