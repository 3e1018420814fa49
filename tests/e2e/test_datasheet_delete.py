"""Delete datasheet on the sandbox: after publishing and deleting, the datastore holds exactly
what it held before the publication; a run stopped mid-way is finished by running again."""

from __future__ import annotations

import pytest
from gpf_wmts_publisher.plugin.publish.datasheet import list_datasheets
from gpf_wmts_publisher.plugin.publish.datasheet_delete import plan_delete
from gpf_wmts_publisher.plugin.publish.datasheet_delete_run import run_delete
from gpf_wmts_publisher.plugin.publish.errors import PublishCancelledError
from gpf_wmts_publisher.plugin.publish.inventory import KINDS, datastore_inventory


def ids(inventory):
    return {kind: set(inventory[kind]) for kind in KINDS}


def _fast_wait(**_ignored):
    from functools import partial

    from gpf_wmts_publisher.plugin.publish.waiting import wait_for

    return partial(wait_for, first_s=0.05, max_s=0.5)


def test_delete_datasheet_leaves_the_inventory_exactly_as_before_the_publication(
        api, datastores, make_spec, workflow_for):
    store = api.in_datastore(datastores["own"])
    before = datastore_inventory(store)
    spec = make_spec(datastores["own"], restricted=True)  # a private WMS-V: a harvest key
    workflow_for(spec).run()
    published = datastore_inventory(store)
    sheet = next(s for s in list_datasheets(store) if s.name == spec.datasheet_name)
    assert sheet.vector_data and sheet.pyramids and sheet.metadata and sheet.uploads
    assert sheet.pyramids[0].levels == ("12", "13")
    assert {s.type for s in sheet.services} == {"WMS-VECTOR", "WMTS-TMS"}
    assert sheet.permissions  # the restricted WMTS's permission

    plan = plan_delete(store, spec.datasheet_name)
    counts = plan.counts()
    for kind in ("uploads", "stored_data", "statics", "configurations", "offerings",
                 "permissions", "keys", "key_accesses", "metadata", "executions"):
        assert counts.get(kind), (kind, counts)
    assert counts["stored_data"] == 2 and counts["configurations"] == 2
    assert counts["permissions"] == 2 and counts["keys"] == 1  # WMS-V + WMTS; harvest key
    steps = []
    run_delete(store, plan, progress=lambda percent, label: steps.append(percent),
               wait=_fast_wait())
    assert steps == sorted(steps) and steps[-1] == 100.0
    after = datastore_inventory(store)
    assert ids(after) == ids(before), {k: ids(published)[k] & ids(after)[k] - ids(before)[k]
                                       for k in KINDS}
    assert plan_delete(store, spec.datasheet_name).empty


def test_a_delete_stopped_mid_way_is_finished_by_running_it_again(
        api, datastores, make_spec, workflow_for, tmp_path):
    """Stopped right after the configurations went: the styles they drew with can no longer
    be found on the platform; the record the run left brings them back into the next plan."""
    record = tmp_path / "deletes"
    store = api.in_datastore(datastores["sandbox"])
    before = datastore_inventory(store)
    spec = make_spec(datastores["sandbox"])
    workflow_for(spec).run()
    plan = plan_delete(store, spec.datasheet_name, record_dir=str(record))
    stop_after = [r.kind for r in plan.removals].index("statics")
    made = []
    with pytest.raises(PublishCancelledError):
        run_delete(store, plan, progress=lambda _p, label: made.append(label),
                   cancelled=lambda: len(made) >= stop_after, wait=_fast_wait(),
                   record_dir=str(record))
    left = plan_delete(store, spec.datasheet_name, record_dir=str(record))
    assert left.removals == plan.removals[stop_after:]
    run_delete(store, left, wait=_fast_wait(), record_dir=str(record))
    assert ids(datastore_inventory(store)) == ids(before)
    assert not list(record.iterdir())  # the record goes once the job is done


def test_the_icons_of_a_style_go_with_the_datasheet(api, datastores, make_spec, workflow_for,
                                                    tmp_path):
    """An arrow mark is hosted as an annex: labelled with the datasheet and referenced by
    the style, it is planned and deleted with it."""
    from gpf_wmts_publisher.plugin.publish.layer_source import LayerSource

    from tests.e2e.layers import arrow_points_layer

    store = api.in_datastore(datastores["sandbox"])
    before = datastore_inventory(store)
    spec = make_spec(datastores["sandbox"], datasheet_name="fiche_fleches",
                     layer=LayerSource.from_layer(arrow_points_layer(str(tmp_path))),
                     top_level=13, bottom_level=13, image_format="image/png")
    journal = workflow_for(spec).run() and workflow_for(spec).journal
    annex_id = journal.resource_id("annexe_0")
    assert annex_id and f"datasheet_name={spec.datasheet_name}" in store.annex(annex_id).labels
    plan = plan_delete(store, spec.datasheet_name)
    assert [r.id for r in plan.removals if r.kind == "annexes"] == [annex_id]
    run_delete(store, plan, wait=_fast_wait())
    assert ids(datastore_inventory(store)) == ids(before)


def test_delete_datasheet_of_a_map_leaves_the_inventory_exactly_as_before(
        qgis_app, api, datastores, tmp_path):
    """A map (three layers: one WMS-V with three relations and three styles, one pyramid,
    one WMTS), shown with its relations, then deleted: nothing of it is left."""
    from gpf_wmts_publisher.plugin.publish.map_source import sources_of
    from gpf_wmts_publisher.plugin.publish.workflow import Workflow

    from scripts.demo_map import MAP_SAMPLE
    from scripts.make_map_sample import open_layers
    from tests.fixtures.map_sample import map_publication

    store = api.in_datastore(datastores["own"])
    before = datastore_inventory(store)
    spec = map_publication(datastores["own"], "carte_eff", sources_of(open_layers(MAP_SAMPLE)),
                           top_level=12, bottom_level=12, abstract="Carte à effacer",
                           datasheet_name="carte_a_effacer")
    Workflow(api, spec, journal_dir=str(tmp_path / "journals"), poll_first_s=0.05,
             poll_max_s=0.5).run()
    published = datastore_inventory(store)
    sheet = next(s for s in list_datasheets(store) if s.name == spec.datasheet_name)
    wmsv = sheet.services_of("WMS-VECTOR")
    assert len(wmsv) == 1 and len(sheet.services_of("WMTS-TMS")) == 1
    assert [r.table for r in wmsv[0].relations] == ["occupation_du_sol", "routes", "villages"]
    assert len({r.style_id for r in wmsv[0].relations}) == 3
    assert all(r.style_name for r in wmsv[0].relations)

    plan = plan_delete(store, spec.datasheet_name)
    assert plan.counts()["statics"] >= 3 and plan.counts()["configurations"] == 2
    run_delete(store, plan, wait=_fast_wait())
    after = datastore_inventory(store)
    assert ids(after) == ids(before), {k: ids(published)[k] & ids(after)[k] - ids(before)[k]
                                       for k in KINDS}
    assert plan_delete(store, spec.datasheet_name).empty
