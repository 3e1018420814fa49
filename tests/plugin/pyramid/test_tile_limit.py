"""The tile rule shared by the wizard and Processing (issue 14, hole 8)."""

from __future__ import annotations

from gpf_wmts_publisher.plugin.pyramid.advice import DEFAULT_MAX_TILES
from gpf_wmts_publisher.plugin.pyramid.grid import Bbox4326
from gpf_wmts_publisher.plugin.pyramid.tile_limit import (
    HARVEST_TILE_CAP,
    judge_tiles,
    tile_stop_message,
)
from gpf_wmts_publisher.plugin.pyramid.zoom_range import ZoomRange

FRANCE = (-5.2, 41.3, 8.3, 51.1)
PARIS_BLOCK = (2.30, 48.80, 2.40, 48.90)


def test_the_cap_is_the_one_constant_the_advice_warns_at():
    assert HARVEST_TILE_CAP == DEFAULT_MAX_TILES == 5_000_000


def test_zoom_0_to_21_on_france_is_refused_even_when_forced():
    verdict = judge_tiles(ZoomRange(0, 21), Bbox4326(*FRANCE))
    assert [a.code for a in verdict.refusals] == ["TOO_MANY_TILES"]
    assert tile_stop_message(0, 21, FRANCE, None, True, "en")
    assert "Set FORCE" not in tile_stop_message(0, 21, FRANCE, None, True, "en")


def test_a_warning_stops_unless_forced():
    message = tile_stop_message(10, 17, PARIS_BLOCK, 3, False, "en")
    assert "most tiles would be empty" in message and "FORCE" in message
    assert tile_stop_message(10, 17, PARIS_BLOCK, 3, True, "en") == ""
    assert tile_stop_message(10, 12, PARIS_BLOCK, 3, False, "en") == ""
