"""Mark fixes of the SLD rewriter (plugin/sld/mark_fixes.py): QGIS names to GeoServer's, turned
and hatch marks, font marks, and the marks drawn as SVG annexes for cartes.gouv.fr's editor."""

from __future__ import annotations

import pytest
from gpf_wmts_publisher.plugin.sld.findings import Severity
from gpf_wmts_publisher.plugin.sld.transform import ANNEX_SCHEME, transform_sld
from lxml import etree

from .sld_samples import hatch_fill, point_with_mark, rule, sld
from .test_transform import NS, _codes, _schema_errors, _tree


def test_qgis_only_hatch_names_become_geoserver_shapes():
    expected = {"horline": "shape://horline", "vertline": "shape://vertline",
                "cross_fill": "shape://times", "slash": "shape://slash",
                "backslash": "shape://backslash", "dot": "shape://dot",
                "line": "shape://vertline", "cross": "shape://plus", "x": "shape://times"}
    for qgis_name, geoserver_name in expected.items():
        result = transform_sld(sld(rule(hatch_fill(qgis_name))), table_name="t")
        root = _tree(result.sld_bytes)
        assert root.find(".//sld:WellKnownName", NS).text == geoserver_name, qgis_name
        assert _schema_errors(result.sld_bytes) == []

def test_standard_marker_names_are_left_alone_outside_fills():
    result = transform_sld(sld(rule(point_with_mark("cross"))), table_name="t")
    assert _tree(result.sld_bytes).find(".//sld:WellKnownName", NS).text == "cross"
    assert not _codes(result) & {"WKN_MAPPED", "WKN_APPROXIMATED"}

def test_marker_without_geoserver_equivalent_is_approximated_with_a_warning():
    result = transform_sld(sld(rule(point_with_mark("pentagon"))), table_name="t")
    assert _tree(result.sld_bytes).find(".//sld:WellKnownName", NS).text == "circle"
    warning = next(f for f in result.findings if f.code == "WKN_APPROXIMATED")
    assert warning.severity is Severity.WARNING and "pentagon" in warning.text("en")

def test_diamond_becomes_a_square_turned_45_degrees():
    result = transform_sld(sld(rule(point_with_mark("diamond"))), table_name="t")
    graphic = _tree(result.sld_bytes).find(".//sld:Graphic", NS)
    assert graphic.find("sld:Mark/sld:WellKnownName", NS).text == "square"
    assert graphic.find("sld:Rotation", NS).text == "45"
    assert graphic.find("sld:Size", NS).text == "5.66"
    assert "WKN_APPROXIMATED" not in _codes(result)
    assert _schema_errors(result.sld_bytes) == []

def test_font_marker_becomes_a_ttf_well_known_name():
    mark = ("<se:PointSymbolizer><se:Graphic><se:Mark>"
            "<se:OnlineResource xlink:type=\"simple\" xlink:href=\"ttf://DejaVu Sans\"/>"
            "<se:Format>ttf</se:Format><se:MarkIndex>65</se:MarkIndex>"
            "<se:Fill><se:SvgParameter name=\"fill\">#232323</se:SvgParameter></se:Fill>"
            "</se:Mark><se:Size>18</se:Size></se:Graphic></se:PointSymbolizer>")
    result = transform_sld(sld(rule(mark)), table_name="t")
    root = _tree(result.sld_bytes)
    assert root.find(".//sld:WellKnownName", NS).text == "ttf://DejaVu Sans#0x41"
    assert _schema_errors(result.sld_bytes) == []

def _rotated_hatch(name: str, angle: str) -> str:
    return (
        "<se:PolygonSymbolizer><se:Fill><se:GraphicFill><se:Graphic><se:Mark>"
        f"<se:WellKnownName>{name}</se:WellKnownName></se:Mark><se:Size>10</se:Size>"
        f"<se:Rotation><ogc:Literal>{angle}</ogc:Literal></se:Rotation></se:Graphic>"
        "</se:GraphicFill></se:Fill></se:PolygonSymbolizer>"
    )

def test_rotated_line_pattern_becomes_a_joined_geoserver_hatch():
    cases = {("horline", "45"): ("shape://slash", "14.14"),
             ("horline", "90"): ("shape://vertline", "10"),
             ("vertline", "45"): ("shape://backslash", "14.14"),
             ("horline", "180"): ("shape://horline", "10")}
    for (name, angle), (hatch, size) in cases.items():
        result = transform_sld(sld(rule(_rotated_hatch(name, angle))), table_name="t")
        graphic = _tree(result.sld_bytes).find(".//sld:Graphic", NS)
        assert graphic.find("sld:Mark/sld:WellKnownName", NS).text == hatch, (name, angle)
        assert graphic.find("sld:Rotation", NS) is None
        assert graphic.find("sld:Size", NS).text == size
        assert "HATCH_STRAIGHTENED" in _codes(result, Severity.FIXED)

def test_hatch_at_an_odd_angle_keeps_its_rotation():
    result = transform_sld(sld(rule(_rotated_hatch("horline", "30"))), table_name="t")
    graphic = _tree(result.sld_bytes).find(".//sld:Graphic", NS)
    assert graphic.find("sld:Rotation/ogc:Literal", NS).text == "30"
    assert graphic.find("sld:Mark/sld:WellKnownName", NS).text == "shape://horline"

COLOURED_MARK = ("<se:PointSymbolizer><se:Graphic><se:Mark><se:WellKnownName>{name}"
                 "</se:WellKnownName><se:Fill><se:SvgParameter name=\"fill\">{fill}"
                 "</se:SvgParameter></se:Fill><se:Stroke><se:SvgParameter name=\"stroke\">"
                 "#232323</se:SvgParameter><se:SvgParameter name=\"stroke-width\">2"
                 "</se:SvgParameter></se:Stroke></se:Mark><se:Size>7</se:Size></se:Graphic>"
                 "</se:PointSymbolizer>")

DATA_DEFINED_FILL = "<ogc:PropertyName>couleur</ogc:PropertyName>"

@pytest.mark.parametrize("qgis_name", ["arrow", "semi_circle"])
def test_marks_without_a_name_both_read_become_an_svg_annex_of_the_same_shape(qgis_name):
    # GeoServer draws them as extshape:// marks only, which cartes.gouv.fr's editor
    # (geostyler-sld-parser: SLD names, shape://, ttf://) refuses; both read an image.
    data = sld(rule(COLOURED_MARK.format(name=qgis_name, fill="#e15989")))
    result = transform_sld(data, table_name="t")
    root = _tree(result.sld_bytes)
    assert root.find(".//sld:WellKnownName", NS) is None
    href = root.find(".//sld:ExternalGraphic/sld:OnlineResource", NS).get(
        "{http://www.w3.org/1999/xlink}href")
    assert href.startswith(ANNEX_SCHEME)
    [annex] = result.annexes
    svg = etree.parse(annex.local_path).getroot()
    path = svg.find("{http://www.w3.org/2000/svg}path")
    assert (path.get("fill"), path.get("stroke")) == ("#e15989", "#232323")
    # One unit is half the mark (7 px): a 2 px outline is 4/7; the image keeps half of it as
    # margin around the shape, and its Size grows by as much so the shape keeps QGIS's size.
    assert float(path.get("stroke-width")) == pytest.approx(4 / 7, abs=1e-3)
    assert svg.get("viewBox") == "-1.286 -1.286 2.571 2.571"
    assert root.find(".//sld:Graphic/sld:Size", NS).text == "9"
    assert annex.mime_type == "image/svg+xml"
    fixed = next(f for f in result.findings if f.code == "WKN_AS_IMAGE")
    assert fixed.severity is Severity.FIXED and qgis_name in fixed.message_fr
    assert "WKN_NOT_EDITABLE_ONLINE" not in _codes(result)
    assert _schema_errors(result.sld_bytes) == []

def test_the_same_mark_gives_the_same_annex_file():
    data = sld(rule(COLOURED_MARK.format(name="arrow", fill="#e15989")))
    first = transform_sld(data, table_name="t").annexes[0]
    assert transform_sld(data, table_name="t").annexes[0] == first

@pytest.mark.parametrize(("qgis_name", "geoserver_name"), [
    ("arrow", "extshape://narrow"), ("semi_circle", "extshape://emicircle")])
@pytest.mark.parametrize("case", ["no_annexes", "data_defined_fill"])
def test_without_an_image_the_geoserver_mark_stays_with_a_warning_saying_so(
        qgis_name, geoserver_name, case):
    fill = DATA_DEFINED_FILL if case == "data_defined_fill" else "#e15989"
    result = transform_sld(sld(rule(COLOURED_MARK.format(name=qgis_name, fill=fill))),
                           table_name="t", upload_annexes=case != "no_annexes")
    assert _tree(result.sld_bytes).find(".//sld:WellKnownName", NS).text == geoserver_name
    warning = next(f for f in result.findings if f.code == "WKN_NOT_EDITABLE_ONLINE")
    assert warning.severity is Severity.WARNING
    assert "cartes.gouv.fr" in warning.message_en and "cartes.gouv.fr" in warning.message_fr
    assert geoserver_name in warning.message_fr
    assert not result.annexes

@pytest.mark.parametrize("mark", ["circle", "shape://carrow", "ttf://DejaVu Sans#0x41",
                                  "filled_arrowhead"])
def test_marks_cartes_gouv_fr_reads_give_no_editor_warning(mark):
    result = transform_sld(sld(rule(point_with_mark(mark))), table_name="t")
    assert "WKN_NOT_EDITABLE_ONLINE" not in _codes(result)


def test_an_image_mark_without_size_keeps_the_mark_s_default_size():
    # An ExternalGraphic without Size is drawn at the image's own size, not SLD's 6 px.
    data = sld(rule("<se:PointSymbolizer><se:Graphic><se:Mark><se:WellKnownName>arrow"
                    "</se:WellKnownName><se:Fill><se:SvgParameter name=\"fill\">#ff0000"
                    "</se:SvgParameter></se:Fill></se:Mark></se:Graphic></se:PointSymbolizer>"))
    result = transform_sld(data, table_name="t")
    assert _tree(result.sld_bytes).find(".//sld:Graphic/sld:Size", NS).text == "6"
    assert _schema_errors(result.sld_bytes) == []
