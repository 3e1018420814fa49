"""The sandbox WMS-V renders with QGIS Server, follows the SLD, rate-limits and guards keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from werkzeug.test import Client

from sandbox.pm_grid import mercator_bbox_of_lonlat
from sandbox.wmsv import WmsvLayer, WmsvService, ensure_qgis_app

# A 0.2° square around Paris (lon/lat).
AREA_BBOX_4326 = (2.25, 48.75, 2.45, 48.95)
AREA_WKT_4326 = "POLYGON((2.25 48.75, 2.45 48.75, 2.45 48.95, 2.25 48.95, 2.25 48.75))"


def fill_sld(table: str, fill_hex: str) -> bytes:
    """A minimal SLD 1.0.0 as the platform accepts it: one rule, one polygon fill."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld"
  xmlns:ogc="http://www.opengis.net/ogc" xmlns:xlink="http://www.w3.org/1999/xlink"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
 <NamedLayer><Name>{table}</Name><UserStyle><Name>{table}</Name><FeatureTypeStyle><Rule>
  <PolygonSymbolizer><Fill><CssParameter name="fill">{fill_hex}</CssParameter></Fill>
  </PolygonSymbolizer></Rule></FeatureTypeStyle></UserStyle></NamedLayer>
</StyledLayerDescriptor>""".encode()


def make_area_gpkg(directory: Path, table: str = "parcels") -> Path:
    """A GeoPackage with one polygon covering AREA_WKT_4326 (stored in EPSG:4326)."""
    ensure_qgis_app()
    from qgis.core import (
        QgsCoordinateTransformContext,
        QgsFeature,
        QgsGeometry,
        QgsVectorFileWriter,
        QgsVectorLayer,
    )

    memory = QgsVectorLayer("Polygon?crs=EPSG:4326&field=nom:string", table, "memory")
    feature = QgsFeature(memory.fields())
    feature.setGeometry(QgsGeometry.fromWkt(AREA_WKT_4326))
    feature.setAttributes(["zone"])
    memory.dataProvider().addFeatures([feature])
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = table
    path = directory / f"{table}.gpkg"
    error = QgsVectorFileWriter.writeAsVectorFormatV3(
        memory, str(path), QgsCoordinateTransformContext(), options
    )
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    return path


class DictLayers:
    """The layers_provider protocol over a plain dict."""

    def __init__(self, *layers: WmsvLayer):
        self.layers = {layer.name: layer for layer in layers}

    def __call__(self, name):
        return self.layers.get(name)

    def all(self):
        return list(self.layers.values())


def decode_image(body: bytes):
    from qgis.PyQt.QtGui import QImage

    image = QImage.fromData(body)
    assert not image.isNull()
    return image


def centre_rgb(image):
    colour = image.pixelColor(image.width() // 2, image.height() // 2)
    return colour.red(), colour.green(), colour.blue()


def getmap_query(layer: str, crs: str = "EPSG:3857", fmt: str = "image/png", size: int = 256):
    if crs == "EPSG:3857":
        bbox = mercator_bbox_of_lonlat(AREA_BBOX_4326)
    else:  # WMS 1.3.0 + EPSG:4326 is lat/lon
        bbox = (AREA_BBOX_4326[1], AREA_BBOX_4326[0], AREA_BBOX_4326[3], AREA_BBOX_4326[2])
    return (
        f"SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS={layer}&STYLES=&CRS={crs}"
        f"&BBOX={','.join(str(v) for v in bbox)}&WIDTH={size}&HEIGHT={size}&FORMAT={fmt}"
    )


@pytest.fixture(scope="module")
def gpkg(tmp_path_factory):
    return make_area_gpkg(tmp_path_factory.mktemp("wmsv"))


def test_getmap_fill_follows_the_sld_in_3857_and_4326(gpkg):
    layer = WmsvLayer("parcels_red", str(gpkg), "parcels", fill_sld("parcels", "#ff0000"))
    client = Client(WmsvService(DictLayers(layer)))
    for crs in ("EPSG:3857", "EPSG:4326"):
        response = client.get("/wms-v/ows?" + getmap_query("parcels_red", crs))
        assert response.status_code == 200, response.data[:300]
        assert response.headers["Content-Type"] == "image/png"
        assert centre_rgb(decode_image(response.data)) == (255, 0, 0)


def test_jpeg_getmap_and_transparent_png_outside_the_data(gpkg):
    layer = WmsvLayer("parcels_blue", str(gpkg), "parcels", fill_sld("parcels", "#0000ff"))
    client = Client(WmsvService(DictLayers(layer)))
    jpeg = client.get("/ows?" + getmap_query("parcels_blue", fmt="image/jpeg"))
    assert jpeg.headers["Content-Type"] == "image/jpeg"
    red, green, blue = centre_rgb(decode_image(jpeg.data))
    assert blue > 240 and red < 15 and green < 15
    # A map twice as large as the data: its corners are outside the polygon, hence transparent.
    min_x, min_y, max_x, max_y = mercator_bbox_of_lonlat(AREA_BBOX_4326)
    width = max_x - min_x
    query = getmap_query("parcels_blue").replace(
        f"BBOX={min_x},{min_y},{max_x},{max_y}",
        f"BBOX={min_x - width},{min_y - width},{max_x + width},{max_y + width}",
    )
    image = decode_image(client.get("/ows?" + query + "&TRANSPARENT=TRUE").data)
    assert image.pixelColor(2, 2).alpha() == 0
    assert centre_rgb(image) == (0, 0, 255)


def test_changed_sld_is_rendered_without_a_stale_project(gpkg):
    layers = DictLayers(WmsvLayer("parcels", str(gpkg), "parcels", fill_sld("parcels", "#ff0000")))
    service = WmsvService(layers)
    client = Client(service)
    assert centre_rgb(decode_image(client.get("/?" + getmap_query("parcels")).data)) == (255, 0, 0)
    client.get("/?" + getmap_query("parcels"))
    assert service.project_builds == 1
    layers.layers["parcels"] = WmsvLayer(
        "parcels", str(gpkg), "parcels", fill_sld("parcels", "#00ff00")
    )
    assert centre_rgb(decode_image(client.get("/?" + getmap_query("parcels")).data)) == (0, 255, 0)
    assert service.project_builds == 2


@pytest.mark.parametrize("version", ["1.3.0", "1.1.1"])
def test_capabilities_list_public_layers_and_private_ones_the_key_opens(gpkg, version):
    from owslib.wms import WebMapService

    public = WmsvLayer("open_layer", str(gpkg), "parcels", fill_sld("parcels", "#ff0000"),
                       title="Ouverte", abstract="Résumé")
    private = WmsvLayer("closed_layer", str(gpkg), "parcels", fill_sld("parcels", "#ff0000"),
                        private=True, api_keys=("k-123",))
    client = Client(WmsvService(DictLayers(public, private)))
    query = f"SERVICE=WMS&REQUEST=GetCapabilities&VERSION={version}"
    anonymous = WebMapService("http://localhost/wms-v/ows", version=version,
                              xml=client.get("/wms-v/ows?" + query).data)
    assert "open_layer" in anonymous.contents and "closed_layer" not in anonymous.contents
    assert anonymous["open_layer"].title == "Ouverte"
    keyed_body = client.get("/wms-v/ows?" + query + "&apikey=k-123").data
    assert b"k-123" not in keyed_body
    keyed = WebMapService("http://localhost/wms-v/ows", version=version, xml=keyed_body)
    assert {"open_layer", "closed_layer"} <= set(keyed.contents)
    assert "EPSG:3857" in keyed["closed_layer"].crsOptions


def test_private_layer_needs_its_key_in_param_or_header(gpkg):
    private = WmsvLayer("closed", str(gpkg), "parcels", fill_sld("parcels", "#ff0000"),
                        private=True, api_keys=("k-123",))
    client = Client(WmsvService(DictLayers(private)))
    assert client.get("/?" + getmap_query("closed")).status_code == 401
    # A key the layer does not list is a key without an access to it: 403, not 401.
    assert client.get("/?" + getmap_query("closed") + "&apikey=wrong").status_code == 403
    assert client.get("/?" + getmap_query("closed") + "&apikey=k-123").status_code == 200
    assert client.get("/?" + getmap_query("closed"), headers={"apikey": "k-123"}).status_code == 200
    assert "k-123" not in repr(private)


def test_unknown_layer_is_an_ows_exception(gpkg):
    client = Client(WmsvService(DictLayers()))
    response = client.get("/?" + getmap_query("nope"))
    assert response.status_code == 400 and b"LayerNotDefined" in response.data


def test_past_the_rate_a_client_gets_429_with_retry_after_then_recovers(gpkg):
    now = [1000.0]
    layer = WmsvLayer("parcels", str(gpkg), "parcels", fill_sld("parcels", "#ff0000"))
    service = WmsvService(DictLayers(layer), max_requests_per_s=5, retry_after_s=5,
                          clock=lambda: now[0])
    client = Client(service)
    other_client = Client(service)
    query = "/?" + getmap_query("parcels")
    statuses = [client.get(query).status_code for _ in range(5)]
    assert statuses == [200] * 5
    refused = client.get(query)
    assert refused.status_code == 429 and refused.headers["Retry-After"] == "5"
    assert other_client.get(query, environ_overrides={"REMOTE_ADDR": "10.0.0.9"}).status_code == 200
    now[0] += 2.0
    assert client.get(query).headers["Retry-After"] == "3"
    now[0] += 3.5
    assert client.get(query).status_code == 200


def test_rendering_leaves_the_qgis_project_singleton_alone(gpkg):
    from qgis.core import QgsProject

    singleton = QgsProject.instance()
    layer = WmsvLayer("parcels", str(gpkg), "parcels", fill_sld("parcels", "#ff0000"))
    client = Client(WmsvService(DictLayers(layer)))
    assert client.get("/?" + getmap_query("parcels")).status_code == 200
    assert QgsProject.instance() is singleton


def test_a_broken_style_fails_its_getmap_but_not_the_capabilities(gpkg):
    good = WmsvLayer("good", str(gpkg), "parcels", fill_sld("parcels", "#ff0000"))
    broken = WmsvLayer("broken", str(gpkg), "parcels", b"<notsld/>")
    client = Client(WmsvService(DictLayers(good, broken)))
    getmap = client.get("/?" + getmap_query("broken"))
    assert getmap.status_code == 500 and b"SLD" in getmap.data
    capabilities = client.get("/?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0")
    assert capabilities.status_code == 200
    assert b"<Name>good</Name>" in capabilities.data
    assert b"<Name>broken</Name>" not in capabilities.data


def test_a_service_without_layers_still_answers_its_capabilities():
    response = Client(WmsvService(DictLayers())).get("/?SERVICE=WMS&REQUEST=GetCapabilities")
    assert response.status_code == 200 and b"WMS_Capabilities" in response.data
