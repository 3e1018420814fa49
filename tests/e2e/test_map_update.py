"""Update in place of a map (three layers, one WMTS) on the sandbox: one layer's style
changes; that relation alone gets a new static, the WMS-V is replaced, a new pyramid
``<name>_v2`` is harvested and the WMTS switched. GetTile is polled throughout on a tile
where only that layer draws: only 200s, the old colour, then the new one; same WMTS URL."""

from __future__ import annotations

import io
import math
import threading
from dataclasses import replace

import pytest
import requests
from gpf_wmts_publisher.plugin.entrepot.errors import NotFound
from gpf_wmts_publisher.plugin.publish.layer_source import LayerSource
from gpf_wmts_publisher.plugin.publish.map_source import sources_of
from gpf_wmts_publisher.plugin.publish.spec import PNG
from gpf_wmts_publisher.plugin.publish.update import (
    UpdateChanges,
    changes_between,
    record_in_publication,
    request_for,
)
from gpf_wmts_publisher.plugin.publish.update_workflow import UpdateWorkflow

from scripts.demo_map import MAP_SAMPLE
from scripts.make_map_sample import (
    HEIGHT,
    LINES,
    POINTS,
    POLYGONS,
    WIDTH,
    X0,
    Y0,
    open_layers,
)
from tests.e2e.crash import SimulatedCrash, crash_at
from tests.e2e.test_map_publication import (
    BLUE,
    LEVEL0_RESOLUTION,
    ORIGIN,
    RED,
    _is,
    _mercator,
    _pixel,
)
from tests.fixtures.map_sample import map_publication

pytestmark = pytest.mark.slow   # long: handed to a worker first (tests/conftest.py)

LEVEL = 12
GREEN, PURPLE, VILLAGE_BLUE = (49, 163, 84), (120, 30, 160), (8, 81, 156)


def _colour(rgb) -> str:
    for name, wanted in (("green", GREEN), ("purple", PURPLE), ("blue", VILLAGE_BLUE)):
        if all(abs(a - b) <= 30 for a, b in zip(rgb, wanted)):
            return name
    return f"other{tuple(rgb)}"


class PixelPoller:
    """Polls the tile holding EPSG:3857 (x, y) at ``level`` until stopped; ``samples`` holds
    (status, colour name of the pixel at the point)."""

    def __init__(self, wmts_url: str, layer: str, level: int, x: float, y: float):
        resolution = LEVEL0_RESOLUTION / 2 ** level
        column_px, row_px = (x + ORIGIN) / resolution, (ORIGIN - y) / resolution
        self.col, self.row = math.floor(column_px / 256), math.floor(row_px / 256)
        self.px, self.py = int(column_px) - self.col * 256, int(row_px) - self.row * 256
        self.url, self.layer, self.level = wmts_url.split("?")[0], layer, level
        self.samples = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def sample(self):
        from PIL import Image

        reply = requests.get(self.url, timeout=30, params={
            "SERVICE": "WMTS", "REQUEST": "GetTile", "VERSION": "1.0.0", "LAYER": self.layer,
            "STYLE": "normal", "TILEMATRIXSET": "PM", "TILEMATRIX": str(self.level),
            "TILEROW": str(self.row), "TILECOL": str(self.col), "FORMAT": PNG})
        if reply.status_code != 200:
            return reply.status_code, reply.text[:200]
        image = Image.open(io.BytesIO(reply.content)).convert("RGB")
        return 200, _colour(image.getpixel((self.px, self.py)))

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.samples.append(self.sample())
            self._stop.wait(0.02)

    def mark(self) -> int:
        return len(self.samples)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(timeout=30)
        self.samples.append(self.sample())


@pytest.fixture
def published_map(qgis_app, api, datastores, tmp_path):
    from gpf_wmts_publisher.plugin.publish.workflow import Workflow

    spec = map_publication(datastores["sandbox"], "carte_maj",
                           sources_of(open_layers(MAP_SAMPLE)), top_level=LEVEL,
                           bottom_level=LEVEL, abstract="Carte mise à jour")
    workflow = Workflow(api, spec, journal_dir=str(tmp_path / "journals"), poll_first_s=0.05,
                        poll_max_s=0.5)
    result = workflow.run()
    yield spec, workflow, result
    workflow.undo()


def _update_watched(update, result, point, what: str):
    """Runs ``update`` while a PixelPoller reads the WMTS pixel at ``point``: its result, the
    colours seen (every GetTile answered 200) and how many came before the WMTS switched."""
    marks = {}
    update.ctx.checkpoint_hook = lambda name: marks.setdefault(name, poller.mark())
    with PixelPoller(result.wmts_url, result.wmts_layer_name, LEVEL, *point) as poller:
        done = update.run()
    samples = poller.samples
    seen = [colour for _, colour in samples]
    print(f"\n{what}: GetTile polled {len(samples)} times, statuses"
          f" {sorted({s for s, _ in samples})}, colours"
          f" {[(c, seen.count(c)) for c in dict.fromkeys(seen)]}")
    assert {status for status, _ in samples} == {200}, [s for s in samples if s[0] != 200][:3]
    return done, seen, marks.get("synced:wmts_synced", len(samples))


def _assert_switched_once(colours, sync: int, old: str, new: str) -> None:
    """The old colour until the WMTS switch, then the new one only: no gap, no going back."""
    assert colours[0] == old and colours[-1] == new
    assert set(colours[:sync]) == {old}                  # the old tiles until the switch
    assert set(colours[colours.index(new):]) == {new}    # then the new ones only


def _purple_polygons():
    from qgis.core import QgsFillSymbol, QgsSingleSymbolRenderer

    layer = next(layer for layer in open_layers(MAP_SAMPLE) if layer.name() == POLYGONS[0])
    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "120,30,160,255", "outline_style": "no"})))
    return LayerSource.from_layer(layer)


def test_one_layer_of_a_map_restyled_in_place_without_a_gap(api, published_map, tmp_path):
    spec, workflow, result = published_map
    ds_api = api.in_datastore(spec.datastore_id)
    wmts_id = workflow.journal.resource_id("configuration_wmts")
    wmsv_id = workflow.journal.resource_id("configuration_wmsv")
    offering = ds_api.offering(result.wmts_offering_id)
    before = ds_api.configuration(wmsv_id).raw["type_infos"]["used_data"]
    old_pyramid = ds_api.configuration(wmts_id).used_data[0].stored_data_id
    polygon_only = _mercator(X0 + 0.3 * WIDTH, Y0 + 0.45 * HEIGHT)
    road_on_polygon = _mercator(X0 + 0.3 * WIDTH, Y0 + 0.7 * HEIGHT)
    update = UpdateWorkflow(api, request_for(spec, workflow.journal, UpdateChanges(
        style=_purple_polygons())), journal_dir=str(tmp_path / "journals"),
        poll_first_s=0.05, poll_max_s=0.5)
    done, colours, sync = _update_watched(update, result, polygon_only, "map restyle")
    _assert_switched_once(colours, sync, "green", "purple")
    # same service, same address
    after = ds_api.offering(offering.id)
    assert (after.layer_name, after.url("WMTS")) == (offering.layer_name, offering.url("WMTS"))
    # the WMS-V: same relations in the same order, only the polygons' style is new
    now = ds_api.configuration(wmsv_id).raw["type_infos"]["used_data"]
    old_styles = {r["name"]: r["style"] for u in before for r in u["relations"]}
    new_styles = {r["name"]: r["style"] for u in now for r in u["relations"]}
    assert [r["name"] for u in now for r in u["relations"]] == [
        "occupation_du_sol", "routes", "villages"]
    assert {n for n in new_styles if new_styles[n] != old_styles[n]} == {"occupation_du_sol"}
    with pytest.raises(NotFound):
        ds_api.static(old_styles["occupation_du_sol"])
    ds_api.static(new_styles["occupation_du_sol"])
    # the new pyramid, the old one gone; the other layers still drawn over the polygons
    new_pyramid = ds_api.configuration(wmts_id).used_data[0].stored_data_id
    assert ds_api.stored_data(new_pyramid).name == f"{spec.pyramid_name}_v2"
    with pytest.raises(NotFound):
        ds_api.stored_data(old_pyramid)
    assert _is(_pixel(result.wmts_url, result.wmts_layer_name, LEVEL, *road_on_polygon), RED)
    # the publication's journal now holds the new static under the polygons' own kind
    record_in_publication(workflow.journal, done)
    statics = {e["kind"]: e["id"] for e in workflow.journal.resources()
               if e["kind"].startswith("static_sld")}
    assert new_styles["occupation_du_sol"] in statics.values()
    assert old_styles["occupation_du_sol"] not in statics.values()


def test_a_map_restyle_stopped_after_the_wmsv_switch_is_undone_to_the_old_styles(
        api, published_map, tmp_path):
    spec, workflow, result = published_map
    ds_api = api.in_datastore(spec.datastore_id)
    wmsv_id = workflow.journal.resource_id("configuration_wmsv")
    wmts_id = workflow.journal.resource_id("configuration_wmts")
    before = ds_api.configuration(wmsv_id).raw["type_infos"]["used_data"]
    old_pyramid = ds_api.configuration(wmts_id).used_data[0].stored_data_id
    request = request_for(spec, workflow.journal, UpdateChanges(style=_purple_polygons()))
    options = dict(journal_dir=str(tmp_path / "journals"), poll_first_s=0.05, poll_max_s=0.5)
    update = UpdateWorkflow(api, request, **options)
    update.ctx.checkpoint_hook = crash_at("synced:wmsv_synced")
    with pytest.raises(SimulatedCrash):
        update.run()
    switched = ds_api.configuration(wmsv_id).raw["type_infos"]["used_data"]
    new_static = update.journal.resource_id("static_sld")
    assert new_static in {r["style"] for u in switched for r in u["relations"]}

    removed = UpdateWorkflow(api, request, **options).undo()

    assert "static_sld" in removed
    restored = ds_api.configuration(wmsv_id).raw["type_infos"]["used_data"]
    assert [(r["name"], r["style"]) for u in restored for r in u["relations"]] == [
        (r["name"], r["style"]) for u in before for r in u["relations"]]
    with pytest.raises(NotFound):
        ds_api.static(new_static)
    assert ds_api.configuration(wmts_id).used_data[0].stored_data_id == old_pyramid
    polygon_only = _mercator(X0 + 0.3 * WIDTH, Y0 + 0.45 * HEIGHT)
    poller = PixelPoller(result.wmts_url, result.wmts_layer_name, LEVEL, *polygon_only)
    assert poller.sample() == (200, "green")


def test_a_maps_level_range_is_updated_in_place_with_every_layer(api, published_map, tmp_path):
    spec, workflow, result = published_map
    village_on_polygon = _mercator(X0 + 0.15 * WIDTH, Y0 + 0.15 * HEIGHT)
    update = UpdateWorkflow(api, request_for(spec, workflow.journal, UpdateChanges(
        top_level=LEVEL, bottom_level=LEVEL + 1)), journal_dir=str(tmp_path / "journals"),
        poll_first_s=0.05, poll_max_s=0.5)
    polygon_only = _mercator(X0 + 0.3 * WIDTH, Y0 + 0.45 * HEIGHT)

    with PixelPoller(result.wmts_url, result.wmts_layer_name, LEVEL, *polygon_only) as poller:
        done = update.run()

    assert set(poller.samples) == {(200, "green")}
    record_in_publication(workflow.journal, done)
    assert done.levels == (str(LEVEL), str(LEVEL + 1))
    assert done.wmts_url == result.wmts_url
    # level 13 is served, harvested from the three relations: the villages drawn on top
    assert _is(_pixel(result.wmts_url, result.wmts_layer_name, LEVEL + 1,
                      *village_on_polygon), BLUE)


ORANGE = (230, 120, 0)


def _orange_villages():
    from qgis.core import QgsMarkerSymbol, QgsSingleSymbolRenderer

    layer = next(layer for layer in open_layers(MAP_SAMPLE) if layer.name() == POINTS[0])
    layer.setRenderer(QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple(
        {"name": "circle", "color": "230,120,0,255", "size": "4", "size_unit": "MM",
         "outline_color": "#ffffff"})))
    return LayerSource.from_layer(layer)


def _relation_styles(used_data) -> dict:
    return {r["name"]: r["style"] for u in used_data for r in u["relations"]}


def test_two_layers_of_a_map_restyled_in_one_update_without_a_gap(api, published_map,
                                                                  tmp_path):
    """Polygons purple and villages orange in one update: one new static each, one WMS-V
    replace, one new pyramid; the roads' relation and every other relation as they were."""
    spec, workflow, result = published_map
    ds_api = api.in_datastore(spec.datastore_id)
    wmts_id = workflow.journal.resource_id("configuration_wmts")
    wmsv_id = workflow.journal.resource_id("configuration_wmsv")
    old = _relation_styles(ds_api.configuration(wmsv_id).raw["type_infos"]["used_data"])
    old_pyramid = ds_api.configuration(wmts_id).used_data[0].stored_data_id
    polygon_only = _mercator(X0 + 0.3 * WIDTH, Y0 + 0.45 * HEIGHT)
    village = _mercator(X0 + 0.15 * WIDTH, Y0 + 0.15 * HEIGHT)
    road_on_polygon = _mercator(X0 + 0.3 * WIDTH, Y0 + 0.7 * HEIGHT)
    assert _is(_pixel(result.wmts_url, result.wmts_layer_name, LEVEL, *village), BLUE)
    wanted = replace(spec, layers=tuple(
        _orange_villages() if s.name == POINTS[0] else _purple_polygons()
        if s.name == POLYGONS[0] else s for s in spec.layers))
    changes = changes_between(workflow.journal.snapshot()["spec"], wanted, new_style=True)
    assert {s.name for s in changes.restyled} == {POINTS[0], POLYGONS[0]}
    update = UpdateWorkflow(api, request_for(spec, workflow.journal, changes),
                            journal_dir=str(tmp_path / "journals"), poll_first_s=0.05,
                            poll_max_s=0.5)
    done, colours, sync = _update_watched(update, result, polygon_only,
                                          "map restyle of two layers")
    _assert_switched_once(colours, sync, "green", "purple")
    # both layers drawn with their new styles, the roads as before
    assert _is(_pixel(result.wmts_url, result.wmts_layer_name, LEVEL, *village), ORANGE)
    assert not _is(_pixel(result.wmts_url, result.wmts_layer_name, LEVEL, *village), BLUE)
    assert _is(_pixel(result.wmts_url, result.wmts_layer_name, LEVEL, *road_on_polygon), RED)
    # the WMS-V: one PUT gave both relations new statics, the roads' kept, the order kept
    now = _relation_styles(ds_api.configuration(wmsv_id).raw["type_infos"]["used_data"])
    assert list(now) == ["occupation_du_sol", "routes", "villages"]
    assert {n for n in now if now[n] != old[n]} == {"occupation_du_sol", "villages"}
    assert update.journal.get("wmsv_switched") is True
    for table in ("occupation_du_sol", "villages"):
        assert ds_api.static(now[table]).name.endswith("_v2")
        with pytest.raises(NotFound):   # created by the publication: removed
            ds_api.static(old[table])
    ds_api.static(old["routes"])
    new_pyramid = ds_api.configuration(wmts_id).used_data[0].stored_data_id
    assert ds_api.stored_data(new_pyramid).name == f"{spec.pyramid_name}_v2"
    with pytest.raises(NotFound):
        ds_api.stored_data(old_pyramid)
    # the publication's journal holds both new statics, and reopening finds nothing to do
    record_in_publication(workflow.journal, done)
    statics = {e["id"] for e in workflow.journal.resources() if e["kind"].startswith(
        "static_sld")}
    assert {now["occupation_du_sol"], now["villages"]} <= statics
    assert not {old["occupation_du_sol"], old["villages"]} & statics
    assert workflow.journal.snapshot()["spec"]["layers_style"] == \
        wanted.summary()["layers_style"]


def test_a_two_layer_restyle_killed_after_its_first_static_resumes_then_undoes(
        api, published_map, tmp_path):
    """Killed once the first new static exists but before the journal holds its id: the
    resume adopts it (found by its name) and makes only the second; an undo after the
    WMS-V switch gives back the old relations and removes both."""
    spec, workflow, result = published_map
    ds_api = api.in_datastore(spec.datastore_id)
    wmsv_id = workflow.journal.resource_id("configuration_wmsv")
    old = _relation_styles(ds_api.configuration(wmsv_id).raw["type_infos"]["used_data"])
    request = request_for(spec, workflow.journal, UpdateChanges(
        style=_purple_polygons(), also_restyled=(_orange_villages(),)))
    options = dict(journal_dir=str(tmp_path / "journals"), poll_first_s=0.05, poll_max_s=0.5)

    first = UpdateWorkflow(api, request, **options)
    first.ctx.checkpoint_hook = crash_at("created:static_sld")
    with pytest.raises(SimulatedCrash):
        first.run()
    assert not first.journal.resource_id("static_sld")   # killed before its id was written
    made = [s.id for s in ds_api.statics() if s.name.endswith("_v2")]
    assert len(made) == 1
    made = made[0]

    second = UpdateWorkflow(api, request, **options)
    second.ctx.checkpoint_hook = crash_at("synced:wmsv_synced")
    with pytest.raises(SimulatedCrash):
        second.run()
    assert second.journal.resource_id("static_sld") == made
    other = second.journal.resource_id("static_sld_1")
    switched = _relation_styles(ds_api.configuration(wmsv_id).raw["type_infos"]["used_data"])
    assert (switched["occupation_du_sol"], switched["villages"]) == (made, other)
    names = [s.name for s in ds_api.statics() if s.name.endswith("_v2")]
    assert len(names) == len(set(names)) == 2   # no static made twice

    removed = UpdateWorkflow(api, request, **options).undo()

    assert {"static_sld", "static_sld_1"} <= set(removed)
    assert _relation_styles(ds_api.configuration(wmsv_id).raw["type_infos"]["used_data"]) \
        == old
    for static in (made, other):
        with pytest.raises(NotFound):
            ds_api.static(static)
    village = _mercator(X0 + 0.15 * WIDTH, Y0 + 0.15 * HEIGHT)
    assert _is(_pixel(result.wmts_url, result.wmts_layer_name, LEVEL, *village), BLUE)


def _new_villages_and_roads(tmp_path, spec):
    """The map with the roads and the villages read from a copy of the sample where a
    village was added on the polygons: new data for those two layers, the polygons' same."""
    import shutil

    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY

    copy = tmp_path / "carte_nouvelle.gpkg"
    shutil.copy(MAP_SAMPLE, copy)
    layers = {layer.name(): layer for layer in open_layers(copy)}
    villages = layers[POINTS[0]]
    feature = QgsFeature(villages.fields())
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(X0 + 0.3 * WIDTH,
                                                           Y0 + 0.45 * HEIGHT)))
    feature.setAttributes([None, "Village nouveau"])
    assert villages.dataProvider().addFeatures([feature])
    villages.updateExtents()
    renewed = {name: LayerSource.from_layer(layers[name]) for name in (POINTS[0], LINES[0])}
    return replace(spec, layers=tuple(renewed.get(s.name, s) for s in spec.layers))


def test_new_data_for_two_layers_of_a_map_in_place_without_a_gap(api, published_map,
                                                                 tmp_path):
    """The villages (a new one on the polygons) and the roads get new data: one new upload
    (same CRS) with their two tables, integrated; the WMS-V's two relations switched to it,
    the polygons' relation on the old stored data, the draw order kept; a new pyramid.
    GetTile polled on the new village: only 200s, the polygons until the WMTS switch, then
    the village."""
    spec, workflow, result = published_map
    ds_api = api.in_datastore(spec.datastore_id)
    wmts_id = workflow.journal.resource_id("configuration_wmts")
    wmsv_id = workflow.journal.resource_id("configuration_wmsv")
    before = ds_api.configuration(wmsv_id).raw["type_infos"]["used_data"]
    old = _relation_styles(before)
    old_stored = {r["name"]: u["stored_data"]["_id"] if isinstance(u["stored_data"], dict)
                  else u["stored_data"] for u in before for r in u["relations"]}
    new_village = _mercator(X0 + 0.3 * WIDTH, Y0 + 0.45 * HEIGHT)
    road_on_polygon = _mercator(X0 + 0.3 * WIDTH, Y0 + 0.7 * HEIGHT)
    wanted = _new_villages_and_roads(tmp_path, spec)
    changes = changes_between(workflow.journal.snapshot()["spec"], wanted, new_data=True)
    assert [s.name for s in changes.new_data] == [POINTS[0], LINES[0]]
    update = UpdateWorkflow(api, request_for(spec, workflow.journal, changes),
                            journal_dir=str(tmp_path / "journals"), poll_first_s=0.05,
                            poll_max_s=0.5)
    done, seen, sync = _update_watched(update, result, new_village, "map new data")
    _assert_switched_once(seen, sync, "green", "blue")   # then the new village only
    assert _is(_pixel(result.wmts_url, result.wmts_layer_name, LEVEL, *road_on_polygon), RED)
    # the WMS-V: same tables in the same order; roads and villages on one new stored data
    now = ds_api.configuration(wmsv_id).raw["type_infos"]["used_data"]
    tables = [(r["name"], u["stored_data"]["_id"] if isinstance(u["stored_data"], dict)
               else u["stored_data"]) for u in now for r in u["relations"]]
    assert [name for name, _ in tables] == ["occupation_du_sol", "routes", "villages"]
    stored = dict(tables)
    assert stored["occupation_du_sol"] == old_stored["occupation_du_sol"]
    assert stored["routes"] == stored["villages"] != old_stored["villages"]
    assert ds_api.stored_data(stored["villages"]).name.endswith("_v2")
    styles = _relation_styles(now)
    assert styles["occupation_du_sol"] == old["occupation_du_sol"]
    for table in ("routes", "villages"):
        assert styles[table] != old[table]
        with pytest.raises(NotFound):
            ds_api.static(old[table])
    # the old stored data still holds the polygons' table: kept; the old pyramid removed
    ds_api.stored_data(old_stored["villages"])
    new_pyramid = ds_api.configuration(wmts_id).used_data[0].stored_data_id
    assert ds_api.stored_data(new_pyramid).name == f"{spec.pyramid_name}_v2"
    # the publication's journal holds the new stored data, the new layers' entries
    record_in_publication(workflow.journal, done)
    ids = {e["id"] for e in workflow.journal.resources()}
    assert stored["villages"] in ids and old_stored["villages"] in ids
    assert workflow.journal.snapshot()["spec"]["layers"] == wanted.summary()["layers"]


def test_new_data_for_a_map_killed_twice_resumes_then_undoes_to_the_old_map(
        api, published_map, tmp_path):
    """Killed after the integration, resumed and killed after the WMS-V switch, undone:
    the WMS-V draws the old tables and styles again, the new upload, stored data and
    statics are gone, the WMTS serves the old tiles."""
    spec, workflow, result = published_map
    ds_api = api.in_datastore(spec.datastore_id)
    wmsv_id = workflow.journal.resource_id("configuration_wmsv")
    before = ds_api.configuration(wmsv_id).raw["type_infos"]["used_data"]
    wanted = _new_villages_and_roads(tmp_path, spec)
    request = request_for(spec, workflow.journal, changes_between(
        workflow.journal.snapshot()["spec"], wanted, new_data=True))
    options = dict(journal_dir=str(tmp_path / "journals"), poll_first_s=0.05, poll_max_s=0.5)

    first = UpdateWorkflow(api, request, **options)
    first.ctx.checkpoint_hook = crash_at("done:update_integration")
    with pytest.raises(SimulatedCrash):
        first.run()
    new_stored = first.journal.resource_id("stored_data_vector")
    upload = first.journal.resource_id("upload")
    assert new_stored and upload

    second = UpdateWorkflow(api, request, **options)
    second.ctx.checkpoint_hook = crash_at("synced:wmsv_synced")
    with pytest.raises(SimulatedCrash):
        second.run()
    assert second.journal.resource_id("stored_data_vector") == new_stored   # not made twice
    switched = ds_api.configuration(wmsv_id).raw["type_infos"]["used_data"]
    assert new_stored in {u["stored_data"]["_id"] if isinstance(u["stored_data"], dict)
                          else u["stored_data"] for u in switched}
    statics = [second.journal.resource_id(k) for k in ("static_sld", "static_sld_1")]

    removed = UpdateWorkflow(api, request, **options).undo()

    assert {"upload", "stored_data_vector", "static_sld", "static_sld_1"} <= set(removed)
    restored = ds_api.configuration(wmsv_id).raw["type_infos"]["used_data"]
    assert [(r["name"], r["style"]) for u in restored for r in u["relations"]] == [
        (r["name"], r["style"]) for u in before for r in u["relations"]]
    for gone in (lambda: ds_api.stored_data(new_stored), lambda: ds_api.upload(upload),
                 *[lambda s=s: ds_api.static(s) for s in statics]):
        with pytest.raises(NotFound):
            gone()
    new_village = _mercator(X0 + 0.3 * WIDTH, Y0 + 0.45 * HEIGHT)
    poller = PixelPoller(result.wmts_url, result.wmts_layer_name, LEVEL, *new_village)
    assert poller.sample() == (200, "green")
