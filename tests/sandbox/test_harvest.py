"""The sandbox harvest fetches GetMap over real local HTTP and writes exactly the PM tiles."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import requests
from werkzeug.serving import make_server

from sandbox import pm_grid
from sandbox.harvest import count_tiles, harvest
from sandbox.wmsv import WmsvLayer, WmsvService
from tests.sandbox.test_wmsv import AREA_WKT_4326, DictLayers, fill_sld, make_area_gpkg


@pytest.fixture(scope="module")
def gpkg(tmp_path_factory):
    return make_area_gpkg(tmp_path_factory.mktemp("harvest"))


@pytest.fixture
def serve():
    """Run a WSGI app on 127.0.0.1 in a thread; yields a function returning its URL."""
    servers = []

    def start(app) -> str:
        server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append((server, app))
        return f"http://127.0.0.1:{server.server_port}/wms-v/ows"

    yield start
    for server, app in servers:
        server.shutdown()
        app.close()


def written_tiles(out_dir: Path, ext: str):
    return sorted(p.relative_to(out_dir).as_posix() for p in out_dir.rglob(f"*.{ext}"))


def test_harvest_of_levels_10_to_12_writes_exactly_count_tiles(gpkg, serve, tmp_path):
    layer = WmsvLayer("parcels", str(gpkg), "parcels", fill_sld("parcels", "#ff0000"))
    url = serve(WmsvService(DictLayers(layer)))
    seen = []
    with requests.Session() as session:
        result = harvest(url, "parcels", ["12", "11", "10"], AREA_WKT_4326, "image/jpeg",
                         str(tmp_path), progress=lambda done, total: seen.append((done, total)),
                         session=session)
    expected = count_tiles([10, 11, 12], AREA_WKT_4326)
    tiles = written_tiles(tmp_path, "jpg")
    assert result.tiles == len(tiles) == expected
    assert result.per_level == {z: count_tiles([z], AREA_WKT_4326) for z in (10, 11, 12)}
    assert result.requests < result.tiles  # meta-tiles: fewer GetMaps than tiles
    assert seen[0] == (0, expected) and seen[-1] == (expected, expected)
    assert not list(tmp_path.rglob("*.part"))
    # The tile under the area's centre (lon 2.35, lat 48.85) is red, 256 px, XYZ rows from top.
    from qgis.PyQt.QtGui import QImage

    x, y = pm_grid.lonlat_to_mercator(2.35, 48.85)
    col = int((x - pm_grid.PM_ORIGIN_X) // pm_grid.tile_span(12))
    row = int((pm_grid.PM_ORIGIN_Y - y) // pm_grid.tile_span(12))
    image = QImage(str(tmp_path / "12" / str(col) / f"{row}.jpg"))
    assert (image.width(), image.height()) == (256, 256)
    colour = image.pixelColor(128, 128)
    assert colour.red() > 240 and colour.green() < 15 and colour.blue() < 15


def test_count_tiles_follows_the_polygon_not_its_bbox():
    triangle = "POLYGON((2.25 48.75, 2.45 48.75, 2.25 48.95, 2.25 48.75))"
    for z in (12, 13):
        assert count_tiles([z], triangle) < count_tiles([z], AREA_WKT_4326)
    assert count_tiles([0], AREA_WKT_4326) == 1
    bbox_3857 = pm_grid.mercator_bbox_of_lonlat((2.25, 48.75, 2.45, 48.95))
    assert count_tiles([14], AREA_WKT_4326) == pm_grid.tile_range(14, bbox_3857).count


def test_harvest_waits_out_429_retry_after_and_completes(gpkg, serve, tmp_path):
    now = [0.0]
    waits = []

    def sleep(seconds):  # the service's clock moves only when the harvester waits
        waits.append(seconds)
        now[0] += seconds

    layer = WmsvLayer("parcels", str(gpkg), "parcels", fill_sld("parcels", "#00ff00"))
    url = serve(WmsvService(DictLayers(layer), max_requests_per_s=2, retry_after_s=3,
                            clock=lambda: now[0]))
    result = harvest(url, "parcels", [11, 12], AREA_WKT_4326, "image/png", str(tmp_path),
                     metatile=1, sleep=sleep)
    expected = count_tiles([11, 12], AREA_WKT_4326)
    assert result.tiles == expected == len(written_tiles(tmp_path, "png"))
    assert waits and all(wait == 3 for wait in waits)
    assert result.requests == result.tiles + len(waits)


def test_private_layer_is_harvested_with_the_key_in_extras(gpkg, serve, tmp_path):
    layer = WmsvLayer("closed", str(gpkg), "parcels", fill_sld("parcels", "#0000ff"),
                      private=True, api_keys=("k-1",))
    url = serve(WmsvService(DictLayers(layer)))
    result = harvest(url, "closed", [10], AREA_WKT_4326, "image/png", str(tmp_path),
                     extras="apikey=k-1&transparent=true")
    assert result.tiles == count_tiles([10], AREA_WKT_4326)
    from sandbox.harvest import HarvestError

    with pytest.raises(HarvestError, match="401"):
        harvest(url, "closed", [10], AREA_WKT_4326, "image/png", str(tmp_path / "nokey"))


def test_cancel_stops_between_getmaps(gpkg, serve, tmp_path):
    layer = WmsvLayer("parcels", str(gpkg), "parcels", fill_sld("parcels", "#ff0000"))
    url = serve(WmsvService(DictLayers(layer)))
    progress_calls = []
    result = harvest(url, "parcels", [12, 13], AREA_WKT_4326, "image/jpeg", str(tmp_path),
                     progress=lambda done, total: progress_calls.append(done),
                     cancelled=lambda: len(progress_calls) >= 2, metatile=2)
    assert result.cancelled
    assert 0 < result.tiles < count_tiles([12, 13], AREA_WKT_4326)
    assert result.tiles == len(written_tiles(tmp_path, "jpg"))


def test_render_limit_walks_the_whole_tile_list_but_draws_only_that_many_getmaps(
        gpkg, serve, tmp_path):
    layer = WmsvLayer("parcels", str(gpkg), "parcels", fill_sld("parcels", "#ff0000"))
    url = serve(WmsvService(DictLayers(layer)))
    seen = []
    result = harvest(url, "parcels", [12, 13], AREA_WKT_4326, "image/png", str(tmp_path),
                     metatile=2, render_limit=3,
                     progress=lambda done, total: seen.append((done, total)))
    expected = count_tiles([12, 13], AREA_WKT_4326)
    assert result.requests == 3
    assert result.tiles == len(written_tiles(tmp_path, "png")) <= 3 * 4
    assert result.tiles + result.skipped == expected
    assert seen[-1] == (expected, expected)
