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
    """``prepare_sld`` called as the style step calls it (the step's arguments, the table's
    columns), in a process that has not built the schema yet: the first call is the one a
    user's first publication pays, so it is timed and judged, not hidden in a median."""
    from gpf_wmts_publisher.plugin.sld.pipeline import layer_field_map, prepare_sld

    from bench._util import verdict

    layer = categorized_layer(CLASSES)
    field_map = layer_field_map(layer)
    # The stored table's columns as the integration names them (see layer_field_map).
    attributes = {column: "varchar" for column in field_map.values()}
    attributes["geom"] = "geometry"
    calls = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        result = prepare_sld(layer, table_name="bench", attributes=attributes,
                             field_map=field_map, lang="fr")
        calls.append(time.perf_counter() - started)
    errors = [f for f in result.findings if getattr(f.severity, "value", f.severity) == "ERROR"]
    worst = max(calls)
    print(f"1 000-class categorized style: prepare_sld as the style step calls it, "
          f"{len(result.sld_bytes) / 1024:.0f} KiB for the platform, {len(errors)} errors")
    print(f"  first call {calls[0] * 1000:.0f} ms (schema built in it), then "
          f"{', '.join(f'{c * 1000:.0f}' for c in calls[1:])} ms; median "
          f"{statistics.median(calls) * 1000:.0f} ms; worst {worst * 1000:.0f} ms = "
          f"{worst / GOAL_S:.2f} x the {GOAL_S:g} s goal")
    print(verdict("P4", f"{worst:.2f} s (worst of {ROUNDS}, first call included)",
                  f"≤ {GOAL_S:g} s", worst <= GOAL_S and not errors))


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
