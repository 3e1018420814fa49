"""Level stepping maths: labels, extents at a level's exact resolution, tiles over the data."""

from __future__ import annotations

import pytest
from gpf_wmts_publisher.plugin.wmts.levels import (
    extent_for_level,
    level_extent,
    level_label,
    level_resolution,
    mercator_units_per_pixel,
    nearest_level,
    sample_tiles,
    step_level,
    tile_extent,
    tile_range,
)
from qgis.core import QgsCoordinateReferenceSystem, QgsMapSettings, QgsPointXY, QgsProject
from qgis.PyQt.QtCore import QSize


def test_label_shows_level_and_rounded_scale():
    assert level_label(12).replace("\u202f", " ").replace("\xa0", " ") == "12 · 1:136 000"
    assert level_label(16, "en") == "16 · 1:8,500"


def test_documented_resolutions():
    assert level_resolution(12) == pytest.approx(38.218, rel=1e-4)
    assert level_resolution(18) == pytest.approx(0.597, rel=1e-3)


def test_nearest_level_picks_among_the_published_levels():
    assert nearest_level(level_resolution(12) * 1.2) == 12
    assert nearest_level(level_resolution(3), [10, 11, 12]) == 10


def test_stepping_stays_inside_the_published_range():
    levels = [10, 11, 12, 13, 14]
    assert step_level(12, levels, +1) == 13
    assert step_level(14, levels, +1) == 14
    assert step_level(10, levels, -1) == 10
    assert step_level(5, levels, +1) == 11  # snapped to 10 first


def test_level_extent_has_the_level_resolution():
    xmin, ymin, xmax, ymax = level_extent(13, (260000.0, 6250000.0), 800, 600)
    assert (xmax - xmin) / 800 == pytest.approx(level_resolution(13))
    assert (ymax - ymin) / 600 == pytest.approx(level_resolution(13))


def test_tile_range_covers_the_extent_and_sample_tiles_fall_inside():
    extent = (250000.0, 6240000.0, 270000.0, 6260000.0)
    tiles = tile_range(extent, 14)
    first = tile_extent(14, tiles.col_min, tiles.row_min)
    last = tile_extent(14, tiles.col_max, tiles.row_max)
    assert first[0] <= extent[0] and first[3] >= extent[3]
    assert last[2] >= extent[2] and last[1] <= extent[1]
    samples = sample_tiles(extent, 14, 5)
    assert 1 <= len(samples) <= 5 and len(set(samples)) == len(samples)
    for col, row in samples:
        assert tiles.col_min <= col <= tiles.col_max and tiles.row_min <= row <= tiles.row_max


def test_whole_world_level_zero_is_one_tile():
    assert tile_range((-2e7, -2e7, 2e7, 2e7), 0).count == 1


@pytest.mark.parametrize("authid", ["EPSG:3857", "EPSG:2154", "EPSG:4326"])
def test_extent_for_level_gives_the_level_resolution_in_mercator(qgis_app, authid):
    crs = QgsCoordinateReferenceSystem(authid)
    context = QgsProject.instance().transformContext()
    centres = {"EPSG:3857": QgsPointXY(260000, 6250000), "EPSG:2154": QgsPointXY(652000, 6862000),
               "EPSG:4326": QgsPointXY(2.35, 48.85)}
    for z in (10, 12, 14):
        settings = QgsMapSettings()
        settings.setDestinationCrs(crs)
        settings.setOutputSize(QSize(640, 480))
        settings.setExtent(extent_for_level(z, centres[authid], crs, 640, 480, context))
        assert mercator_units_per_pixel(settings) == pytest.approx(level_resolution(z), rel=0.005)
