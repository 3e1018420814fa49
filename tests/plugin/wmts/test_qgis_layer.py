"""A QgsRasterLayer built from the URI opens against capabilities served on 127.0.0.1, and
the key of a private service reaches the tile requests."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from gpf_wmts_publisher.plugin.pyramid import Bbox4326, Level, bbox_4326_to_3857
from gpf_wmts_publisher.plugin.wmts.capabilities import (
    LayerNotInCapabilities,
    build_qgis_uri,
    find_layer,
    read_capabilities,
)
from gpf_wmts_publisher.plugin.wmts.qgis_layer import open_wmts_layer
from pytest_httpserver import HTTPServer
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsRasterLayer,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QSize
from qgis.PyQt.QtGui import QColor, QImage
from werkzeug.wrappers import Response

FIXTURE = Path(__file__).parent / "fixtures" / "geoplateforme_capabilities.xml"


def _png_tile() -> bytes:
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(QColor(200, 30, 30))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


@pytest.fixture
def httpserver():
    """A threaded server: QGIS's network manager keeps connections alive, which would block
    pytest-httpserver's default single-threaded server for the next client."""
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.clear()
    server.stop()


@pytest.fixture
def wmts_server(httpserver):
    """Serves the fixture (its GetTile URL pointing here) and a red tile to every GetTile."""
    base = httpserver.url_for("/private/wmts")
    document = FIXTURE.read_bytes().replace(b"https://data.geopf.fr/wmts?",
                                            (base + "?").encode())
    tile = _png_tile()

    def handler(request):
        if request.args.get("REQUEST", "").lower() == "gettile":
            return Response(tile, content_type="image/png")
        return Response(document, content_type="application/xml")

    httpserver.expect_request("/private/wmts").respond_with_handler(handler)
    return httpserver, base, document


def test_raster_layer_from_the_uri_is_valid(wmts_server, qgis_app):
    _, base, document = wmts_server
    info = find_layer(read_capabilities(document), "SANDBOX.routes_wmts")
    layer = QgsRasterLayer(build_qgis_uri(info, base), "routes", "wms")
    assert layer.isValid(), layer.error().summary()
    assert layer.crs() == QgsCoordinateReferenceSystem("EPSG:3857")


@pytest.fixture
def key_config(unlocked_auth_db):
    """The plugin's key as QGIS keeps it (plugin/wmts/key_config.py)."""
    from gpf_wmts_publisher.plugin.entrepot.secret import Secret
    from gpf_wmts_publisher.plugin.wmts.key_config import store_key_config

    config_id = store_key_config("qgis-layer-test", Secret("k3y-pass-0123"))
    yield config_id
    unlocked_auth_db.removeAuthenticationConfig(config_id)


BASIC = "Basic " + base64.b64encode(b"qgis-layer-test:k3y-pass-0123").decode()


def test_key_of_a_private_service_is_on_every_tile_request_never_on_the_url(
        wmts_server, qgis_app, key_config):
    server, base, document = wmts_server
    info = find_layer(read_capabilities(document), "SANDBOX.routes_wmts")
    uri = build_qgis_uri(info, base, authcfg=key_config)
    assert "k3y" not in uri and f"authcfg={key_config}" in uri
    layer = QgsRasterLayer(uri, "routes", "wms")
    assert layer.isValid(), layer.error().summary()

    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    settings.setOutputSize(QSize(256, 256))
    centre = bbox_4326_to_3857(Bbox4326(-1.3, 46.2, -1.3, 46.2))
    half = Level(12).resolution * 128
    settings.setExtent(QgsRectangle(centre.xmin - half, centre.ymin - half,
                                    centre.xmin + half, centre.ymin + half))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()

    requests_seen = [request for request, _ in server.log]
    tiles = [r for r in requests_seen if r.args.get("REQUEST", "").lower() == "gettile"]
    assert tiles, "QGIS asked no tile"
    # QGIS's Basic method puts the key on every request of the layer, as a header
    assert all(r.headers.get("Authorization") == BASIC for r in requests_seen)
    assert not any("apikey" in r.url.lower() for r in requests_seen)
    assert {r.args.get("TILEMATRIXSET") for r in tiles} == {"PM_10_14"}
    assert job.renderedImage().pixelColor(128, 128) == QColor(200, 30, 30)


def test_open_wmts_layer_reads_the_service_and_returns_a_named_valid_layer(
        wmts_server, qgis_app, key_config):
    from gpf_wmts_publisher.plugin.wmts.key_config import basic_headers

    server, base, _ = wmts_server
    layer, info = open_wmts_layer(base, "SANDBOX.routes_wmts", authcfg=key_config,
                                  headers=basic_headers(key_config))
    assert layer.isValid() and layer.name() == "Routes de l'Île de Ré"
    assert info.zoom_levels == (10, 11, 12, 13, 14)
    assert all(r.headers.get("Authorization") == BASIC for r, _ in server.log)
    assert "k3y" not in layer.source()


def test_open_wmts_layer_says_when_the_layer_is_not_published_yet(wmts_server, qgis_app):
    _, base, _ = wmts_server
    with pytest.raises(LayerNotInCapabilities):
        open_wmts_layer(base, "SANDBOX.not_yet_wmts")


def test_a_second_publication_on_the_same_service_opens_in_the_same_qgis(httpserver, qgis_app):
    """The service's document changes after a publication; QGIS's network cache kept the
    first one (a day), so the second layer was "not found" 3 times out of 3 until the stale
    entry is forgotten."""
    import threading

    base = httpserver.url_for("/wmts")
    first = FIXTURE.read_bytes().replace(b"https://data.geopf.fr/wmts?", (base + "?").encode())
    second = first.replace(b"SANDBOX.routes_wmts", b"SANDBOX.second_wmts")
    served = {"document": first}
    httpserver.expect_request("/wmts").respond_with_handler(
        lambda request: Response(served["document"], content_type="application/xml"))

    layer, _ = open_wmts_layer(base, "SANDBOX.routes_wmts")
    assert layer.isValid()
    served["document"] = second  # the next publication on the same service
    opened = []
    # As in the plugin: the layer is built in a worker thread (its own network manager).
    worker = threading.Thread(target=lambda: opened.append(
        open_wmts_layer(base, "SANDBOX.second_wmts")[0].isValid()))
    worker.start()
    worker.join()
    assert opened == [True]
    again, _ = open_wmts_layer(base, "SANDBOX.second_wmts")
    assert again.isValid()
