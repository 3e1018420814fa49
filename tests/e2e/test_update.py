"""Updates in place against the sandbox: each kind keeps the WMTS layer name and URL, serves
the new tiles after the switch, and GetTile answers 200 with the old tiles all along before
it (a thread polls it during the whole update)."""

from __future__ import annotations

import time
from datetime import date

import pytest
import requests
from gpf_wmts_publisher.plugin.entrepot.errors import NotFound
from gpf_wmts_publisher.plugin.publish.journal import Journal
from gpf_wmts_publisher.plugin.publish.layer_source import LayerSource
from gpf_wmts_publisher.plugin.publish.update import (
    UpdateChanges,
    record_in_publication,
    request_for,
)
from gpf_wmts_publisher.plugin.publish.update_workflow import UpdateWorkflow

from tests.e2e.layers import make_polygon_gpkg, open_styled_layer
from tests.e2e.tile_poller import TilePoller, colour_of, get_tile, square_tile

pytestmark = pytest.mark.slow   # long: handed to a worker first (tests/conftest.py)

LEVEL = 13


@pytest.fixture
def published(sandbox, api, datastores, make_spec, workflow_for, tmp_path):
    """A red WMTS (PNG, levels 12–13) in the shared sandbox; undone at the end."""
    spec = make_spec(datastores["sandbox"], image_format="image/png")
    workflow = workflow_for(spec)
    result = workflow.run()
    yield spec, workflow, result
    workflow.undo()


def _update(api, spec, workflow, changes, tmp_path, **options):
    options.setdefault("poll_first_s", 0.05)
    options.setdefault("poll_max_s", 0.5)
    return UpdateWorkflow(api, request_for(spec, workflow.journal, changes),
                          journal_dir=str(tmp_path / "journals"), **options)


def _run_polled(sandbox, result, update, level=LEVEL):
    """Run ``update`` while GetTile is polled; returns (update result, samples, index of
    the first sample taken after the WMTS synchronisation was asked)."""
    marks = {}

    def hook(name: str) -> None:
        if name == "synced:wmts_synced":
            marks["sync"] = poller.mark()

    update.ctx.checkpoint_hook = hook
    started = time.monotonic()
    with TilePoller(sandbox.base_url, result.wmts_layer_name, level) as poller:
        update_result = update.run()
    colours = [colour for _, colour in poller.samples]
    print(f"\n{', '.join(update_result.changes)}: GetTile polled {len(poller.samples)} times"
          f" in {time.monotonic() - started:.1f} s, statuses"
          f" {sorted({status for status, _ in poller.samples})}, colours"
          f" {[(c, colours.count(c)) for c in dict.fromkeys(colours)]}")
    return update_result, poller.samples, marks.get("sync", len(poller.samples))


def _assert_switch(samples, sync_index, old: str, new: str) -> None:
    statuses = {status for status, _ in samples}
    assert statuses == {200}, [s for s in samples if s[0] != 200][:3]
    colours = [colour for _, colour in samples]
    assert colours[0] == old and colours[-1] == new
    assert set(colours[:sync_index]) == {old}   # the old tiles until the switch
    first_new = colours.index(new)
    assert set(colours[first_new:]) == {new}    # then the new ones only


def _wmts_state(api, spec, result):
    ds_api = api.in_datastore(spec.datastore_id)
    offering = ds_api.offering(result.wmts_offering_id)
    configuration = ds_api.configuration(offering.configuration_id)
    return ds_api, offering, configuration


def test_a_new_style_switches_the_tiles_without_a_gap_and_keeps_the_url(
        sandbox, api, published, tmp_path):
    spec, workflow, result = published
    ds_api, offering, configuration = _wmts_state(api, spec, result)
    old_pyramid = configuration.used_data[0].stored_data_id
    blue = LayerSource.from_layer(open_styled_layer(spec.layer.uri, colour="30,30,200,255"))
    update = _update(api, spec, workflow, UpdateChanges(style=blue), tmp_path)

    done, samples, sync_index = _run_polled(sandbox, result, update)

    _assert_switch(samples, sync_index, "red", "blue")
    # The publication's journal (beside the update's) learnt the new pyramid and static.
    on_disk = Journal.open(spec.datastore_id, spec.journal_key, str(tmp_path / "journals"))
    new_pyramid_id = on_disk.resource_id("stored_data_pyramid")
    assert new_pyramid_id != old_pyramid and on_disk.resource_id("static_sld") != \
        workflow.journal.resource_id("static_sld")
    record_in_publication(workflow.journal, done)
    after = ds_api.offering(offering.id)
    assert (after.layer_name, after.url("WMTS")) == (offering.layer_name, offering.url("WMTS"))
    assert done.wmts_url == offering.url("WMTS")
    new_pyramid = ds_api.configuration(configuration.id).used_data[0].stored_data_id
    assert new_pyramid == new_pyramid_id
    assert ds_api.stored_data(new_pyramid).name == f"{spec.pyramid_name}_v2"
    with pytest.raises(NotFound):
        ds_api.stored_data(old_pyramid)
    assert ds_api.configuration(configuration.id).status == "PUBLISHED"


def test_new_data_goes_through_upload_integration_and_a_wmsv_switch(
        sandbox, api, published, tmp_path, qgis_app):
    spec, workflow, result = published
    ds_api, offering, _ = _wmts_state(api, spec, result)
    wmsv_id = workflow.journal.resource_id("configuration_wmsv")
    old_vectordb = ds_api.configuration(wmsv_id).used_data[0].stored_data_id
    directory = tmp_path / "new_data"
    directory.mkdir()
    green = LayerSource.from_layer(open_styled_layer(
        make_polygon_gpkg(str(directory), count=4), colour="30,160,30,255"))
    update = _update(api, spec, workflow, UpdateChanges(data=green), tmp_path)

    done, samples, sync_index = _run_polled(sandbox, result, update)

    _assert_switch(samples, sync_index, "red", "green")
    record_in_publication(workflow.journal, done)
    wmsv = ds_api.configuration(wmsv_id)
    new_vectordb = wmsv.used_data[0].stored_data_id
    assert new_vectordb != old_vectordb
    assert ds_api.stored_data(new_vectordb).name == f"{spec.datasheet_name}_v2"
    with pytest.raises(NotFound):
        ds_api.stored_data(old_vectordb)
    assert ds_api.offering(offering.id).url("WMTS") == offering.url("WMTS")


def test_a_new_level_range_serves_the_new_level_and_the_old_ones_all_along(
        sandbox, api, published, tmp_path):
    spec, workflow, result = published
    _, offering, _ = _wmts_state(api, spec, result)
    col, row = square_tile(14)
    assert get_tile(sandbox.base_url, result.wmts_layer_name, 14, col, row).status_code == 400
    update = _update(api, spec, workflow, UpdateChanges(top_level=12, bottom_level=14),
                     tmp_path)

    done, samples, sync_index = _run_polled(sandbox, result, update)

    _assert_switch(samples, sync_index, "red", "red")
    record_in_publication(workflow.journal, done)
    assert done.levels == ("12", "14")
    tile = get_tile(sandbox.base_url, result.wmts_layer_name, 14, col, row)
    assert tile.status_code == 200
    assert api.in_datastore(spec.datastore_id).offering(offering.id).url("WMTS") == \
        offering.url("WMTS")


def test_a_larger_extent_serves_tiles_outside_the_old_one(sandbox, api, published, tmp_path):
    spec, workflow, result = published
    west, south, east, north = spec.layer.extent_wgs84
    # A tile one full level-13 tile east of the data: outside the published limits.
    outside = square_tile(LEVEL)[0] + 3, square_tile(LEVEL)[1]
    assert get_tile(sandbox.base_url, result.wmts_layer_name, LEVEL,
                    *outside).status_code == 400
    larger = (west, south, east + 0.2, north)
    update = _update(api, spec, workflow, UpdateChanges(extent_wgs84=larger), tmp_path)

    done, samples, sync_index = _run_polled(sandbox, result, update)

    _assert_switch(samples, sync_index, "red", "red")
    record_in_publication(workflow.journal, done)
    assert get_tile(sandbox.base_url, result.wmts_layer_name, LEVEL,
                    *outside).status_code == 200


def test_new_metadata_replace_the_record_under_the_same_identifier(
        sandbox, api, published, tmp_path):
    from gpf_wmts_publisher.plugin.metadata import ServiceMetadata

    spec, workflow, result = published
    record_url = workflow.journal.get("metadata_url")
    assert "Registre révisé" not in requests.get(record_url, timeout=10).text
    me = api.me()
    metadata = ServiceMetadata(
        public_title="Registre révisé", service_title="Registre révisé (WMTS)",
        abstract="Une nouvelle description", contact_email=me.email,
        organisation_email=me.email, organisation="IGN", keywords=["parcelles"],
        topic_categories=["planningCadastre"], creation_date=date.today())
    update = _update(api, spec, workflow, UpdateChanges(metadata=metadata), tmp_path)

    done, samples, _ = _run_polled(sandbox, result, update)

    assert {status for status, _ in samples} == {200}
    assert {colour for _, colour in samples} == {"red"}
    text = requests.get(record_url, timeout=10).text
    assert "Registre révisé" in text and "Une nouvelle description" in text
    assert done.changes == ["metadata"]


def test_metadata_field_edits_keep_the_rest_of_the_published_record(
        sandbox, api, published, tmp_path):
    spec, workflow, _ = published
    record_url = workflow.journal.get("metadata_url")
    update = _update(api, spec, workflow,
                     UpdateChanges(metadata={"public_title": "Titre retouché"}), tmp_path)

    update.run()

    text = requests.get(record_url, timeout=10).text
    assert "Titre retouché" in text and spec.abstract in text


def test_a_publication_with_a_private_wmsv_is_reharvested_with_its_key(
        sandbox, api, datastores, make_spec, workflow_for, tmp_path):
    """The own datastore: the WMS-V is private, so the new pyramid's harvest needs the key
    the publication made (its hash is never journaled: read again from the platform)."""
    spec = make_spec(datastores["own"], wmsv_private=True, image_format="image/png")
    workflow = workflow_for(spec)
    result = workflow.run()
    try:
        update = _update(api, spec, workflow, UpdateChanges(top_level=12, bottom_level=14),
                         tmp_path)
        done = update.run()
        record_in_publication(workflow.journal, done)
        assert done.levels == ("12", "14")
        keys = [k.name for k in api.list_keys() if k.name.startswith("harvest_")]
        assert keys.count(f"harvest_{spec.wmsv_name}") == 1   # the same key, no second one
        tile = get_tile(sandbox.base_url, result.wmts_layer_name, 14, *square_tile(14))
        assert tile.status_code == 200
    finally:
        workflow.undo()


def test_a_new_style_and_a_new_level_range_at_once(sandbox, api, published, tmp_path):
    spec, workflow, result = published
    blue = LayerSource.from_layer(open_styled_layer(spec.layer.uri, colour="30,30,200,255"))
    update = _update(api, spec, workflow,
                     UpdateChanges(style=blue, top_level=12, bottom_level=14), tmp_path)

    done, samples, sync_index = _run_polled(sandbox, result, update)

    _assert_switch(samples, sync_index, "red", "blue")
    assert done.changes == ["style", "levels"] and done.levels == ("12", "14")
    tile = get_tile(sandbox.base_url, result.wmts_layer_name, 14, *square_tile(14))
    assert tile.status_code == 200 and colour_of(tile.content) == "blue"
    record_in_publication(workflow.journal, done)
