"""Tile sizes measured from the user's layer feed the storage estimate."""

from __future__ import annotations

import pytest
from gpf_wmts_publisher.plugin.pyramid import Bbox3857, ZoomRange, estimate_levels
from gpf_wmts_publisher.plugin.pyramid.qgis_sample import measure_tile_sizes
from qgis.core import QgsFeature, QgsGeometry, QgsRectangle, QgsVectorLayer

EXTENT = Bbox3857(0.0, 0.0, 40_000.0, 40_000.0)


def _grid_layer(cells: int) -> QgsVectorLayer:
    layer = QgsVectorLayer("Polygon?crs=EPSG:3857", "grid", "memory")
    step = 40_000.0 / max(cells, 1)
    features = []
    for i in range(cells):
        for j in range(cells):
            feature = QgsFeature()
            feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(
                i * step, j * step, i * step + step * 0.6, j * step + step * 0.6)))
            features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


@pytest.mark.parametrize("tile_format", ["image/jpeg", "image/png"])
def test_busy_tiles_measure_larger_than_blank_ones(qgis_app, tile_format):
    busy = measure_tile_sizes([_grid_layer(60)], EXTENT, [12, 13], tile_format=tile_format,
                              samples_per_level=3)
    blank = measure_tile_sizes([_grid_layer(0)], EXTENT, [12, 13], tile_format=tile_format,
                               samples_per_level=3)
    assert set(busy) == {12, 13}
    assert all(size > 0 for size in blank.values())
    assert busy[12] > blank[12] and busy[13] > blank[13]


def test_measured_sizes_drive_the_estimate_with_the_nearest_level(qgis_app):
    sizes = {12: 1000, 14: 3000}
    estimates = estimate_levels(EXTENT, ZoomRange(11, 15), bytes_per_tile=sizes)
    per_tile = {e.level.z: e.bytes // e.tiles for e in estimates}
    assert per_tile == {11: 1000, 12: 1000, 13: 3000, 14: 3000, 15: 3000}


def test_unknown_format_cannot_be_measured(qgis_app):
    with pytest.raises(ValueError):
        measure_tile_sizes([_grid_layer(1)], EXTENT, [10], tile_format="image/webp")
