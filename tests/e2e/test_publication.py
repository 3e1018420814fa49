"""The whole publication against the sandbox: PUBLISHED, resume without duplicates, cancel,
undo, restriction."""

from __future__ import annotations

import pytest
import requests
from gpf_wmts_publisher.plugin.entrepot.errors import EntrepotError
from gpf_wmts_publisher.plugin.publish.errors import PublishCancelledError
from gpf_wmts_publisher.plugin.publish.inventory import (
    added,
    datastore_inventory,
    duplicates_and_orphans,
)
from gpf_wmts_publisher.plugin.publish.steps import STEP_CLASSES
from gpf_wmts_publisher.plugin.publish.steps.wmsv import key_hash

from tests.e2e.counting import ONE_OF_EACH, platform_counts
from tests.e2e.crash import SimulatedCrash

STEPS = [cls.name for cls in STEP_CLASSES]
CREATES = ["upload", "execution_integration", "static_sld", "configuration_wmsv",
           "offering_wmsv", "permission_wmsv", "key_harvest", "key_access",
           "execution_pyramid", "metadata", "configuration_wmts", "offering_wmts",
           "permission_wmts"]


def test_full_publication_reaches_published_in_the_sandbox_datastore(
        api, datastores, make_spec, workflow_for):
    spec = make_spec(datastores["sandbox"])
    percents = []
    workflow = workflow_for(spec, progress=lambda p, step, message: percents.append(p))
    result = workflow.run()

    api = api.in_datastore(spec.datastore_id)
    offering = api.offering(next(r["id"] for r in result.resources
                                 if r["kind"] == "offering_wmts"))
    assert offering.status == "PUBLISHED"
    assert result.wmts_layer_name == f"sandbox.{spec.wmts_name}"
    assert result.levels == [12, 13]
    assert platform_counts(api, spec) == ONE_OF_EACH
    assert percents == sorted(percents) and percents[-1] == pytest.approx(100.0)
    configuration = api.configuration(next(
        r["id"] for r in result.resources if r["kind"] == "configuration_wmts"))
    assert configuration.tags["datasheet_name"] == spec.datasheet_name
    # The metadata record is served and lists both services; the WMTS points at it.
    record = requests.get(workflow.journal.get("metadata_url"), timeout=10)
    assert record.status_code == 200
    assert f"sandbox.{spec.effective_identifier}" in record.text
    assert result.wmts_layer_name in record.text and result.wmsv_layer_name in record.text
    assert configuration.raw["metadata"][0]["url"] == workflow.journal.get("metadata_url")
    workflow.undo()   # the shared sandbox allows 20 layers per account


@pytest.mark.slow
def test_resume_after_a_crash_at_every_checkpoint_creates_no_duplicate(
        api, datastores, make_spec, workflow_for):
    """Kill the run after each step and between each create call and its journal write;
    every restart continues, and the platform holds one resource of each kind."""
    spec = make_spec(datastores["own"], wmsv_private=True, restricted=True)
    ds_api = api.in_datastore(spec.datastore_id)
    before = datastore_inventory(ds_api)
    checkpoints = [f"created:{kind}" for kind in CREATES] + [f"done:{s}" for s in STEPS]
    crashed_at = []

    def crash_once(name: str) -> None:
        if name in checkpoints and name not in crashed_at:
            crashed_at.append(name)
            raise SimulatedCrash(name)

    runs = 0
    while True:
        runs += 1
        try:
            result = workflow_for(spec, checkpoint_hook=crash_once).run()
            break
        except SimulatedCrash:
            assert runs < 40
    assert sorted(crashed_at) == sorted(checkpoints)
    assert platform_counts(api, spec) == ONE_OF_EACH
    assert result.levels == [12, 13]
    # Every kind counted, keys, accesses, permissions and executions included.
    journal = workflow_for(spec).journal
    figures = duplicates_and_orphans(before, datastore_inventory(ds_api), journal.resources(),
                                     journal.resources(include_removed=True))
    assert figures == {"duplicates": 0, "orphans": 0}
    new = added(before, datastore_inventory(ds_api))
    assert {kind: len(new[kind]) for kind in ("permissions", "keys", "key_accesses")} == {
        "permissions": 2, "keys": 1, "key_accesses": 1}


def test_cancel_during_the_harvest_aborts_it_then_resume_publishes_once(
        api, datastores, make_spec, workflow_for):
    spec = make_spec(datastores["own"], wmsv_private=False)
    holder = {}

    def cancel_when_harvesting(percent, step, message):
        if step == "pyramid" and "harvest" in message:
            holder["workflow"].cancel()

    holder["workflow"] = workflow_for(spec, progress=cancel_when_harvesting)
    with pytest.raises(PublishCancelledError):
        holder["workflow"].run()
    journal = holder["workflow"].journal
    execution_id = journal.resource_id("execution_pyramid")
    api = api.in_datastore(spec.datastore_id)
    running = [e for e in api.executions() if e.status in ("CREATED", "WAITING", "PROGRESS")]
    assert running == []
    assert api.execution(execution_id).status == "ABORTED"
    assert journal.step_status("pyramid") == "cancelled"

    result = workflow_for(spec).run()
    assert result.levels == [12, 13]
    assert platform_counts(api, spec) == ONE_OF_EACH


def _inventory(api, ds):
    api = api.in_datastore(ds)
    alive = lambda items: sorted(i.id for i in items if i.raw.get("status") != "DELETED")  # noqa: E731
    return {"uploads": alive(api.uploads()), "stored_data": alive(api.stored_data_list()),
            "statics": alive(api.statics()), "configurations": alive(api.configurations()),
            "offerings": alive(api.offerings()), "metadata": alive(api.metadata_list()),
            "permissions": alive(api.permissions()), "keys": alive(api.list_keys())}


def test_undo_leaves_the_datastore_as_before(api, datastores, make_spec, workflow_for):
    spec = make_spec(datastores["own"], restricted=True)
    before = _inventory(api, spec.datastore_id)
    workflow = workflow_for(spec)
    workflow.run()
    assert _inventory(api, spec.datastore_id) != before
    workflow.undo()
    assert _inventory(api, spec.datastore_id) == before


def test_restricted_publication_in_the_own_datastore_grants_the_community_permission(
        api, datastores, make_spec, workflow_for):
    spec = make_spec(datastores["own"], restricted=True)
    result = workflow_for(spec).run()
    offering_id = next(r["id"] for r in result.resources if r["kind"] == "offering_wmts")
    api = api.in_datastore(spec.datastore_id)
    assert api.offering(offering_id).open is False
    community_id = api.datastore().community_id
    permissions = [p for p in api.permissions() if offering_id in p.offering_ids]
    assert len(permissions) == 1
    assert community_id in str(permissions[0].raw)
    assert "/private/" in result.wmts_url


def test_the_harvest_key_of_a_private_wmsv_never_reaches_the_journal(
        api, datastores, make_spec, workflow_for):
    spec = make_spec(datastores["own"])   # own datastore: the WMS-V only feeds the pyramid
    workflow = workflow_for(spec)
    result = workflow.run()
    assert workflow.journal.get("wmsv_private") is True
    key_id = next(r["id"] for r in result.resources if r["kind"] == "key_harvest")
    secret = key_hash(api.key(key_id))
    execution_id = next(r["id"] for r in result.resources if r["kind"] == "execution_pyramid")
    extras = api.in_datastore(spec.datastore_id).execution(execution_id).parameters
    assert extras["harvest_extras"] == f"apikey={secret}"
    with open(result.journal_path, encoding="utf-8") as handle:
        assert secret not in handle.read()


def test_the_sandbox_datastore_refuses_a_restriction_in_its_own_words(
        api, datastores, make_spec, workflow_for):
    spec = make_spec(datastores["sandbox"], restricted=True)
    workflow = workflow_for(spec)
    with pytest.raises(EntrepotError) as caught:
        workflow.run()
    assert "Tout public" in caught.value.user_message
    workflow.undo()
