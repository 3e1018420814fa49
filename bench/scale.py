"""How a publication scales: deeper pyramids, more features, a 1-million-feature layer.

Each row is one publication on a sandbox of its own (the default poll schedule), undone
after: the sample (300 polygons) at levels 10–12, 10–14 and 10–16; the sample's features 10×
and 100× (copies shifted by a few metres) at 10–14; one generated layer of 1 000 000 points
at 10–12. Printed per row: wall time, the sandbox's busy time (its work and deliberate
pauses, /admin/work), the client overhead (wall − busy), the client's requests (of which
polls), the client's CPU time and its peak RSS (the whole process: QGIS included). Judged
here: the overhead at 10–16 as a share of the wall time (goal ≤ 5 %) and the 1-million
-feature layer's client peak memory (goal ≤ 300 MB).

    .venv/bin/python bench/scale.py [--only sample-10-12 ...] [--million 1000000]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, List

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.upload_throughput import MB, PeakRss  # noqa: E402

SAMPLE = ROOT / "resources" / "sample" / "communes_demo.gpkg"
SAMPLE_LAYER = "Communes Démo"
MEMORY_GOAL_MB = 300
OVERHEAD_GOAL = 0.05


def multiplied_sample(path: Path, times: int) -> str:
    """The sample's polygons ``times`` over, each copy shifted 5 m east of the previous."""
    from osgeo import ogr

    source = ogr.Open(str(SAMPLE))
    layer = source.GetLayerByName(SAMPLE_LAYER)
    target = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    out = target.CreateLayer("communes", layer.GetSpatialRef(), layer.GetGeomType())
    definition = layer.GetLayerDefn()
    for index in range(definition.GetFieldCount()):
        out.CreateField(definition.GetFieldDefn(index))
    out.StartTransaction()
    for copy in range(times):
        layer.ResetReading()
        for feature in layer:
            geometry = _translated(feature.GetGeometryRef().Clone(), 5.0 * copy)
            new = ogr.Feature(out.GetLayerDefn())
            new.SetFrom(feature)
            new.SetGeometry(geometry)
            out.CreateFeature(new)
    out.CommitTransaction()
    target = None
    return f"{path}|layername=communes"


def _translated(geometry, dx: float):
    """``geometry`` moved ``dx`` metres east (every point of every ring)."""
    if geometry.GetGeometryCount():
        for index in range(geometry.GetGeometryCount()):
            _translated(geometry.GetGeometryRef(index), dx)
        return geometry
    for point in range(geometry.GetPointCount()):
        geometry.SetPoint_2D(point, geometry.GetX(point) + dx, geometry.GetY(point))
    return geometry


def million_points(path: Path, count: int) -> str:
    """``count`` points on a regular grid over the sample's extent, with a name each."""
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    target = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    out = target.CreateLayer("points", srs, ogr.wkbPoint)
    out.CreateField(ogr.FieldDefn("nom", ogr.OFTString))
    side = int(count ** 0.5) + 1
    x0, y0, width, height = 830000.0, 6500000.0, 40000.0, 30000.0
    out.StartTransaction()
    feature = ogr.Feature(out.GetLayerDefn())
    point = ogr.Geometry(ogr.wkbPoint)
    for index in range(count):
        point.SetPoint_2D(0, x0 + width * (index % side) / side,
                          y0 + height * (index // side) / side)
        feature.SetGeometry(point)
        feature.SetField("nom", f"point {index}")
        feature.SetFID(-1)
        out.CreateFeature(feature)
    out.CommitTransaction()
    target = None
    return f"{path}|layername=points"


def publish_once(work: str, uri: str, top: int, bottom: int,
                 harvest_render_limit=None) -> Dict[str, float]:
    """One publication of ``uri`` on a fresh sandbox; its figures."""
    import gpf_wmts_publisher.plugin.publish.context as context_module
    from gpf_wmts_publisher.plugin.publish.layer_source import LayerSource
    from gpf_wmts_publisher.plugin.publish.session import password_api
    from gpf_wmts_publisher.plugin.publish.spec import Publication
    from gpf_wmts_publisher.plugin.publish.workflow import Workflow
    from qgis.core import QgsVectorLayer

    from tests.fixtures.sandbox import start_sandbox

    directory = tempfile.mkdtemp(dir=work)
    with start_sandbox(Path(directory) / "sandbox", step_delay=0.2,
                       harvest_render_limit=harvest_render_limit) as sandbox:
        account = sandbox.accounts["formateur"]
        api = password_api(sandbox.api_url, sandbox.token_url, account["username"],
                           account["password"])
        polls: List[int] = []
        real_wait_for = context_module.wait_for

        def counting_wait_for(poll, done, **options):
            def counted():
                polls.append(1)
                return poll()
            return real_wait_for(counted, done, **options)

        name = f"scale_{int(time.time())}"
        context_module.wait_for = counting_wait_for
        work_before = sandbox.admin("GET", "work").json()
        cpu_before = os.times()
        started = time.monotonic()
        try:
            with PeakRss(interval_s=0.05) as rss:
                layer = QgsVectorLayer(uri, "scale", "ogr")
                spec = Publication(
                    datastore_id=sandbox.datastores()["sandbox"], datasheet_name=name,
                    wmsv_name=f"{name}_wmsv", wmts_name=f"{name}_wmts",
                    pyramid_name=f"{name}_pyr", wmsv_title="Scale", wmts_title="Scale",
                    abstract="Scale", layer=LayerSource.from_layer(layer), top_level=top,
                    bottom_level=bottom)
                workflow = Workflow(api, spec, journal_dir=directory)
                workflow.run()
        finally:
            context_module.wait_for = real_wait_for
        wall = time.monotonic() - started
        cpu_after = os.times()
        work_after = sandbox.admin("GET", "work").json()
        requests = api.client.requests
        workflow.undo()
    busy = work_after["busy_s"] - work_before["busy_s"]
    return {"wall": wall, "busy": busy, "overhead": wall - busy, "requests": requests,
            "polls": len(polls),
            "cpu": (cpu_after.user - cpu_before.user) + (cpu_after.system - cpu_before.system),
            "peak_mb": rss.peak_rss / MB, "features": layer.featureCount()}


def judge(name: str, row: Dict[str, float]) -> None:
    """The verdict lines of the rows that have a goal."""
    from bench._util import verdict

    if name == "sample-10-16":
        share = row["overhead"] / row["wall"]
        print(f"overhead at levels 10–16: {row['overhead']:.2f} s of {row['wall']:.1f} s wall"
              f" = {share:.1%}", flush=True)
        print(verdict("P2-deep", f"{share:.1%} of the wall time (overhead at levels 10–16)",
                      f"≤ {OVERHEAD_GOAL:.0%}", share <= OVERHEAD_GOAL), flush=True)
    if name == "1M-points-10-12":
        print(verdict("memory-1M", f"{row['peak_mb']:.0f} MB client peak RSS with "
                      f"{row['features']} features", f"≤ {MEMORY_GOAL_MB} MB",
                      row["peak_mb"] <= MEMORY_GOAL_MB), flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="row names (see the table)")
    parser.add_argument("--million", type=int, default=1_000_000,
                        help="features of the generated layer")
    args = parser.parse_args()

    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    sample = f"{SAMPLE}|layername={SAMPLE_LAYER}"
    rows = {}
    with tempfile.TemporaryDirectory() as work:
        plans = [
            ("sample-10-12", lambda: (sample, 10, 12, None)),
            ("sample-10-14", lambda: (sample, 10, 14, None)),
            ("sample-10-16", lambda: (sample, 10, 16, None)),
            # The sandbox draws 4 of the harvest's GetMaps (each over a million points):
            # the client's side — export, upload, polls — is what this row measures.
            ("1M-points-10-12", lambda: (million_points(Path(work) / "million.gpkg",
                                                        args.million), 10, 12, 4)),
            ("10x-10-14", lambda: (multiplied_sample(Path(work) / "x10.gpkg", 10), 10, 14,
                                   None)),
            ("100x-10-14", lambda: (multiplied_sample(Path(work) / "x100.gpkg", 100), 10, 14,
                                    None)),
        ]
        for name, plan in plans:
            if args.only and name not in args.only:
                continue
            started = time.monotonic()
            uri, top, bottom, limit = plan()
            print(f"{name}: layer ready in {time.monotonic() - started:.0f} s", flush=True)
            rows[name] = publish_once(work, uri, top, bottom, limit)
            row = rows[name]
            print(f"  {name}: {row['features']} features, wall {row['wall']:.1f} s, server "
                  f"busy {row['busy']:.1f} s, overhead {row['overhead']:.2f} s, requests "
                  f"{row['requests']} ({row['polls']} polls), client CPU {row['cpu']:.1f} s, "
                  f"peak {row['peak_mb']:.0f} MB", flush=True)
            judge(name, row)   # at once: a bench stopped later keeps the verdicts it reached
    print()
    print("| publication | features | wall s | server busy s | overhead s | requests (polls) "
          "| client CPU s | client peak RSS MB |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, row in rows.items():
        print(f"| {name} | {row['features']} | {row['wall']:.1f} | {row['busy']:.1f} | "
              f"{row['overhead']:.2f} | {row['requests']} ({row['polls']}) | "
              f"{row['cpu']:.1f} | {row['peak_mb']:.0f} |")
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
