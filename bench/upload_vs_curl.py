"""P1: the plugin's upload against `curl -F`, to the sandbox's upload route, with a real
GeoPackage of ≥ 1 GB (generated: points with an incompressible text column).

The upload phase is ``EntrepotApi.push_data``, the call the data step makes (streamed
multipart, MD5 in the same pass); curl sends the same file to the same route with a token.
They alternate, several pairs; each pair gives curl time / client time. Judged on the median
pair (goal ≥ 0.90 of curl); the MD5 the upload computed is checked against a separate pass,
and the peak RSS growth during the client's uploads is printed (goal ≤ 64 MB).

    .venv/bin/python bench/upload_vs_curl.py [--size-mb 1100] [--pairs 3]
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=1100)
    parser.add_argument("--pairs", type=int, default=3)
    args = parser.parse_args()
    if shutil.which("curl") is None:
        print("curl is not installed")
        print(verdict("P1", "not measured", "≥ 0.90 of curl", False))
        return 1
    from gpf_wmts_publisher.plugin.publish.session import password_api

    from tests.fixtures.sandbox import start_sandbox

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
            with PeakRss() as rss:
                for pair in range(args.pairs):
                    first_client = pair % 2 == 0   # alternate who goes first
                    for who in (("client", "curl") if first_client else ("curl", "client")):
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
    ratios = [c / k for c, k in zip(curl_s, client_s)]
    median = statistics.median(ratios)
    print(f"upload of {size / MB:.0f} MB to the sandbox's upload route: client "
          f"{size / MB / statistics.median(client_s):.0f} MB/s, curl "
          f"{size / MB / statistics.median(curl_s):.0f} MB/s (medians); ratio client/curl per "
          f"pair {', '.join(f'{r:.2f}' for r in ratios)}, median {median:.2f}")
    print(f"MD5 in the upload's pass {'matches' if md5 == expected.hexdigest() else 'DIFFERS'}"
          f" from a separate pass; client peak RSS growth {rss.growth_mb:.1f} MB (goal ≤ 64)")
    met = median >= 0.90 and md5 == expected.hexdigest() and rss.growth_mb <= 64
    print(verdict("P1", f"{median:.2f} of curl (median of {len(ratios)} pairs)",
                  "≥ 0.90 of curl", met))
    return 0


if __name__ == "__main__":
    sys.exit(main())
