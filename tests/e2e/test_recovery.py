"""Failures the platform reports, names already taken, and reuse of an integrated datasheet."""

from __future__ import annotations

import pytest
from gpf_wmts_publisher.plugin.publish.errors import NamingError, PublishError

from tests.e2e.counting import ONE_OF_EACH, platform_counts


def test_a_failed_harvest_shows_the_platform_logs_and_a_resume_replaces_it_once(
        sandbox, gateway, datastores, make_spec, workflow_for):
    spec = make_spec(datastores["own"], wmsv_private=False)
    sandbox.set_faults(fail_step="harvest")
    try:
        with pytest.raises(PublishError) as caught:
            workflow_for(spec).run()
    finally:
        sandbox.reset_faults()
    assert caught.value.step == "pyramid"
    assert "FAILURE" in str(caught.value)
    assert any("fail_step=harvest" in line for line in caught.value.logs)

    result = workflow_for(spec).run()
    assert result.levels == [12, 13]
    assert platform_counts(gateway, spec) == ONE_OF_EACH


def test_a_taken_name_is_refused_before_anything_is_created(
        gateway, datastores, make_spec, workflow_for):
    first = make_spec(datastores["own"], wmsv_private=False)
    workflow_for(first).run()
    second = make_spec(datastores["own"], wmts_name=first.wmts_name)
    with pytest.raises(NamingError) as caught:
        workflow_for(second).run()
    assert [p.code for p in caught.value.problems] == ["name_taken"]
    assert "déjà utilisé" in caught.value.messages("fr")[0]
    assert platform_counts(gateway, second)["upload"] == 0


def test_a_datasheet_already_integrated_is_reused_without_a_new_upload_and_kept_on_undo(
        gateway, datastores, make_spec, workflow_for):
    first = make_spec(datastores["own"], wmsv_private=False)
    first_result = workflow_for(first).run()
    vectordb = next(r["id"] for r in first_result.resources
                    if r["kind"] == "stored_data_vector")
    second = make_spec(datastores["own"], wmsv_private=False,
                       datasheet_name=first.datasheet_name, data_name=first.data_name,
                       reuse_by_datasheet=True)
    workflow = workflow_for(second)
    result = workflow.run()
    kinds = [r["kind"] for r in result.resources]
    assert "upload" not in kinds and "stored_data_vector" not in kinds
    assert workflow.journal.get("vectordb_id") == vectordb
    assert platform_counts(gateway, first)["upload"] == 1

    workflow.undo()
    assert gateway.get_stored_data(second.datastore_id, vectordb)["status"] == "GENERATED"
