"""Exporting a layer's style and the one-call pipeline, on real QGIS layers."""

from __future__ import annotations

import threading

import pytest
from gpf_wmts_publisher.plugin.sld.export import export_sld
from gpf_wmts_publisher.plugin.sld.findings import Severity
from gpf_wmts_publisher.plugin.sld.pipeline import prepare_sld, transform_and_validate
from lxml import etree
from qgis.core import QgsVectorLayer

from .corpus.styles import CORPUS, categorized_accented_field, labels_field, polygon_single

NS = {"sld": "http://www.opengis.net/sld", "ogc": "http://www.opengis.net/ogc"}


def test_export_gives_the_sld_qgis_writes(qgis_app):
    exported = export_sld(polygon_single())
    assert exported.error == ""
    assert exported.api in ("exportSldStyle", "exportSldStyleV2", "exportSldStyleV3")
    root = etree.fromstring(exported.sld_bytes)
    assert etree.QName(root).localname == "StyledLayerDescriptor"


def test_export_of_an_invalid_layer_says_why(qgis_app):
    broken = QgsVectorLayer("/nowhere/missing.gpkg", "missing", "ogr")
    exported = export_sld(broken)
    assert exported.sld_bytes == b"" and "not valid" in exported.error


def test_prepare_sld_reports_export_failure_as_an_error(qgis_app):
    result = prepare_sld(QgsVectorLayer("/nowhere/missing.gpkg", "x", "ogr"), table_name="t")
    assert not result.ok
    assert [f.code for f in result.findings] == ["EXPORT_FAILED"]
    assert "QGIS" in result.messages("en")[0] and "QGIS" in result.messages("fr")[0]


def test_prepare_sld_uses_the_stored_columns_and_checks_them(qgis_app):
    layer = categorized_accented_field()
    attributes = {"categorie_sol": "varchar", "val": "float8", "nom": "varchar",
                  "size": "float8", "geom": "geometry"}
    wrong = prepare_sld(layer, table_name="corpus", attributes=attributes)
    assert not wrong.ok  # the predicted name (catégorie_sol) is not the stored one
    missing = next(f for f in wrong.findings if f.code == "ATTRIBUTE_MISSING")
    assert "categorie_sol" in missing.message_en  # suggested
    right = prepare_sld(layer, table_name="corpus", attributes=attributes,
                        field_map={"Catégorie-Sol": "categorie_sol"})
    assert right.ok, right.messages("en")
    root = etree.fromstring(right.sld_bytes)
    assert {e.text for e in root.iter("{http://www.opengis.net/ogc}PropertyName")} == {
        "categorie_sol"}


def test_labels_use_the_laundered_field(qgis_app):
    result = prepare_sld(labels_field(), table_name="corpus", lang="fr")
    assert result.ok
    label = etree.fromstring(result.sld_bytes).find(".//sld:Label/ogc:PropertyName", NS)
    assert label.text == "nom"
    assert any("renommé" in m for m in result.messages())


def test_pipeline_on_bytes_needs_no_layer():
    sld = (b'<StyledLayerDescriptor xmlns="http://www.opengis.net/sld" version="1.0.0">'
           b"<NamedLayer><Name>x</Name><UserStyle><Name>x</Name><FeatureTypeStyle><Rule>"
           b"<LineSymbolizer><Stroke/></LineSymbolizer></Rule></FeatureTypeStyle></UserStyle>"
           b"</NamedLayer></StyledLayerDescriptor>")
    result = transform_and_validate(sld, table_name="routes")
    assert result.ok
    assert {f.code for f in result.findings} == {"NAME_SET"}
    assert all(f.severity is Severity.FIXED for f in result.findings)


def test_prepare_sld_runs_in_a_worker_thread(qgis_app):
    layer = polygon_single()
    results = []
    worker = threading.Thread(target=lambda: results.append(
        prepare_sld(layer, table_name="corpus")))
    worker.start()
    worker.join()
    assert results and results[0].ok


class _FakeContext:
    def __init__(self):
        self.vendor = None

    def setVendorExtension(self, vendor):
        self.vendor = vendor

    def errors(self):
        return []


class _LayerWithV3:
    """Stands for a QGIS 3.44 layer: only the calls export_sld makes."""

    def __init__(self):
        self.context = None

    def isValid(self):
        return True

    def exportSldStyleV3(self, context):
        from qgis.PyQt.QtXml import QDomDocument

        self.context = context
        document = QDomDocument()
        document.setContent("<StyledLayerDescriptor xmlns='http://www.opengis.net/sld'/>")
        return document


def test_export_prefers_the_context_api_of_newer_qgis(qgis_app, monkeypatch):
    import qgis.core

    monkeypatch.setattr(qgis.core, "QgsSldExportContext", _FakeContext, raising=False)
    layer = _LayerWithV3()
    exported = export_sld(layer)
    assert exported.api == "exportSldStyleV3"
    assert b"StyledLayerDescriptor" in exported.sld_bytes
    assert isinstance(layer.context, _FakeContext)


def test_export_falls_back_to_the_3_22_api_without_context(qgis_app, monkeypatch):
    import qgis.core

    monkeypatch.delattr(qgis.core, "QgsSldExportContext", raising=False)
    assert export_sld(polygon_single()).api == "exportSldStyle"


class _LayerWhoseExportFails:
    """exportSldStyle leaves the document empty; saveSldStyle says why (QGIS 3.22 style)."""

    def isValid(self):
        return True

    def exportSldStyle(self, document, error_message):
        pass

    def saveSldStyle(self, path):
        return "Could not export: renderer has no SLD support", False


def test_export_failure_carries_the_message_qgis_gave(qgis_app, monkeypatch):
    import qgis.core

    monkeypatch.delattr(qgis.core, "QgsSldExportContext", raising=False)
    exported = export_sld(_LayerWhoseExportFails())
    assert exported.sld_bytes == b""
    assert exported.error == "Could not export: renderer has no SLD support"
    assert exported.api == "saveSldStyle"


def test_label_joining_fields_and_text_is_carried_as_mixed_content(qgis_app):
    from .corpus.styles import labels_expression

    result = prepare_sld(labels_expression(), table_name="corpus")
    assert result.ok, result.messages("en")
    label = etree.fromstring(result.sld_bytes).find(".//sld:Label", NS)
    assert label.text is None
    names = [e.text for e in label.findall("ogc:PropertyName", NS)]
    assert names == ["nom", "val"]
    assert label.find("ogc:PropertyName", NS).tail == " / "
    assert "UNSUPPORTED_SYMBOLOGY" not in {f.code for f in result.findings}


def test_label_expression_sld_cannot_carry_stays_an_error(qgis_app):
    from .corpus.styles import labels_expression_unsupported

    result = prepare_sld(labels_expression_unsupported(), table_name="corpus")
    assert not result.ok
    assert "LABEL_EXPRESSION" in {f.code for f in result.findings if f.severity is Severity.ERROR}


def test_layer_opacity_is_folded_into_the_symbols(qgis_app):
    layer = polygon_single()
    layer.setOpacity(0.25)
    result = prepare_sld(layer, table_name="corpus")
    assert result.ok
    codes = {f.code for f in result.findings}
    assert "LAYER_OPACITY_FOLDED" in codes and "UNSUPPORTED_SYMBOLOGY" not in codes
    assert b'name="fill-opacity">0.25<' in result.sld_bytes


def _exported(layer) -> bytes:
    from gpf_wmts_publisher.plugin.sld.export import _via_context, _via_document

    return (_via_context(layer) or _via_document(layer)).sld_bytes


@pytest.mark.parametrize("style", CORPUS, ids=lambda style: style.name)
def test_a_style_only_copy_exports_the_sld_of_a_whole_copy(qgis_app, style):
    """The export's featureless copy (used to quote a class field) writes, for every corpus
    style, the bytes a full ``layer.clone()`` wrote with the same renderer."""
    from gpf_wmts_publisher.plugin.sld.export import style_only_copy

    layer = style.build()
    whole = layer.clone()
    whole.setRenderer(layer.renderer().clone())
    light = style_only_copy(layer, layer.renderer().clone())
    assert light.featureCount() == 0
    assert _exported(light) == _exported(whole)
