"""Reopening against the sandbox's real replies: a WMTS unpublished (offering gone) or
deleted (configuration too) is seen as taken down; Resume makes only the services again,
with one of each resource and the same layer name; a stored data deleted is damage."""

from __future__ import annotations

import pytest
from gpf_wmts_publisher.plugin.publish.adopt import step_of
from gpf_wmts_publisher.plugin.publish.reopen import RESUME, START_AGAIN, decide
from gpf_wmts_publisher.plugin.publish.reopen_survey import prepare_resume, survey
from gpf_wmts_publisher.plugin.publish.steps import STEP_CLASSES
from gpf_wmts_publisher.plugin.publish.unpublish import take_down

from tests.e2e.counting import ONE_OF_EACH, platform_counts

STEPS = [cls.name for cls in STEP_CLASSES]


def _decision(workflow, spec):
    snapshot = workflow.journal.snapshot()
    found = survey(workflow.api, snapshot)
    return decide(snapshot, found, spec.summary(), STEPS, step_of, lang="en")


@pytest.mark.parametrize("delete_config", [False, True], ids=["unpublished", "deleted"])
def test_a_taken_down_wmts_is_resumed_under_the_same_name(
        api, datastores, make_spec, workflow_for, delete_config):
    spec = make_spec(datastores["own"], wmsv_private=False)
    first = workflow_for(spec).run()
    ds_api = api.in_datastore(spec.datastore_id)
    configuration = workflow_for(spec).journal.resource_id("configuration_wmts")
    take_down(ds_api, [first.wmts_offering_id], configuration,
              workflow_for(spec).ctx.wait, delete_config=delete_config)

    workflow = workflow_for(spec)
    decision = _decision(workflow, spec)
    assert decision.row == 9 and decision.offers == (RESUME, START_AGAIN), decision
    prepare_resume(workflow.journal, decision)
    again = workflow.run()
    assert again.wmts_layer_name == first.wmts_layer_name
    assert again.wmts_offering_id != first.wmts_offering_id
    assert ds_api.offering(again.wmts_offering_id).status == "PUBLISHED"
    assert platform_counts(api, spec) == ONE_OF_EACH
    assert _decision(workflow_for(spec), spec).row == 7   # online, nothing to do


def test_a_deleted_pyramid_is_damage_and_only_start_again_is_offered(
        api, datastores, make_spec, workflow_for):
    spec = make_spec(datastores["own"], wmsv_private=False)
    workflow_for(spec).run()
    workflow = workflow_for(spec)
    ds_api = api.in_datastore(spec.datastore_id)
    take_down(ds_api, [workflow.journal.resource_id("offering_wmts")],
              workflow.journal.resource_id("configuration_wmts"), workflow.ctx.wait,
              delete_config=True)
    ds_api.delete_stored_data(workflow.journal.resource_id("stored_data_pyramid"))
    decision = _decision(workflow, spec)
    assert decision.row == 11 and decision.offers == (START_AGAIN,), decision
