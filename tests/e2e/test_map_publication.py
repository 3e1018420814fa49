"""A map (three layers of the sample, one WMTS) published on the sandbox: the relations and
the harvest in the reverse of the layer tree, draw order read from the tiles' pixels, and each
layer absent from the levels outside its visibility range."""

from __future__ import annotations

import math

import pytest
import requests
from gpf_wmts_publisher.plugin.publish.map_source import sources_of
from gpf_wmts_publisher.plugin.publish.spec import PNG

from scripts.demo_map import MAP_SAMPLE
from scripts.make_map_sample import HEIGHT, MAP_SAMPLE_LAYERS, WIDTH, X0, Y0, open_layers
from tests.e2e.crash import SimulatedCrash, crash_at
from tests.fixtures.map_sample import map_publication

pytestmark = pytest.mark.slow   # long: handed to a worker first (tests/conftest.py)

GREEN, RED, BLUE = (49, 163, 84), (215, 48, 31), (8, 81, 156)
LEVEL0_RESOLUTION = 156543.033928041
ORIGIN = 20037508.3427892


def _mercator(x_2154: float, y_2154: float):
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsPointXY,
        QgsProject,
    )

    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:2154"),
                                       QgsCoordinateReferenceSystem("EPSG:3857"),
                                       QgsProject.instance())
    point = transform.transform(QgsPointXY(x_2154, y_2154))
    return point.x(), point.y()


def _pixel(wmts_url: str, layer: str, z: int, x: float, y: float):
    """(r, g, b, a) of the pixels around EPSG:3857 (x, y) in the map's tile at level z
    (GetTile KVP): a 5×5 window, since a label's letters may sit on the very pixel."""
    from qgis.PyQt.QtGui import QImage

    resolution = LEVEL0_RESOLUTION / 2 ** z
    column_px, row_px = (x + ORIGIN) / resolution, (ORIGIN - y) / resolution
    col, row = math.floor(column_px / 256), math.floor(row_px / 256)
    response = requests.get(wmts_url.split("?")[0], params={
        "SERVICE": "WMTS", "REQUEST": "GetTile", "VERSION": "1.0.0", "LAYER": layer,
        "STYLE": "normal", "TILEMATRIXSET": "PM", "TILEMATRIX": str(z), "TILEROW": str(row),
        "TILECOL": str(col), "FORMAT": PNG}, timeout=30)
    assert response.status_code == 200, response.text[:300]
    image = QImage.fromData(response.content)
    px, py = int(column_px) - col * 256, int(row_px) - row * 256
    window = []
    for dy in range(-2, 3):
        for dx in range(-2, 3):
            colour = image.pixelColor(min(max(px + dx, 0), 255), min(max(py + dy, 0), 255))
            window.append((colour.red(), colour.green(), colour.blue(), colour.alpha()))
    return window


def _close(rgba, rgb) -> bool:
    return rgba[3] > 200 and all(abs(a - b) <= 40 for a, b in zip(rgba, rgb))


def _is(window, rgb) -> bool:
    """The colour is drawn there (on top: a layer drawn below would not show)."""
    return any(_close(rgba, rgb) for rgba in window)


def _only(window, rgb) -> bool:
    return all(_close(rgba, rgb) for rgba in window)


@pytest.fixture(scope="module")
def published(qgis_app, api, datastores, tmp_path_factory):
    from gpf_wmts_publisher.plugin.publish.workflow import Workflow

    layers = open_layers(MAP_SAMPLE)
    spec = map_publication(datastores["sandbox"], "carte_e2e", sources_of(layers), top_level=10,
                           bottom_level=13, abstract="Carte de test")
    workflow = Workflow(api, spec, journal_dir=str(tmp_path_factory.mktemp("journals")),
                        poll_first_s=0.05, poll_max_s=0.5)
    result = workflow.run()
    yield spec, result, workflow
    workflow.undo()


def test_relations_and_harvest_run_the_other_way_from_the_layer_tree(api, published):
    spec, result, _ = published
    assert [s.name for s in spec.sources] == list(MAP_SAMPLE_LAYERS)   # top first
    api = api.in_datastore(spec.datastore_id)
    configuration = api.configuration(next(r["id"] for r in result.resources
                                           if r["kind"] == "configuration_wmsv"))
    relations = configuration.raw["type_infos"]["used_data"][0]["relations"]
    assert [r["name"] for r in relations] == ["occupation_du_sol", "routes", "villages"]
    assert len({r["style"] for r in relations}) == 3            # one static SLD per layer
    execution = api.execution(next(r["id"] for r in result.resources
                                   if r["kind"] == "execution_pyramid"))
    harvested = execution.raw["parameters"]["harvest_layers"].split(",")
    assert [name.rsplit(":", 1)[-1] for name in harvested] == [
        "occupation_du_sol", "routes", "villages"]
    assert sum(1 for r in result.resources if r["kind"] == "upload") == 1   # one CRS: one
    assert result.levels == [10, 11, 12, 13]


def test_draw_order_by_pixels_where_the_layers_overlap(published):
    _, result, _ = published
    road_on_polygon = _mercator(X0 + 0.3 * WIDTH, Y0 + 0.7 * HEIGHT)
    village_on_polygon = _mercator(X0 + 0.15 * WIDTH, Y0 + 0.15 * HEIGHT)
    # level 12 shows the three layers: the road over the polygon, the village over both
    assert _is(_pixel(result.wmts_url, result.wmts_layer_name, 12, *road_on_polygon), RED)
    assert _is(_pixel(result.wmts_url, result.wmts_layer_name, 12, *village_on_polygon), BLUE)


def test_a_layer_is_absent_from_the_levels_outside_its_visibility_range(published):
    _, result, _ = published
    road_on_polygon = _mercator(X0 + 0.3 * WIDTH, Y0 + 0.7 * HEIGHT)
    village_on_polygon = _mercator(X0 + 0.15 * WIDTH, Y0 + 0.15 * HEIGHT)
    polygon_only = _mercator(X0 + 0.3 * WIDTH, Y0 + 0.45 * HEIGHT)
    layer, url = result.wmts_layer_name, result.wmts_url
    # roads from level 11 (1:300 000): at level 10 the polygon shows through
    assert _only(_pixel(url, layer, 10, *road_on_polygon), GREEN)
    assert _is(_pixel(url, layer, 11, *road_on_polygon), RED)
    # villages from level 12 (1:150 000)
    assert _only(_pixel(url, layer, 11, *village_on_polygon), GREEN)
    assert _is(_pixel(url, layer, 13, *village_on_polygon), BLUE)
    # polygons down to 1:100 000 (level 12): level 13 has nothing there (transparent PNG)
    assert _only(_pixel(url, layer, 12, *polygon_only), GREEN)
    assert all(rgba[3] == 0 for rgba in _pixel(url, layer, 13, *polygon_only))


def test_a_map_resumes_after_a_crash_between_two_styles_and_undoes_everything(
        qgis_app, api, datastores, tmp_path):
    from gpf_wmts_publisher.plugin.publish.workflow import Workflow

    spec = map_publication(datastores["sandbox"], "carte_reprise",
                           sources_of(open_layers(MAP_SAMPLE)), top_level=10, bottom_level=10,
                           abstract="Carte reprise")

    def workflow(**options) -> Workflow:
        return Workflow(api, spec, journal_dir=str(tmp_path), poll_first_s=0.05,
                        poll_max_s=0.5, **options)

    with pytest.raises(SimulatedCrash):
        # killed at the second layer's style, not yet journaled
        workflow(checkpoint_hook=crash_at("created:static_sld_1")).run()
    resumed = workflow()
    result = resumed.run()
    platform = api.in_datastore(spec.datastore_id)
    ours = [s for s in platform.statics() if s.name.startswith("style_wmsv_carte_reprise_wmsv")]
    assert sorted(s.name for s in ours) == sorted(
        f"style_wmsv_carte_reprise_wmsv_{t}" for t in ("villages", "routes", "occupation_du_sol"))
    assert {r["kind"] for r in result.resources} >= {"static_sld", "static_sld_1",
                                                      "static_sld_2"}
    resumed.undo()
    assert not [s for s in platform.statics()
                if s.name.startswith("style_wmsv_carte_reprise_wmsv")
                and getattr(s, "status", "") != "DELETED"]
    assert not [c for c in platform.configurations() if "carte_reprise" in c.layer_name]


def _reprojected(layer, authid: str):
    """A memory copy of ``layer`` in ``authid``, same style and visibility range."""
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsFeature,
        QgsProject,
        QgsVectorLayer,
        QgsWkbTypes,
    )

    copy = QgsVectorLayer(f"{QgsWkbTypes.displayString(layer.wkbType())}?crs={authid}",
                          layer.name(), "memory")
    copy.dataProvider().addAttributes(layer.fields().toList())
    copy.updateFields()
    transform = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem(authid),
                                       QgsProject.instance())
    features = []
    for feature in layer.getFeatures():
        moved = QgsFeature(copy.fields())
        geometry = feature.geometry()
        geometry.transform(transform)
        moved.setGeometry(geometry)
        moved.setAttributes(feature.attributes())
        features.append(moved)
    copy.dataProvider().addFeatures(features)
    copy.setRenderer(layer.renderer().clone())
    copy.setScaleBasedVisibility(layer.hasScaleBasedVisibility())
    copy.setMinimumScale(layer.minimumScale())
    copy.setMaximumScale(layer.maximumScale())
    return copy


def test_a_layer_in_another_crs_goes_in_its_own_upload_and_keeps_its_place(
        qgis_app, api, datastores, tmp_path):
    from gpf_wmts_publisher.plugin.publish.workflow import Workflow

    villages, routes, land = open_layers(MAP_SAMPLE)
    villages_3857 = _reprojected(villages, "EPSG:3857")
    spec = map_publication(datastores["sandbox"], "carte_crs",
                           sources_of([villages_3857, routes, land], str(tmp_path)),
                           top_level=12, bottom_level=12, abstract="Deux CRS")
    workflow = Workflow(api, spec, journal_dir=str(tmp_path / "journals"), poll_first_s=0.05,
                        poll_max_s=0.5)
    result = workflow.run()
    try:
        platform = api.in_datastore(spec.datastore_id)
        uploads = [platform.upload(r["id"]) for r in result.resources
                   if r["kind"].startswith("upload")]
        assert sorted(u.srs for u in uploads) == ["EPSG:2154", "EPSG:3857"]
        configuration = platform.configuration(next(r["id"] for r in result.resources
                                                    if r["kind"] == "configuration_wmsv"))
        used = configuration.raw["type_infos"]["used_data"]
        assert len(used) == 2 and len({u["stored_data"] for u in used}) == 2
        execution = platform.execution(next(r["id"] for r in result.resources
                                             if r["kind"] == "execution_pyramid"))
        harvested = execution.raw["parameters"]["harvest_layers"].split(",")
        assert [n.rsplit(":", 1)[-1] for n in harvested] == [
            "occupation_du_sol", "routes", "villages"]
        village_on_polygon = _mercator(X0 + 0.15 * WIDTH, Y0 + 0.15 * HEIGHT)
        assert _is(_pixel(result.wmts_url, result.wmts_layer_name, 12, *village_on_polygon),
                   BLUE)
    finally:
        workflow.undo()


def test_the_second_upload_and_its_integration_resume_without_duplicates(
        qgis_app, api, datastores, tmp_path):
    from gpf_wmts_publisher.plugin.publish.workflow import Workflow

    villages, routes, land = open_layers(MAP_SAMPLE)
    spec = map_publication(
        datastores["sandbox"], "carte_crs2",
        sources_of([_reprojected(villages, "EPSG:3857"), routes, land], str(tmp_path)),
        top_level=10, bottom_level=10, abstract="Deux CRS, reprise")

    def workflow(stop_at: str = "") -> Workflow:
        return Workflow(api, spec, journal_dir=str(tmp_path / "journals"), poll_first_s=0.05,
                        poll_max_s=0.5, checkpoint_hook=crash_at(stop_at))

    for point in ("created:upload_1", "created:execution_integration_1"):
        with pytest.raises(SimulatedCrash):
            workflow(point).run()
    done = workflow()
    done.run()
    platform = api.in_datastore(spec.datastore_id)
    uploads = [u for u in platform.uploads() if u.name.startswith("carte_crs2")
               and getattr(u, "status", "") != "DELETED"]
    stored = [s for s in platform.stored_data_list(data_type="VECTOR-DB")
              if s.name.startswith("carte_crs2") and s.status != "DELETED"]
    assert sorted(u.name for u in uploads) == ["carte_crs2", "carte_crs2_epsg2154"]
    assert sorted(s.name for s in stored) == ["carte_crs2", "carte_crs2_epsg2154"]
    done.undo()
    assert not [u for u in platform.uploads() if u.name.startswith("carte_crs2")
                and getattr(u, "status", "") != "DELETED"]


def test_a_map_on_a_private_wms_v_is_harvested_with_the_key(qgis_app, api, datastores,
                                                           tmp_path):
    """The WMS-V's capabilities are read with the harvest key (a private WMS-V lists only what
    the key opens), and the harvest draws the three layers."""
    from gpf_wmts_publisher.plugin.publish.workflow import Workflow

    spec = map_publication(datastores["own"], "carte_privee",
                           sources_of(open_layers(MAP_SAMPLE)), top_level=12, bottom_level=12,
                           abstract="Carte privée", wmsv_private=True)
    workflow = Workflow(api, spec, journal_dir=str(tmp_path), poll_first_s=0.05,
                        poll_max_s=0.5)
    result = workflow.run()
    try:
        assert workflow.journal.get("wmsv_private") is True
        key = workflow.ctx.secrets["harvest_apikey"]
        assert key and key not in str(workflow.journal.snapshot())   # never written
        assert len(workflow.journal.get("harvest_layers").split(",")) == 3
        village_on_polygon = _mercator(X0 + 0.15 * WIDTH, Y0 + 0.15 * HEIGHT)
        road_on_polygon = _mercator(X0 + 0.3 * WIDTH, Y0 + 0.7 * HEIGHT)
        assert _is(_pixel(result.wmts_url, result.wmts_layer_name, 12, *village_on_polygon),
                   BLUE)
        assert _is(_pixel(result.wmts_url, result.wmts_layer_name, 12, *road_on_polygon), RED)
    finally:
        workflow.undo()
