"""The Processing provider: its algorithms, their help, and runs against the sandbox."""

from __future__ import annotations

import json
import os

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
