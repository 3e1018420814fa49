"""The inspector asks only for the tiles a document publishes (TileMatrixSetLimits), where it
says (GetTile endpoint, ResourceURL), and reports coverage as a share; a blank source render
or a broken transform is never "differs from the source" nor a match."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from gpf_wmts_publisher.plugin.pyramid import Bbox4326, bbox_4326_to_3857
from gpf_wmts_publisher.plugin.wmts.capabilities import find_layer, read_capabilities
from gpf_wmts_publisher.plugin.wmts.inspection_task import LevelInspectionTask
from gpf_wmts_publisher.plugin.wmts.inspector import inspect_level, why_not_comparable
from gpf_wmts_publisher.plugin.wmts.levels import sample_tiles_in_limits, tile_range
from gpf_wmts_publisher.plugin.wmts.tile_source import tile_source_from_info
from pytest_httpserver import HTTPServer
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice
from qgis.PyQt.QtGui import QColor, QImage
from werkzeug.wrappers import Response

FIXTURE = Path(__file__).parent / "fixtures" / "geoplateforme_capabilities.xml"
LAYER = "SANDBOX.routes_wmts"
DATA = tuple(bbox_4326_to_3857(Bbox4326(-1.5, 46.1, -1.1, 46.3)))
# Level 14 of the fixture, narrowed to a corner of the bounding box (rows 5809-5810 and
# columns 8123-8126): what real IGN layers do, where the bbox is wider than the tiles.
NARROW_14 = (5809, 5810, 8123, 8126)


def _narrowed_document(base_url: str, get_tile_url: str = "") -> bytes:
    text = FIXTURE.read_text(encoding="utf-8")
    text = re.sub(r"(<TileMatrix>14</TileMatrix>\s*<MinTileRow>)5809(</MinTileRow>\s*"
                  r"<MaxTileRow>)5822(</MaxTileRow>\s*<MinTileCol>)8123(</MinTileCol>\s*"
                  r"<MaxTileCol>)8141", r"\g<1>5809\g<2>5810\g<3>8123\g<4>8126", text)
    assert "<MaxTileCol>8126</MaxTileCol>" in text
    text = text.replace('<ows:Operation name="GetTile">\n      <ows:DCP><ows:HTTP><ows:Get '
                        'xlink:href="https://data.geopf.fr/wmts?"',
                        '<ows:Operation name="GetTile">\n      <ows:DCP><ows:HTTP><ows:Get '
                        f'xlink:href="{get_tile_url or base_url}?"')
    return text.replace("https://data.geopf.fr/wmts", base_url).encode()


def _png(colour: QColor) -> bytes:
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(colour)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


@pytest.fixture
def server():
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.clear()
    server.stop()


def _serve_tiles(server, path: str, limits=NARROW_14):
    """An image for tiles inside ``limits`` at level 14 (any tile at other levels), 404
    elsewhere, as the platform answers."""
    tile = _png(QColor(200, 30, 30))

    def handler(request):
        if request.args.get("TILEMATRIX") == "14":
            row, col = int(request.args["TILEROW"]), int(request.args["TILECOL"])
            if not (limits[0] <= row <= limits[1] and limits[2] <= col <= limits[3]):
                return Response("not found", status=404)
        return Response(tile, content_type="image/png")

    server.expect_request(path).respond_with_handler(handler)


def test_samples_stay_inside_the_limits_and_spread_proportionally():
    wide = tile_range(DATA, 14)
    tiles, total = sample_tiles_in_limits(DATA, 14, NARROW_14, budget=16)
    assert total == 2 * 4 and len(tiles) == 8  # every published tile: fewer than the budget
    assert all(5809 <= r <= 5810 and 8123 <= c <= 8126 for c, r in tiles)
    tiles, total = sample_tiles_in_limits(DATA, 14, None, budget=16)
    assert total == wide.count and 8 <= len(tiles) <= 16 and len(set(tiles)) == len(tiles)
    assert {c for c, _ in tiles} >= {min(c for c, _ in tiles), max(c for c, _ in tiles)}
    assert sample_tiles_in_limits(DATA, 14, (0, 1, 0, 1)) == ([], 0)  # limits elsewhere


def test_level_with_limits_narrower_than_the_bbox_is_not_empty(qgis_app, server):
    import requests

    base = server.url_for("/wmts")
    _serve_tiles(server, "/wmts")
    info = find_layer(read_capabilities(_narrowed_document(base)), LAYER)
    source = tile_source_from_info(info, base + "?SERVICE=WMTS&REQUEST=GetCapabilities")
    result = inspect_level(14, source=source, session=requests.Session(),
                           data_extent_3857=DATA, wmts_layer=None, source_layer=None)
    assert result.tiles and result.tiles_found == len(result.tiles)
    assert not result.empty
    assert result.tiles_total == 8 and result.coverage == 1.0
    assert "100%" in result.tiles_summary().replace("\u202f", "").replace(" ", "")


def test_tiles_are_asked_at_the_documents_get_tile_endpoint(qgis_app, server):
    import requests

    caps_url = server.url_for("/capabilities/wmts")
    tiles_url = server.url_for("/tiles/wmts")
    _serve_tiles(server, "/tiles/wmts")
    info = find_layer(read_capabilities(_narrowed_document(caps_url, tiles_url)), LAYER)
    source = tile_source_from_info(info, caps_url + "?SERVICE=WMTS&apikey=k3y")
    result = inspect_level(12, source=source, session=requests.Session(),
                           data_extent_3857=DATA, wmts_layer=None, source_layer=None)
    paths = {request.path for request, _ in server.log}
    assert paths == {"/tiles/wmts"} and result.tiles_found == len(result.tiles) > 0
    assert all(request.args.get("apikey") == "k3y" for request, _ in server.log)


def test_rest_resource_url_is_used_when_there_is_no_kvp_endpoint(qgis_app, server):
    import requests
    from gpf_wmts_publisher.plugin.wmts.capabilities import WmtsLevel

    tile = _png(QColor(30, 30, 200))
    server.expect_request(re.compile(r"/rest/.*")).respond_with_data(tile,
                                                                      content_type="image/png")
    info = find_layer(read_capabilities(_narrowed_document("http://unused")), LAYER)
    info = info.__class__(**{**info.__dict__, "get_tile_url": "", "tile_templates": (
        ("image/jpeg", server.url_for("/rest") + "/{TileMatrixSet}/{TileMatrix}/{TileRow}/"
         "{TileCol}.jpg"),)})
    assert isinstance(info.levels[0], WmtsLevel)
    source = tile_source_from_info(info, "http://unused/wmts")
    inspect_level(10, source=source, session=requests.Session(), data_extent_3857=DATA,
                  wmts_layer=None, source_layer=None)
    assert {request.path for request, _ in server.log} == {"/rest/PM_10_14/10/363/507.jpg",
                                                           "/rest/PM_10_14/10/363/508.jpg"}


def _points(crs: str, coordinates) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"Point?crs={crs}", "points", "memory")
    features = []
    for x, y in coordinates:
        feature = QgsFeature()
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def test_a_blank_source_render_is_not_compared(qgis_app):
    """The source draws nothing at this level (here: out of its scale range): the level says
    so, has no score and is flagged; it used to read "differs from the source" at 0.00 (or,
    both blank, a perfect match)."""
    centre = ((DATA[0] + DATA[2]) / 2, (DATA[1] + DATA[3]) / 2)
    hidden = _points("EPSG:3857", [centre])
    hidden.setScaleBasedVisibility(True)
    hidden.setMinimumScale(5000.0)  # drawn only closer than 1:5 000; level 12 is 1:136 000
    hidden.setMaximumScale(1.0)
    drawn = _points("EPSG:3857", [centre])
    nothing = _points("EPSG:3857", [(1000.0, 1000.0)])
    for remote in (drawn, nothing):
        result = inspect_level(12, source=None, session=None, data_extent_3857=DATA,
                               wmts_layer=remote, source_layer=hidden)
        assert result.source_blank and result.score is None and result.flagged
        assert result.verdict() != "differs from the source" and result.verdict() != "OK"


def test_a_sparse_source_is_compared_where_it_draws(qgis_app):
    """Two points far apart: the middle of the data is empty, the render goes to a point."""
    west = (DATA[0] - 300000.0, DATA[1])
    east = (DATA[2] + 300000.0, DATA[3])
    sparse = _points("EPSG:3857", [west, east])
    result = inspect_level(14, source=None, session=None, data_extent_3857=DATA,
                           wmts_layer=sparse.clone(), source_layer=sparse)
    assert not result.source_blank and result.score is not None and result.score >= 0.92


def test_a_transform_that_does_nothing_is_an_error_not_a_blank_map(qgis_app):
    """A source whose extent cannot reach EPSG:3857 (no valid CRS: its extent stays in
    degrees, as in the failure seen once) fails every level with a message."""
    layer = _points("EPSG:4326", [(-1.3, 46.2)])
    layer.setCrs(QgsCoordinateReferenceSystem())
    task = LevelInspectionTask([12, 13], source=None, data_extent_3857=DATA,
                               wmts_layer=_points("EPSG:3857", [(0, 0)]), source_layer=layer)
    assert task.run()
    assert [r.z for r in task.results] == [12, 13]
    assert all(r.error and r.flagged and r.score is None for r in task.results)


def test_extent_moved_between_threads_is_reported(qgis_app):
    """The extent the GUI thread computed and the one the task computes must agree."""
    layer = _points("EPSG:4326", [(-1.5, 46.1), (-1.1, 46.3)])
    degrees = (-1.5, 46.1, -1.1, 46.3)  # what a transform doing nothing would give
    task = LevelInspectionTask([12], source=None, data_extent_3857=degrees,
                               wmts_layer=_points("EPSG:3857", [(0, 0)]), source_layer=layer)
    assert task.run()
    assert "EPSG:3857" in task.results[0].error


def test_vector_tiles_are_said_to_be_out_of_reach(qgis_app):
    info = find_layer(read_capabilities(_narrowed_document("http://x/wmts")), LAYER)
    assert why_not_comparable(info) == ""
    vector = info.__class__(**{**info.__dict__, "formats": ("application/x-protobuf",)})
    assert "application/x-protobuf" in why_not_comparable(vector)
