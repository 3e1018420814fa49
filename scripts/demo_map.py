"""``make demo``'s second publication: the sample map (resources/sample/carte_demo.gpkg,
three styled layers, each with its own visibility range) as one WMTS, then one picture per
published level, ``map_z<level>.png``, and which layers each level shows.

Which layers a level should show is what QGIS decides at the level's scale (the plugin's rule,
plugin/sld/scale_range.py); which it does show is read from the picture, by each layer's own
colour. The report gives both; they must agree.
"""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path
from typing import Dict, List

ROOT = Path(__file__).resolve().parents[1]
MAP_SAMPLE = ROOT / "resources" / "sample" / "carte_demo.gpkg"
MAP_TOP, MAP_BOTTOM = 10, 13
# each layer's colour in the sample's style (scripts/make_map_sample.py)
LAYER_COLOURS = {"Villages": (8, 81, 156), "Routes": (215, 48, 31),
                 "Occupation du sol": (49, 163, 84)}
COLOUR_TOLERANCE = 40
MIN_SHARE = 0.0005   # of the picture's pixels, for a layer to count as shown


def map_spec(datastore_id: str, layers):
    from gpf_wmts_publisher.plugin.publish.map_source import sources_of
    from gpf_wmts_publisher.plugin.publish.spec import PNG, Publication

    stamp = datetime.now().strftime("%H%M%S")
    base = f"carte_demo_{stamp}"
    return Publication(
        datastore_id=datastore_id, datasheet_name=base, data_name=base,
        wmsv_name=f"{base}_wmsv", wmts_name=f"{base}_wmts", pyramid_name=f"{base}_pyr",
        wmsv_title="Carte (démo)", wmts_title="Carte (démo) — WMTS",
        abstract="Une carte de trois couches publiée par make demo sur le bac à sable local.",
        keywords=("démo", "carte"), layers=sources_of(layers), top_level=MAP_TOP,
        bottom_level=MAP_BOTTOM, image_format=PNG, producer="Démo QGIS",
        production_year="2026")


def publish_map(api, datastore_id: str, work: Path):
    """The map through the plugin's Workflow; (spec, result)."""
    from gpf_wmts_publisher.plugin.publish.workflow import Workflow

    from scripts.make_map_sample import open_layers

    layers = open_layers(MAP_SAMPLE)
    spec = map_spec(datastore_id, layers)
    steps = {"last": ""}

    def progress(percent: float, step: str, message: str) -> None:
        if step != steps["last"]:
            print(f"  [{percent:5.1f} %] map {step}: {message}", flush=True)
            steps["last"] = step

    workflow = Workflow(api, spec, journal_dir=str(work / "journals"), progress=progress,
                        poll_first_s=0.2, poll_max_s=2.0)
    started = time.monotonic()
    result = workflow.run()
    return spec, result, round(time.monotonic() - started, 2)


def expected_layers(spec, z: int) -> List[str]:
    """The layers QGIS draws at level ``z``'s scale, top of the tree first."""
    from gpf_wmts_publisher.plugin.sld.scale_range import visible_levels

    return [s.name for s in spec.sources
            if z in visible_levels(s.scale_visibility, s.minimum_scale, s.maximum_scale)]


def seen_layers(image) -> Dict[str, float]:
    """Each layer's share of the picture's pixels, found by its colour."""
    width, height = image.width(), image.height()
    counts = dict.fromkeys(LAYER_COLOURS, 0)
    for y in range(0, height, 2):
        for x in range(0, width, 2):
            colour = image.pixelColor(x, y)
            rgb = (colour.red(), colour.green(), colour.blue())
            for name, wanted in LAYER_COLOURS.items():
                if all(abs(a - b) <= COLOUR_TOLERANCE for a, b in zip(rgb, wanted)):
                    counts[name] += 1
    total = max((width // 2) * (height // 2), 1)
    return {name: round(count / total, 4) for name, count in counts.items()}


def render_map_levels(result, spec, output: Path) -> List[dict]:
    """``map_z<level>.png`` for every published level, and what each shows."""
    from gpf_wmts_publisher.plugin.pyramid import Bbox4326, bbox_4326_to_3857
    from gpf_wmts_publisher.plugin.wmts.levels import level_extent
    from gpf_wmts_publisher.plugin.wmts.qgis_layer import open_wmts_layer
    from gpf_wmts_publisher.plugin.wmts.renders import render_layers
    from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle
    from qgis.PyQt.QtCore import QSize

    # the plugin's opener: the first publication's capabilities, cached by QGIS, are older
    layer, _ = open_wmts_layer(result.capabilities_url, result.wmts_layer_name)
    west, south, east, north = bbox_4326_to_3857(Bbox4326(*spec.effective_extent_wgs84))
    centre = ((west + east) / 2, (south + north) / 2)
    levels = []
    for z in result.levels:
        image = render_layers([layer], QgsRectangle(*level_extent(z, centre, 1024, 768)),
                              QgsCoordinateReferenceSystem("EPSG:3857"), QSize(1024, 768))
        path = output / f"map_z{z}.png"
        image.save(str(path))
        shares = seen_layers(image)
        seen = [name for name in LAYER_COLOURS if shares[name] >= MIN_SHARE]
        expected = expected_layers(spec, z)
        levels.append({"level": z, "path": str(path), "expected_layers": expected,
                       "seen_layers": seen, "colour_shares": shares,
                       "agree": sorted(seen) == sorted(expected)})
    return levels


def run_map(api, datastore_id: str, work: Path, output: Path) -> dict:
    spec, result, wall = publish_map(api, datastore_id, work)
    print(f"PUBLISHED map {result.wmts_layer_name} in {wall:.1f} s")
    levels = render_map_levels(result, spec, output)
    for level in levels:
        print(f"  level {level['level']}: shows {', '.join(level['seen_layers']) or '—'}"
              f" (QGIS: {', '.join(level['expected_layers']) or '—'})"
              f"{'' if level['agree'] else '  ← DISAGREE'}")
    return {"wmts_layer_name": result.wmts_layer_name,
            "capabilities_url": result.capabilities_url,
            "layers_top_first": [s.name for s in spec.sources],
            "levels": result.levels, "publish_wall_s": wall, "renders": levels,
            "resources": result.resources}


def report_lines(report: dict) -> List[str]:
    lines = ["## The map (several layers, one WMTS)", "",
             f"- WMTS layer: `{report['wmts_layer_name']}`",
             f"- Layers, top of the layer tree first: {', '.join(report['layers_top_first'])}",
             f"- Levels published: {report['levels']}; wall time {report['publish_wall_s']} s",
             "", "| level | layers shown (picture) | layers QGIS draws at the level's scale "
             "| agree | picture |", "|---|---|---|---|---|"]
    for level in report["renders"]:
        lines.append(f"| {level['level']} | {', '.join(level['seen_layers']) or '—'} | "
                     f"{', '.join(level['expected_layers']) or '—'} | "
                     f"{'yes' if level['agree'] else 'NO'} | "
                     f"![z{level['level']}]({Path(level['path']).name}) |")
    return [*lines, ""]
