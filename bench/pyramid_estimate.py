"""Pyramid size of the sample layer, level by level: tile counts, the storage estimate from the
documented per-tile constants, and the same estimate from tiles rendered from the layer itself
(qgis_sample.measure_tile_sizes, JPEG and PNG). Prints the ratio constant / measured.

`.venv/bin/python bench/pyramid_estimate.py [top bottom] [--samples N]`
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / ".venv" / "qgis-plugins"))

from gpf_wmts_publisher.plugin.pyramid import (  # noqa: E402
    BYTES_PER_TILE,
    ZoomRange,
    advise,
    area_wkt,
    estimate_levels,
    human_bytes,
    total_bytes,
)
from gpf_wmts_publisher.plugin.pyramid.qgis_extent import (  # noqa: E402
    extent_to_bbox_3857,
    extent_to_bbox_4326,
)
from gpf_wmts_publisher.plugin.pyramid.qgis_sample import measure_tile_sizes  # noqa: E402
from qgis.core import QgsApplication, QgsVectorLayer  # noqa: E402

SAMPLE = ROOT / "resources" / "sample" / "communes_demo.gpkg"
FORMATS = ("image/jpeg", "image/png")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("top", nargs="?", type=int, default=4)
    parser.add_argument("bottom", nargs="?", type=int, default=16)
    parser.add_argument("--samples", type=int, default=16, help="tiles rendered per level")
    args = parser.parse_args()

    app = QgsApplication([], False)
    app.initQgis()
    layer = QgsVectorLayer(str(SAMPLE), "sample", "ogr")
    if not layer.isValid():
        sys.exit(f"cannot open {SAMPLE}")
    zoom_range = ZoomRange(args.top, args.bottom)
    bbox3857 = extent_to_bbox_3857(layer.extent(), layer.crs())
    print(f"layer: {SAMPLE.name}, {layer.featureCount()} features, {layer.crs().authid()}")
    print(f"harvest_area: {area_wkt(extent_to_bbox_4326(layer.extent(), layer.crs()))}")

    levels = [level.z for level in zoom_range.levels()]
    measured = {fmt: measure_tile_sizes([layer], bbox3857, levels, tile_format=fmt,
                                        samples_per_level=args.samples, seed=42)
                for fmt in FORMATS}
    constant = {fmt: estimate_levels(bbox3857, zoom_range, tile_format=fmt) for fmt in FORMATS}
    from_sample = {fmt: estimate_levels(bbox3857, zoom_range, bytes_per_tile=measured[fmt])
                   for fmt in FORMATS}

    print(f"\n{'level':<22}{'tiles':>10}{'est. jpeg':>12}{'est. png':>12}"
          f"{'meas. jpeg/tile':>17}{'meas. png/tile':>16}")
    for jpeg, png in zip(constant["image/jpeg"], constant["image/png"]):
        z = jpeg.level.z
        print(f"{jpeg.level.label:<22}{jpeg.tiles:>10,}{human_bytes(jpeg.bytes):>12}"
              f"{human_bytes(png.bytes):>12}{measured['image/jpeg'][z]:>15,} B"
              f"{measured['image/png'][z]:>14,} B")

    print(f"\ntotal tiles {sum(e.tiles for e in constant['image/jpeg']):,}")
    for fmt in FORMATS:
        by_constant = total_bytes(constant[fmt])
        by_sample = total_bytes(from_sample[fmt])
        print(f"{fmt}: from constant ({BYTES_PER_TILE[fmt]:,} B/tile) {human_bytes(by_constant)};"
              f" from rendered sample {human_bytes(by_sample)};"
              f" ratio constant/measured = {by_constant / by_sample:.2f}")
    for advice in advise(zoom_range, bbox3857, feature_count=layer.featureCount()):
        print(f"advice {advice.code}: {advice.message_en}")
    app.exitQgis()


if __name__ == "__main__":
    main()
