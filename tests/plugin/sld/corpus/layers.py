"""Small layers in EPSG:3857 (visible at PM levels 12-16) with awkward field names."""

from __future__ import annotations

import os
import tempfile

from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

ORIGIN_X, ORIGIN_Y = 260000.0, 6250000.0  # near Paris
FIELDS = "field=Catégorie-Sol:string&field=val:double&field=Nom:string&field=size:double"
CATEGORIES = ("forêt", "prairie", "urbain")


def _attributes(index: int):
    return [CATEGORIES[index % 3], float(index * 10 % 100), "ABC"[index % 3] + f"{index}",
            float(2 + index % 4)]


def _geometry(kind: str, column: int, row: int) -> QgsGeometry:
    x, y = ORIGIN_X + column * 400.0, ORIGIN_Y + row * 400.0
    if kind == "Point":
        return QgsGeometry.fromPointXY(QgsPointXY(x + 150, y + 150))
    if kind == "LineString":
        return QgsGeometry.fromPolylineXY([QgsPointXY(x, y), QgsPointXY(x + 300, y + 120),
                                           QgsPointXY(x + 350, y + 330)])
    return QgsGeometry.fromPolygonXY([[QgsPointXY(x, y), QgsPointXY(x + 330, y),
                                       QgsPointXY(x + 330, y + 330), QgsPointXY(x, y + 330),
                                       QgsPointXY(x, y)]])


def memory_layer(kind: str, name: str = "corpus") -> QgsVectorLayer:
    """3x3 features of ``kind`` (Point, LineString, Polygon) with the corpus fields."""
    layer = QgsVectorLayer(f"{kind}?crs=EPSG:3857&{FIELDS}", name, "memory")
    features = []
    for index in range(9):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(_geometry(kind, index % 3, index // 3))
        feature.setAttributes(_attributes(index))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def geopackage_layer(kind: str, directory: str = "") -> QgsVectorLayer:
    """The same features written to a GeoPackage (the format the platform receives)."""
    source = memory_layer(kind)
    directory = directory or tempfile.mkdtemp(prefix="sld-corpus-")
    path = os.path.join(directory, f"corpus_{kind.lower()}.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = "corpus"
    error = QgsVectorFileWriter.writeAsVectorFormatV3(
        source, path, source.transformContext(), options)
    if error[0] != QgsVectorFileWriter.NoError:
        raise RuntimeError(f"could not write {path}: {error}")
    layer = QgsVectorLayer(f"{path}|layername=corpus", "corpus", "ogr")
    assert layer.isValid(), path
    return layer
