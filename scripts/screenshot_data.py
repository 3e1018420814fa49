"""The screenshots' demo layer: 3,000 generated parcels near Lyon (EPSG:2154) in five land-use
categories, categorized colours and labels, written to a GeoPackage in a work folder.

Generated, not shipped: deterministic (seeded) so two runs give the same pictures, and large
enough for the pictures to show what the plugin does with real data (categories, labels,
several zoom levels). Used inside QGIS by scripts/screenshots.py.
"""

from __future__ import annotations

import random
from pathlib import Path

from qgis.core import (
    QgsCategorizedSymbolRenderer,
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

from scripts.make_map_sample import label_by

LAYER_NAME = "Parcelles de démonstration"
COLUMNS, ROWS = 60, 50  # 3,000 parcels
CELL_M = 300.0
ORIGIN_X, ORIGIN_Y = 835_000.0, 6_505_000.0  # Lambert-93, east of Lyon
# Land use and its colour; the weights give a landscape, not a checkerboard.
CATEGORIES = {
    "Forêt": ("#2f7d32", 4), "Prairie": ("#a5d66f", 5), "Culture": ("#f2d16b", 6),
    "Vigne": ("#9c4f96", 1), "Bâti": ("#d9553f", 2),
}
PLACES = ["Les Prés", "La Combe", "Le Bois", "Les Vignes", "La Croix", "Le Moulin",
          "Les Charmes", "La Source", "Le Verger", "Les Granges"]


def _parcel(rng: random.Random, col: int, row: int) -> QgsGeometry:
    x0, y0 = ORIGIN_X + col * CELL_M, ORIGIN_Y + row * CELL_M
    j = CELL_M * 0.12
    ring = [QgsPointXY(x0 + rng.uniform(0, j), y0 + rng.uniform(0, j)),
            QgsPointXY(x0 + CELL_M - rng.uniform(0, j), y0 + rng.uniform(0, j)),
            QgsPointXY(x0 + CELL_M - rng.uniform(0, j), y0 + CELL_M - rng.uniform(0, j)),
            QgsPointXY(x0 + rng.uniform(0, j), y0 + CELL_M - rng.uniform(0, j))]
    return QgsGeometry.fromPolygonXY([[*ring, ring[0]]])


def _category(rng: random.Random, col: int, row: int) -> str:
    # Neighbouring parcels often share a use (fields of a farm, a wood, a village).
    block = random.Random(hash((col // 6, row // 5)) ^ 2154)
    names = list(CATEGORIES)
    weights = [weight for _colour, weight in CATEGORIES.values()]
    main = block.choices(names, weights=weights)[0]
    return main if rng.random() < 0.7 else rng.choices(names, weights=weights)[0]


def write_demo_layer(directory: Path) -> str:
    """Writes the GeoPackage; returns its OGR URI."""
    rng = random.Random(2154)
    memory = QgsVectorLayer("Polygon?crs=EPSG:2154", LAYER_NAME, "memory")
    memory.dataProvider().addAttributes([
        QgsField("nom", QVariant.String), QgsField("occupation", QVariant.String),
        QgsField("surface_ha", QVariant.Double)])
    memory.updateFields()
    features = []
    for index in range(COLUMNS * ROWS):
        col, row = index % COLUMNS, index // COLUMNS
        geometry = _parcel(rng, col, row)
        feature = QgsFeature(memory.fields())
        feature.setAttributes([f"{rng.choice(PLACES)} {index + 1}", _category(rng, col, row),
                               round(geometry.area() / 10_000, 2)])
        feature.setGeometry(geometry)
        features.append(feature)
    memory.dataProvider().addFeatures(features)
    path = Path(directory) / "parcelles_demo.gpkg"
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName, options.fileEncoding = "GPKG", LAYER_NAME, "UTF-8"
    error = QgsVectorFileWriter.writeAsVectorFormatV3(memory, str(path),
                                                      QgsCoordinateTransformContext(), options)
    if error[0] != QgsVectorFileWriter.NoError:
        raise RuntimeError(f"writing the demo layer: {error[1]}")
    return f"{path}|layername={LAYER_NAME}"


def open_demo_layer(uri: str) -> QgsVectorLayer:
    """The layer with its categorized colours and labels, as a user would have styled it."""
    layer = QgsVectorLayer(uri, LAYER_NAME, "ogr")
    categories = []
    for value, (colour, _weight) in CATEGORIES.items():
        symbol = QgsFillSymbol.createSimple(
            {"color": colour, "outline_color": "#505050", "outline_width": "0.15"})
        categories.append(QgsRendererCategory(value, symbol, value))
    layer.setRenderer(QgsCategorizedSymbolRenderer("occupation", categories))
    label_by(layer, "nom", 8, "#202020")
    return layer
