"""Similarity between a local render and a WMTS render; contact sheet; GetTile checks."""

from __future__ import annotations

from gpf_wmts_publisher.plugin.similarity import ink_fraction
from gpf_wmts_publisher.plugin.similarity import similarity as image_similarity
from gpf_wmts_publisher.plugin.wmts.contact_sheet import contact_sheet, save_contact_sheet
from gpf_wmts_publisher.plugin.wmts.inspector import LevelResult
from gpf_wmts_publisher.plugin.wmts.tile_source import TileSource, fetch_tile
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize
from qgis.PyQt.QtGui import QColor, QImage, QPainter


def _picture(fill: QColor, shapes=((20, 20, 60, 40), (120, 130, 80, 90))) -> QImage:
    image = QImage(QSize(256, 256), QImage.Format.Format_ARGB32)
    image.fill(QColor(255, 255, 255))
    painter = QPainter(image)
    for x, y, w, h in shapes:
        painter.fillRect(QRect(x, y, w, h), fill)
    painter.end()
    return image


def _jpeg_round_trip(image: QImage, quality: int = 60) -> QImage:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", quality)
    return QImage.fromData(bytes(data))


def test_same_picture_through_jpeg_scores_high(qgis_app):
    local = _picture(QColor(30, 120, 200))
    assert image_similarity(local, _jpeg_round_trip(local)) > 0.9


def test_other_colour_scores_low(qgis_app):
    assert image_similarity(_picture(QColor(30, 120, 200)), _picture(QColor(220, 40, 30))) < 0.3


def test_missing_features_score_low_despite_the_white_background(qgis_app):
    local = _picture(QColor(30, 120, 200))
    remote = _picture(QColor(30, 120, 200), shapes=())
    assert image_similarity(local, remote) < 0.1
    assert ink_fraction(remote) == 0.0 and ink_fraction(local) > 0.0


def test_contact_sheet_has_one_column_per_level(qgis_app, tmp_path):
    results = [LevelResult(z=z, resolution=1.0, local=_picture(QColor(0, 0, 0)),
                           remote=_picture(QColor(0, 0, 0)), score=1.0) for z in (10, 11, 12)]
    one = contact_sheet(results[:1])
    three = contact_sheet(results)
    assert three.width() > 2.5 * one.width() - 20
    path = save_contact_sheet(results, str(tmp_path / "sheet.png"), title="demo")
    assert not QImage(path).isNull()


def test_fetch_tile_tells_found_blank_and_missing(qgis_app, httpserver):
    def png(image: QImage) -> bytes:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        return bytes(data)

    blank = _picture(QColor(0, 0, 0), shapes=())
    httpserver.expect_request("/wmts", query_string={
        "SERVICE": "WMTS", "REQUEST": "GetTile", "VERSION": "1.0.0", "LAYER": "l",
        "STYLE": "normal", "TILEMATRIXSET": "PM_10_14", "TILEMATRIX": "12", "TILEROW": "5",
        "TILECOL": "7", "FORMAT": "image/png"}).respond_with_data(
        png(_picture(QColor(0, 0, 0))), content_type="image/png")
    httpserver.expect_request("/wmts", query_string={
        "SERVICE": "WMTS", "REQUEST": "GetTile", "VERSION": "1.0.0", "LAYER": "l",
        "STYLE": "normal", "TILEMATRIXSET": "PM_10_14", "TILEMATRIX": "12", "TILEROW": "6",
        "TILECOL": "7", "FORMAT": "image/png"}).respond_with_data(png(blank),
                                                               content_type="image/png")
    import requests

    source = TileSource(httpserver.url_for("/wmts"), "l", "normal", "PM_10_14", "image/png",
                        {12: "12"})
    session = requests.Session()
    found = fetch_tile(session, source, 12, 7, 5)
    assert found.found and not found.blank
    blank_tile = fetch_tile(session, source, 12, 7, 6)
    assert blank_tile.found and blank_tile.blank
    missing = fetch_tile(session, source, 12, 8, 8)
    assert not missing.found and missing.status == 500


def test_tile_source_repr_hides_the_key():
    source = TileSource("http://x", "l", "s", "m", "image/png", {1: "1"}, {"apikey": "SECRET"})
    assert "SECRET" not in repr(source)
