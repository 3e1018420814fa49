"""The zoom-level inspector on a map: the local side is the whole group drawn together (top
layer first), not one of its layers."""

from __future__ import annotations

from gpf_wmts_publisher.plugin.wmts.inspector import inspect_level
from gpf_wmts_publisher.plugin.wmts.renders import layers_extent_3857

from scripts.demo_map import LAYER_COLOURS, MAP_SAMPLE, seen_layers
from scripts.make_map_sample import open_layers


def test_the_local_render_of_a_map_draws_every_layer_it_shows(qgis_app):
    layers = open_layers(MAP_SAMPLE)             # Villages, Routes, Occupation du sol
    extent = layers_extent_3857(layers)
    one = layers_extent_3857(layers[-1])
    assert extent[0] <= one[0] and extent[2] >= one[2]
    # level 12: the three layers are visible; the "WMTS" side here is the polygons alone
    result = inspect_level(12, source=None, session=None, data_extent_3857=extent,
                           wmts_layer=layers[-1], source_layer=layers, render_px=512)
    shown = seen_layers(result.local)
    assert all(shown[name] > 0 for name in LAYER_COLOURS), shown
    assert seen_layers(result.remote)["Routes"] == 0
    assert result.score is not None and result.score < 1.0
