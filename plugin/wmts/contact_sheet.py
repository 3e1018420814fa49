"""The contact sheet: the WMTS and local renders of every inspected level on one PNG."""

from __future__ import annotations

from typing import Sequence

from qgis.PyQt.QtCore import QCoreApplication, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter

from .levels import level_label


def contact_sheet(results: Sequence, thumb_px: int = 160, title: str = "") -> QImage:
    """One column per level (LevelResult): WMTS render above the local render, label and
    score below."""
    margin, label_h, title_h = 8, 36, 24 if title else 0
    columns = max(len(results), 1)
    width = margin + columns * (thumb_px + margin)
    height = title_h + margin + 2 * (thumb_px + margin) + label_h
    sheet = QImage(QSize(width, height), QImage.Format.Format_ARGB32)
    sheet.fill(QColor(255, 255, 255))
    painter = QPainter(sheet)
    font = QFont()
    font.setPixelSize(12)
    painter.setFont(font)
    if title:
        painter.drawText(margin, 4, width - 2 * margin, title_h,
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), title)
    for index, result in enumerate(results):
        x = margin + index * (thumb_px + margin)
        y = title_h + margin
        for image in (result.remote, result.local):
            if image is not None and not image.isNull():
                painter.drawImage(x, y, image.scaled(
                    thumb_px, thumb_px, Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation))
            painter.setPen(QColor(180, 180, 180))
            painter.drawRect(x, y, thumb_px - 1, thumb_px - 1)
            y += thumb_px + margin
        painter.setPen(QColor(200, 0, 0) if result.flagged else QColor(0, 0, 0))
        score = "–" if result.score is None else f"{result.score:.2f}"
        text = f"{level_label(result.z)}\n{score} · {result.verdict()}"
        painter.drawText(x, y, thumb_px, label_h,
                         int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), text)
    painter.end()
    return sheet


def save_contact_sheet(results: Sequence, path: str, title: str = "") -> str:
    image = contact_sheet(results, title=title)
    if not image.save(path, "PNG"):
        raise OSError(QCoreApplication.translate(
            "LevelInspection", "Could not write the contact sheet to {0}").format(path))
    return path
