"""Processing's INPUT as a map: the name of a layer-tree group, or several layers; a group
holding a raster is refused with the layer named, before anything is sent."""

from __future__ import annotations

import json
import os

import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsRasterLayer,
)

from scripts.make_map_sample import MAP_SAMPLE_LAYERS


def _parameters(sandbox, datastores, value, tmp_path, suffix):
    return {"INPUT": value, "PLATFORM_URL": sandbox.base_url, "DATASTORE": datastores["own"],
            "JOURNAL_DIR": str(tmp_path), "DATASHEET": f"carte_proc_{suffix}",
            "WMSV_NAME": f"carte_{suffix}_wmsv", "PYRAMID_NAME": f"carte_{suffix}_pyr",
            "WMTS_NAME": f"carte_{suffix}_wmts", "WMSV_TITLE": "Carte",
            "WMTS_TITLE": "Carte WMTS", "ABSTRACT": "Carte de test", "TOP": 10,
            "BOTTOM": 11, "FORMAT": 1}


def _journal(tmp_path):
    name = next(p for p in os.listdir(tmp_path) if p.endswith(".json"))
    return json.loads((tmp_path / name).read_text(encoding="utf-8"))


def test_a_group_name_publishes_its_layers_as_one_map(provider, credentials, sandbox,
                                                      datastores, map_group, tmp_path):
    import processing

    processing.run("gpf_wmts:step_style",
                   _parameters(sandbox, datastores, "Carte démo", tmp_path, "groupe"),
                   feedback=QgsProcessingFeedback())
    journal = _journal(tmp_path)
    assert [layer["name"] for layer in journal["spec"]["layers"]] == list(MAP_SAMPLE_LAYERS)
    assert [style["layer"] for style in journal["values"]["styles"]] == list(MAP_SAMPLE_LAYERS)
    assert journal["steps"]["style"]["status"] == "done"


def test_several_layers_are_a_map_too(provider, credentials, sandbox, datastores, map_group,
                                      tmp_path):
    import processing

    _, layers = map_group
    processing.run("gpf_wmts:step_data",
                   _parameters(sandbox, datastores, layers[:2], tmp_path, "liste"),
                   feedback=QgsProcessingFeedback())
    names = [layer["name"] for layer in _journal(tmp_path)["spec"]["layers"]]
    assert names == list(MAP_SAMPLE_LAYERS[:2])


def test_a_group_with_a_raster_is_refused_naming_the_raster(provider, sandbox, datastores,
                                                            map_group, tmp_path):
    import processing

    group, _ = map_group
    raster = QgsRasterLayer("/nowhere/ortho.tif", "Ortho 2024")
    QgsProject.instance().addMapLayer(raster, False)
    group.addLayer(raster)
    try:
        with pytest.raises(QgsProcessingException, match="Ortho 2024"):
            processing.run("gpf_wmts:publishwmts",
                           _parameters(sandbox, datastores, "Carte démo", tmp_path, "raster"),
                           feedback=QgsProcessingFeedback())
    finally:
        QgsProject.instance().removeMapLayer(raster.id())
    assert QgsApplication.processingRegistry().algorithmById("gpf_wmts:publishwmts")
