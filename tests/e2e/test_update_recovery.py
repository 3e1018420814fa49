"""An update survives a crash at any of its checkpoints (resumed, nothing made twice), and an
unfinished update is undone: the old version served again, nothing of the update left."""

from __future__ import annotations

import pytest
from gpf_wmts_publisher.plugin.publish.errors import PublishError
from gpf_wmts_publisher.plugin.publish.inventory import added, datastore_inventory
from gpf_wmts_publisher.plugin.publish.layer_source import LayerSource
from gpf_wmts_publisher.plugin.publish.update import (
    UpdateChanges,
    record_in_publication,
    request_for,
)
from gpf_wmts_publisher.plugin.publish.update_workflow import UpdateWorkflow

from tests.e2e.crash import SimulatedCrash
from tests.e2e.layers import open_styled_layer
from tests.e2e.tile_poller import colour_of, get_tile, square_tile

# Every checkpoint a style update passes (plugin/publish/update_steps.py and the reused
# publication steps), each one a place where the process may die.
STYLE_UPDATE_CHECKPOINTS = [
    "created:static_sld", "switched:wmsv_switched", "synced:wmsv_synced",
    "done:update_style", "done:update_wmsv_switch", "created:execution_pyramid",
    "launched:execution_pyramid", "done:update_pyramid", "switched:wmts_switched",
    "synced:wmts_synced", "done:update_wmts_switch", "removed:old_stored_data",
    "removed:old_static", "done:update_cleanup"]


@pytest.fixture
def published(api, datastores, make_spec, workflow_for):
    spec = make_spec(datastores["sandbox"], image_format="image/png")
    workflow = workflow_for(spec)
    result = workflow.run()
    yield spec, workflow, result
    workflow.undo()


def _workflow(api, spec, workflow, changes, tmp_path, **options):
    return UpdateWorkflow(api, request_for(spec, workflow.journal, changes),
                          journal_dir=str(tmp_path / "journals"), poll_first_s=0.05,
                          poll_max_s=0.5, **options)


def _names(ds_api, spec):
    pyramids = sorted(s.name for s in ds_api.stored_data_list()
                      if s.name.startswith(spec.pyramid_name))
    statics = sorted(s.name for s in ds_api.statics() if spec.wmsv_name in s.name)
    return pyramids, statics


@pytest.mark.slow
def test_a_style_update_killed_at_every_checkpoint_resumes_to_one_new_version(
        sandbox, api, published, tmp_path):
    spec, workflow, result = published
    ds_api = api.in_datastore(spec.datastore_id)
    blue = LayerSource.from_layer(open_styled_layer(spec.layer.uri, colour="30,30,200,255"))
    changes = UpdateChanges(style=blue)
    crashed_at = []

    def crash_once(name: str) -> None:
        if name in STYLE_UPDATE_CHECKPOINTS and name not in crashed_at:
            crashed_at.append(name)
            raise SimulatedCrash(name)

    for _ in range(len(STYLE_UPDATE_CHECKPOINTS) + 1):
        try:
            done = _workflow(api, spec, workflow, changes, tmp_path,
                             checkpoint_hook=crash_once).run()
            break
        except SimulatedCrash:
            continue
    assert sorted(crashed_at) == sorted(STYLE_UPDATE_CHECKPOINTS)
    record_in_publication(workflow.journal, done)
    pyramids, statics = _names(ds_api, spec)
    assert pyramids == [f"{spec.pyramid_name}_v2"]
    assert len(statics) == 1 and statics[0].endswith("_v2")
    tile = get_tile(sandbox.base_url, result.wmts_layer_name, 13, *square_tile(13))
    assert tile.status_code == 200 and colour_of(tile.content) == "blue"
    # The finished update's journal is set aside: the next update starts a new one.
    assert not _workflow(api, spec, workflow, changes, tmp_path).journal.exists_on_disk()


def test_an_unfinished_update_is_undone_back_to_the_old_version(
        sandbox, api, published, tmp_path):
    spec, workflow, result = published
    ds_api = api.in_datastore(spec.datastore_id)
    before = datastore_inventory(ds_api)
    changes = UpdateChanges(top_level=12, bottom_level=14)
    col, row = square_tile(14)

    def crash_after_the_switch(name: str) -> None:
        if name == "done:update_wmts_switch":
            raise SimulatedCrash(name)

    with pytest.raises(SimulatedCrash):
        _workflow(api, spec, workflow, changes, tmp_path,
                  checkpoint_hook=crash_after_the_switch).run()
    assert get_tile(sandbox.base_url, result.wmts_layer_name, 14, col, row).status_code == 200
    # Other choices while this one waits are refused, in words.
    with pytest.raises(PublishError, match="unfinished update"):
        _workflow(api, spec, workflow, UpdateChanges(top_level=11), tmp_path).run()

    removed = _workflow(api, spec, workflow, changes, tmp_path).undo()

    assert "stored_data_pyramid" in removed
    assert get_tile(sandbox.base_url, result.wmts_layer_name, 14, col, row).status_code == 400
    tile = get_tile(sandbox.base_url, result.wmts_layer_name, 13, *square_tile(13))
    assert tile.status_code == 200 and colour_of(tile.content) == "red"
    new = added(before, datastore_inventory(ds_api))
    assert {kind: ids for kind, ids in new.items() if ids and kind != "executions"} == {}
    assert _names(ds_api, spec)[0] == [spec.pyramid_name]


def test_an_update_that_removed_the_old_version_cannot_be_undone(
        api, published, tmp_path):
    spec, workflow, _ = published
    changes = UpdateChanges(top_level=12, bottom_level=14)

    def crash_in_the_cleanup(name: str) -> None:
        if name == "removed:old_stored_data":
            raise SimulatedCrash(name)

    with pytest.raises(SimulatedCrash):
        _workflow(api, spec, workflow, changes, tmp_path,
                  checkpoint_hook=crash_in_the_cleanup).run()
    with pytest.raises(PublishError, match="only be resumed"):
        _workflow(api, spec, workflow, changes, tmp_path).undo()
    done = _workflow(api, spec, workflow, changes, tmp_path).run()
    assert done.levels == ("12", "14")
    record_in_publication(workflow.journal, done)
