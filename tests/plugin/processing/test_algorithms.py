"""The Processing provider: its algorithms, their help, and runs against the sandbox."""

from __future__ import annotations

import json
import os

import pytest
from gpf_wmts_publisher.plugin.publish.steps import STEP_CLASSES
from qgis.core import QgsApplication, QgsProcessingException, QgsProcessingFeedback

from tests.e2e.layers import make_polygon_gpkg, open_styled_layer
from tests.fixtures.auth import resource_owner_oauth2_config


def test_the_provider_offers_publish_undo_and_one_algorithm_per_step(provider):
    names = {a.name() for a in provider.algorithms()}
    assert {"publishwmts", "undo"} <= names
    assert {f"step_{cls.name}" for cls in STEP_CLASSES} <= names
    for algorithm in provider.algorithms():
        assert len(algorithm.shortHelpString()) > 100, algorithm.name()


def test_publish_exposes_every_option(provider):
    algorithm = QgsApplication.processingRegistry().algorithmById("gpf_wmts:publishwmts")
    parameters = {p.name() for p in algorithm.parameterDefinitions()}
    assert {"INPUT", "SELECTED_ONLY", "REUSE_STORED_DATA", "DATASHEET", "WMSV_NAME",
            "PYRAMID_NAME", "WMTS_NAME", "WMSV_TITLE", "WMTS_TITLE", "ABSTRACT", "KEYWORDS",
            "TOP", "BOTTOM", "EXTENT", "FORMAT", "RESTRICTED", "PLATFORM_URL", "AUTHCFG",
            "DATASTORE", "JOURNAL_DIR"} <= parameters


def _parameters(sandbox, datastores, layer, tmp_path, suffix):
    return {"INPUT": layer, "PLATFORM_URL": sandbox.base_url, "DATASTORE": datastores["own"],
            "JOURNAL_DIR": str(tmp_path), "DATASHEET": f"fiche_proc_{suffix}",
            "WMSV_NAME": f"proc_{suffix}_wmsv", "PYRAMID_NAME": f"proc_{suffix}_pyr",
            "WMTS_NAME": f"proc_{suffix}_wmts", "WMSV_TITLE": "Parcelles",
            "WMTS_TITLE": "Parcelles WMTS", "ABSTRACT": "Parcelles de test", "TOP": 12,
            "BOTTOM": 13, "FORMAT": 1, "KEYWORDS": "test, parcelles"}


def test_publish_then_undo_through_processing(provider, credentials, sandbox, datastores,
                                              tmp_path):
    import processing

    layer = open_styled_layer(make_polygon_gpkg(str(tmp_path)))
    parameters = _parameters(sandbox, datastores, layer, tmp_path, "full")
    result = processing.run("gpf_wmts:publishwmts", parameters,
                            feedback=QgsProcessingFeedback())
    assert result["WMTS_LAYER_NAME"] == "proc_full_wmts"
    assert "SERVICE=WMTS" in result["CAPABILITIES_URL"]
    journal = json.loads(open(result["JOURNAL"], encoding="utf-8").read())
    assert journal["steps"]["tags"]["status"] == "done"
    assert journal["spec"]["image_format"] == "image/png"

    undone = processing.run("gpf_wmts:undo", {
        "PLATFORM_URL": sandbox.base_url, "DATASTORE": datastores["own"],
        "JOURNAL_DIR": str(tmp_path), "DATASHEET": "fiche_proc_full",
        "WMTS_NAME": "proc_full_wmts"}, feedback=QgsProcessingFeedback())
    assert "upload" in undone["REMOVED"] and "offering_wmts" in undone["REMOVED"]


def test_a_step_algorithm_stops_after_its_step_signed_in_with_qgis_oauth2(
        provider, sandbox, datastores, tmp_path, unlocked_auth_db, monkeypatch):
    import processing

    monkeypatch.delenv("GPF_USERNAME", raising=False)
    monkeypatch.delenv("GPF_PASSWORD", raising=False)
    layer = open_styled_layer(make_polygon_gpkg(str(tmp_path)))
    parameters = _parameters(sandbox, datastores, layer, tmp_path, "step")
    parameters["AUTHCFG"] = resource_owner_oauth2_config(sandbox)  # QGIS's OAuth2 method
    processing.run("gpf_wmts:step_integration", parameters, feedback=QgsProcessingFeedback())
    journal_file = next(p for p in os.listdir(tmp_path) if p.endswith(".json"))
    steps = json.loads((tmp_path / journal_file).read_text(encoding="utf-8"))["steps"]
    assert steps["data"]["status"] == "done" and steps["integration"]["status"] == "done"
    assert "style" not in steps


def test_missing_credentials_give_a_clear_error(provider, sandbox, datastores, tmp_path,
                                                monkeypatch):
    import processing

    monkeypatch.delenv("GPF_USERNAME", raising=False)
    monkeypatch.delenv("GPF_PASSWORD", raising=False)
    layer = make_polygon_gpkg(str(tmp_path))  # a source string: no layer object to outlive QGIS
    # Keep only the message: a traceback holding Processing's frames (context, feedback)
    # past QGIS's exit crashes the interpreter at shutdown.
    message = ""
    try:
        processing.run("gpf_wmts:publishwmts",
                       _parameters(sandbox, datastores, layer, tmp_path, "nocreds"),
                       feedback=QgsProcessingFeedback())
    except QgsProcessingException as error:
        message = str(error)
    assert "GPF_USERNAME" in message


def _unpublish_wmts(sandbox, datastore_id, layer_name):
    from gpf_wmts_publisher.plugin.publish.session import password_api
    from gpf_wmts_publisher.plugin.publish.unpublish import take_down
    from gpf_wmts_publisher.plugin.publish.waiting import wait_for

    account = sandbox.accounts["formateur"]
    api = password_api(sandbox.api_url, sandbox.token_url, account["username"],
                       account["password"]).in_datastore(datastore_id)
    configuration = next(c for c in api.configurations(config_type="WMTS-TMS")
                         if c.layer_name == layer_name)
    offerings = [o.id for o in api.configuration_offerings(configuration.id)]
    take_down(api, offerings, configuration.id, wait_for, delete_config=False)


def test_rerun_after_unpublish_republishes_or_refuses_a_change(provider, credentials,
                                                               sandbox, datastores,
                                                               tmp_path):
    """The wizard's reopen rules (plugin/publish/reopen.py) hold here too: after an
    Unpublish, another level range is refused with the reason (not a "success" that ignores
    it); the same settings publish the WMTS again."""
    import processing
    import requests

    layer = open_styled_layer(make_polygon_gpkg(str(tmp_path)))
    parameters = _parameters(sandbox, datastores, layer, tmp_path, "rerun")
    first = processing.run("gpf_wmts:publishwmts", parameters, feedback=QgsProcessingFeedback())
    _unpublish_wmts(sandbox, datastores["own"], first["WMTS_LAYER_NAME"])

    with pytest.raises(QgsProcessingException) as refused:
        processing.run("gpf_wmts:publishwmts", {**parameters, "TOP": 11},
                       feedback=QgsProcessingFeedback())
    assert "top_level" in str(refused.value) and "Undo" in str(refused.value)

    again = processing.run("gpf_wmts:publishwmts", parameters,
                           feedback=QgsProcessingFeedback())
    capabilities = requests.get(again["CAPABILITIES_URL"], timeout=10)
    assert capabilities.status_code == 200 and again["WMTS_LAYER_NAME"] in capabilities.text


def test_processing_starts_from_an_existing_pyramid_or_wmsv_named_by_name(
        provider, credentials, sandbox, datastores, tmp_path):
    """REUSE_PYRAMID / REUSE_WMSV name what exists (by name); no layer and no datasheet are
    given (the reused resource's datasheet is taken); undo keeps what was reused."""
    import processing

    layer = open_styled_layer(make_polygon_gpkg(str(tmp_path)))
    first = _parameters(sandbox, datastores, layer, tmp_path, "orig")
    first.update(TOP=13, BOTTOM=13)
    processing.run("gpf_wmts:publishwmts", first, feedback=QgsProcessingFeedback())
    for reuse, value, suffix in (("REUSE_PYRAMID", "proc_orig_pyr", "frompyr"),
                                 ("REUSE_WMSV", "proc_orig_wmsv", "fromwmsv")):
        parameters = {key: value_ for key, value_ in first.items()
                      if key not in ("INPUT", "DATASHEET", "WMSV_NAME", "PYRAMID_NAME")}
        parameters.update({reuse: value, "WMTS_NAME": f"proc_{suffix}_wmts",
                           "PYRAMID_NAME": f"proc_{suffix}_pyr"})
        result = processing.run("gpf_wmts:publishwmts", parameters,
                                feedback=QgsProcessingFeedback())
        journal = json.loads(open(result["JOURNAL"], encoding="utf-8").read())
        assert journal["spec"]["datasheet_name"] == "fiche_proc_orig"
        kinds = {r["kind"] for r in journal["resources"]}
        assert not kinds & {"upload", "static_sld", "configuration_wmsv", "offering_wmsv"}
        assert ("stored_data_pyramid" in kinds) == (reuse == "REUSE_WMSV")
        undone = processing.run("gpf_wmts:undo", {
            "PLATFORM_URL": sandbox.base_url, "DATASTORE": datastores["own"],
            "JOURNAL_DIR": str(tmp_path), "DATASHEET": "fiche_proc_orig",
            "WMTS_NAME": f"proc_{suffix}_wmts"}, feedback=QgsProcessingFeedback())
        assert "configuration_wmsv" not in undone["REMOVED"]
        assert "metadata_reused" in undone["REMOVED"]   # written back, not deleted
    removed = processing.run("gpf_wmts:undo", {
        "PLATFORM_URL": sandbox.base_url, "DATASTORE": datastores["own"],
        "JOURNAL_DIR": str(tmp_path), "DATASHEET": "fiche_proc_orig",
        "WMTS_NAME": "proc_orig_wmts"}, feedback=QgsProcessingFeedback())["REMOVED"]
    # The original still had everything to remove: nothing was taken by the reuses' undo.
    assert all(kind in removed for kind in ("configuration_wmsv", "stored_data_pyramid",
                                            "stored_data_vector", "metadata"))


def test_processing_refuses_two_existing_sources_at_once(provider, credentials, sandbox,
                                                         datastores, tmp_path):
    import processing

    parameters = _parameters(sandbox, datastores, "", tmp_path, "two")
    parameters.pop("INPUT")
    parameters.update(REUSE_WMSV="a", REUSE_PYRAMID="b")
    message = ""
    try:
        processing.run("gpf_wmts:publishwmts", parameters, feedback=QgsProcessingFeedback())
    except QgsProcessingException as error:
        message = str(error)
    assert "at most one" in message
