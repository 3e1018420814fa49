"""Update in place of a map (several layers, one WMS-V with one relation per layer), without
the platform: what the reopen table offers, which layer's relation an update acts on, and
the WMS-V body that restyles one relation only."""

from __future__ import annotations

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


def test_a_map_with_two_layers_restyled_offers_only_start_again(tmp_path):
    journal = journal_of(tmp_path, published=spec(layers=a_map()))
    decision = run_decide(journal, spec(layers=a_map(routes="blue", villages="blue")))
    assert (decision.row, decision.offers) == (12, (START_AGAIN,))


def test_a_map_with_a_layer_added_offers_only_start_again(tmp_path):
    journal = journal_of(tmp_path, published=spec(layers=a_map()))
    decision = run_decide(journal, spec(layers=(*a_map(), source("Rivières"))))
    assert (decision.row, decision.offers) == (12, (START_AGAIN,))


def test_a_map_with_a_new_level_range_offers_update(tmp_path):
    journal = journal_of(tmp_path, published=spec(layers=a_map()))
    decision = run_decide(journal, spec(layers=a_map(), bottom_level=16))
    assert (decision.row, decision.offers) == (8, (UPDATE, START_AGAIN))


def test_changes_between_names_the_one_restyled_layer_of_a_map():
    published = spec(layers=a_map()).summary()
    changes = changes_between(published, spec(layers=a_map(occupation="purple")),
                              new_style=True)
    assert changes.style.name == "Occupation du sol" and changes.kinds() == ["style"]
    with pytest.raises(ValueError):
        changes_between(published, spec(layers=a_map(occupation="purple", routes="blue")),
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


def test_a_map_target_survives_the_journal():
    assert UpdateTarget.from_dict(target().to_dict()) == target()


def test_new_data_for_a_map_is_refused_before_anything_is_made():
    with pytest.raises(PublishError, match="map"):
        UpdateWorkflow._focused(target(), UpdateChanges(data=source("Routes")))


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
