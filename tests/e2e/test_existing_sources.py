"""Publishing from what exists, as the guide does: an existing WMS-V (harvested as it is) or an
existing pyramid (only the WMTS). The datasheet's metadata record is completed, not created
again. Undo removes only what the second publication created: the reused WMS-V, pyramid,
stored data and record stay (the record written back as it was)."""

from __future__ import annotations

import io

import pytest
import requests
from gpf_wmts_publisher.plugin.publish.inventory import datastore_inventory
from gpf_wmts_publisher.plugin.publish.reuse import datasheet_metadata
from gpf_wmts_publisher.plugin.publish.sources import SourceKind, list_sources

from tests.e2e.crash import SimulatedCrash, crash_at

LEVEL = 13


def _tile(sandbox, result, level: int = LEVEL):
    """The RGBA pixels of the tile of ``result``'s WMTS at ``level`` over the first square
    of the test layer (tests/e2e/layers.py)."""
    from PIL import Image

    from sandbox import pm_grid

    west, south, east, north = _data_bbox_3857()
    col, row = next(iter(pm_grid.tile_range(level, (west, south, east, north)).tiles()))
    reply = requests.get(f"{sandbox.base_url}/wmts", timeout=30, params={
        "SERVICE": "WMTS", "REQUEST": "GetTile", "VERSION": "1.0.0",
        "LAYER": result.wmts_layer_name, "STYLE": "normal", "TILEMATRIXSET": "PM",
        "TILEMATRIX": str(level), "TILEROW": str(row), "TILECOL": str(col),
        "FORMAT": "image/png"})
    assert reply.status_code == 200, reply.text[:300]
    return list(Image.open(io.BytesIO(reply.content)).convert("RGBA").getdata())


def _shows_the_layer(pixels) -> bool:
    """The layer's fill (200, 30, 30) is drawn: a blank tile proves nothing."""
    return any(abs(r - 200) <= 8 and g <= 45 and b <= 45 and a > 200 for r, g, b, a in pixels)


def _data_bbox_3857():
    from osgeo import osr

    from tests.e2e.layers import ORIGIN_X, ORIGIN_Y, SIDE

    lambert, mercator = osr.SpatialReference(), osr.SpatialReference()
    lambert.ImportFromEPSG(2154)
    mercator.ImportFromEPSG(3857)
    for ref in (lambert, mercator):
        ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return osr.CoordinateTransformation(lambert, mercator).TransformBounds(
        ORIGIN_X, ORIGIN_Y, ORIGIN_X + SIDE, ORIGIN_Y + SIDE, 21)


def _without_executions(inventory):
    """Executions are the platform's history (inventory.py): a harvest stays listed."""
    return {kind: items for kind, items in inventory.items() if kind != "executions"}


@pytest.fixture(scope="module")
def original(sandbox, api, datastores, layer_source, tmp_path_factory):
    """A first publication of a datasheet (from the layer), shared by the tests here."""
    from gpf_wmts_publisher.plugin.publish.spec import Publication
    from gpf_wmts_publisher.plugin.publish.workflow import Workflow

    spec = Publication(
        datastore_id=datastores["sandbox"], datasheet_name="fiche_existant",
        wmsv_name="existant_wmsv", wmts_name="existant_wmts", pyramid_name="existant_pyramide",
        wmsv_title="Existant", wmts_title="Existant (WMTS)", abstract="Première publication",
        layer=layer_source, top_level=LEVEL, bottom_level=LEVEL, image_format="image/png")
    workflow = Workflow(api, spec, journal_dir=str(tmp_path_factory.mktemp("journals")),
                        poll_first_s=0.05, poll_max_s=0.5)
    result = workflow.run()
    yield spec, workflow, result
    workflow.undo()


def _second(make_spec, original, n: str, **reuse):
    spec, _workflow, _result = original
    return make_spec(spec.datastore_id, datasheet_name=spec.datasheet_name, layer=None,
                     wmsv_name=f"second_{n}_wmsv", wmts_name=f"second_{n}_wmts",
                     pyramid_name=f"second_{n}_pyramide", top_level=LEVEL, bottom_level=LEVEL,
                     image_format="image/png", **reuse)


def test_the_lists_name_the_first_publications_resources_with_their_datasheet(api, original):
    spec, workflow, _result = original
    ds_api = api.in_datastore(spec.datastore_id)
    journal = workflow.journal
    expected = {
        SourceKind.STORED_DATA: journal.resource_id("stored_data_vector"),
        SourceKind.WMSV: journal.resource_id("configuration_wmsv"),
        SourceKind.PYRAMID: journal.resource_id("stored_data_pyramid")}
    for kind, resource_id in expected.items():
        choices = {c.id: c for c in list_sources(ds_api, kind)}
        assert resource_id in choices, kind
        assert choices[resource_id].datasheet_name == spec.datasheet_name
        assert all(c.kind is kind for c in choices.values())
    assert list_sources(ds_api, SourceKind.LAYER) == []


def test_publish_from_an_existing_wmsv_harvests_it_and_undo_keeps_it(
        sandbox, api, original, make_spec, workflow_for):
    first_spec, first, first_result = original
    ds_api = api.in_datastore(first_spec.datastore_id)
    before = datastore_inventory(ds_api)
    original_xml = ds_api.metadata_file(first.journal.resource_id("metadata"))
    spec = _second(make_spec, original, "wmsv",
                   reuse_wmsv_configuration_id=first.journal.resource_id("configuration_wmsv"))
    workflow = workflow_for(spec)
    result = workflow.run()

    created = {r["kind"] for r in workflow.journal.resources()}
    assert created == {"execution_pyramid", "stored_data_pyramid", "configuration_wmts",
                       "offering_wmts"}
    assert workflow.journal.get("wmsv_layer_name") == first_result.wmsv_layer_name
    # Harvested from the same WMS-V at the same level: the very pixels of the original.
    original_tile = _tile(sandbox, first_result)
    assert _shows_the_layer(original_tile)
    assert _tile(sandbox, result) == original_tile
    # One record for the datasheet, now listing the new WMTS too.
    record = datasheet_metadata(ds_api, spec.datasheet_name)
    assert record.id == first.journal.resource_id("metadata")
    assert result.wmts_layer_name in ds_api.metadata_file(record.id)
    served = requests.get(workflow.journal.get("metadata_url"), timeout=10)
    assert served.status_code == 200 and result.wmts_layer_name in served.text

    workflow.undo()
    after = datastore_inventory(ds_api)
    assert _without_executions(after) == _without_executions(before)
    assert ds_api.metadata_file(record.id) == original_xml
    assert _shows_the_layer(_tile(sandbox, first_result))   # the original still serves


def test_publish_from_an_existing_pyramid_makes_only_the_wmts_and_undo_keeps_the_pyramid(
        sandbox, api, original, make_spec, workflow_for):
    first_spec, first, first_result = original
    ds_api = api.in_datastore(first_spec.datastore_id)
    before = datastore_inventory(ds_api)
    pyramid_id = first.journal.resource_id("stored_data_pyramid")
    spec = _second(make_spec, original, "pyramide", reuse_pyramid_id=pyramid_id)
    workflow = workflow_for(spec)
    result = workflow.run()

    assert {r["kind"] for r in workflow.journal.resources()} == {"configuration_wmts",
                                                                  "offering_wmts"}
    configuration = ds_api.configuration(workflow.journal.resource_id("configuration_wmts"))
    assert configuration.used_data[0].stored_data_id == pyramid_id
    assert result.levels == [LEVEL]
    original_tile = _tile(sandbox, first_result)
    assert _shows_the_layer(original_tile)
    assert _tile(sandbox, result) == original_tile

    workflow.undo()
    assert _without_executions(datastore_inventory(ds_api)) == _without_executions(before)
    assert ds_api.stored_data(pyramid_id).status == "GENERATED"
    assert _shows_the_layer(_tile(sandbox, first_result))


def test_a_crash_after_the_record_is_completed_resumes_without_a_second_link(
        api, original, make_spec, workflow_for):
    first_spec, first, _result = original
    ds_api = api.in_datastore(first_spec.datastore_id)
    record_id = first.journal.resource_id("metadata")
    original_xml = ds_api.metadata_file(record_id)
    spec = _second(make_spec, original, "crash",
                   reuse_pyramid_id=first.journal.resource_id("stored_data_pyramid"))
    with pytest.raises(SimulatedCrash):
        workflow_for(spec, checkpoint_hook=crash_at("updated:metadata")).run()
    workflow = workflow_for(spec)
    result = workflow.run()
    completed = ds_api.metadata_file(record_id)
    assert completed.count(f">{result.wmts_layer_name}<") == 1
    workflow.undo()
    assert ds_api.metadata_file(record_id) == original_xml
    assert [m.id for m in ds_api.metadata_list(tags={"datasheet_name": spec.datasheet_name})
            ] == [record_id]


def test_a_private_wmsv_is_harvested_with_a_key_of_its_own_that_undo_removes(
        sandbox, api, datastores, make_spec, workflow_for):
    """In the own datastore the WMS-V is private: the second publication adds its own
    permission, key and access to harvest it; undo removes those and nothing of the first."""
    first_spec = make_spec(datastores["own"], wmsv_private=True, top_level=LEVEL,
                           bottom_level=LEVEL, image_format="image/png")
    first = workflow_for(first_spec)
    first_result = first.run()
    ds_api = api.in_datastore(first_spec.datastore_id)
    before = datastore_inventory(ds_api)
    spec = make_spec(datastores["own"], datasheet_name=first_spec.datasheet_name, layer=None,
                     reuse_wmsv_configuration_id=first.journal.resource_id(
                         "configuration_wmsv"),
                     top_level=LEVEL, bottom_level=LEVEL, image_format="image/png")
    second = workflow_for(spec)
    result = second.run()
    created = {r["kind"] for r in second.journal.resources()}
    assert {"permission_wmsv", "key_harvest", "key_access"} <= created
    assert "offering_wmsv" not in created and "configuration_wmsv" not in created
    original_tile = _tile(sandbox, first_result)
    assert _shows_the_layer(original_tile)
    assert _tile(sandbox, result) == original_tile
    second.undo()
    assert _without_executions(datastore_inventory(ds_api)) == _without_executions(before)
    first.undo()


def test_the_dry_run_of_a_reuse_lists_only_what_would_be_created(
        api, original, make_spec, tmp_path):
    from gpf_wmts_publisher.plugin.publish.dry_run import dry_run, text

    _spec, first, _result = original
    spec = _second(make_spec, original, "essai",
                   reuse_pyramid_id=first.journal.resource_id("stored_data_pyramid"))
    report = dry_run(api, spec, journal_dir=str(tmp_path), lang="en")
    assert report.ok, report.problems
    assert [what for what, _name in report.would_create] == [text("wmts", "en")]
    spec = _second(make_spec, original, "essai_wmsv",
                   reuse_wmsv_configuration_id=first.journal.resource_id("configuration_wmsv"))
    report = dry_run(api, spec, journal_dir=str(tmp_path), lang="en")
    assert report.ok, report.problems
    assert [what for what, _name in report.would_create] == [text("pyramid", "en"),
                                                             text("wmts", "en")]


def test_publishing_again_after_undo_completes_and_restores_the_record_again(
        api, original, make_spec, workflow_for):
    _spec, first, _result = original
    ds_api = api.in_datastore(first.spec.datastore_id)
    record_id = first.journal.resource_id("metadata")
    original_xml = ds_api.metadata_file(record_id)
    spec = _second(make_spec, original, "encore",
                   reuse_pyramid_id=first.journal.resource_id("stored_data_pyramid"))
    for _round in range(2):
        workflow = workflow_for(spec)
        result = workflow.run()
        assert result.wmts_layer_name in ds_api.metadata_file(record_id)
        workflow.undo()
        assert ds_api.metadata_file(record_id) == original_xml
