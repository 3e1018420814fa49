"""QGIS extents in any CRS become the lon/lat bbox the harvest area is built from."""

from __future__ import annotations

import pytest
from gpf_wmts_publisher.plugin.pyramid import Level, area_wkt
from gpf_wmts_publisher.plugin.pyramid.qgis_extent import (
    extent_to_bbox_3857,
    extent_to_bbox_4326,
)
from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle


def test_lambert93_extent_encloses_the_reprojected_area(qgis_app):
    # Roughly Paris in Lambert-93.
    rect = QgsRectangle(640000, 6850000, 665000, 6875000)
    bbox = extent_to_bbox_4326(rect, QgsCoordinateReferenceSystem("EPSG:2154"))
    assert 2.1 < bbox.west < bbox.east < 2.7
    assert 48.7 < bbox.south < bbox.north < 49.0
    assert area_wkt(bbox).startswith(f"POLYGON(({bbox.west!r} {bbox.north!r},")


def test_lonlat_extent_is_kept_and_mercator_is_clamped_at_the_poles(qgis_app):
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    assert tuple(extent_to_bbox_4326(QgsRectangle(1, 2, 3, 4), wgs84)) == (1, 2, 3, 4)
    world = extent_to_bbox_3857(QgsRectangle(-180, -90, 180, 90), wgs84)
    assert Level(1).tile_count(world) == 4


def test_invalid_crs_or_empty_extent_is_refused(qgis_app):
    with pytest.raises(ValueError):
        extent_to_bbox_4326(QgsRectangle(0, 0, 1, 1), QgsCoordinateReferenceSystem())
    with pytest.raises(ValueError):
        extent_to_bbox_4326(QgsRectangle(), QgsCoordinateReferenceSystem("EPSG:4326"))


def test_a_single_point_extent_gives_a_degenerate_but_usable_bbox(qgis_app):
    bbox = extent_to_bbox_4326(QgsRectangle(2.35, 48.85, 2.35, 48.85),
                               QgsCoordinateReferenceSystem("EPSG:4326"))
    assert (bbox.west, bbox.south) == (bbox.east, bbox.north) == (2.35, 48.85)
    assert Level(12).tile_count(bbox) == 1
