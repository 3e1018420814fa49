"""The harvest's tile list is a stream (sandbox/tile_plan.py) and one cap bounds a harvest."""

from __future__ import annotations

import tracemalloc
import types

from sandbox import pm_grid
from sandbox.tile_plan import (
    HARVEST_TILE_CAP,
    area_geometry_3857,
    blocks,
    count_tiles,
    requested_tiles,
    tiles_in_area,
)
from tests.sandbox.flow import Flow

# About 1.4 million tiles at level 15 (a rectangle: the plugin sends its extent's rectangle).
FRANCE = "POLYGON((-5 42,8 42,8 51,-5 51,-5 42))"
TRIANGLE = "POLYGON((2.25 48.75, 2.45 48.75, 2.25 48.95, 2.25 48.75))"


def test_the_tile_list_is_a_generator_whose_memory_does_not_grow_with_the_tiles():
    area = area_geometry_3857(FRANCE)
    assert isinstance(tiles_in_area(15, area), types.GeneratorType)
    assert isinstance(blocks(15, area), types.GeneratorType)
    tracemalloc.start()
    try:
        walked = sum(len(block) for block in blocks(15, area))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert walked == count_tiles([15], FRANCE) > 10**6
    assert peak < 2 * 1024**2, f"{peak / 1024**2:.1f} MiB traced while walking {walked} tiles"


def test_blocks_of_a_polygon_hold_exactly_the_tiles_a_tile_by_tile_test_finds():
    from qgis.core import QgsGeometry, QgsRectangle

    area = area_geometry_3857(TRIANGLE)
    engine = QgsGeometry.createGeometryEngine(area.constGet())
    engine.prepareGeometry()
    for z in (12, 13):
        box = area.boundingBox()
        tile_range = pm_grid.tile_range(z, (box.xMinimum(), box.yMinimum(), box.xMaximum(),
                                            box.yMaximum()))
        inset = pm_grid.tile_span(z) * 1e-6
        expected = set()
        for col, row in tile_range.tiles():
            x0, y0, x1, y1 = pm_grid.tile_bbox(z, col, row)
            rect = QgsGeometry.fromRect(QgsRectangle(x0 + inset, y0 + inset, x1 - inset,
                                                     y1 - inset))
            if engine.intersects(rect.constGet()):
                expected.add((col, row))
        streamed = [tile for block in blocks(z, area, metatile=4) for tile in block]
        assert len(streamed) == len(set(streamed)) and set(streamed) == expected
        assert all(len({(c // 4, r // 4) for c, r in block}) == 1
                   for block in blocks(z, area, metatile=4))


def test_the_sandbox_cap_is_the_number_the_plugin_advice_warns_at():
    from gpf_wmts_publisher.plugin.pyramid.advice import DEFAULT_MAX_TILES

    assert HARVEST_TILE_CAP == DEFAULT_MAX_TILES


def test_requested_tiles_count_the_bounding_box_of_every_level():
    bbox = (-5, 42, 8, 51)
    box = pm_grid.mercator_bbox_of_lonlat(bbox)
    assert requested_tiles(range(5, 8), bbox) == sum(
        pm_grid.tile_range(z, box).count for z in (5, 6, 7))
    # The request that used to take 15 GB of the sandbox's memory.
    assert requested_tiles(range(5, 19), bbox) > 10**8


def _harvest_body(flow: Flow, top: str, bottom: str) -> dict:
    return {"processing": flow.processing(
        "Calcul ou mise à jour de pyramide raster par moissonnage WMS"),
        "output": {"stored_data": {"name": f"cap_{top}_{bottom}"}},
        "parameters": {"harvest_layers": "x", "harvest_url": "http://127.0.0.1:1/wms",
                       "harvest_levels": [bottom], "bottom": bottom, "top": top,
                       "harvest_area": FRANCE, "harvest_format": "image/jpeg"}}


def test_a_harvest_above_the_cap_is_refused_with_a_quota_error(sandbox):
    flow = Flow(sandbox)
    refused = flow.post("/processings/executions", json=_harvest_body(flow, "5", "18"))
    assert refused.status_code == 409, refused.text
    words = " ".join(refused.json()["error_description"])
    assert "Quota de tuiles" in words and "5 000 000" in words
    assert not [e for e in flow.get("/processings/executions").json()
                if e.get("output", {}).get("stored_data", {}).get("name") == "cap_5_18"]
    # Under the cap (levels 5..14 over France: about half a million tiles) the request is taken.
    assert requested_tiles(range(5, 15), (-5, 42, 8, 51)) < HARVEST_TILE_CAP
    taken = flow.post("/processings/executions", json=_harvest_body(flow, "5", "14"))
    assert taken.status_code == 201, taken.text
    assert flow.delete(f"/processings/executions/{taken.json()['_id']}").status_code in (
        200, 204)
