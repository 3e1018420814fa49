"""Zoom range validation and the harvest parameters spelled as the platform builds them."""

from __future__ import annotations

import pytest
from gpf_wmts_publisher.plugin.pyramid import (
    Bbox4326,
    ZoomRange,
    ZoomRangeError,
    area_wkt,
    harvest_levels,
)


def test_default_range_is_the_web_apps_four_to_sixteen():
    assert (ZoomRange().top, ZoomRange().bottom) == (4, 16)
    assert len(ZoomRange()) == 13


def test_harvest_levels_lists_every_level_from_bottom_to_top_as_strings():
    assert harvest_levels(ZoomRange(4, 16)) == [
        "16", "15", "14", "13", "12", "11", "10", "9", "8", "7", "6", "5", "4"]
    assert harvest_levels(ZoomRange(7, 7)) == ["7"]


def test_range_with_top_below_bottom_is_refused_in_both_languages():
    with pytest.raises(ZoomRangeError) as caught:
        ZoomRange(top=15, bottom=10)
    error = caught.value
    assert error.field == "top"
    assert "15" in error.message_en and "10" in error.message_en
    assert "niveau" in error.message_fr
    assert error.message("fr_FR") == error.message_fr
    assert str(error) == error.message_en


@pytest.mark.parametrize(("top", "bottom", "field"), [(-1, 5, "top"), (3, 22, "bottom"),
                                                      ("4", 16, "top"), (4, 16.0, "bottom")])
def test_levels_outside_zero_to_twenty_one_or_not_integers_are_refused(top, bottom, field):
    with pytest.raises(ZoomRangeError) as caught:
        ZoomRange(top, bottom)
    assert caught.value.field == field
    assert caught.value.message_fr != caught.value.message_en


def test_zoom_range_is_a_value_error_for_generic_callers():
    with pytest.raises(ValueError):
        ZoomRange(20, 2)


def test_range_membership_and_level_order():
    rng = ZoomRange(10, 12)
    assert 10 in rng and 12 in rng and 13 not in rng
    assert [level.z for level in rng.levels()] == [10, 11, 12]


def test_area_wkt_is_the_platforms_polygon_west_north_first():
    wkt = area_wkt(Bbox4326(west=-5.25, south=41.3, east=9.625, north=51.1))
    assert wkt == "POLYGON((-5.25 51.1,9.625 51.1,9.625 41.3,-5.25 41.3,-5.25 51.1))"


def test_area_wkt_numbers_are_plain_decimals():
    wkt = area_wkt(Bbox4326(2.0, 0.0000001, 3.0, 45.123456789012))
    assert wkt == ("POLYGON((2 45.123456789012,3 45.123456789012,3 0.0000001,"
                   "2 0.0000001,2 45.123456789012))")
    assert "e" not in wkt.lower().replace("polygon", "")
