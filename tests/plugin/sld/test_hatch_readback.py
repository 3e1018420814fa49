"""Hatched fills come back from the SLD as QGIS brushes, whichever way QGIS reads GraphicFill."""

from __future__ import annotations

from gpf_wmts_publisher.plugin.sld.hatch_readback import (
    hatches_to_sentinels,
    sentinels_to_brushes,
)
from gpf_wmts_publisher.plugin.sld.transform import parse_sld
from lxml import etree
from qgis.core import QgsVectorLayer
from qgis.PyQt.QtCore import Qt

SLD = b"""<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld">
 <NamedLayer><Name>t</Name><UserStyle><Name>t</Name><FeatureTypeStyle><Rule>
  <PolygonSymbolizer><Fill><GraphicFill><Graphic><Mark><WellKnownName>horline</WellKnownName>
   <Stroke><CssParameter name="stroke">#123456</CssParameter></Stroke></Mark></Graphic>
  </GraphicFill></Fill></PolygonSymbolizer>
 </Rule></FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>"""


def test_a_hatch_becomes_a_sentinel_fill_then_a_brush_again(qgis_app, tmp_path):
    root = parse_sld(SLD)
    hatches = hatches_to_sentinels(root)
    assert len(hatches) == 1
    (sentinel, (brush, colour)), = hatches.items()
    assert (brush, colour) == ("horizontal", "#123456")
    assert b"GraphicFill" not in etree.tostring(root)
    path = tmp_path / "readback.sld"
    path.write_bytes(etree.tostring(root))
    layer = QgsVectorLayer("Polygon?crs=EPSG:3857", "t", "memory")
    _, ok = layer.loadSldStyle(str(path))
    assert ok
    fill = layer.renderer().symbol().symbolLayer(0)
    assert fill.color().name() == sentinel
    sentinels_to_brushes(layer, hatches)
    fill = layer.renderer().symbol().symbolLayer(0)
    assert fill.brushStyle() == Qt.BrushStyle.HorPattern
    assert fill.color().name() == "#123456"


def test_sentinels_avoid_colours_the_sld_uses():
    root = parse_sld(SLD.replace(b"#123456", b"#fe0001"))
    hatches = hatches_to_sentinels(root)
    assert "#fe0001" not in hatches and len(hatches) == 1
