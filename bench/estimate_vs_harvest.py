"""Pyramid estimate vs harvest: the tiles (and bytes) the plugin announces per level, against
the tiles the sandbox's harvest actually wrote, for the sample layer published end to end.

Starts a sandbox on 127.0.0.1, publishes resources/sample/communes_demo.gpkg with the
workflow (levels top..bottom, JPEG), then counts the files of the generated pyramid level by
level. Prints, per level, estimated / produced tiles and their ratio, then the totals and the
ratio of the byte estimate (documented per-tile constant) to the bytes written.

    .venv/bin/python bench/estimate_vs_harvest.py [--top 8] [--bottom 14] [--format image/png]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, Tuple

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from gpf_wmts_publisher.plugin.publish.layer_source import LayerSource  # noqa: E402
from gpf_wmts_publisher.plugin.publish.session import password_api  # noqa: E402
from gpf_wmts_publisher.plugin.publish.spec import Publication  # noqa: E402
from gpf_wmts_publisher.plugin.publish.workflow import Workflow  # noqa: E402
from gpf_wmts_publisher.plugin.pyramid import (  # noqa: E402
    Bbox4326,
    ZoomRange,
    estimate_levels,
)

SAMPLE = ROOT / "resources" / "sample" / "communes_demo.gpkg"
EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png"}


def produced_per_level(pyramid_dir: Path, extension: str) -> Dict[int, Tuple[int, int]]:
    """{z: (tiles, bytes)} of a pyramid written as z/x/y.ext."""
    found: Dict[int, Tuple[int, int]] = {}
    for level_dir in pyramid_dir.iterdir():
        if not level_dir.is_dir() or not level_dir.name.isdigit():
            continue
        files = [f for f in level_dir.rglob(f"*{extension}") if f.is_file()]
        found[int(level_dir.name)] = (len(files), sum(f.stat().st_size for f in files))
    return found


def pyramid_dir_of(data_dir: Path, stored_data_id: str) -> Path:
    """Where the sandbox keeps this stored data's tiles (a folder named after its id)."""
    for candidate in data_dir.rglob("pyramid"):
        if candidate.is_dir() and stored_data_id in str(candidate):
            return candidate
    raise SystemExit(f"no pyramid folder for stored data {stored_data_id} under {data_dir}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=8)
    parser.add_argument("--bottom", type=int, default=14)
    parser.add_argument("--format", default="image/jpeg", choices=sorted(EXTENSIONS))
    args = parser.parse_args()

    from qgis.core import QgsApplication, QgsVectorLayer

    from tests.e2e.layers import open_styled_layer
    from tests.fixtures.sandbox import start_sandbox

    app = QgsApplication([], False)
    app.initQgis()
    layer = open_styled_layer(str(SAMPLE))
    if not isinstance(layer, QgsVectorLayer) or not layer.isValid():
        sys.exit(f"cannot open {SAMPLE}")
    source = LayerSource.from_layer(layer)
    zoom = ZoomRange(args.top, args.bottom)
    estimates = {e.level.z: e for e in estimate_levels(Bbox4326(*source.extent_wgs84), zoom,
                                                       tile_format=args.format)}

    with tempfile.TemporaryDirectory(prefix="gpf-estimate-") as tmp, \
            start_sandbox(Path(tmp) / "sandbox", step_delay=0.02) as sandbox:
        account = sandbox.accounts["formateur"]
        api = password_api(sandbox.api_url, sandbox.token_url, account["username"],
                           account["password"])
        spec = Publication(
            datastore_id=sandbox.datastores()["own"], datasheet_name="communes_estimate",
            wmsv_name="communes_estimate_wmsv", wmts_name="communes_estimate_wmts",
            pyramid_name="communes_estimate_pyramide", wmsv_title="Communes",
            wmts_title="Communes (WMTS)", abstract="Estimate vs harvest", layer=source,
            top_level=args.top, bottom_level=args.bottom, image_format=args.format)
        started = time.perf_counter()
        result = Workflow(api, spec, journal_dir=str(Path(tmp) / "journals"),
                          poll_first_s=0.05, poll_max_s=0.5).run()
        publish_s = time.perf_counter() - started
        stored_id = next(r["id"] for r in result.resources if r["kind"] == "stored_data_pyramid")
        announced = api.in_datastore(spec.datastore_id).stored_data(stored_id).raw
        produced = produced_per_level(pyramid_dir_of(sandbox.data_dir, stored_id),
                                      EXTENSIONS[args.format])

    print(f"layer: {SAMPLE.name}, {source.feature_count} features; levels {args.top}-"
          f"{args.bottom}, {args.format}; published in {publish_s:.1f} s")
    print(f"{'level':>5} {'estimated':>10} {'produced':>9} {'est/prod':>8} "
          f"{'est. bytes':>11} {'bytes':>10}")
    for z in sorted(estimates):
        tiles, size = produced.get(z, (0, 0))
        estimate = estimates[z]
        share = f"{estimate.tiles / tiles:.2f}" if tiles else "n/a"
        print(f"{z:>5} {estimate.tiles:>10,} {tiles:>9,} {share:>8} {estimate.bytes:>11,} "
              f"{size:>10,}")
    total_est = sum(e.tiles for e in estimates.values())
    total_tiles = sum(t for t, _ in produced.values())
    total_est_bytes = sum(e.bytes for e in estimates.values())
    total_bytes = sum(b for _, b in produced.values())
    extra = sorted(set(produced) - set(estimates))
    print(f"tiles: estimated {total_est:,}, produced {total_tiles:,} "
          f"(platform reports {(announced.get('type_infos') or {}).get('tiles', '?')})"
          + (f"; levels outside the range: {extra}" if extra else ""))
    if total_tiles:
        print(f"ratio estimated/produced tiles: {total_est / total_tiles:.3f}")
    if total_bytes:
        print(f"ratio estimated/produced bytes: {total_est_bytes / total_bytes:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
