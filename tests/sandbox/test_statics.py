"""GEOSERVER-STYLE statics: what GeoServer would refuse is refused with the platform's words."""

from __future__ import annotations

import pytest

from tests.sandbox.flow import COMMUNES_SLD, Flow, category_rule, sld

POLYGON = ('<Rule><PolygonSymbolizer><Fill><CssParameter name="fill">#ff0000</CssParameter>'
           '</Fill></PolygonSymbolizer></Rule>')


def _mark(name: str) -> str:
    return (f"<Rule><PointSymbolizer><Graphic><Mark><WellKnownName>{name}</WellKnownName>"
            f"</Mark><Size>6</Size></Graphic></PointSymbolizer></Rule>")


SE_11 = (
    b'<?xml version="1.0"?><StyledLayerDescriptor version="1.1.0"'
    b' xmlns="http://www.opengis.net/sld" xmlns:se="http://www.opengis.net/se">'
    b"<NamedLayer><se:Name>t</se:Name><UserStyle><se:FeatureTypeStyle><se:Rule>"
    b'<se:PolygonSymbolizer><se:Fill><se:SvgParameter name="fill">#ff0000</se:SvgParameter>'
    b"</se:Fill></se:PolygonSymbolizer></se:Rule></se:FeatureTypeStyle></UserStyle>"
    b"</NamedLayer></StyledLayerDescriptor>"
)
LOCAL_ICON = ('<Rule><PointSymbolizer><Graphic><ExternalGraphic><OnlineResource'
              ' xlink:type="simple" xlink:href="file:///home/me/icon.svg"/><Format>image/svg+xml'
              "</Format></ExternalGraphic></Graphic></PointSymbolizer></Rule>")
HOSTED_ICON = LOCAL_ICON.replace("file:///home/me/icon.svg", "https://example.org/icon.svg")
WRONG_ORDER = ('<Rule><PolygonSymbolizer><Stroke/><Fill/></PolygonSymbolizer></Rule>')
EXPRESSION = ("<Rule><ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>upper(nom)"
              "</ogc:PropertyName><ogc:Literal>A</ogc:Literal></ogc:PropertyIsEqualTo>"
              f"</ogc:Filter>{POLYGON[6:-7]}</Rule>")

REJECTED = {
    "se_1_1": (SE_11, "SLD 1.1.0"),
    "not_xml": (b"<StyledLayerDescriptor", "bien formé"),
    "unknown_mark": (sld("t", _mark("hexagon")), "WellKnownName"),
    "local_icon": (sld("t", LOCAL_ICON), "fichier local"),
    "no_symbolizer": (sld("t", "<Rule><Name>vide</Name></Rule>"), "aucun symboliseur"),
    "empty_name": (sld("", POLYGON), "nom du style"),
    "schema_order": (sld("t", WRONG_ORDER), "schéma SLD 1.0.0"),
    "expression": (sld("t", EXPRESSION), "expression"),
}


@pytest.mark.parametrize("case", sorted(REJECTED))
def test_style_geoserver_would_refuse_is_400_with_a_reason(sandbox, case):
    data, words = REJECTED[case]
    reply = Flow(sandbox).style(data, name=f"style-{case}")
    assert reply.status_code == 400, reply.text
    assert words in " ".join(reply.json()["error_description"])


@pytest.mark.parametrize("mark", ["circle", "square", "shape://vertline", "ttf://Webdings#0x64"])
def test_geoserver_marks_are_accepted(sandbox, mark):
    assert Flow(sandbox).style(sld("t", _mark(mark)), name="marks").status_code == 201


def test_hosted_icon_is_accepted(sandbox):
    assert Flow(sandbox).style(sld("t", HOSTED_ICON), name="icon").status_code == 201


def test_style_records_the_attributes_it_uses(sandbox):
    data = sld("t", category_rule("A", "#000000", field="nom_commune")
               + category_rule("B", "#ffffff", field="categorie"))
    reply = Flow(sandbox).style(data, name="attrs")
    assert reply.json()["type_infos"]["used_attributes"] == ["nom_commune", "categorie"]


def test_static_needs_a_name_a_type_and_a_file(sandbox):
    flow = Flow(sandbox)
    reply = flow.post("/statics", data={"type": "NOPE"})
    assert reply.status_code == 400
    assert len(reply.json()["error_description"]) == 3


def test_configuration_refuses_a_style_using_a_missing_attribute(sandbox):
    flow = Flow(sandbox)
    sd = flow.vector_db()
    # QGIS's raw field name: not the laundered one the table has.
    data = sld("communes démo", category_rule("Urbaine", "#d7301f", field="Catégorie"))
    style = flow.style(data)
    assert style.status_code == 201
    reply = flow.wms_config(sd, style.json()["_id"], "missing_attribute_layer")
    assert reply.status_code == 400
    assert "Catégorie" in " ".join(reply.json()["error_description"])


def test_configuration_refuses_an_unknown_table(sandbox):
    flow = Flow(sandbox)
    sd = flow.vector_db()
    style = flow.style().json()["_id"]
    reply = flow.wms_config(sd, style, "unknown_table_layer", table="Communes Démo")
    assert reply.status_code == 400
    assert "communes démo" in " ".join(reply.json()["error_description"])


def test_static_in_use_cannot_be_deleted(sandbox):
    flow = Flow(sandbox)
    sd = flow.vector_db()
    style = flow.style(COMMUNES_SLD).json()["_id"]
    config = flow.wms_config(sd, style, "style_in_use_layer").json()["_id"]
    assert flow.delete(f"/statics/{style}").status_code == 409
    assert flow.delete(f"/configurations/{config}").status_code == 204
    assert flow.delete(f"/statics/{style}").status_code == 204


