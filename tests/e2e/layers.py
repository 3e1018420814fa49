"""Small layers the workflow tests publish (made here: no download, no shared state)."""

from __future__ import annotations

import os

from qgis.core import (
    QgsFeature,
    QgsField,
    QgsFillSymbol,
    QgsGeometry,
    QgsSingleSymbolRenderer,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

# A few squares around Paris in Lambert-93 (EPSG:2154).
ORIGIN_X, ORIGIN_Y, SIDE = 650000.0, 6860000.0, 400.0


def _write_squares_gpkg(path: str, name: str, fields, values_of, count: int) -> str:
    """``count`` squares in a grid, written to the GeoPackage ``path`` as layer ``name``;
    ``fields`` are (name, QVariant type) and ``values_of(index)`` gives a square's values."""
    memory = QgsVectorLayer("Polygon?crs=EPSG:2154", "tmp", "memory")
    provider = memory.dataProvider()
    provider.addAttributes([QgsField(field, kind) for field, kind in fields])
    memory.updateFields()
    features = []
    for index in range(count):
        x = ORIGIN_X + (index % 3) * SIDE * 2
        y = ORIGIN_Y + (index // 3) * SIDE * 2
        feature = QgsFeature(memory.fields())
        feature.setGeometry(QgsGeometry.fromWkt(
            f"POLYGON(({x} {y},{x + SIDE} {y},{x + SIDE} {y + SIDE},{x} {y + SIDE},{x} {y}))"))
        feature.setAttributes(values_of(index))
        features.append(feature)
    provider.addFeatures(features)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = name
    QgsVectorFileWriter.writeAsVectorFormatV3(memory, path, memory.transformContext(), options)
    return f"{path}|layername={name}"


def make_polygon_gpkg(directory: str, name: str = "Parcelles Été", count: int = 6) -> str:
    """A GeoPackage of ``count`` squares with accented, mixed-case field names."""
    return _write_squares_gpkg(
        os.path.join(directory, "source.gpkg"), name,
        [("Nom-Commune", QVariant.String), ("Surface_Bâtie", QVariant.Double)],
        lambda index: [f"Commune {index}", float(index * 10)], count)


def open_styled_layer(uri: str, colour: str = "200,30,30,255") -> QgsVectorLayer:
    layer = QgsVectorLayer(uri, "Parcelles Été", "ogr")
    assert layer.isValid(), uri
    symbol = QgsFillSymbol.createSimple({"color": colour, "outline_color": "0,0,0,255",
                                         "outline_width": "0.4"})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    return layer


# Field names the platform's integration renames (GDAL's PostgreSQL launder rule): a space kept,
# a leading digit and accents kept, a hyphen turned into "_", an accent in a plain name.
AWKWARD_FIELDS = ("Nom Commune", "2020_densité", "code-insee", "catégorie")
CATEGORY_COLOURS = {"A": (220, 20, 20), "B": (20, 20, 220)}


def make_awkward_fields_gpkg(directory: str, name: str = "communes_colonnes",
                             count: int = 6) -> str:
    """Squares whose every AWKWARD_FIELDS value is "A" or "B", alternately."""
    return _write_squares_gpkg(
        os.path.join(directory, "awkward.gpkg"), name,
        [(field, QVariant.String) for field in AWKWARD_FIELDS],
        lambda index: ["AB"[index % 2]] * len(AWKWARD_FIELDS), count)


def categorized_on(uri: str, field: str) -> QgsVectorLayer:
    """The layer at ``uri`` with a categorized style on ``field`` (CATEGORY_COLOURS)."""
    from qgis.core import QgsCategorizedSymbolRenderer, QgsRendererCategory

    layer = QgsVectorLayer(uri, f"Communes {field}", "ogr")
    assert layer.isValid(), uri
    categories = []
    for value, (red, green, blue) in CATEGORY_COLOURS.items():
        symbol = QgsFillSymbol.createSimple({"color": f"{red},{green},{blue},255",
                                             "outline_style": "no"})
        categories.append(QgsRendererCategory(value, symbol, value))
    layer.setRenderer(QgsCategorizedSymbolRenderer(field, categories))
    return layer


def arrow_points_layer(directory: str, colour: str = "220,20,20,255") -> QgsVectorLayer:
    """A few points drawn with QGIS's arrow mark (a mark GeoServer names extshape://narrow)."""
    from qgis.core import QgsMarkerSymbol, QgsSingleSymbolRenderer

    memory = QgsVectorLayer("Point?crs=EPSG:2154", "tmp", "memory")
    features = []
    for index in range(6):
        feature = QgsFeature(memory.fields())
        feature.setGeometry(QgsGeometry.fromWkt(
            f"POINT({ORIGIN_X + (index % 3) * SIDE * 2} {ORIGIN_Y + (index // 3) * SIDE * 2})"))
        features.append(feature)
    memory.dataProvider().addFeatures(features)
    path = os.path.join(directory, "arrows.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = "fleches"
    QgsVectorFileWriter.writeAsVectorFormatV3(memory, path, memory.transformContext(), options)
    layer = QgsVectorLayer(f"{path}|layername=fleches", "Flèches", "ogr")
    layer.setRenderer(QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple(
        {"name": "arrow", "color": colour, "outline_style": "no", "size": "8"})))
    return layer
