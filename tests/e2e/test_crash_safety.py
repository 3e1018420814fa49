"""Crash safety: a run killed between a create call and its journal write is resumed without
a refusal and without a second resource, and undone without leaving anything behind; names
and layers are refused before anything (the journal included) is written."""

from __future__ import annotations

import contextlib

import pytest
from gpf_wmts_publisher.plugin.entrepot.api import EntrepotApi
from gpf_wmts_publisher.plugin.entrepot.errors import NotFound
from gpf_wmts_publisher.plugin.publish.errors import NamingError
from gpf_wmts_publisher.plugin.publish.inventory import (
    count,
    datastore_inventory,
    duplicates_and_orphans,
    unreferenced,
)
from gpf_wmts_publisher.plugin.publish.journal import Journal

from tests.e2e.counting import ONE_OF_EACH, platform_counts
from tests.e2e.crash import SimulatedCrash, crash_at

pytestmark = pytest.mark.slow   # long: handed to a worker first (tests/conftest.py)

OUTPUTS = {"integration": ("execution_integration", "VECTOR-DB"),
           "pyramid": ("execution_pyramid", "ROK4-PYRAMID-RASTER")}


def _output_name(spec, step: str) -> str:
    return spec.pyramid_name if step == "pyramid" else spec.effective_data_name


def _journal_execution_without_output(api, spec, workflow, step: str) -> None:
    """The journal an earlier version left when killed after journaling the execution and
    before journaling its output stored data (the state of hole 1)."""
    kind, data_type = OUTPUTS[step]
    api = api.in_datastore(spec.datastore_id)
    stored = next(s for s in api.stored_data_list() if s.name == _output_name(spec, step)
                  and s.type == data_type and s.status != "DELETED")
    execution = api.executions(output_stored_data=stored.id)[0]
    journal = Journal.open(spec.datastore_id, spec.journal_key,
                           workflow.journal.path.rsplit("/", 1)[0])
    journal.record(kind, execution.id, step=step, name=_output_name(spec, step))
    assert journal.resource_id(kind.replace("execution", "stored_data")) is None


def _crashed_after_creating(workflow_for, spec, step: str, journal_it: bool, api):
    kind, _ = OUTPUTS[step]
    workflow = workflow_for(spec, checkpoint_hook=crash_at(f"created:{kind}"))
    with pytest.raises(SimulatedCrash):
        workflow.run()
    if journal_it:
        _journal_execution_without_output(api, spec, workflow, step)
    return workflow


def test_resume_after_the_pyramid_execution_was_journaled_without_its_output(
        api, datastores, make_spec, workflow_for):
    """Hole 1: every resume was refused ("Pyramid technical name … already used")."""
    spec = make_spec(datastores["own"], wmsv_private=False)
    _crashed_after_creating(workflow_for, spec, "pyramid", True, api)
    result = workflow_for(spec).run()
    assert result.levels == [12, 13]
    assert platform_counts(api, spec) == ONE_OF_EACH


@pytest.mark.parametrize("step", ["integration", "pyramid"])
@pytest.mark.parametrize("journaled", [True, False], ids=["execution-journaled", "intent-only"])
def test_undo_after_a_crash_around_an_execution_leaves_no_output_and_frees_the_name(
        api, datastores, make_spec, workflow_for, step, journaled):
    """Hole 1: undo left the half-built output stored data, so its name stayed taken."""
    spec = make_spec(datastores["own"], wmsv_private=False)
    ds_api = api.in_datastore(spec.datastore_id)
    before = datastore_inventory(ds_api)
    _crashed_after_creating(workflow_for, spec, step, journaled, api)
    workflow = workflow_for(spec)
    workflow.undo()
    left = unreferenced(before, datastore_inventory(ds_api), workflow.journal.resources(),
                        workflow.journal.resources(include_removed=True))
    assert count(left) == 0, left
    _, data_type = OUTPUTS[step]
    assert not [s for s in ds_api.stored_data_list() if s.name == _output_name(spec, step)
                and s.type == data_type and s.status != "DELETED"]
    assert workflow_for(spec).run().levels == [12, 13]   # the name is free again


def test_a_crash_between_adding_the_key_access_and_journaling_it_gives_one_access(
        api, datastores, make_spec, workflow_for, monkeypatch):
    """Hole 5: the resume added the harvest key's access a second time."""
    spec = make_spec(datastores["own"], wmsv_private=True)
    real = EntrepotApi.add_key_access
    calls = []

    def add_then_die(self, *args, **kwargs):
        reply = real(self, *args, **kwargs)
        calls.append(args)
        if len(calls) == 1:
            raise SimulatedCrash("between the access and its journal write")
        return reply

    monkeypatch.setattr(EntrepotApi, "add_key_access", add_then_die)
    ds_api = api.in_datastore(spec.datastore_id)
    before = datastore_inventory(ds_api)
    with pytest.raises(SimulatedCrash):
        workflow_for(spec).run(until="wmsv")
    workflow = workflow_for(spec)
    workflow.run()
    key_id = workflow.journal.resource_id("key_harvest")
    offering_id = workflow.journal.resource_id("offering_wmsv")
    rows = [r for r in ds_api.key_accesses(key_id)
            if (r.get("offering") or {}).get("_id") == offering_id]
    assert len(rows) == 1 and len(calls) == 1
    left = unreferenced(before, datastore_inventory(ds_api), workflow.journal.resources(),
                        workflow.journal.resources(include_removed=True))
    assert count(left) == 0, left
    workflow.undo()


def test_over_long_names_are_refused_in_words_before_the_journal_is_written(
        api, datastores, make_spec, workflow_for):
    """Hole 10: the journal was written before the name checks."""
    long_name = "n" * 300
    spec = make_spec(datastores["own"], datasheet_name=long_name, wmts_name=long_name + "_t",
                     pyramid_name=long_name + "_p")
    workflow = workflow_for(spec)
    with pytest.raises(NamingError) as caught:
        workflow.run()
    assert {p.code for p in caught.value.problems} == {"too_long"}
    assert "maximum" in str(caught.value.messages("en"))
    assert "Errno" not in " ".join(caught.value.messages("fr"))
    assert not workflow.journal.exists_on_disk()


def test_the_inventory_sees_a_planted_second_permission_upload_and_key_access(
        api, datastores, make_spec, workflow_for):
    """The soak's duplicate figure stayed 0 with a second permission and upload planted."""
    spec = make_spec(datastores["own"], wmsv_private=True)
    ds_api = api.in_datastore(spec.datastore_id)
    before = datastore_inventory(ds_api)
    workflow = workflow_for(spec)
    workflow.run()
    journal = workflow.journal
    offering_id = journal.resource_id("offering_wmsv")
    permission = ds_api.create_permission(
        licence="planted", offering_ids=[offering_id],
        community_ids=[ds_api.datastore().community_id])[0]
    ds_api.create_upload(spec.effective_data_name, srs="EPSG:2154")
    ds_api.add_key_access(journal.resource_id("key_harvest"), permission.id, [offering_id])
    figures = duplicates_and_orphans(before, datastore_inventory(ds_api), journal.resources(),
                                     journal.resources(include_removed=True))
    assert figures == {"duplicates": 3, "orphans": 0}
    workflow.undo()
    with contextlib.suppress(NotFound):   # unpublishing the offering may take it along
        ds_api.delete_permission(permission.id)


def test_a_layer_whose_coordinates_do_not_match_its_crs_is_refused_before_any_upload(
        api, datastores, make_spec, workflow_for, tmp_path):
    """Hole 9: it ran five steps, failed at the metadata step and left eight resources."""
    from gpf_wmts_publisher.plugin.publish.layer_source import LayerSource
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    layer = QgsVectorLayer("Polygon?crs=EPSG:4326", "lambert en degrés", "memory")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromWkt(
        "POLYGON((650000 6860000,650400 6860000,650400 6860400,650000 6860000))"))
    layer.dataProvider().addFeatures([feature])
    layer.updateExtents()
    spec = make_spec(datastores["own"],
                     layer=LayerSource.from_layer(layer, scratch_dir=str(tmp_path)))
    ds_api = api.in_datastore(spec.datastore_id)
    before = datastore_inventory(ds_api)
    workflow = workflow_for(spec)
    with pytest.raises(NamingError) as caught:
        workflow.run()
    assert [p.code for p in caught.value.problems] == ["extent_outside_crs"]
    assert not workflow.journal.exists_on_disk()
    assert count(unreferenced(before, datastore_inventory(ds_api), [])) == 0
