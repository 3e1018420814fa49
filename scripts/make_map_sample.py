"""Write resources/sample/carte_demo.gpkg: a small map of three styled layers (EPSG:2154).

Listed as QGIS's layer tree shows them, top first, each with its own visibility range (the
style, saved in the GeoPackage's layer_styles table, carries it):
- « Villages »: points drawn as blue circle markers, shown from 1:150 000 in (PM levels 12+);
- « Routes »: red lines labelled with their "nom", shown from 1:300 000 in (levels 11+);
- « Occupation du sol »: green polygons, shown down to 1:100 000 (levels up to 12).
Where a road crosses a polygon the road is drawn on top. Deterministic (no randomness).
Run: .venv/bin/python scripts/make_map_sample.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsField,
    QgsFillSymbol,
    QgsGeometry,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsPointXY,
    QgsSingleSymbolRenderer,
    QgsTextFormat,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QVariant
from qgis.PyQt.QtGui import QColor

OUT = Path(__file__).resolve().parent.parent / "resources" / "sample" / "carte_demo.gpkg"
CRS = "EPSG:2154"
X0, Y0 = 840_000.0, 6_510_000.0          # Lambert-93, east of Lyon
WIDTH, HEIGHT = 16_000.0, 12_000.0
# name → (colour, zoomed-out bound "minimumScale", zoomed-in bound "maximumScale"); 0 = none
POLYGONS = ("Occupation du sol", "#31a354", 0.0, 100_000.0)
LINES = ("Routes", "#d7301f", 300_000.0, 0.0)
POINTS = ("Villages", "#08519c", 150_000.0, 0.0)
TREE_ORDER = (POINTS[0], LINES[0], POLYGONS[0])   # top of the layer tree first
MAP_SAMPLE_LAYERS = TREE_ORDER


def _layer(kind: str, name: str, fields) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{kind}?crs={CRS}", name, "memory")
    layer.dataProvider().addAttributes(fields)
    layer.updateFields()
    return layer


def _add(layer: QgsVectorLayer, geometry: QgsGeometry, values) -> None:
    feature = QgsFeature(layer.fields())
    feature.setGeometry(geometry)
    feature.setAttributes(list(values))
    layer.dataProvider().addFeatures([feature])


def polygons() -> QgsVectorLayer:
    layer = _layer("Polygon", POLYGONS[0], [QgsField("type", QVariant.String)])
    half_w, half_h = WIDTH / 2, HEIGHT / 2
    for col in range(2):
        for row in range(2):
            x, y = X0 + col * half_w, Y0 + row * half_h
            ring = [QgsPointXY(x + 200, y + 200), QgsPointXY(x + half_w - 200, y + 200),
                    QgsPointXY(x + half_w - 200, y + half_h - 200),
                    QgsPointXY(x + 200, y + half_h - 200)]
            _add(layer, QgsGeometry.fromPolygonXY([ring]), [f"zone {col}{row}"])
    symbol = QgsFillSymbol.createSimple({"color": POLYGONS[1], "outline_style": "no"})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    return layer


def lines() -> QgsVectorLayer:
    layer = _layer("LineString", LINES[0], [QgsField("nom", QVariant.String)])
    for index, fraction in enumerate((0.3, 0.7)):
        y = Y0 + HEIGHT * fraction
        _add(layer, QgsGeometry.fromPolylineXY([QgsPointXY(X0, y), QgsPointXY(X0 + WIDTH, y)]),
             [f"D{100 + index}"])
    x = X0 + WIDTH * 0.55
    _add(layer, QgsGeometry.fromPolylineXY([QgsPointXY(x, Y0), QgsPointXY(x, Y0 + HEIGHT)]),
         ["N7"])
    layer.setRenderer(QgsSingleSymbolRenderer(QgsLineSymbol.createSimple(
        {"line_color": LINES[1], "line_width": "1.2", "line_width_unit": "MM"})))
    label_by(layer, "nom", 9, "#000000")
    return layer


def label_by(layer: QgsVectorLayer, field: str, size: float, colour: str) -> None:
    """Labels every feature of ``layer`` with its ``field``, in ``size`` points of ``colour``."""
    settings = QgsPalLayerSettings()
    settings.fieldName = field
    text = QgsTextFormat()
    text.setSize(size)
    text.setColor(QColor(colour))
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def points() -> QgsVectorLayer:
    layer = _layer("Point", POINTS[0], [QgsField("nom", QVariant.String)])
    for index in range(6):
        col, row = index % 3, index // 3
        _add(layer, QgsGeometry.fromPointXY(QgsPointXY(
            X0 + WIDTH * (0.15 + 0.35 * col), Y0 + HEIGHT * (0.15 + 0.7 * row))),
             [f"Village {index + 1}"])
    layer.setRenderer(QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple(
        {"name": "circle", "color": POINTS[1], "size": "4", "size_unit": "MM",
         "outline_color": "#ffffff"})))
    return layer


def _visibility(layer: QgsVectorLayer, minimum_scale: float, maximum_scale: float) -> None:
    layer.setScaleBasedVisibility(True)
    layer.setMinimumScale(minimum_scale)
    layer.setMaximumScale(maximum_scale)


def write(path: Path) -> None:
    if path.exists():
        path.unlink()
    for index, (layer, spec) in enumerate(((polygons(), POLYGONS), (lines(), LINES),
                                           (points(), POINTS))):
        _visibility(layer, spec[2], spec[3])
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = layer.name()
        if index:
            options.actionOnExistingFile = \
                QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
        error, message, _, _ = QgsVectorFileWriter.writeAsVectorFormatV3(
            layer, str(path), QgsCoordinateTransformContext(), options)
        if error != QgsVectorFileWriter.NoError:
            raise SystemExit(f"cannot write {layer.name()}: {message}")
        saved = QgsVectorLayer(f"{path}|layername={layer.name()}", layer.name(), "ogr")
        saved.setRenderer(layer.renderer().clone())
        if layer.labeling() is not None:
            saved.setLabeling(layer.labeling().clone())
            saved.setLabelsEnabled(True)
        _visibility(saved, spec[2], spec[3])
        saved.saveStyleToDatabase(layer.name(), "make_map_sample.py", True, "")


def open_layers(path: Path = OUT):
    """The sample's layers, top of the layer tree first, styled from the GeoPackage."""
    layers = []
    for name in TREE_ORDER:
        layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
        if not layer.isValid():
            raise SystemExit(f"cannot open {name} in {path}")
        layers.append(layer)
    return layers


def main() -> int:
    app = QgsApplication([], False)
    app.initQgis()
    assert QgsCoordinateReferenceSystem(CRS).isValid()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    write(OUT)
    lines_out = [f"{layer.name()}: {layer.featureCount()} features, visible from "
                 f"1:{layer.minimumScale():g} to 1:{layer.maximumScale():g} (0 = no bound)"
                 for layer in open_layers(OUT)]
    print("\n".join(lines_out))
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
