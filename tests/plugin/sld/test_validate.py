"""Offline checks: the SLD 1.0.0 schema and the platform's known rejections."""

from __future__ import annotations

import string
import threading

from gpf_wmts_publisher.plugin.sld.findings import CATALOGUE, Finding, Severity, finding
from gpf_wmts_publisher.plugin.sld.validate import sld10_schema, validate_sld

GOOD = b"""<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld"
  xmlns:ogc="http://www.opengis.net/ogc" xmlns:xlink="http://www.w3.org/1999/xlink">
 <NamedLayer><Name>parcelles</Name><UserStyle><Name>parcelles</Name><FeatureTypeStyle>
  <Rule><Name>a</Name>
   <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>nature</ogc:PropertyName>
    <ogc:Literal>bois</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
   <PolygonSymbolizer>__SYMBOLIZER__</PolygonSymbolizer>
  </Rule></FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>"""
FILL = b'<Fill><CssParameter name="fill">#00ff00</CssParameter></Fill>'
ATTRIBUTES = {"nature": "varchar", "geom": "geometry(MultiPolygon,2154)"}


def _sld(symbolizer: bytes = FILL, **replacements: bytes) -> bytes:
    data = GOOD.replace(b"__SYMBOLIZER__", symbolizer)
    for old, new in replacements.items():
        data = data.replace(old.encode(), new)
    return data


def _errors(data: bytes, **kwargs):
    return [f for f in validate_sld(data, **kwargs) if f.severity is Severity.ERROR]


def _codes(data: bytes, **kwargs):
    return {f.code for f in _errors(data, **kwargs)}


def test_platform_ready_sld_has_no_finding():
    assert validate_sld(_sld(), table_name="parcelles", attributes=ATTRIBUTES) == []


def test_se_parameters_are_rejected_by_schema_and_by_name():
    se = (b'<Fill xmlns:se="http://www.opengis.net/se"><se:SvgParameter name="fill">#00ff00'
          b"</se:SvgParameter></Fill>")
    codes = _codes(_sld(se), table_name="parcelles")
    assert {"SE_ELEMENT", "XSD_INVALID"} <= codes


def test_version_other_than_1_0_0_is_rejected():
    data = _sld().replace(b'version="1.0.0"', b'version="1.1.0"')
    assert "WRONG_VERSION" in _codes(data)


def test_graphic_fill_after_css_parameter_is_rejected_by_the_schema():
    wrong = (b'<Fill><CssParameter name="fill">#000000</CssParameter><GraphicFill><Graphic>'
             b"<Mark><WellKnownName>shape://slash</WellKnownName></Mark></Graphic>"
             b"</GraphicFill></Fill>")
    errors = _errors(_sld(wrong))
    assert [f.code for f in errors] == ["XSD_INVALID"]
    assert "GraphicFill" in errors[0].message_en and errors[0].location


def test_unknown_well_known_name_is_rejected():
    fill = (b"<Fill><GraphicFill><Graphic><Mark><WellKnownName>horline</WellKnownName></Mark>"
            b"</Graphic></GraphicFill></Fill>")
    errors = [f for f in _errors(_sld(fill)) if f.code == "WKN_UNKNOWN"]
    assert errors and "horline" in errors[0].message_fr


def test_geoserver_marker_families_are_accepted():
    for name in (b"shape://times", b"ttf://DejaVu Sans#0x41", b"extshape://narrow", b"star"):
        fill = (b"<Fill><GraphicFill><Graphic><Mark><WellKnownName>" + name +
                b"</WellKnownName></Mark></Graphic></GraphicFill></Fill>")
        assert _errors(_sld(fill)) == [], name


def test_local_icon_path_is_rejected_and_pending_annex_is_a_warning():
    def graphic(href: bytes) -> bytes:
        return (b'<Fill><GraphicFill><Graphic><ExternalGraphic><OnlineResource xlink:href="'
                + href + b'"/><Format>image/svg+xml</Format></ExternalGraphic></Graphic>'
                b"</GraphicFill></Fill>")

    assert "LOCAL_GRAPHIC" in _codes(_sld(graphic(b"/home/me/icon.svg")))
    pending = validate_sld(_sld(graphic(b"gpf-annex:abc/icon.svg")))
    assert [(f.severity, f.code) for f in pending] == [(Severity.WARNING, "ANNEX_PENDING")]


def test_style_name_must_equal_the_table_name():
    assert "EMPTY_STYLE_NAME" in _codes(_sld(), table_name="autre_table")
    empty = _sld().replace(b"<Name>parcelles</Name><UserStyle>", b"<Name></Name><UserStyle>")
    assert "EMPTY_STYLE_NAME" in _codes(empty)


def test_rule_without_symbolizer_is_rejected():
    data = _sld().replace(b"<PolygonSymbolizer>" + FILL + b"</PolygonSymbolizer>", b"")
    errors = [f for f in _errors(data) if f.code == "RULE_WITHOUT_SYMBOLIZER_LEFT"]
    assert errors and "'a'" in errors[0].message_en


def test_attribute_absent_from_the_table_is_named_with_a_suggestion():
    data = _sld().replace(b">nature<", b">natur<")
    errors = [f for f in _errors(data, table_name="parcelles", attributes=ATTRIBUTES)
              if f.code == "ATTRIBUTE_MISSING"]
    assert len(errors) == 1
    assert "natur" in errors[0].message_en and "'nature'" in errors[0].message_en
    assert "parcelles" in errors[0].message_fr


def test_attributes_are_not_checked_when_the_table_is_unknown():
    data = _sld().replace(b">nature<", b">natur<")
    assert _errors(data) == []


def test_expression_inside_property_name_is_rejected():
    data = _sld().replace(b">nature<", b'>"val" * 2<')
    assert "PROPERTYNAME_EXPRESSION" in _codes(data)


def test_not_xml_is_a_finding():
    assert _codes(b"not xml at all") == {"NOT_XML"}


def test_each_validation_has_its_own_schema_and_threads_validate_together():
    # Never one shared compiled schema: see sld10_schema (libxml2 may free what it points to).
    assert sld10_schema() is not sld10_schema()
    bad = _sld().replace(b'version="1.0.0"', b'version="1.1.0"')
    results = {}

    def check(index: int) -> None:
        data = bad if index % 2 else _sld()
        results[index] = sorted(f.code for f in validate_sld(data))

    threads = [threading.Thread(target=check, args=(i,)) for i in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(results[i] == ["WRONG_VERSION", "XSD_INVALID"] for i in range(1, 16, 2))
    assert all(results[i] == [] for i in range(0, 16, 2))


def test_every_catalogue_message_exists_in_both_languages():
    for code, templates in CATALOGUE.items():
        names = {field for template in templates
                 for _, field, _, _ in string.Formatter().parse(template) if field}
        item = finding(Severity.ERROR, code, "Rule 'x'", **{n: f"<{n}>" for n in names})
        assert isinstance(item, Finding)
        assert item.message_en and item.message_fr and item.message_en != item.message_fr, code
        assert item.text("fr") == f"[ERROR] Rule 'x': {item.message_fr}"
        assert item.text("en") == f"[ERROR] Rule 'x': {item.message_en}"


def test_a_column_geoserver_may_not_find_by_name_is_a_warning():
    # GeoTools' simple-feature accessor takes XML names only: a space or a leading digit.
    for column in ("nom commune", "2020_densité"):
        data = _sld().replace(b">nature<", f">{column}<".encode())
        found = validate_sld(data, table_name="parcelles", attributes={column: "varchar"})
        assert [(f.severity, f.code) for f in found] == [
            (Severity.WARNING, "COLUMN_NOT_XML_NAME")], column
        assert column in found[0].message_fr
    for column in ("code_insee", "catégorie", "État"):
        data = _sld().replace(b">nature<", f">{column}<".encode())
        assert validate_sld(data, table_name="parcelles", attributes={column: "varchar"}) == []
