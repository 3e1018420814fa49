"""Columns the integration renames publish end to end with a categorized style on each: the
wizard's check (run on GDAL's predicted names), the integration's real names and the SLD agree,
and the tiles show both categories (the filter found its column). When the platform names the
columns otherwise than predicted, the style step rebuilds the SLD on the real names."""

from __future__ import annotations

import io
import logging
import os

import pytest
import requests
from gpf_wmts_publisher.plugin.publish.layer_source import LayerSource
from gpf_wmts_publisher.plugin.sld.names import predicted_column, predicted_table
from gpf_wmts_publisher.plugin.sld.pipeline import predicted_attributes, prepare_sld
from osgeo import osr

from tests.e2e.layers import (
    AWKWARD_FIELDS,
    CATEGORY_COLOURS,
    ORIGIN_X,
    ORIGIN_Y,
    SIDE,
    arrow_points_layer,
    categorized_on,
    make_awkward_fields_gpkg,
)

LEVEL = 13


@pytest.fixture(scope="module")
def awkward_uri(qgis_app, tmp_path_factory) -> str:
    return make_awkward_fields_gpkg(str(tmp_path_factory.mktemp("awkward")))


def _tile_colours(sandbox, layer_name: str, colours=CATEGORY_COLOURS) -> set:
    """The ``colours`` (name -> RGB) found in the level-LEVEL tiles over the squares."""
    from PIL import Image

    from sandbox import pm_grid

    lambert, mercator = osr.SpatialReference(), osr.SpatialReference()
    lambert.ImportFromEPSG(2154)
    mercator.ImportFromEPSG(3857)
    for ref in (lambert, mercator):
        ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    west, south, east, north = osr.CoordinateTransformation(lambert, mercator).TransformBounds(
        ORIGIN_X, ORIGIN_Y, ORIGIN_X + 5 * SIDE, ORIGIN_Y + 3 * SIDE, 21)
    found = set()
    for col, row in pm_grid.tile_range(LEVEL, (west, south, east, north)).tiles():
        reply = requests.get(f"{sandbox.base_url}/wmts", timeout=30, params={
            "SERVICE": "WMTS", "REQUEST": "GetTile", "VERSION": "1.0.0", "LAYER": layer_name,
            "STYLE": "normal", "TILEMATRIXSET": "PM", "TILEMATRIX": str(LEVEL),
            "TILEROW": str(row), "TILECOL": str(col), "FORMAT": "image/png"})
        assert reply.status_code == 200, reply.text[:300]
        image = Image.open(io.BytesIO(reply.content)).convert("RGB")
        if os.environ.get("SAVE_TILES"):
            image.save(os.path.join(os.environ["SAVE_TILES"], f"{layer_name}_{col}_{row}.png"))
        pixels = image.getdata()
        for value, colour in colours.items():
            if any(all(abs(p - c) <= 8 for p, c in zip(pixel, colour)) for pixel in pixels):
                found.add(value)
    return found


def _publish(sandbox, api, datastores, make_spec, workflow_for, layer, n: str):
    spec = make_spec(datastores["sandbox"], layer=LayerSource.from_layer(layer),
                     datasheet_name=f"colonnes_{n}", top_level=LEVEL, bottom_level=LEVEL,
                     image_format="image/png")
    workflow = workflow_for(spec)
    result = workflow.run()
    return spec, workflow, result


@pytest.mark.parametrize("field", AWKWARD_FIELDS)
def test_each_renamed_column_publishes_with_a_categorized_style(
        sandbox, api, datastores, make_spec, workflow_for, awkward_uri, field):
    layer = categorized_on(awkward_uri, field)
    column = predicted_column(field)
    # The wizard's check, on the names GDAL predicts: clean, and on the predicted column.
    table = predicted_table(f"colonnes_{AWKWARD_FIELDS.index(field)}")
    checked = prepare_sld(layer, table_name=table,
                          attributes=predicted_attributes(layer, table), lang="en")
    assert checked.ok, checked.messages("en")
    assert checked.field_map[field] == column

    spec, workflow, result = _publish(sandbox, api, datastores, make_spec, workflow_for, layer,
                                      str(AWKWARD_FIELDS.index(field)))
    try:
        ds_api = api.in_datastore(spec.datastore_id)
        stored = ds_api.stored_data(workflow.journal.get("vectordb_id"))
        attributes = stored.relations[0]["attributes"]
        assert column in attributes  # the integration made the very column predicted
        static = ds_api.static(workflow.journal.resource_id("static_sld"))
        assert static.raw["type_infos"]["used_attributes"] == [column]
        assert _tile_colours(sandbox, result.wmts_layer_name) == set(CATEGORY_COLOURS)
    finally:
        workflow.undo()   # the shared sandbox allows 20 layers per account


def test_a_platform_naming_columns_otherwise_gets_a_style_rebuilt_on_its_names(
        sandbox, api, datastores, make_spec, workflow_for, awkward_uri, caplog):
    caplog.set_level(logging.INFO, logger="gpf_wmts_publisher.publish")
    layer = categorized_on(awkward_uri, "Nom Commune")
    sandbox.set_faults(column_suffix="_x")  # the platform's GDAL names differ from ours
    try:
        spec, workflow, result = _publish(sandbox, api, datastores, make_spec, workflow_for,
                                          layer, "suffix")
    finally:
        sandbox.reset_faults()
    try:
        static = api.in_datastore(spec.datastore_id).static(
            workflow.journal.resource_id("static_sld"))
        assert static.raw["type_infos"]["used_attributes"] == ["nom commune_x"]
        assert "nom commune → nom commune_x" in caplog.text
        assert _tile_colours(sandbox, result.wmts_layer_name) == set(CATEGORY_COLOURS)
    finally:
        workflow.undo()


def test_an_arrow_mark_publishes_as_an_svg_annex_both_geoserver_and_cartes_gouv_fr_read(
        sandbox, api, datastores, make_spec, workflow_for, tmp_path):
    layer = arrow_points_layer(str(tmp_path))
    spec, workflow, result = _publish(sandbox, api, datastores, make_spec, workflow_for,
                                      layer, "fleches")
    try:
        ds_api = api.in_datastore(spec.datastore_id)
        static = ds_api.static(workflow.journal.resource_id("static_sld"))
        sld = ds_api.static_file(static.id)
        assert "extshape://" not in sld and "/annexes/" in sld
        assert _tile_colours(sandbox, result.wmts_layer_name, {"arrow": (220, 20, 20)}) == {
            "arrow"}
    finally:
        workflow.undo()
