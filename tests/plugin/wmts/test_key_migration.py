"""A layer saved with its key on the URL loses it as soon as the plugin sees it, and takes the
plugin's key configuration instead (issue 14, hole 3)."""

from __future__ import annotations

from urllib.parse import unquote

from gpf_wmts_publisher.plugin.wmts.key_migration import (
    MIGRATED_PROPERTY,
    migrate_layers,
    strip_key,
)
from gpf_wmts_publisher.ui.key_notice import move_keys_off_urls
from qgis.core import QgsProject, QgsRasterLayer

OLD_SOURCE = ("contextualWMSLegend=0&crs=EPSG:3857&dpiMode=7&format=image/png&"
              "layers=SANDBOX.routes_wmts&styles=normal&tileMatrixSet=PM_10_14&"
              "IgnoreGetMapUrl=1&url=https://data.geopf.fr/private/wmts?SERVICE%3DWMTS%26"
              "REQUEST%3DGetCapabilities%26apikey%3Ds3cr3t-hash-key")


def test_the_key_leaves_the_url_and_the_authcfg_comes_in(qgis_app):
    source, found = strip_key(OLD_SOURCE, "cfg1234")
    assert found and "s3cr3t" not in unquote(source) and "IgnoreGetMapUrl" not in source
    assert "authcfg=cfg1234" in source and "SERVICE" in unquote(source)
    assert strip_key(source) == (source, False)


class FakeBar:
    def __init__(self):
        self.messages = []

    def pushWarning(self, title, text):
        self.messages.append(text)


class FakeIface:
    def __init__(self):
        self.bar = FakeBar()

    def messageBar(self):
        return self.bar


def test_a_saved_project_holds_no_key_once_the_plugin_saw_the_layer(qgis_app, tmp_path):
    layer = QgsRasterLayer(OLD_SOURCE, "Routes privées", "wms")  # invalid offline: no matter
    public = QgsRasterLayer(OLD_SOURCE.replace("%26apikey%3Ds3cr3t-hash-key", ""), "public",
                            "wms")
    iface = FakeIface()
    assert move_keys_off_urls(iface, [layer, public]) == ["Routes privées"]
    assert "authentication database" in iface.bar.messages[0]
    assert layer.customProperty(MIGRATED_PROPERTY) and not public.customProperty(
        MIGRATED_PROPERTY)
    project = QgsProject()
    project.addMapLayers([layer, public], False)
    assert project.write(str(tmp_path / "p.qgs"))
    assert "s3cr3t" not in (tmp_path / "p.qgs").read_text(encoding="utf-8")
    assert migrate_layers([layer]) == []  # once is enough
