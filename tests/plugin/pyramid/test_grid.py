"""The PM grid: resolutions, scales, labels and tile ranges match the platform's TMS."""

from __future__ import annotations

import math

import pytest
from gpf_wmts_publisher.plugin.pyramid import (
    PM_ORIGIN_X,
    PM_ORIGIN_Y,
    Bbox3857,
    Bbox4326,
    Level,
    all_levels,
    bbox_4326_to_3857,
    level_for_scale_denominator,
)
from hypothesis import given
from hypothesis import strategies as st


def test_levels_halve_resolution_and_scale_at_each_step():
    assert Level(0).resolution == pytest.approx(156543.033928041)
    assert Level(0).scale_denominator == pytest.approx(559082264.028718)
    assert Level(12).resolution == pytest.approx(38.2185141426)
    assert Level(16).resolution == pytest.approx(2.388657133911758)
    for z in range(1, 22):
        assert Level(z).resolution * 2 == pytest.approx(Level(z - 1).resolution)


def test_scale_is_resolution_over_the_standard_pixel_size():
    for level in all_levels():
        assert level.scale_denominator == pytest.approx(level.resolution / 0.00028, rel=1e-9)


def test_level_zero_tile_covers_the_whole_mercator_world():
    assert Level(0).tile_span == pytest.approx(2 * PM_ORIGIN_Y)
    assert Level(0).tile_range(Bbox3857(PM_ORIGIN_X, -PM_ORIGIN_Y, -PM_ORIGIN_X, PM_ORIGIN_Y)
                               ).count == 1


@pytest.mark.parametrize(
    ("z", "french", "english"),
    [(12, "12 · 1:136 000", "12 · 1:136,000"), (16, "16 · 1:8 500", "16 · 1:8,500"),
     (18, "18 · 1:2 100", "18 · 1:2,100"), (0, "0 · 1:559 000 000", "0 · 1:559,000,000")],
)
def test_label_shows_level_and_rounded_scale_with_the_language_separator(z, french, english):
    assert Level(z).label == french
    assert Level(z).label_for("fr_FR") == french
    assert Level(z).label_for("en") == english


@pytest.mark.parametrize("z", [-1, 22, 1.5, True])
def test_level_outside_the_grid_is_refused(z):
    with pytest.raises((ValueError, TypeError)):
        Level(z)


def test_tile_range_of_an_extent_on_tile_borders_does_not_spill_over():
    level = Level(1)  # 2 × 2 tiles, borders at x = 0 and y = 0
    north_west = level.tile_range(Bbox3857(PM_ORIGIN_X, 0.0, 0.0, PM_ORIGIN_Y))
    assert (north_west.col_min, north_west.col_max, north_west.row_min, north_west.row_max) == (
        0, 0, 0, 0)
    south_east = level.tile_range(Bbox3857(1.0, -1.0, 2.0, -0.5))
    assert (south_east.col_min, south_east.row_min, south_east.count) == (1, 1, 1)


def test_a_point_extent_still_needs_one_tile_and_outside_extents_are_clipped():
    assert Level(10).tile_count(Bbox3857(100.0, 100.0, 100.0, 100.0)) == 1
    huge = Level(3).tile_range(Bbox3857(-1e9, -1e9, 1e9, 1e9))
    assert (huge.col_min, huge.col_max, huge.row_min, huge.row_max) == (0, 7, 0, 7)


def test_paris_tile_matches_the_known_slippy_map_index():
    # Notre-Dame, lon 2.3499 lat 48.8530: OSM tile z=12 x=2074 y=1409.
    bbox = bbox_4326_to_3857(Bbox4326(2.3499, 48.8530, 2.3499, 48.8530))
    rng = Level(12).tile_range(bbox)
    assert (rng.col_min, rng.row_min) == (2074, 1409)


def test_lonlat_to_mercator_clamps_poles():
    bbox = bbox_4326_to_3857(Bbox4326(-180, -90, 180, 90))
    assert bbox.xmin == pytest.approx(PM_ORIGIN_X)
    assert bbox.ymax == pytest.approx(PM_ORIGIN_Y)
    assert Level(2).tile_count(bbox) == 16


@given(st.integers(0, 21), st.floats(0.96, 1.04))
def test_scale_denominator_maps_back_to_its_level_within_tolerance(z, factor):
    found = level_for_scale_denominator(Level(z).scale_denominator * factor, tolerance=0.05)
    assert found == Level(z)


def test_scale_denominator_of_another_grid_maps_to_no_level():
    # LAMB93 / arbitrary scales sit between PM levels.
    assert level_for_scale_denominator(Level(10).scale_denominator * 1.4) is None
    assert level_for_scale_denominator(0) is None


@given(
    st.floats(-170, 170), st.floats(-80, 80), st.floats(0.0001, 9), st.floats(0.0001, 4),
    st.integers(0, 18),
)
def test_tile_range_covers_the_extent_and_no_more_than_one_extra_tile_per_side(
    lon, lat, width, height, z
):
    bbox = bbox_4326_to_3857(Bbox4326(lon, lat, lon + width, min(lat + height, 85)))
    level = Level(z)
    rng = level.tile_range(bbox)
    span = level.tile_span
    assert PM_ORIGIN_X + rng.col_min * span <= bbox.xmin + 1e-6
    assert PM_ORIGIN_X + (rng.col_max + 1) * span >= bbox.xmax - 1e-6
    assert PM_ORIGIN_Y - rng.row_min * span >= bbox.ymax - 1e-6
    assert PM_ORIGIN_Y - (rng.row_max + 1) * span <= bbox.ymin + 1e-6
    assert rng.columns <= math.ceil((bbox.xmax - bbox.xmin) / span) + 1
    assert rng.rows <= math.ceil((bbox.ymax - bbox.ymin) / span) + 1
