"""Tile counts, storage estimates and the warnings on over-tiled ranges."""

from __future__ import annotations

import pytest
from gpf_wmts_publisher.plugin.pyramid import (
    BYTES_PER_TILE,
    Bbox3857,
    Bbox4326,
    Level,
    ZoomRange,
    advise,
    estimate_levels,
    human_bytes,
    measured_bytes_per_tile,
    natural_level,
    tile_count,
    total_bytes,
)

WORLD = Bbox3857(-20037508.3427892, -20037508.3427892, 20037508.3427892, 20037508.3427892)
SMALL_TOWN = Bbox4326(2.30, 48.84, 2.32, 48.86)


def test_world_tile_count_is_four_to_the_level():
    assert tile_count(WORLD, ZoomRange(0, 3)) == 1 + 4 + 16 + 64


def test_range_count_is_the_sum_of_the_level_counts_and_accepts_lonlat():
    rng = ZoomRange(10, 14)
    per_level = estimate_levels(SMALL_TOWN, rng)
    assert [e.level.z for e in per_level] == [10, 11, 12, 13, 14]
    assert sum(e.tiles for e in per_level) == tile_count(SMALL_TOWN, rng)
    assert per_level[-1].tiles >= per_level[0].tiles


def test_storage_estimate_uses_the_format_constant_or_a_measured_size():
    rng = ZoomRange(0, 2)
    jpeg = estimate_levels(WORLD, rng, tile_format="image/jpeg")
    assert total_bytes(jpeg) == 21 * BYTES_PER_TILE["image/jpeg"]
    measured = estimate_levels(WORLD, rng, bytes_per_tile=measured_bytes_per_tile([b"x" * 100,
                                                                                    b"y" * 300]))
    assert total_bytes(measured) == 21 * 200
    with pytest.raises(ValueError):
        estimate_levels(WORLD, rng, tile_format="image/webp")
    with pytest.raises(ValueError):
        measured_bytes_per_tile([])


def test_human_bytes_uses_decimal_units():
    assert human_bytes(999) == "999 B"
    assert human_bytes(1_500_000) == "1.5 MB"
    assert human_bytes(2_000_000_000_000) == "2.0 TB"


def test_natural_level_is_the_first_level_at_least_as_fine_as_the_data():
    assert natural_level(Level(14).resolution) == 14
    assert natural_level(10.0) == 14  # level 14 ≈ 9.55 m
    assert natural_level(1e9) == 0
    with pytest.raises(ValueError):
        natural_level(0)


def test_reasonable_range_gets_no_advice():
    assert advise(ZoomRange(10, 14), SMALL_TOWN, data_resolution_m=10.0,
                  feature_count=5000) == []


def test_too_many_tiles_suggests_a_bottom_within_the_limit():
    france = Bbox4326(-5.2, 41.3, 9.6, 51.1)
    [advice] = advise(ZoomRange(4, 18), france)
    assert advice.code == "TOO_MANY_TILES"
    assert tile_count(france, ZoomRange(4, advice.suggested_bottom)) <= 5_000_000
    assert tile_count(france, ZoomRange(4, advice.suggested_bottom + 1)) > 5_000_000
    assert "tuiles" in advice.message_fr and "tiles" in advice.message_en


def test_bottom_much_finer_than_the_data_is_flagged():
    [advice] = advise(ZoomRange(4, 18), SMALL_TOWN, data_resolution_m=10.0)
    assert advice.code == "FINER_THAN_DATA"
    assert advice.suggested_bottom == 14
    assert advice.message("fr") == advice.message_fr
    # One level finer than the data is tolerated.
    assert advise(ZoomRange(4, 15), SMALL_TOWN, data_resolution_m=10.0) == []


def test_few_features_over_many_tiles_is_flagged_as_sparse():
    france = Bbox4326(-5.2, 41.3, 9.6, 51.1)
    [advice] = advise(ZoomRange(4, 18), france, feature_count=3, max_tiles=10**12)
    assert advice.code == "SPARSE_DATA"
    assert Level(advice.suggested_bottom).tile_count(france) <= 3 * 64
    assert Level(advice.suggested_bottom + 1).tile_count(france) > 3 * 64
