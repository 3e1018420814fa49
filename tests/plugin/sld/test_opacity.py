"""Layer opacity folded into symbol opacities, keeping the SLD schema-valid."""

from __future__ import annotations

from gpf_wmts_publisher.plugin.sld.findings import Severity
from gpf_wmts_publisher.plugin.sld.opacity import apply_layer_opacity
from gpf_wmts_publisher.plugin.sld.transform import transform_sld
from gpf_wmts_publisher.plugin.sld.validate import validate_sld
from lxml import etree

from .sld_samples import POLYGON, hatch_fill, point_with_mark, rule, sld

NS = {"sld": "http://www.opengis.net/sld"}


def _platform_sld(*rules: str) -> bytes:
    return transform_sld(sld(*rules), table_name="t").sld_bytes


def test_fill_stroke_and_graphic_opacities_are_multiplied():
    line = ("<se:LineSymbolizer><se:Stroke><se:SvgParameter name=\"stroke-opacity\">0.8"
            "</se:SvgParameter></se:Stroke></se:LineSymbolizer>")
    data = apply_layer_opacity(_platform_sld(rule(POLYGON), rule(line),
                                             rule(point_with_mark("circle")),
                                             rule(hatch_fill("horline"))), 0.5)
    root = etree.fromstring(data)
    fill = root.find(".//sld:PolygonSymbolizer/sld:Fill/sld:CssParameter[@name='fill-opacity']",
                     NS)
    assert fill.text == "0.5"
    stroke = root.find(".//sld:LineSymbolizer//sld:CssParameter[@name='stroke-opacity']", NS)
    assert stroke.text == "0.4"
    assert root.find(".//sld:PointSymbolizer/sld:Graphic/sld:Opacity", NS).text == "0.5"
    assert root.find(".//sld:GraphicFill/sld:Graphic/sld:Opacity", NS).text == "0.5"
    assert [f for f in validate_sld(data, table_name="t")
            if f.severity is Severity.ERROR] == []


def test_label_text_keeps_its_opacity():
    text = ("<se:TextSymbolizer><se:Fill><se:SvgParameter name=\"fill\">#000000"
            "</se:SvgParameter></se:Fill></se:TextSymbolizer>")
    data = apply_layer_opacity(_platform_sld(rule(text)), 0.3)
    assert b"fill-opacity" not in data
