"""QGIS-dependent: measure the encoded size of tiles rendered from the user's own layer, so
the storage estimate rests on their data and style rather than on a constant."""

from __future__ import annotations

import random
from typing import Dict, Iterable

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsMapLayer,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QSize
from qgis.PyQt.QtGui import QColor, QImage

from .grid import PM_ORIGIN_X, PM_ORIGIN_Y, TILE_SIZE_PX, Bbox3857, Level

JPEG_QUALITY = 85
_QT_FORMATS = {"image/jpeg": "JPG", "image/png": "PNG"}


def render_tile(layers: Iterable[QgsMapLayer], level: Level, col: int, row: int) -> QImage:
    """One PM tile as the harvest would fetch it (white background, EPSG:3857)."""
    span = level.tile_span
    xmin = PM_ORIGIN_X + col * span
    ymax = PM_ORIGIN_Y - row * span
    settings = QgsMapSettings()
    settings.setLayers(list(layers))
    settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    settings.setOutputSize(QSize(TILE_SIZE_PX, TILE_SIZE_PX))
    settings.setBackgroundColor(QColor(255, 255, 255))
    settings.setExtent(QgsRectangle(xmin, ymax - span, xmin + span, ymax))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    return job.renderedImage()


def encoded_size(image: QImage, tile_format: str) -> int:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    qt_format = _QT_FORMATS[tile_format]
    image.save(buffer, qt_format, JPEG_QUALITY if qt_format == "JPG" else -1)
    return data.size()


def measure_tile_sizes(
    layers: Iterable[QgsMapLayer],
    extent: Bbox3857,
    levels: Iterable[int],
    *,
    tile_format: str = "image/jpeg",
    samples_per_level: int = 8,
    seed: int = 0,
) -> Dict[int, int]:
    """Mean encoded bytes per tile at each level, from up to `samples_per_level` tiles drawn
    (seeded) among those covering `extent`. Feed it to estimate_levels(bytes_per_tile=…)."""
    if tile_format not in _QT_FORMATS:
        raise ValueError(f"Cannot measure tile format {tile_format!r}")
    layer_list = list(layers)
    chooser = random.Random(seed)
    sizes: Dict[int, int] = {}
    for z in levels:
        level = Level(z)
        tiles = level.tile_range(extent)
        picks = {(chooser.randint(tiles.col_min, tiles.col_max),
                  chooser.randint(tiles.row_min, tiles.row_max))
                 for _ in range(min(samples_per_level, tiles.count) * 2)}
        chosen = chooser.sample(sorted(picks), min(samples_per_level, len(picks)))
        measured = [encoded_size(render_tile(layer_list, level, col, row), tile_format)
                    for col, row in chosen]
        sizes[z] = round(sum(measured) / len(measured))
    return sizes
