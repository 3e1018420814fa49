"""Update in place of a map (several layers, one WMS-V with one relation per layer), without
the platform: what the reopen table offers, which layer's relation an update acts on, and
the WMS-V body that restyles one relation only."""

from __future__ import annotations

from dataclasses import replace

import pytest
from gpf_wmts_publisher.plugin.publish.errors import PublishError
from gpf_wmts_publisher.plugin.publish.layer_source import LayerSource
from gpf_wmts_publisher.plugin.publish.reopen import START_AGAIN, UPDATE
from gpf_wmts_publisher.plugin.publish.update import UpdateChanges, changes_between
from gpf_wmts_publisher.plugin.publish.update_steps import restyled
from gpf_wmts_publisher.plugin.publish.update_target import UpdateTarget, _harvested_from
from gpf_wmts_publisher.plugin.publish.update_workflow import UpdateWorkflow

from tests.plugin.publish.test_reopen import journal_of, run_decide, spec

NAMES = ("Villages", "Routes", "Occupation du sol")


def source(name: str, colour: str = "red") -> LayerSource:
    return LayerSource(name=name, provider="ogr", uri=f"/carte.gpkg|layername={name}",
                       crs_authid="EPSG:2154", crs_wkt="", crs_valid=True, feature_count=3,
                       extent_wgs84=None, style_qml=f"<qgis>{name} {colour}</qgis>")


def a_map(**colours) -> tuple:
    return tuple(source(name, colours.get(name.split()[0].lower(), "red")) for name in NAMES)


# -- the reopen table (plugin/publish/reopen.py, row 8 for a map) -------------------------
def test_a_map_with_one_layer_restyled_offers_update(tmp_path):
    journal = journal_of(tmp_path, published=spec(layers=a_map()))
    decision = run_decide(journal, spec(layers=a_map(routes="blue"), top_level=8))
    assert (decision.row, decision.offers) == (8, (UPDATE, START_AGAIN))
    assert set(decision.changed) == {"layers_style", "top_level"}


def test_a_map_with_two_layers_restyled_offers_update(tmp_path):
    journal = journal_of(tmp_path, published=spec(layers=a_map()))
    decision = run_decide(journal, spec(layers=a_map(routes="blue", villages="blue")))
    assert (decision.row, decision.offers) == (8, (UPDATE, START_AGAIN))
    assert set(decision.changed) == {"layers_style"}


def test_a_map_with_a_layer_added_offers_only_start_again(tmp_path):
    journal = journal_of(tmp_path, published=spec(layers=a_map()))
    decision = run_decide(journal, spec(layers=(*a_map(), source("Rivières"))))
    assert (decision.row, decision.offers) == (12, (START_AGAIN,))


def test_a_map_with_a_new_level_range_offers_update(tmp_path):
    journal = journal_of(tmp_path, published=spec(layers=a_map()))
    decision = run_decide(journal, spec(layers=a_map(), bottom_level=16))
    assert (decision.row, decision.offers) == (8, (UPDATE, START_AGAIN))


def test_changes_between_names_the_restyled_layers_of_a_map():
    published = spec(layers=a_map()).summary()
    changes = changes_between(published, spec(layers=a_map(occupation="purple")),
                              new_style=True)
    assert changes.style.name == "Occupation du sol" and changes.kinds() == ["style"]
    assert changes.also_restyled == ()
    both = changes_between(published, spec(layers=a_map(occupation="purple", villages="blue")),
                           new_style=True)
    assert [s.name for s in both.restyled] == ["Villages", "Occupation du sol"]
    assert both.kinds() == ["style"] and both.fingerprint() != changes.fingerprint()
    with pytest.raises(ValueError):   # a layer added: not an update in place
        changes_between(published, spec(layers=(*a_map(), source("Rivières"))),
                        new_style=True)


# -- the target: which relation an update acts on --------------------------------------------
RELATIONS = [{"stored_data": "sv", "name": "occupation_du_sol", "style": "s0",
              "static_name": "carte_wmsv_occupation_du_sol"},
             {"stored_data": "sv", "name": "routes", "style": "s1",
              "static_name": "carte_wmsv_routes"},
             {"stored_data": "sv2", "name": "villages", "style": "s2",
              "static_name": "carte_wmsv_villages"}]


def target(relations=RELATIONS) -> UpdateTarget:
    return UpdateTarget(
        datastore_id="ds", datasheet_name="carte", wmts_configuration={"_id": "ct"},
        wmts_offering_id="ot", wmts_open=True, pyramid_id="sp", pyramid_name="carte_pyr",
        top_level=10, bottom_level=12, bbox=None, image_format="image/png",
        wmsv_configuration={"_id": "cv"}, wmsv_offering_id="ov", wmsv_layer_name="carte_wmsv",
        wmsv_url="http://x/wms", wmsv_private=False, vectordb_id="sv",
        vectordb_name="carte", table="occupation_du_sol", static_id="s0",
        static_name="carte_wmsv_occupation_du_sol", relations=list(relations))


def test_a_map_target_focuses_on_the_restyled_layers_relation():
    focused = target().focused("Villages")
    assert (focused.vectordb_id, focused.table, focused.static_id, focused.static_name) == (
        "sv2", "villages", "s2", "carte_wmsv_villages")
    assert focused.is_map and target(RELATIONS[:1]).focused("Villages").table == \
        "occupation_du_sol"   # one relation: the layer's name does not matter
    with pytest.raises(PublishError):
        target().focused("Rivières")


def test_a_map_target_restyling_two_layers_knows_each_relation_and_kind():
    restyling = target().restyling(["Villages", "Occupation du sol"])
    assert (restyling.table, restyling.static_id) == ("villages", "s2")
    assert [(r["layer"], r["stored_data"], r["name"], r["style"], r["kind"])
            for r in restyling.restyled] == [
        ("Villages", "sv2", "villages", "s2", "static_sld"),
        ("Occupation du sol", "sv", "occupation_du_sol", "s0", "static_sld_1")]
    assert UpdateTarget.from_dict(restyling.to_dict()) == restyling
    assert target(RELATIONS[:1]).restyling(["Villages"]).restyled == []


def test_a_map_target_survives_the_journal():
    assert UpdateTarget.from_dict(target().to_dict()) == target()


def test_new_data_for_a_map_focuses_on_those_layers_and_the_restyled_ones():
    focused = UpdateWorkflow._focused(target(), UpdateChanges(
        data=source("Villages"), style=source("Routes", "blue")))
    assert [(r["layer"], r["kind"], r["new_data"]) for r in focused.restyled] == [
        ("Villages", "static_sld", True), ("Routes", "static_sld_1", False)]


def test_a_map_with_new_data_for_a_layer_offers_update(tmp_path):
    journal = journal_of(tmp_path, published=spec(layers=a_map()))
    more = tuple(replace(s, feature_count=9) if s.name == "Routes" else s for s in a_map())
    decision = run_decide(journal, spec(layers=more))
    assert (decision.row, decision.offers) == (8, (UPDATE, START_AGAIN))
    changes = changes_between(journal.snapshot()["spec"], spec(layers=more), new_data=True)
    assert [s.name for s in changes.new_data] == ["Routes"] and changes.kinds() == ["data"]


def test_a_map_with_a_layer_in_another_crs_offers_only_start_again(tmp_path):
    journal = journal_of(tmp_path, published=spec(layers=a_map()))
    moved = tuple(replace(s, crs_authid="EPSG:4326") if s.name == "Routes" else s
                  for s in a_map())
    decision = run_decide(journal, spec(layers=moved))
    assert (decision.row, decision.offers) == (12, (START_AGAIN,))


def test_remapped_switches_a_relation_to_its_new_stored_data_keeping_the_order():
    from gpf_wmts_publisher.plugin.publish.update_map import remapped

    used = [{"stored_data": {"_id": "sv"}, "relations": [
        {"name": "occupation_du_sol", "style": {"_id": "s0"}},
        {"name": "routes", "style": "s1"}]},
        {"stored_data": "sv2", "relations": [{"name": "villages", "style": "s2"}]}]
    body = remapped(used, {("sv", "occupation_du_sol"): ("new", "occupation_du_sol", "s0b"),
                           ("sv2", "villages"): ("sv2", "villages", "s2b")})
    assert body == [
        {"stored_data": "new", "relations": [{"name": "occupation_du_sol", "style": "s0b"}]},
        {"stored_data": "sv", "relations": [{"name": "routes", "style": "s1"}]},
        {"stored_data": "sv2", "relations": [{"name": "villages", "style": "s2b"}]}]
    with pytest.raises(PublishError):
        remapped(used, {("sv2", "routes"): ("new", "routes", "x")})


def test_after_new_data_for_a_maps_layer_the_journal_holds_its_new_entry(tmp_path):
    from gpf_wmts_publisher.plugin.publish.update import (
        UpdateResult,
        record_in_publication,
        settings_after,
    )

    journal = journal_of(tmp_path, published=spec(layers=a_map()))
    more = tuple(replace(s, feature_count=9) if s.name == "Routes" else s for s in a_map())
    wanted = spec(layers=more)
    changes = changes_between(journal.snapshot()["spec"], wanted, new_data=True)
    record_in_publication(journal, UpdateResult(
        wmts_layer_name="w", wmts_url="u", pyramid_name="p", levels=("10", "14"),
        changes=changes.kinds(), settings=settings_after(changes, wanted)))
    assert journal.snapshot()["spec"]["layers"] == wanted.summary()["layers"]
    assert journal.snapshot()["spec"].get("layer") is None
    assert run_decide(journal, wanted).row == 7


@pytest.mark.parametrize("harvest, layer, expected", [
    ("carte_wmsv", "carte_wmsv", True),
    ("carte_wmsv:occupation_du_sol,carte_wmsv:routes", "carte_wmsv", True),
    ("carte_wmsv:routes,autre:villages", "carte_wmsv", False),
    ("carte_wmsv2:routes", "carte_wmsv", False),
    ("", "carte_wmsv", False)])
def test_the_harvested_wmsv_is_found_from_its_sub_layers(harvest, layer, expected):
    assert _harvested_from(layer, harvest) is expected


# -- the WMS-V body: one relation restyled -------------------------------------------------
def test_restyled_changes_one_relations_style_and_keeps_the_rest_in_order():
    used = [{"stored_data": {"_id": "sv", "name": "carte"}, "relations": [
        {"name": "occupation_du_sol", "style": {"_id": "s0"}},
        {"name": "routes", "style": "s1", "ftl": "ftl1"}]},
        {"stored_data": "sv2", "relations": [{"name": "villages", "style": "s2"}]}]
    body = restyled(used, "sv", "routes", "s1b")
    assert body == [{"stored_data": "sv", "relations": [
        {"name": "occupation_du_sol", "style": "s0"},
        {"name": "routes", "style": "s1b", "ftl": "ftl1"}]},
        {"stored_data": "sv2", "relations": [{"name": "villages", "style": "s2"}]}]
    with pytest.raises(PublishError):
        restyled(used, "sv2", "routes", "s1b")   # that table is not in that stored data
    twice = restyled(restyled(used, "sv", "routes", "s1b"), "sv2", "villages", "s2b")
    assert [(r["name"], r["style"]) for u in twice for r in u["relations"]] == [
        ("occupation_du_sol", "s0"), ("routes", "s1b"), ("villages", "s2b")]


def test_after_a_maps_restyle_the_journal_holds_the_new_style_of_that_layer(tmp_path):
    """Reopening the wizard with the restyled map then finds nothing to do (row 7)."""
    from gpf_wmts_publisher.plugin.publish.update import (
        UpdateResult,
        record_in_publication,
        settings_after,
    )

    journal = journal_of(tmp_path, published=spec(layers=a_map()))
    wanted = spec(layers=a_map(occupation="purple"))
    changes = UpdateChanges(style=wanted.layers[2])
    record_in_publication(journal, UpdateResult(
        wmts_layer_name="w", wmts_url="u", pyramid_name="p", levels=("10", "14"),
        changes=changes.kinds(), settings=settings_after(changes, wanted)))
    assert journal.snapshot()["spec"]["layers_style"] == wanted.summary()["layers_style"]
    assert "restyled_layer" not in journal.snapshot()["spec"]
    decision = run_decide(journal, wanted)
    assert (decision.row, decision.changed) == (7, ())


def test_after_a_maps_restyle_of_two_layers_the_journal_holds_both_new_styles(tmp_path):
    from gpf_wmts_publisher.plugin.publish.update import (
        UpdateResult,
        record_in_publication,
        settings_after,
    )

    journal = journal_of(tmp_path, published=spec(layers=a_map()))
    wanted = spec(layers=a_map(occupation="purple", villages="blue"))
    changes = changes_between(journal.snapshot()["spec"], wanted, new_style=True)
    record_in_publication(journal, UpdateResult(
        wmts_layer_name="w", wmts_url="u", pyramid_name="p", levels=("10", "14"),
        changes=changes.kinds(), settings=settings_after(changes, wanted)))
    assert journal.snapshot()["spec"]["layers_style"] == wanted.summary()["layers_style"]
    decision = run_decide(journal, wanted)
    assert (decision.row, decision.changed) == (7, ())


def test_a_maps_style_step_knows_every_layer_it_makes_a_static_for():
    """New data for one layer and a new style for another: the style step draws both."""
    from gpf_wmts_publisher.plugin.publish.update_workflow import update_steps

    steps = update_steps(UpdateChanges(data=source("Villages"), style=source("Routes", "b")))
    style = next(step for step in steps if step.name == "style")
    assert [s.name for s in style.sources] == ["Villages", "Routes"]
    assert [step.name for step in steps][:2] == ["data", "integration"]
