"""Sandbox rendering figures: WMS-V GetMap latency, harvest throughput, WMTS GetTile latency.

Everything runs over real HTTP on 127.0.0.1 (werkzeug threaded servers), in one process, on a
GeoPackage of 1 600 styled polygons built in a temporary folder. Prints medians, p95 and the
meta-tile speed-up ratio measured in this run. `.venv/bin/python bench/sandbox_render.py`
"""

from __future__ import annotations

import logging
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import requests
from werkzeug.middleware.dispatcher import DispatcherMiddleware
from werkzeug.serving import make_server

from sandbox import pm_grid
from sandbox.harvest import count_tiles, harvest
from sandbox.wmsv import WmsvLayer, WmsvService, ensure_qgis_app
from sandbox.wmts import WmtsLayer, WmtsService

AREA = (2.25, 48.75, 2.45, 48.95)
AREA_WKT = "POLYGON((2.25 48.75, 2.45 48.75, 2.45 48.95, 2.25 48.95, 2.25 48.75))"
GRID = 40  # GRID × GRID polygons over the area
SLD = b"""<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld"
  xmlns:ogc="http://www.opengis.net/ogc">
 <NamedLayer><Name>cells</Name><UserStyle><Name>cells</Name><FeatureTypeStyle><Rule>
  <PolygonSymbolizer><Fill><CssParameter name="fill">#3388cc</CssParameter></Fill>
  <Stroke><CssParameter name="stroke">#113355</CssParameter>
  <CssParameter name="stroke-width">1</CssParameter></Stroke></PolygonSymbolizer>
 </Rule></FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>"""


class Layers:
    def __init__(self, layer):
        self.layer = layer

    def __call__(self, name):
        return self.layer if name == self.layer.name else None

    def all(self):
        return [self.layer]


def make_gpkg(folder: Path) -> Path:
    from qgis.core import (
        QgsCoordinateTransformContext,
        QgsFeature,
        QgsGeometry,
        QgsRectangle,
        QgsVectorFileWriter,
        QgsVectorLayer,
    )

    memory = QgsVectorLayer("Polygon?crs=EPSG:4326&field=id:integer", "cells", "memory")
    step_x, step_y = (AREA[2] - AREA[0]) / GRID, (AREA[3] - AREA[1]) / GRID
    features = []
    for i in range(GRID):
        for j in range(GRID):
            feature = QgsFeature(memory.fields())
            x, y = AREA[0] + i * step_x, AREA[1] + j * step_y
            rect = QgsRectangle(x, y, x + step_x * 0.8, y + step_y * 0.8)
            feature.setGeometry(QgsGeometry.fromRect(rect))
            feature.setAttributes([i * GRID + j])
            features.append(feature)
    memory.dataProvider().addFeatures(features)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName = "GPKG", "cells"
    path = folder / "cells.gpkg"
    QgsVectorFileWriter.writeAsVectorFormatV3(
        memory, str(path), QgsCoordinateTransformContext(), options
    )
    return path


def serve(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def percentiles(samples_s):
    ordered = sorted(samples_s)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def getmap_latency(session, url, size: int, runs: int, rng: random.Random):
    min_x, min_y, max_x, max_y = pm_grid.mercator_bbox_of_lonlat(AREA)
    samples = []
    for _ in range(runs):
        span = (max_x - min_x) * rng.uniform(0.1, 0.5)
        x = rng.uniform(min_x, max_x - span)
        y = rng.uniform(min_y, max_y - span)
        params = {
            "SERVICE": "WMS", "VERSION": "1.3.0", "REQUEST": "GetMap", "LAYERS": "cells",
            "STYLES": "", "CRS": "EPSG:3857", "BBOX": f"{x},{y},{x + span},{y + span}",
            "WIDTH": size, "HEIGHT": size, "FORMAT": "image/png",
        }
        started = time.perf_counter()
        response = session.get(url, params=params, timeout=60)
        samples.append(time.perf_counter() - started)
        assert response.headers["Content-Type"] == "image/png", response.text[:200]
    return percentiles(samples)


def main() -> None:
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one line per request drowns the figures
    ensure_qgis_app()
    rng = random.Random(42)
    with tempfile.TemporaryDirectory(prefix="bench-sandbox-render-") as tmp:
        folder = Path(tmp)
        gpkg = make_gpkg(folder)
        wmsv_layer = WmsvLayer("cells", str(gpkg), "cells", SLD)
        # No rate limit here: the bench measures rendering, not the platform's quota.
        wmsv = serve(WmsvService(Layers(wmsv_layer), max_requests_per_s=10**9))
        wmsv_url = f"http://127.0.0.1:{wmsv.server_port}/wms-v/ows"
        with requests.Session() as session:
            getmap_latency(session, wmsv_url, 256, 3, rng)  # warm the project cache
            for size, runs in ((256, 60), (1024, 30)):
                median, p95 = getmap_latency(session, wmsv_url, size, runs, rng)
                print(f"WMS-V GetMap {size}px png: median {median:.1f} ms, p95 {p95:.1f} ms "
                      f"({runs} requests)")

            levels = [10, 11, 12, 13, 14]
            total = count_tiles(levels, AREA_WKT)
            speeds = {}
            for metatile in (4, 1):
                out = folder / f"pyramid_m{metatile}"
                result = harvest(wmsv_url, "cells", levels, AREA_WKT, "image/jpeg", str(out),
                                 session=session, metatile=metatile)
                assert result.tiles == total
                speeds[metatile] = result.tiles / result.seconds
                print(f"harvest levels 10-14 ({result.tiles} tiles), metatile {metatile}: "
                      f"{speeds[metatile]:.0f} tiles/s, {result.requests} GetMap, "
                      f"{result.seconds:.2f} s")
            print(f"meta-tiles 4x4 vs single tiles: {speeds[4] / speeds[1]:.2f}x tiles/s")

            wmts_layer = WmtsLayer("cells_wmts", "Cells", "", str(folder / "pyramid_m4"),
                                   levels, "image/jpeg", AREA)
            wmts_service = WmtsService(Layers(wmts_layer), lambda: None)
            wmts = serve(DispatcherMiddleware(wmts_service, {"/wmts": wmts_service}))
            wmts_url = f"http://127.0.0.1:{wmts.server_port}/wmts"
            tiles = sorted((folder / "pyramid_m4").rglob("*.jpg"))
            session.get(wmts_url, params={"SERVICE": "WMTS", "REQUEST": "GetCapabilities"})
            samples = []
            for path in rng.sample(tiles, min(200, len(tiles))):
                z, col, row = path.parts[-3], path.parts[-2], path.stem
                started = time.perf_counter()
                response = session.get(f"{wmts_url}/1.0.0/cells_wmts/normal/PM/{z}/{row}/{col}.jpg")
                samples.append(time.perf_counter() - started)
                assert response.content == path.read_bytes()
            median, p95 = percentiles(samples)
            print(f"WMTS GetTile (REST, MapProxy): median {median:.2f} ms, p95 {p95:.2f} ms "
                  f"({len(samples)} tiles)")
        wmsv.shutdown()
        wmts.shutdown()


if __name__ == "__main__":
    main()
