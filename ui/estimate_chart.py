"""A small bar chart: tiles per pyramid level (log scale), with the storage estimate as tooltip."""

from __future__ import annotations

import math
from typing import List, Tuple

from qgis.PyQt.QtCore import QRectF, Qt
from qgis.PyQt.QtGui import QColor, QPainter
from qgis.PyQt.QtWidgets import QWidget


class EstimateChart(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.bars: List[Tuple[int, int, str]] = []  # (level, tiles, storage text)

    def set_estimates(self, bars: List[Tuple[int, int, str]]) -> None:
        self.bars = list(bars)
        self.setToolTip("\n".join(
            self.tr("Level {0}: {1} tiles, {2}").format(z, f"{tiles:,}", size)
            for z, tiles, size in self.bars))
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        if not self.bars:
            painter.end()
            return
        label_h = 14
        width = self.width() / len(self.bars)
        top = max(math.log10(max(t for _, t, _ in self.bars) + 1), 1.0)
        usable = self.height() - 2 * label_h - 4
        for index, (z, tiles, _size) in enumerate(self.bars):
            height = usable * math.log10(tiles + 1) / top
            x = index * width
            bar = QRectF(x + 2, self.height() - label_h - height, max(width - 4, 1), height)
            painter.fillRect(bar, QColor(46, 110, 180))
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(x, self.height() - label_h, width, label_h),
                             int(Qt.AlignmentFlag.AlignCenter), str(z))
            if width > 34:
                painter.drawText(QRectF(x, bar.top() - label_h, width, label_h),
                                 int(Qt.AlignmentFlag.AlignCenter), _short(tiles))
        painter.end()


def _short(count: int) -> str:
    for unit, size in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if count >= size:
            digits = 0 if count >= 10 * size else 1
            return f"{count / size:.{digits}f}{unit}"
    return str(count)
