"""A map's checks name the layer, before any upload; the WMS-V's layer names are read from
its capabilities; one layer stays the map of one."""

from __future__ import annotations

from dataclasses import replace

import pytest
from gpf_wmts_publisher.plugin.publish.batches import upload_batches
from gpf_wmts_publisher.plugin.publish.errors import PublishError
from gpf_wmts_publisher.plugin.publish.layer_source import LayerSource
from gpf_wmts_publisher.plugin.publish.map_source import (
    check_map_layers,
    check_map_sources,
    draw_order,
    group_layers,
)
from gpf_wmts_publisher.plugin.publish.naming import check_publication
from gpf_wmts_publisher.plugin.publish.spec import Publication
from gpf_wmts_publisher.plugin.publish.wmsv_layers import harvest_layer_names


def _source(name: str, crs: str = "EPSG:2154") -> LayerSource:
    return LayerSource(name=name, provider="ogr", uri=f"/data/{name}.gpkg", crs_authid=crs,
                       crs_wkt="", crs_valid=True, feature_count=3,
                       extent_wgs84=(4.8, 45.7, 4.9, 45.8))


def _spec(*sources: LayerSource) -> Publication:
    return Publication(datastore_id="ds", datasheet_name="carte", wmsv_name="carte_wmsv",
                       wmts_name="carte_wmts", pyramid_name="carte_pyr", wmsv_title="Carte",
                       wmts_title="Carte", abstract="Carte", layers=tuple(sources))


def _codes(problems):
    return [(p.code, p.params.get("value")) for p in problems]


def test_duplicates_and_laundered_collisions_name_the_layer():
    problems = check_map_sources([_source("Routes"), _source("routes"),
                                  _source("Bâti", "EPSG:3857"), _source("Bâti")])
    assert _codes(problems) == [("map_names_collide", "Routes"),
                                ("map_duplicate_name", "Bâti")]
    collide = next(p for p in problems if p.code == "map_names_collide")
    assert "routes" in collide.message("en") and "« Routes »" in collide.message("fr")


def test_layers_in_different_crss_go_in_one_upload_per_crs():
    spec = _spec(_source("Villages", "EPSG:3857"), _source("Routes"), _source("Zones"),
                 _source("Bâti", "EPSG:3857"))
    batches = upload_batches(spec)
    assert [(b.srs, [s.name for s in b.sources], b.data_name) for b in batches] == [
        ("EPSG:3857", ["Villages", "Bâti"], "carte"),
        ("EPSG:2154", ["Routes", "Zones"], "carte_epsg2154")]
    assert [b.kind("upload") for b in batches] == ["upload", "upload_1"]
    assert batches[1].tables == ("routes", "zones")
    assert check_map_sources(spec.sources) == []


def test_the_publication_refuses_a_bad_map_before_anything_is_created():
    codes = [p.code for p in check_publication(_spec(_source("Routes"), _source("routes")))]
    assert "map_names_collide" in codes
    assert check_publication(_spec(_source("Routes"), _source("Bâti"))) == []


def test_one_layer_is_the_map_of_one():
    single = replace(_spec(), layer=_source("Communes"), data_name="communes_2024")
    assert single.sources == (single.layer,)
    assert single.table_names() == ("communes_2024",)
    assert "layers" not in single.summary()
    many = _spec(_source("Villages"), _source("Routes"), _source("Occupation du sol"))
    assert many.table_names() == ("villages", "routes", "occupation_du_sol")
    assert [s["name"] for s in many.summary()["layers"]] == ["Villages", "Routes",
                                                             "Occupation du sol"]
    assert draw_order(many.table_names()) == ["occupation_du_sol", "routes", "villages"]


def test_a_raster_and_a_table_without_geometry_are_named(qgis_app, tmp_path):
    from qgis.core import QgsRasterLayer, QgsVectorLayer

    table = QgsVectorLayer("None?field=a:integer", "Table attributaire", "memory")
    points = QgsVectorLayer("Point?crs=EPSG:2154", "Points", "memory")
    raster = QgsRasterLayer("/nowhere/ortho.tif", "Ortho")
    problems = check_map_layers([points, table, raster])
    assert _codes(problems) == [("map_no_geometry", "Table attributaire"),
                                ("map_not_vector", "Ortho")]
    assert _codes(check_map_layers([], "Fond")) == [("map_empty", "Fond")]


def test_a_group_gives_its_checked_layers_top_first(qgis_app):
    from qgis.core import QgsLayerTreeGroup, QgsProject, QgsVectorLayer

    project = QgsProject()
    group = project.layerTreeRoot().addGroup("Carte")
    layers = [QgsVectorLayer("Point?crs=EPSG:2154", name, "memory")
              for name in ("Haut", "Milieu", "Bas")]
    for layer in layers:
        project.addMapLayer(layer, False)
        group.addLayer(layer)
    group.findLayer(layers[1]).setItemVisibilityChecked(False)
    assert isinstance(group, QgsLayerTreeGroup)
    assert [layer.name() for layer in group_layers(group)] == ["Haut", "Bas"]


CAPABILITIES = b"""<?xml version="1.0"?>
<WMS_Capabilities xmlns="http://www.opengis.net/wms" version="1.3.0"><Capability><Layer>
 <Name>root</Name>
 <Layer><Name>sandbox.carte_wmsv</Name><Title>Carte</Title>
  <Layer><Name>sandbox.carte_wmsv:villages</Name><Title>villages</Title></Layer>
  <Layer><Name>sandbox.carte_wmsv:occupation_du_sol</Name><Title>occupation_du_sol</Title></Layer>
  <Layer><Name>x42</Name><Title>routes</Title></Layer>
 </Layer>
 <Layer><Name>sandbox.seule_wmsv</Name><Title>Seule</Title></Layer>
</Layer></Capability></WMS_Capabilities>"""


def test_the_harvest_names_come_from_the_capabilities_by_name_or_title():
    names = harvest_layer_names(CAPABILITIES, "sandbox.carte_wmsv",
                                ["occupation_du_sol", "routes", "villages"])
    assert names == ["sandbox.carte_wmsv:occupation_du_sol", "x42",
                     "sandbox.carte_wmsv:villages"]
    assert harvest_layer_names(CAPABILITIES, "sandbox.seule_wmsv", ["t"]) == [
        "sandbox.seule_wmsv"]
    with pytest.raises(PublishError):
        harvest_layer_names(CAPABILITIES, "sandbox.carte_wmsv", ["bati"])
    with pytest.raises(PublishError):
        harvest_layer_names(CAPABILITIES, "absent", ["t"])


def test_a_style_that_cannot_be_translated_stops_the_map_before_anything_is_sent(
        qgis_app, tmp_path):
    """A categorized style on a field the layer does not have: the SLD names a column the
    table will not hold (an ERROR finding); the publication stops in its first, local check,
    naming the layer, before any request."""
    from types import SimpleNamespace

    from gpf_wmts_publisher.plugin.publish.errors import NamingError
    from gpf_wmts_publisher.plugin.publish.map_source import sources_of
    from gpf_wmts_publisher.plugin.publish.workflow import Workflow
    from qgis.core import (
        QgsCategorizedSymbolRenderer,
        QgsFeature,
        QgsGeometry,
        QgsRendererCategory,
        QgsSymbol,
        QgsVectorLayer,
    )

    def layer(name: str, renderer=None) -> QgsVectorLayer:
        made = QgsVectorLayer("Point?crs=EPSG:2154&field=nom:string", name, "memory")
        feature = QgsFeature(made.fields())
        feature.setGeometry(QgsGeometry.fromWkt("POINT(840000 6510000)"))
        feature.setAttributes(["a"])
        made.dataProvider().addFeatures([feature])
        if renderer is not None:
            made.setRenderer(renderer)
        return made

    symbol = QgsSymbol.defaultSymbol(layer("x").geometryType())
    broken = QgsCategorizedSymbolRenderer("nature_absente", [
        QgsRendererCategory("bois", symbol, "Bois")])
    spec = replace(_spec(), layers=sources_of([layer("Villages"), layer("Zones", broken)],
                                              str(tmp_path)))
    calls = []
    api = SimpleNamespace(in_datastore=lambda datastore: SimpleNamespace(
        me=lambda: calls.append("me"), datastore=lambda: calls.append("datastore")))
    workflow = Workflow(api, spec, journal_dir=str(tmp_path / "journals"))
    with pytest.raises(NamingError) as refused:
        workflow.prepare()
    messages = refused.value.messages("en")
    assert len(messages) == 1 and "'Zones'" in messages[0], messages
    assert "nature_absente" in messages[0]
    assert calls == [] and not workflow.journal.exists_on_disk()


def test_a_map_is_one_more_source_kind_running_every_step():
    from gpf_wmts_publisher.plugin.publish.sources import (
        SOURCE_KINDS,
        UPLOADED_KINDS,
        SourceKind,
        list_sources,
        skips,
        source_kind,
    )

    many = _spec(_source("Villages"), _source("Routes"))
    assert source_kind(many) is SourceKind.MAP and SourceKind.MAP in UPLOADED_KINDS
    assert source_kind(replace(_spec(), layer=_source("Communes"))) is SourceKind.LAYER
    assert SOURCE_KINDS[SourceKind.MAP].skipped_steps == frozenset()
    assert not any(skips(many, step) for step in ("data", "integration", "style", "wmsv"))
    assert list_sources(None, SourceKind.MAP) == []
