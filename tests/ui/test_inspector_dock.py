"""Stepping through levels puts the canvas at the level's exact resolution in the level's CRS
(1:210,394 was shown for a 1:273,000 level while the project stayed in its own CRS); keeping
the project CRS is an option. A layer the inspector cannot compare is told so."""

from __future__ import annotations

from pathlib import Path

import pytest
from gpf_wmts_publisher.plugin.wmts.capabilities import find_layer, read_capabilities
from gpf_wmts_publisher.plugin.wmts.levels import level_resolution, mercator_units_per_pixel
from gpf_wmts_publisher.ui.inspector_dock import ZoomInspectorDock
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QSize

from .conftest import dispose, wait_until

FIXTURE = Path(__file__).parents[1] / "plugin" / "wmts" / "fixtures" / \
    "geoplateforme_capabilities.xml"


@pytest.fixture
def dock(qgis_iface):
    canvas = qgis_iface.mapCanvas()
    canvas.resize(QSize(700, 500))
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    canvas.setExtent(QgsRectangle(370000, 6560000, 400000, 6590000))  # Île de Ré, Lambert-93
    wait_until(lambda: canvas.mapSettings().outputSize().width() > 0)
    widget = ZoomInspectorDock(qgis_iface)
    widget.use_info(find_layer(read_capabilities(FIXTURE.read_bytes()), "SANDBOX.routes_wmts"))
    yield widget
    dispose(widget)


def test_stepping_sets_the_level_crs_and_resolution(dock, qgis_iface):
    canvas = qgis_iface.mapCanvas()
    centre_before = canvas.center()
    for z in (10, 12, 14):
        dock.go_to_level(z)
        settings = canvas.mapSettings()
        assert settings.destinationCrs().authid() == "EPSG:3857"
        assert settings.mapUnitsPerPixel() == pytest.approx(level_resolution(z), rel=0.01)
    # The same place, now in web mercator.
    expected = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:2154"),
                                      QgsCoordinateReferenceSystem("EPSG:3857"),
                                      QgsProject.instance()).transform(centre_before)
    assert canvas.center().x() == pytest.approx(expected.x(), abs=level_resolution(10))
    assert canvas.center().y() == pytest.approx(expected.y(), abs=level_resolution(10))


def test_keeping_the_project_crs_gives_the_equivalent_resolution(dock, qgis_iface):
    canvas = qgis_iface.mapCanvas()
    dock.keepProjectCrsCheck.setChecked(True)
    canvas.setCenter(QgsPointXY(385000, 6575000))
    dock.go_to_level(13)
    settings = canvas.mapSettings()
    assert settings.destinationCrs().authid() == "EPSG:2154"
    assert mercator_units_per_pixel(settings) == pytest.approx(level_resolution(13), rel=0.01)


def test_a_vector_tile_layer_cannot_be_inspected(dock):
    info = dock.info.__class__(**{**dock.info.__dict__, "formats": ("application/x-protobuf",)})
    dock.use_info(info)
    assert not dock.inspectButton.isEnabled()
    assert "application/x-protobuf" in dock.statusLabel.text()
