"""QGIS SE 1.1 → platform SLD 1.0.0, on bytes only (no layer, no QGIS)."""

from __future__ import annotations

from xml.sax.saxutils import escape

from gpf_wmts_publisher.plugin.sld.filters import like_to_regex
from gpf_wmts_publisher.plugin.sld.findings import Severity
from gpf_wmts_publisher.plugin.sld.transform import (
    ANNEX_SCHEME,
    rewrite_annex_urls,
    transform_sld,
)
from gpf_wmts_publisher.plugin.sld.validate import validate_sld
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from .sld_samples import (
    POLYGON,
    equal_filter,
    external_graphic,
    rule,
    sld,
)

NS = {"sld": "http://www.opengis.net/sld", "ogc": "http://www.opengis.net/ogc",
      "xlink": "http://www.w3.org/1999/xlink"}


def _tree(data: bytes):
    return etree.fromstring(data)


def _codes(result, severity=None):
    return {f.code for f in result.findings if severity is None or f.severity is severity}


def _schema_errors(data: bytes, table: str = "t"):
    return [f for f in validate_sld(data, table_name=table) if f.severity is Severity.ERROR]


def test_se_output_becomes_sld_1_0_0_valid_against_the_schema():
    result = transform_sld(sld(rule(POLYGON)), table_name="t")
    root = _tree(result.sld_bytes)
    assert root.get("version") == "1.0.0"
    assert "sld/1.0.0/StyledLayerDescriptor.xsd" in root.get(
        "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation")
    assert b"http://www.opengis.net/se" not in result.sld_bytes
    assert root.find(".//sld:CssParameter[@name='fill']", NS).text == "#ff0000"
    assert "VERSION_DOWNGRADED" in _codes(result, Severity.FIXED)
    assert _schema_errors(result.sld_bytes) == []


def test_description_becomes_title_and_abstract_of_the_rule():
    body = ("<se:Description><se:Title>Forêts</se:Title><se:Abstract>bois</se:Abstract>"
            "</se:Description>" + POLYGON)
    root = _tree(transform_sld(sld(rule(body)), table_name="t").sld_bytes)
    children = [etree.QName(c).localname for c in root.find(".//sld:Rule", NS)]
    assert children == ["Name", "Title", "Abstract", "PolygonSymbolizer"]
    assert root.find(".//sld:Rule/sld:Title", NS).text == "Forêts"


def test_rule_children_and_fill_children_are_put_in_schema_order():
    fill_wrong_order = (
        "<se:PolygonSymbolizer><se:Fill><se:SvgParameter name=\"fill\">#000000"
        "</se:SvgParameter><se:GraphicFill><se:Graphic><se:Mark><se:Stroke/>"
        "<se:WellKnownName>circle</se:WellKnownName></se:Mark></se:Graphic></se:GraphicFill>"
        "</se:Fill></se:PolygonSymbolizer>"
    )
    body = (fill_wrong_order + "<se:MaxScaleDenominator>50000</se:MaxScaleDenominator>"
            + equal_filter("a") + "<se:MinScaleDenominator>1000</se:MinScaleDenominator>")
    result = transform_sld(sld(rule(body)), table_name="t")
    root = _tree(result.sld_bytes)
    rule_children = [etree.QName(c).localname for c in root.find(".//sld:Rule", NS)]
    assert rule_children == ["Name", "Filter", "MinScaleDenominator", "MaxScaleDenominator",
                             "PolygonSymbolizer"]
    fill_children = [etree.QName(c).localname for c in root.find(".//sld:Fill", NS)]
    assert fill_children == ["GraphicFill", "CssParameter"]
    mark_children = [etree.QName(c).localname for c in root.find(".//sld:Mark", NS)]
    assert mark_children == ["WellKnownName", "Stroke"]
    assert "ELEMENT_REORDERED" in _codes(result, Severity.FIXED)
    assert _schema_errors(result.sld_bytes) == []


def test_field_names_follow_gdal_s_launder_rule():
    result = transform_sld(sld(rule(equal_filter("Catégorie-Sol") + POLYGON)), table_name="t")
    root = _tree(result.sld_bytes)
    assert root.find(".//ogc:PropertyName", NS).text == "catégorie_sol"
    assert result.field_map == {"Catégorie-Sol": "catégorie_sol"}
    renamed = [f for f in result.findings if f.code == "FIELD_RENAMED"]
    assert renamed and "Catégorie-Sol" in renamed[0].message_fr


def test_caller_mapping_from_stored_relations_wins_over_the_rule():
    result = transform_sld(sld(rule(equal_filter("Catégorie-Sol") + POLYGON)), table_name="t",
                           field_map={"Catégorie-Sol": "categorie_sol"})
    assert _tree(result.sld_bytes).find(".//ogc:PropertyName", NS).text == "categorie_sol"


def test_stored_attribute_list_is_used_to_match_names():
    result = transform_sld(sld(rule(equal_filter("NOM") + POLYGON)), table_name="t",
                           attributes={"nom": "varchar", "geom": "geometry"})
    assert _tree(result.sld_bytes).find(".//ogc:PropertyName", NS).text == "nom"


def test_named_layer_and_user_style_names_are_the_table_name():
    result = transform_sld(sld(rule(POLYGON)), table_name="parcelles")
    root = _tree(result.sld_bytes)
    assert root.find("sld:NamedLayer/sld:Name", NS).text == "parcelles"
    assert root.find("sld:NamedLayer/sld:UserStyle/sld:Name", NS).text == "parcelles"
    assert "NAME_SET" in _codes(result, Severity.FIXED)


def test_local_svg_becomes_an_annex_with_a_placeholder_url(tmp_path):
    icon = tmp_path / "pin.svg"
    icon.write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    result = transform_sld(sld(rule(external_graphic(f"{icon}?fill=%23ff0000"))),
                           table_name="t")
    assert len(result.annexes) == 1
    annex = result.annexes[0]
    assert annex.local_path == str(icon) and annex.mime_type == "image/svg+xml"
    assert annex.file_name.endswith("-pin.svg") and "/" not in annex.file_name
    href = _tree(result.sld_bytes).find(".//sld:OnlineResource", NS).get(
        "{http://www.w3.org/1999/xlink}href")
    assert href == annex.placeholder + "?fill=%23ff0000"
    assert href.startswith(ANNEX_SCHEME)
    uploaded = rewrite_annex_urls(result.sld_bytes,
                                  {annex.placeholder: "https://data.geopf.fr/annexes/ds/pin.svg"})
    href = _tree(uploaded).find(".//sld:OnlineResource", NS).get(
        "{http://www.w3.org/1999/xlink}href")
    assert href == "https://data.geopf.fr/annexes/ds/pin.svg?fill=%23ff0000"
    assert [f for f in validate_sld(uploaded, table_name="t")
            if f.severity is not Severity.FIXED] == []


def test_missing_icon_falls_back_to_a_simple_mark_with_a_warning():
    result = transform_sld(sld(rule(external_graphic("/nowhere/icon.svg"))), table_name="t")
    root = _tree(result.sld_bytes)
    assert root.find(".//sld:ExternalGraphic", NS) is None
    assert root.find(".//sld:Mark/sld:WellKnownName", NS).text == "square"
    assert "GRAPHIC_FALLBACK" in _codes(result, Severity.WARNING)
    assert result.annexes == []
    assert _schema_errors(result.sld_bytes) == []


def test_icons_can_be_replaced_by_marks_instead_of_uploaded(tmp_path):
    icon = tmp_path / "pin.png"
    icon.write_bytes(b"\x89PNG")
    result = transform_sld(sld(rule(external_graphic(str(icon)))), table_name="t",
                           upload_annexes=False)
    assert result.annexes == [] and "GRAPHIC_FALLBACK" in _codes(result)


def test_remote_icons_are_kept():
    url = "https://example.org/pin.svg"
    result = transform_sld(sld(rule(external_graphic(url))), table_name="t")
    assert url.encode() in result.sld_bytes and result.annexes == []


def test_rule_without_symbolizer_is_removed_with_a_warning():
    data = sld(rule(equal_filter("a"), name="empty"), rule(POLYGON, name="kept"))
    result = transform_sld(data, table_name="t")
    names = [e.text for e in _tree(result.sld_bytes).findall(".//sld:Rule/sld:Name", NS)]
    assert names == ["kept"]
    warning = next(f for f in result.findings if f.code == "RULE_WITHOUT_SYMBOLIZER")
    assert "empty" in warning.text("fr")


def test_style_with_no_drawing_rule_is_an_error():
    result = transform_sld(sld(rule(equal_filter("a"))), table_name="t")
    assert "NO_RULE" in _codes(result, Severity.ERROR)


def test_scale_dependent_rules_are_kept():
    body = ("<se:MinScaleDenominator>1000</se:MinScaleDenominator>"
            "<se:MaxScaleDenominator>25000</se:MaxScaleDenominator>" + POLYGON)
    root = _tree(transform_sld(sld(rule(body)), table_name="t").sld_bytes)
    assert root.find(".//sld:MinScaleDenominator", NS).text == "1000"
    assert root.find(".//sld:MaxScaleDenominator", NS).text == "25000"


def test_vendor_options_and_se_only_placement_are_dropped_with_a_warning():
    text = (
        "<se:TextSymbolizer><se:Label><ogc:PropertyName>Nom</ogc:PropertyName></se:Label>"
        "<se:LabelPlacement><se:LinePlacement><se:PerpendicularOffset>2"
        "</se:PerpendicularOffset><se:IsRepeated>true</se:IsRepeated><se:Gap>10</se:Gap>"
        "</se:LinePlacement></se:LabelPlacement>"
        "<se:VendorOption name=\"maxDisplacement\">1</se:VendorOption></se:TextSymbolizer>"
    )
    result = transform_sld(sld(rule(text)), table_name="t")
    assert b"VendorOption" not in result.sld_bytes and b"IsRepeated" not in result.sld_bytes
    dropped = [f for f in result.findings if f.code == "ELEMENT_DROPPED"]
    assert {"VendorOption", "IsRepeated", "Gap"} <= {
        name for f in dropped for name in ("VendorOption", "IsRepeated", "Gap")
        if name in f.message_en}
    assert all(f.severity is Severity.WARNING for f in dropped)
    assert _schema_errors(result.sld_bytes) == []


def test_label_expression_qgis_could_not_export_is_an_error():
    text = ("<se:TextSymbolizer><se:Label><!--SE Export for concat(a, b) not implemented yet-->"
            "Placeholder</se:Label></se:TextSymbolizer>")
    result = transform_sld(sld(rule(text)), table_name="t")
    error = next(f for f in result.findings if f.code == "LABEL_EXPRESSION")
    assert error.severity is Severity.ERROR and "champ" in error.text("fr")


def test_qgis_function_with_geoserver_equivalent_is_renamed():
    body = ("<ogc:Filter><ogc:PropertyIsEqualTo><ogc:Function name=\"upper\">"
            "<ogc:PropertyName>Nom</ogc:PropertyName></ogc:Function><ogc:Literal>A"
            "</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>" + POLYGON)
    result = transform_sld(sld(rule(body)), table_name="t")
    assert _tree(result.sld_bytes).find(".//ogc:Function", NS).get("name") == "strToUpperCase"
    assert "FUNCTION_MAPPED" in _codes(result, Severity.FIXED)


def test_function_geoserver_lacks_is_an_error_naming_the_function_and_rule():
    body = ("<ogc:Filter><ogc:PropertyIsEqualTo><ogc:Function name=\"left\">"
            "<ogc:PropertyName>Nom</ogc:PropertyName><ogc:Literal>1</ogc:Literal>"
            "</ogc:Function><ogc:Literal>A</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>"
            + POLYGON)
    result = transform_sld(sld(rule(body, name="initiale")), table_name="t")
    error = next(f for f in result.findings if f.code == "FUNCTION_UNSUPPORTED")
    assert error.severity is Severity.ERROR
    assert "left" in error.message_en and "initiale" in error.text("en")


def test_property_name_holding_an_expression_is_an_error():
    body = equal_filter('"val" * 2') + POLYGON
    result = transform_sld(sld(rule(body)), table_name="t")
    assert "PROPERTYNAME_EXPRESSION" in _codes(result, Severity.ERROR)


def test_quoted_field_in_property_name_is_unquoted():
    result = transform_sld(sld(rule(equal_filter('"Nom"') + POLYGON)), table_name="t")
    assert _tree(result.sld_bytes).find(".//ogc:PropertyName", NS).text == "nom"


def test_like_on_an_expression_becomes_a_regular_expression_match():
    body = ("<ogc:Filter><ogc:PropertyIsLike wildCard=\"%\" singleChar=\"_\" escapeChar=\"\\\">"
            "<ogc:Function name=\"upper\"><ogc:PropertyName>Nom</ogc:PropertyName>"
            "</ogc:Function><ogc:Literal>A%</ogc:Literal></ogc:PropertyIsLike></ogc:Filter>"
            + POLYGON)
    result = transform_sld(sld(rule(body)), table_name="t")
    root = _tree(result.sld_bytes)
    assert root.find(".//ogc:PropertyIsLike", NS) is None
    matches = root.find(".//ogc:PropertyIsEqualTo/ogc:Function", NS)
    assert matches.get("name") == "strMatches"
    assert matches.find("ogc:Literal", NS).text == "^A.*$"
    assert _schema_errors(result.sld_bytes) == []


def test_like_on_a_field_keeps_like_with_the_1_0_escape_attribute():
    body = ("<ogc:Filter><ogc:PropertyIsLike wildCard=\"%\" singleChar=\"_\" escapeChar=\"!\">"
            "<ogc:PropertyName>Nom</ogc:PropertyName><ogc:Literal>A%</ogc:Literal>"
            "</ogc:PropertyIsLike></ogc:Filter>" + POLYGON)
    result = transform_sld(sld(rule(body)), table_name="t")
    like = _tree(result.sld_bytes).find(".//ogc:PropertyIsLike", NS)
    assert like.get("escape") == "!" and like.get("escapeChar") is None
    assert _schema_errors(result.sld_bytes) == []


def test_like_patterns_translate_to_anchored_regular_expressions():
    assert like_to_regex("A%b_.", "%", "_", "\\") == r"^A.*b.\.$"
    assert like_to_regex("100!%", "%", "_", "!") == r"^100%$"
    assert like_to_regex("a%", "%", "_", "\\", case_sensitive=False) == "(?i)^a.*$"


def test_sizes_in_map_units_warn_that_they_become_pixels():
    symbolizer = ('<se:LineSymbolizer uom="http://www.opengeospatial.org/se/units/metre">'
                  '<se:Stroke><se:SvgParameter name="stroke-width">5</se:SvgParameter>'
                  "</se:Stroke></se:LineSymbolizer>")
    result = transform_sld(sld(rule(symbolizer)), table_name="t")
    assert "UOM_DROPPED" in _codes(result, Severity.WARNING)
    assert b"uom=" not in result.sld_bytes


def test_broken_xml_is_reported_not_raised():
    result = transform_sld(b"<StyledLayerDescriptor><oops>", table_name="t")
    assert _codes(result) == {"NOT_XML"}


def test_entities_are_not_expanded():
    evil = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            b'<StyledLayerDescriptor xmlns="http://www.opengis.net/sld" version="1.0.0">'
            b"<NamedLayer><Name>t</Name><UserStyle><Name>t</Name><FeatureTypeStyle><Rule>"
            b"<PolygonSymbolizer><Fill><CssParameter name='fill'>&e;</CssParameter></Fill>"
            b"</PolygonSymbolizer></Rule></FeatureTypeStyle></UserStyle></NamedLayer>"
            b"</StyledLayerDescriptor>")
    result = transform_sld(evil, table_name="t")
    assert b"root:" not in result.sld_bytes
    assert b"PolygonSymbolizer" in result.sld_bytes


def test_else_rule_qgis_could_not_export_gets_its_else_filter_back():
    lost_else = ("<se:Description><se:Title>other</se:Title></se:Description>"
                 "<!--Parser Error: \nsyntax error, unexpected ELSE - Expression was: ELSE-->"
                 + POLYGON)
    data = sld(rule(equal_filter("a") + POLYGON, name="a"), rule(lost_else, name="other"))
    result = transform_sld(data, table_name="t")
    rules = _tree(result.sld_bytes).findall(".//sld:Rule", NS)
    children = [etree.QName(c).localname for c in rules[1]]
    assert children == ["Name", "Title", "ElseFilter", "PolygonSymbolizer"]
    assert "ELSE_RESTORED" in _codes(result, Severity.FIXED)
    assert _schema_errors(result.sld_bytes) == []


def test_filter_qgis_could_not_export_is_an_error():
    lost = "<!--Parser Error: syntax error - Expression was: foo(-->" + POLYGON
    result = transform_sld(sld(rule(lost, name="broken")), table_name="t")
    error = next(f for f in result.findings if f.code == "FILTER_NOT_EXPORTED")
    assert error.severity is Severity.ERROR and "broken" in error.text("fr")


def test_empty_rule_before_an_else_rule_is_kept_invisible_not_removed():
    else_rule = "<se:ElseFilter/>" + POLYGON
    data = sld(rule(equal_filter("a"), name="shield"), rule(else_rule, name="other"))
    result = transform_sld(data, table_name="t")
    shield = _tree(result.sld_bytes).find(".//sld:Rule", NS)
    assert shield.find("sld:Name", NS).text == "shield"
    opacity = shield.find(".//sld:CssParameter[@name='stroke-opacity']", NS)
    assert opacity is not None and opacity.text == "0"
    assert "RULE_KEPT_INVISIBLE" in _codes(result, Severity.FIXED)
    assert _schema_errors(result.sld_bytes) == []


def test_symbol_layer_qgis_cannot_export_is_named_in_a_warning():
    body = ("<se:PointSymbolizer><!--QgsMarkerSymbolLayer RasterMarker not implemented yet-->"
            "</se:PointSymbolizer>")
    result = transform_sld(sld(rule(body, name="pins")), table_name="t")
    warning = next(f for f in result.findings if f.code == "SYMBOL_LAYER_NOT_EXPORTED")
    assert warning.severity is Severity.WARNING
    assert "RasterMarker" in warning.message_en and "pins" in warning.location


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_give_findings_never_an_exception(data):
    result = transform_sld(data, table_name="t")
    assert isinstance(result.findings, list)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(whitelist_categories=("L", "N", "Pd", "Pc", "Zs")),
               min_size=1, max_size=20))
def test_any_field_name_gives_a_schema_valid_sld_or_an_expression_error(field):
    result = transform_sld(sld(rule(equal_filter(escape(field)) + POLYGON)), table_name="t")
    codes = _codes(result, Severity.ERROR)
    assert codes <= {"PROPERTYNAME_EXPRESSION", "EMPTY_FIELD_NAME"}
    assert _schema_errors(result.sld_bytes) == [] or codes


def test_a_field_made_of_signs_gets_gdal_s_name_and_an_empty_one_is_an_error():
    result = transform_sld(sld(rule(equal_filter("-") + POLYGON)), table_name="t")
    assert result.field_map == {"-": "_"}
    result = transform_sld(sld(rule(equal_filter("") + POLYGON)), table_name="t")
    assert "EMPTY_FIELD_NAME" in _codes(result, Severity.ERROR)
