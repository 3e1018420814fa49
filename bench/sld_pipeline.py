"""SLD pipeline figures: export + transform + validate of a 1 000-class categorized style
(goal: under 0.5 s in total), then the per-style table of the test corpus (valid / fixed /
warnings / errors / preview score). `.venv/bin/python bench/sld_pipeline.py`
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from qgis.core import (
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsFeature,
    QgsFillSymbol,
    QgsGeometry,
    QgsPointXY,
    QgsRendererCategory,
    QgsVectorLayer,
)

CLASSES = 1000
ROUNDS = 5
GOAL_S = 0.5


def categorized_layer(classes: int) -> QgsVectorLayer:
    layer = QgsVectorLayer("Polygon?crs=EPSG:3857&field=Code-Élément:string", "bench", "memory")
    features = []
    for index in range(classes):
        feature = QgsFeature(layer.fields())
        x, y = (index % 40) * 100.0, (index // 40) * 100.0
        feature.setGeometry(QgsGeometry.fromPolygonXY([[
            QgsPointXY(x, y), QgsPointXY(x + 90, y), QgsPointXY(x + 90, y + 90),
            QgsPointXY(x, y)]]))
        feature.setAttributes([f"code-{index:04d}"])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    categories = [
        QgsRendererCategory(f"code-{i:04d}", QgsFillSymbol.createSimple(
            {"color": f"{i % 256},{(i * 7) % 256},{(i * 13) % 256}"}), f"Classe {i}")
        for i in range(classes)]
    layer.setRenderer(QgsCategorizedSymbolRenderer("Code-Élément", categories))
    return layer


def time_pipeline() -> None:
    from gpf_wmts_publisher.plugin.sld.export import export_sld
    from gpf_wmts_publisher.plugin.sld.pipeline import layer_field_map
    from gpf_wmts_publisher.plugin.sld.transform import transform_sld
    from gpf_wmts_publisher.plugin.sld.validate import sld10_schema, validate_sld

    layer = categorized_layer(CLASSES)
    started = time.perf_counter()
    sld10_schema()  # built once per process; reported apart
    schema_s = time.perf_counter() - started
    field_map = layer_field_map(layer)
    stages = {"export": [], "transform": [], "validate": []}
    for _ in range(ROUNDS):
        t0 = time.perf_counter()
        exported = export_sld(layer)
        t1 = time.perf_counter()
        transformed = transform_sld(exported.sld_bytes, table_name="bench", field_map=field_map)
        t2 = time.perf_counter()
        findings = validate_sld(transformed.sld_bytes, table_name="bench",
                                attributes={"codeelement": "varchar", "geom": "geometry"})
        t3 = time.perf_counter()
        stages["export"].append(t1 - t0)
        stages["transform"].append(t2 - t1)
        stages["validate"].append(t3 - t2)
    errors = [f for f in findings if f.severity.value == "ERROR"]
    medians = {name: statistics.median(values) for name, values in stages.items()}
    total = sum(medians.values())
    print(f"1 000-class categorized style: SLD {len(exported.sld_bytes) / 1024:.0f} KiB from "
          f"QGIS, {len(transformed.sld_bytes) / 1024:.0f} KiB for the platform, "
          f"{len(errors)} errors (median of {ROUNDS} rounds)")
    for name, value in medians.items():
        print(f"  {name:9} {value * 1000:8.1f} ms  ({value / total:5.1%} of the pipeline)")
    print(f"  total     {total * 1000:8.1f} ms  = {total / GOAL_S:.2f} x the {GOAL_S:g} s goal "
          f"({'met' if total < GOAL_S else 'MISSED'})")
    print(f"  schema build, once per process: {schema_s * 1000:.1f} ms")


def corpus_table() -> None:
    from tests.plugin.sld.corpus.report import evaluate, format_table
    from tests.plugin.sld.corpus.styles import CORPUS

    rows = [evaluate(style) for style in CORPUS]
    print(f"\nCorpus: {len(rows)} styles, {sum(r.result.ok for r in rows)} accepted, "
          f"{sum(r.schema_valid for r in rows)} schema-valid")
    print(format_table(rows))


def main() -> None:
    app = QgsApplication([], False)
    app.initQgis()
    time_pipeline()
    corpus_table()


if __name__ == "__main__":
    main()
