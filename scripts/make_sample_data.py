"""Write resources/sample/communes_demo.gpkg: small, deterministic demo data in EPSG:2154.

Two layers with names the platform renames (GDAL launder: lower case, hyphens → "_"):
- « Communes Démo »: 300 polygons (a jittered grid near Lyon) with fields "Nom_Commune",
  "Population-2020", "Catégorie", "Code INSEE";
- « Chefs-Lieux »: one point per commune with "Nom_Commune" and "Altitude moyenne".
The polygon layer carries a categorized QGIS style on "Catégorie", saved in the GeoPackage
(layer_styles table) so QGIS opens it styled. Run: .venv/bin/python scripts/make_sample_data.py
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsField,
    QgsFillSymbol,
    QgsGeometry,
    QgsPointXY,
    QgsRendererCategory,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

OUT = Path(__file__).resolve().parent.parent / "resources" / "sample" / "communes_demo.gpkg"
POLYGONS = "Communes Démo"
POINTS = "Chefs-Lieux"
ORIGIN_X, ORIGIN_Y = 830_000.0, 6_500_000.0   # Lambert-93, east of Lyon
CELL = 2_000.0
COLUMNS, ROWS = 20, 15
CATEGORIES = {
    "Urbaine": "#d7301f",
    "Périurbaine": "#fc8d59",
    "Rurale": "#78c679",
    "Montagne": "#8c6bb1",
}
SYLLABLES = ["Saint", "Mont", "Val", "Bois", "Font", "Roche", "Ville", "Champ", "Pré", "Lac",
             "Béz", "Éc", "Cour", "Vaux", "Sur", "Pont"]


def commune_name(rng: random.Random, index: int) -> str:
    first, second = rng.choice(SYLLABLES), rng.choice(SYLLABLES).lower()
    return f"{first}-{second}-{index:03d}"


def jittered_square(rng: random.Random, col: int, row: int) -> QgsGeometry:
    x0, y0 = ORIGIN_X + col * CELL, ORIGIN_Y + row * CELL
    j = CELL * 0.08
    ring = [
        QgsPointXY(x0 + rng.uniform(0, j), y0 + rng.uniform(0, j)),
        QgsPointXY(x0 + CELL - rng.uniform(0, j), y0 + rng.uniform(0, j)),
        QgsPointXY(x0 + CELL - rng.uniform(0, j), y0 + CELL - rng.uniform(0, j)),
        QgsPointXY(x0 + rng.uniform(0, j), y0 + CELL - rng.uniform(0, j)),
    ]
    return QgsGeometry.fromPolygonXY([[*ring, ring[0]]])


def build_layers(rng: random.Random):
    polygons = QgsVectorLayer("MultiPolygon?crs=EPSG:2154", POLYGONS, "memory")
    points = QgsVectorLayer("Point?crs=EPSG:2154", POINTS, "memory")
    polygons.dataProvider().addAttributes([
        QgsField("Nom_Commune", QVariant.String), QgsField("Population-2020", QVariant.Int),
        QgsField("Catégorie", QVariant.String), QgsField("Code INSEE", QVariant.String)])
    points.dataProvider().addAttributes([
        QgsField("Nom_Commune", QVariant.String), QgsField("Altitude moyenne", QVariant.Double)])
    polygons.updateFields()
    points.updateFields()
    poly_features, point_features = [], []
    for index in range(COLUMNS * ROWS):
        col, row = index % COLUMNS, index // COLUMNS
        name = commune_name(rng, index)
        category = rng.choices(list(CATEGORIES), weights=[2, 3, 5, 1])[0]
        geometry = jittered_square(rng, col, row)
        geometry.convertToMultiType()
        feature = QgsFeature(polygons.fields())
        feature.setAttributes([name, rng.randint(80, 25_000), category, f"69{index:03d}"])
        feature.setGeometry(geometry)
        poly_features.append(feature)
        point = QgsFeature(points.fields())
        point.setAttributes([name, round(rng.uniform(160, 900), 1)])
        point.setGeometry(geometry.centroid())
        point_features.append(point)
    polygons.dataProvider().addFeatures(poly_features)
    points.dataProvider().addFeatures(point_features)
    return polygons, points


def write(layer: QgsVectorLayer, path: Path, first: bool) -> None:
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = layer.name()
    options.fileEncoding = "UTF-8"
    if not first:
        options.actionOnExistingFile = QgsVectorFileWriter.CreateOrOverwriteLayer
    error = QgsVectorFileWriter.writeAsVectorFormatV3(
        layer, str(path), QgsCoordinateTransformContext(), options)
    if error[0] != QgsVectorFileWriter.NoError:
        raise RuntimeError(f"writing {layer.name()}: {error[1]}")


def save_categorized_style(path: Path) -> None:
    layer = QgsVectorLayer(f"{path}|layername={POLYGONS}", POLYGONS, "ogr")
    categories = []
    for value, colour in CATEGORIES.items():
        symbol = QgsFillSymbol.createSimple(
            {"color": colour, "outline_color": "#404040", "outline_width": "0.2"})
        categories.append(QgsRendererCategory(value, symbol, value))
    layer.setRenderer(QgsCategorizedSymbolRenderer("Catégorie", categories))
    message = layer.saveStyleToDatabase("categories", "Catégories de communes", True, "")
    if message:
        raise RuntimeError(f"saving the style: {message}")


def main() -> int:
    app = QgsApplication([], False)
    app.initQgis()
    try:
        rng = random.Random(2154)
        OUT.parent.mkdir(parents=True, exist_ok=True)
        if OUT.exists():
            OUT.unlink()
        polygons, points = build_layers(rng)
        write(polygons, OUT, first=True)
        write(points, OUT, first=False)
        save_categorized_style(OUT)
        assert QgsCoordinateReferenceSystem("EPSG:2154").isValid()
        print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KiB)")
    finally:
        app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
