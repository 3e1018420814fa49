"""Failures the platform reports, names already taken, and reuse of an integrated datasheet."""

from __future__ import annotations

import pytest
from gpf_wmts_publisher.plugin.publish.errors import NamingError, PublishError

from tests.e2e.counting import ONE_OF_EACH, platform_counts


def _failure_under(sandbox, workflow, fail_step: str) -> PublishError:
    """Run ``workflow`` while the sandbox fails ``fail_step``; the error the run ended with."""
    sandbox.set_faults(fail_step=fail_step)
    try:
        with pytest.raises(PublishError) as caught:
            workflow.run()
    finally:
        sandbox.reset_faults()
    return caught.value


def test_a_failed_harvest_shows_the_platform_logs_and_a_resume_replaces_it_once(
        sandbox, api, datastores, make_spec, workflow_for):
    spec = make_spec(datastores["own"], wmsv_private=False)
    error = _failure_under(sandbox, workflow_for(spec), "harvest")
    assert error.step == "pyramid"
    assert "failed" in str(error)  # the execution's FAILURE status, as words
    assert any("fail_step=harvest" in line for line in error.logs)

    result = workflow_for(spec).run()
    assert result.levels == [12, 13]
    assert platform_counts(api, spec) == ONE_OF_EACH


def test_a_taken_name_is_refused_before_anything_is_created(
        api, datastores, make_spec, workflow_for):
    first = make_spec(datastores["own"], wmsv_private=False)
    workflow_for(first).run()
    second = make_spec(datastores["own"], wmts_name=first.wmts_name)
    with pytest.raises(NamingError) as caught:
        workflow_for(second).run()
    assert [p.code for p in caught.value.problems] == ["name_taken"]
    assert "déjà utilisé" in caught.value.messages("fr")[0]
    assert platform_counts(api, second)["upload"] == 0


def test_a_datasheet_already_integrated_is_reused_without_a_new_upload_and_kept_on_undo(
        api, datastores, make_spec, workflow_for):
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
    assert platform_counts(api, first)["upload"] == 1

    workflow.undo()
    assert api.in_datastore(second.datastore_id).stored_data(vectordb).status == "GENERATED"


def test_a_failed_offering_publication_is_replaced_on_resume_never_doubled(
        sandbox, api, datastores, make_spec, workflow_for):
    spec = make_spec(datastores["own"], wmsv_private=False)
    error = _failure_under(sandbox, workflow_for(spec), "publication")
    assert error.step == "wmsv" and "unstable" in str(error).lower()

    result = workflow_for(spec).run()
    assert result.levels == [12, 13]
    assert platform_counts(api, spec) == ONE_OF_EACH


def test_failed_upload_checks_show_the_platform_log_lines(
        sandbox, api, datastores, make_spec, workflow_for):
    spec = make_spec(datastores["own"], wmsv_private=False)
    workflow = workflow_for(spec)
    error = _failure_under(sandbox, workflow, "checks")
    assert error.step == "data" and "checks failed" in str(error)
    assert any("fail_step=checks" in line for line in error.logs)
    workflow.undo()
