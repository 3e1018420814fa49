"""The wizard's style check runs on the table and columns the integration will create (GDAL's
names), so a style that would fail at the style step is caught before anything is uploaded."""

from __future__ import annotations

from gpf_wmts_publisher.ui.pages.style import check_style
from lxml import etree
from qgis.core import QgsFillSymbol, QgsRuleBasedRenderer, QgsVectorLayer

from tests.e2e.layers import AWKWARD_FIELDS, categorized_on, make_awkward_fields_gpkg

OGC = "{http://www.opengis.net/ogc}"
SLD = "{http://www.opengis.net/sld}"


def test_the_check_writes_the_columns_gdal_will_create(qgis_app, tmp_path):
    uri = make_awkward_fields_gpkg(str(tmp_path))
    result = check_style(lambda: categorized_on(uri, "Nom Commune"), "en", "Colonnes-Démo")
    assert result.ok, result.messages("en")
    assert result.field_map["Nom Commune"] == "nom commune"
    root = etree.fromstring(result.sld_bytes)
    assert {e.text for e in root.iter(f"{OGC}PropertyName")} == {"nom commune"}
    assert root.find(f"{SLD}NamedLayer/{SLD}Name").text == "colonnes_démo"


def test_a_style_on_a_column_the_table_will_not_have_is_refused_before_upload(qgis_app,
                                                                              tmp_path):
    uri = make_awkward_fields_gpkg(str(tmp_path))

    def layer_with_a_rule_on_a_missing_field():
        layer = QgsVectorLayer(uri, "colonnes", "ogr")
        root = QgsRuleBasedRenderer.Rule(None)
        symbol = QgsFillSymbol.createSimple({"color": "200,0,0,255"})
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, "\"Absente\" = 'A'"))
        layer.setRenderer(QgsRuleBasedRenderer(root))
        return layer

    result = check_style(layer_with_a_rule_on_a_missing_field, "en", "colonnes")
    assert not result.ok
    missing = [f for f in result.findings if f.code == "ATTRIBUTE_MISSING"]
    assert [f.message_en.split("'")[1] for f in missing] == ["absente"]  # GDAL's name


def test_each_awkward_column_passes_the_check(qgis_app, tmp_path):
    uri = make_awkward_fields_gpkg(str(tmp_path))
    for field in AWKWARD_FIELDS:
        result = check_style(lambda field=field: categorized_on(uri, field), "en", "colonnes")
        assert result.ok, (field, result.messages("en"))
