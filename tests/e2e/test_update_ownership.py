"""An update made as the services dock makes it (a request on the WMTS configuration only):
the publication's journal learns the new settings, so reopening the wizard with them finds
nothing to do; and an update of a WMTS built on a reused pyramid keeps that pyramid, which
the publication did not create, even once no other service uses it."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

import pytest
from gpf_wmts_publisher.plugin.entrepot.errors import NotFound
from gpf_wmts_publisher.plugin.publish.adopt import step_of
from gpf_wmts_publisher.plugin.publish.journal import Journal
from gpf_wmts_publisher.plugin.publish.reopen import UPDATE, decide
from gpf_wmts_publisher.plugin.publish.reopen_survey import survey
from gpf_wmts_publisher.plugin.publish.unpublish import take_down
from gpf_wmts_publisher.plugin.publish.update import UpdateChanges, UpdateRequest
from gpf_wmts_publisher.plugin.publish.update_workflow import UpdateWorkflow
from gpf_wmts_publisher.plugin.publish.waiting import wait_for
from gpf_wmts_publisher.plugin.publish.workflow import Workflow


def _dock_update(api, datastore_id, configuration_id, changes, tmp_path):
    """As ui/update_action.py asks: the WMTS configuration and the changes, nothing of the
    wizard's spec; the journals in the same folder as the publication's."""
    return UpdateWorkflow(api, UpdateRequest(datastore_id, configuration_id, changes),
                          journal_dir=str(tmp_path / "journals"), poll_first_s=0.05,
                          poll_max_s=0.5).run()


def _reopen(api, workflow: Workflow, spec, tmp_path):
    """What the wizard's last page decides for ``spec`` (ui/reopen_offers.py)."""
    journal = Journal.open(spec.datastore_id, spec.journal_key, str(tmp_path / "journals"))
    snapshot = journal.snapshot()
    return decide(snapshot, survey(api.in_datastore(spec.datastore_id), snapshot),
                  spec.summary(), workflow.step_names(), step_of, lang="en")


def test_after_a_dock_update_reopening_with_the_new_settings_finds_nothing_to_do(
        api, datastores, make_spec, workflow_for, tmp_path):
    spec = make_spec(datastores["sandbox"], image_format="image/png")
    workflow = workflow_for(spec)
    workflow.run()
    try:
        configuration_id = workflow.journal.resource_id("configuration_wmts")
        done = _dock_update(api, spec.datastore_id, configuration_id,
                            UpdateChanges(top_level=12, bottom_level=14), tmp_path)
        wanted = replace(spec, bottom_level=14)
        decision = _reopen(api, workflow, wanted, tmp_path)
        assert (decision.row, decision.changed) == (7, ()), decision   # online: nothing to do
        # The old settings are now the changed ones: the wizard offers to update back.
        back = _reopen(api, workflow, spec, tmp_path)
        assert back.row == 8 and back.offers[0] == UPDATE and back.changed == (
            "bottom_level",)
        assert done.settings == {"top_level": 12, "bottom_level": 14}
    finally:
        Workflow(api, spec, journal_dir=str(tmp_path / "journals")).undo()


def test_an_update_on_a_reused_pyramid_keeps_it_once_nothing_else_uses_it(
        api, datastores, make_spec, workflow_for, tmp_path):
    first_spec = make_spec(datastores["sandbox"], image_format="image/png")
    first = workflow_for(first_spec)
    first.run()
    ds_api = api.in_datastore(first_spec.datastore_id)
    reused = first.journal.resource_id("stored_data_pyramid")
    second_spec = make_spec(first_spec.datastore_id, datasheet_name=first_spec.datasheet_name,
                            layer=None, reuse_pyramid_id=reused, image_format="image/png")
    second = workflow_for(second_spec)
    second.run()
    try:
        # The first WMTS goes (as Unpublish does): the second is the pyramid's only user.
        take_down(ds_api, [first.journal.resource_id("offering_wmts")],
                  first.journal.resource_id("configuration_wmts"),
                  partial(wait_for, first_s=0.05, max_s=0.5), delete_config=True)
        configuration_id = second.journal.resource_id("configuration_wmts")
        done = _dock_update(api, second_spec.datastore_id, configuration_id,
                            UpdateChanges(top_level=12, bottom_level=14), tmp_path)

        assert ds_api.stored_data(reused).status == "GENERATED"
        assert [(k["kind"], k["id"]) for k in done.kept] == [("stored_data", reused)]
        assert "not created by this publication" in done.kept[0]["why"]
        new_pyramid = ds_api.configuration(configuration_id).used_data[0].stored_data_id
        assert new_pyramid != reused
        # The second publication now owns the new pyramid (its undo removes it) and still
        # does not own the reused one.
        journal = Journal.open(second_spec.datastore_id, second_spec.journal_key,
                               str(tmp_path / "journals"))
        assert journal.resource_id("stored_data_pyramid") == new_pyramid
        assert reused not in {r["id"] for r in journal.resources(include_removed=True)}

        # Its undo removes the new pyramid after the WMTS that uses it; the reused one stays.
        Workflow(api, second_spec, journal_dir=str(tmp_path / "journals")).undo()
        with pytest.raises(NotFound):
            ds_api.stored_data(new_pyramid)
        assert ds_api.stored_data(reused).status == "GENERATED"
    finally:
        first.undo()
