"""P1: the plugin's upload against `curl -F`, to the sandbox's upload route, with a real
GeoPackage of ≥ 1 GB (generated: points with an incompressible text column).

The upload phase is ``EntrepotApi.push_data``, the call the data step makes (streamed
multipart, MD5 in the same pass); curl sends the same file to the same route with a token.
They alternate, several pairs, after one untimed upload each (the sandbox's first write and
the generated file's write-back are no one's upload time); every timed upload starts after
``os.sync()``, so neither pays for the disk writes of the one before. Each pair gives curl
time / client time. Judged on the median pair (goal ≥ 0.90 of curl); the MD5 the upload
computed is checked against a separate pass, and the peak RSS growth during the client's
uploads is printed (goal ≤ 64 MB).

Beside it, the whole data step as a publication runs it (plugin/publish/steps/data.py, the
generated GeoPackage opened as a QGIS layer): export, upload with the MD5 in its pass, then
md5 file, close and checks, each phase timed (the file is read once: the export writes it,
the upload reads and hashes it).

    .venv/bin/python bench/upload_vs_curl.py [--size-mb 1100] [--pairs 5] [--no-data-step]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))  # upload_throughput imports its sibling _util

from bench._util import verdict  # noqa: E402
from bench.upload_throughput import MB, PeakRss  # noqa: E402

ROW_TEXT = 4096  # bytes of random text per feature


def make_geopackage(path: Path, size_mb: int) -> int:
    """A valid GeoPackage (made by GDAL) grown past ``size_mb`` with SQLite inserts."""
    from osgeo import ogr, osr

    driver = ogr.GetDriverByName("GPKG")
    source = driver.CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    # No R-tree: its triggers call GDAL's SQL functions, absent from plain sqlite3.
    layer = source.CreateLayer("points", srs, ogr.wkbPoint, ["SPATIAL_INDEX=NO"])
    layer.CreateField(ogr.FieldDefn("payload", ogr.OFTString))
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT (650000 6860000)"))
    feature.SetField("payload", "seed")
    layer.CreateFeature(feature)
    source = None
    rows = size_mb * MB // ROW_TEXT + 1
    with sqlite3.connect(str(path)) as db:
        geometry = db.execute("SELECT geom FROM points LIMIT 1").fetchone()[0]
        batch = 2000
        for start in range(0, rows, batch):
            db.executemany("INSERT INTO points (geom, payload) VALUES (?, ?)",
                           ((geometry, os.urandom(ROW_TEXT // 2).hex())
                            for _ in range(min(batch, rows - start))))
    return path.stat().st_size


def curl_upload(url: str, token: str, path: Path) -> float:
    command = ["curl", "-sS", "-f", "-o", "/dev/null", "-H", "Expect:", "-H",
               f"Authorization: Bearer {token}", "-F", f"file=@{path}", url]
    started = time.perf_counter()
    subprocess.run(command, check=True)
    return time.perf_counter() - started


def time_data_step(sandbox, gpkg: Path, work: str) -> str:
    """The data step of a publication of the generated GeoPackage, phase by phase (from the
    step's checkpoints): export, upload (MD5 in its pass), md5 file + close + checks."""
    from gpf_wmts_publisher.plugin.publish.layer_source import LayerSource
    from gpf_wmts_publisher.plugin.publish.session import password_api
    from gpf_wmts_publisher.plugin.publish.spec import Publication
    from gpf_wmts_publisher.plugin.publish.steps.data import DataStep
    from gpf_wmts_publisher.plugin.publish.workflow import Workflow
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(f"{gpkg}|layername=points", "points", "ogr")
    account = sandbox.accounts["formateur"]
    api = password_api(sandbox.api_url, sandbox.token_url, account["username"],
                       account["password"])
    spec = Publication(datastore_id=sandbox.datastores()["own"], datasheet_name="bench_data",
                       wmsv_name="bench_data_wmsv", wmts_name="bench_data_wmts",
                       pyramid_name="bench_data_pyr", wmsv_title="Bench", wmts_title="Bench",
                       abstract="Bench", layer=LayerSource.from_layer(layer), top_level=10,
                       bottom_level=12)
    marks = {}

    def mark(name: str) -> None:
        marks.setdefault(name, time.perf_counter())

    os.sync()
    fresh = tempfile.mkdtemp(dir=work)   # a journal of its own: nothing of a run is reused
    workflow = Workflow(api, spec, journal_dir=fresh, work_dir=str(Path(fresh) / "export"),
                        steps=[DataStep()], checkpoint_hook=mark)
    started = time.perf_counter()
    workflow.run()
    ended = time.perf_counter()
    export = workflow.journal.get("export")
    workflow.undo()
    upload_started = marks["sending:upload"]
    upload_s = marks["sent:upload"] - upload_started
    return (f"whole data step (export + upload with MD5 in its pass + md5 file, close, "
            f"checks) of the {export['size'] / MB:.0f} MB layer: {ended - started:.1f} s = "
            f"export and upload creation {upload_started - started:.1f} s + upload "
            f"{upload_s:.1f} s ({export['size'] / MB / upload_s:.0f} MB/s) + the rest "
            f"{ended - marks['sent:upload']:.1f} s (the sandbox writes the upload on the disk "
            f"the export's pages are still being written back to: a remote platform would not)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=1100)
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--no-data-step", action="store_true",
                        help="skip the timing of the whole data step")
    args = parser.parse_args()
    if shutil.which("curl") is None:
        print("curl is not installed")
        print(verdict("P1", "not measured", "≥ 0.90 of curl", False))
        return 1
    from gpf_wmts_publisher.plugin.publish.session import password_api
    from qgis.core import QgsApplication

    from tests.fixtures.sandbox import start_sandbox

    app = QgsApplication([], False)
    app.initQgis()

    with tempfile.TemporaryDirectory() as work:
        gpkg = Path(work) / "bench.gpkg"
        started = time.perf_counter()
        size = make_geopackage(gpkg, args.size_mb)
        print(f"GeoPackage generated: {size / MB:.0f} MB in {time.perf_counter() - started:.0f}"
              " s (GDAL-made, points + incompressible text)")
        with start_sandbox(Path(work) / "sandbox", token_lifetime=600) as sandbox:
            account = sandbox.accounts["formateur"]
            api = password_api(sandbox.api_url, sandbox.token_url, account["username"],
                               account["password"]).in_datastore(sandbox.datastores()["own"])
            upload = api.create_upload("bench_upload", srs="EPSG:2154")
            route = (f"{sandbox.api_url}/datastores/{api.datastore_id}/uploads/{upload.id}"
                     f"/data?path=data/bench.gpkg")
            client_s, curl_s, md5 = [], [], None
            os.sync()   # the generated file's write-back is nobody's upload time
            api.push_data(upload.id, str(gpkg), "bench.gpkg")     # untimed: warm-up
            curl_upload(route, sandbox.token(), gpkg)
            with PeakRss() as rss:
                for pair in range(args.pairs):
                    first_client = pair % 2 == 0   # alternate who goes first
                    for who in (("client", "curl") if first_client else ("curl", "client")):
                        os.sync()   # the previous upload's disk writes are not this one's
                        if who == "client":
                            t0 = time.perf_counter()
                            md5 = api.push_data(upload.id, str(gpkg), "bench.gpkg")
                            client_s.append(time.perf_counter() - t0)
                        else:
                            curl_s.append(curl_upload(route, sandbox.token(), gpkg))
                    print(f"  pair {pair + 1}: client {client_s[-1]:.2f} s, curl "
                          f"{curl_s[-1]:.2f} s, curl/client {curl_s[-1] / client_s[-1]:.2f}")
            expected = hashlib.md5()
            with gpkg.open("rb") as handle:
                for chunk in iter(lambda: handle.read(MB), b""):
                    expected.update(chunk)
            api.delete_upload(upload.id)   # room in the quota for the data step's upload
            data_step = None if args.no_data_step else time_data_step(sandbox, gpkg, work)
    ratios = [c / k for c, k in zip(curl_s, client_s)]
    median = statistics.median(ratios)
    print(f"upload of {size / MB:.0f} MB to the sandbox's upload route: client "
          f"{size / MB / statistics.median(client_s):.0f} MB/s, curl "
          f"{size / MB / statistics.median(curl_s):.0f} MB/s (medians); ratio client/curl per "
          f"pair {', '.join(f'{r:.2f}' for r in ratios)}, median {median:.2f}")
    print(f"MD5 in the upload's pass {'matches' if md5 == expected.hexdigest() else 'DIFFERS'}"
          f" from a separate pass; client peak RSS growth {rss.growth_mb:.1f} MB (goal ≤ 64)")
    if data_step:
        print(data_step)
    met = median >= 0.90 and md5 == expected.hexdigest() and rss.growth_mb <= 64
    print(verdict("P1", f"{median:.2f} of curl (median of {len(ratios)} pairs)",
                  "≥ 0.90 of curl", met))
    return 0


if __name__ == "__main__":
    sys.exit(main())
