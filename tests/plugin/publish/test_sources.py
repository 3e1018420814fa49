"""The kinds of source a publication starts from (plugin/publish/sources.py): what each list
keeps, which steps each kind skips, how a name is turned into an id. No network: the list
routes are stood in for by the API's own models built from platform-shaped replies."""

from __future__ import annotations

import pytest
from gpf_wmts_publisher.plugin.entrepot.errors import NotFound
from gpf_wmts_publisher.plugin.entrepot.models import Configuration, Offering, StoredData
from gpf_wmts_publisher.plugin.publish.errors import PublishError
from gpf_wmts_publisher.plugin.publish.sources import (
    SOURCE_KINDS,
    SourceKind,
    list_sources,
    resolve_stored_data,
    resolve_wmsv,
    reuse_fields,
    skips,
    source_kind,
)
from gpf_wmts_publisher.plugin.publish.spec import Publication

STORED = [
    {"_id": "v1", "name": "communes", "type": "VECTOR-DB", "status": "GENERATED",
     "tags": {"datasheet_name": "fiche_b"}},
    {"_id": "v2", "name": "routes", "type": "VECTOR-DB", "status": "GENERATING",
     "tags": {"datasheet_name": "fiche_a"}},
    {"_id": "p1", "name": "communes_pyramide", "type": "ROK4-PYRAMID-RASTER",
     "status": "GENERATED", "tags": {"datasheet_name": "fiche_b"}},
    {"_id": "p2", "name": "vieille", "type": "ROK4-PYRAMID-RASTER", "status": "UNSTABLE",
     "tags": {}},
]
CONFIGURATIONS = [
    {"_id": "c1", "name": "Communes", "layer_name": "sandbox.communes_wmsv",
     "type": "WMS-VECTOR", "status": "PUBLISHED", "tags": {"datasheet_name": "fiche_b"}},
    {"_id": "c2", "name": "Routes", "layer_name": "sandbox.routes_wmsv", "type": "WMS-VECTOR",
     "status": "UNPUBLISHED", "tags": {"datasheet_name": "fiche_a"}},
    {"_id": "c3", "name": "Communes WMTS", "layer_name": "sandbox.communes_wmts",
     "type": "WMTS-TMS", "status": "PUBLISHED", "tags": {"datasheet_name": "fiche_b"}},
]


class ListingApi:
    """The list and detail calls the source lists use; a type filter as the platform's (the
    code checks the type itself all the same)."""

    def stored_data_list(self, tags=None, data_type=None, **filters):
        return [StoredData.from_dict(s) for s in STORED
                if data_type is None or s["type"] == data_type]

    def configurations(self, tags=None, config_type=None, **filters):
        return [Configuration.from_dict(c) for c in CONFIGURATIONS
                if config_type is None or c["type"] == config_type]

    def configuration(self, configuration_id):
        found = [c for c in CONFIGURATIONS if c["_id"] == configuration_id]
        if not found:
            raise NotFound("not found", status=404)
        return Configuration.from_dict(found[0])

    def offering(self, offering_id):
        if offering_id != "o1":
            raise NotFound("not found", status=404)
        return Offering.from_dict({"_id": "o1", "configuration": {"_id": "c1"}})

    def stored_data(self, stored_data_id):
        found = [s for s in STORED if s["_id"] == stored_data_id]
        if not found:
            raise NotFound("not found", status=404)
        return StoredData.from_dict(found[0])


def _spec(**changes) -> Publication:
    values = dict(datastore_id="ds", datasheet_name="fiche_b", wmsv_name="w", wmts_name="t",
                  pyramid_name="p", wmsv_title="W", wmts_title="T", abstract="A")
    values.update(changes)
    return Publication(**values)


def test_each_list_keeps_only_what_can_be_started_from_with_its_datasheet():
    api = ListingApi()
    stored = list_sources(api, SourceKind.STORED_DATA)
    assert [(c.id, c.datasheet_name) for c in stored] == [("v1", "fiche_b")]
    wmsv = list_sources(api, SourceKind.WMSV)
    assert [(c.id, c.name) for c in wmsv] == [("c1", "sandbox.communes_wmsv")]
    assert [c.id for c in list_sources(api, SourceKind.PYRAMID)] == ["p1"]
    assert list_sources(api, SourceKind.LAYER) == []
    assert wmsv[0].label() == "sandbox.communes_wmsv — fiche_b"


def test_every_kind_is_listed_by_one_function_and_names_the_steps_it_skips():
    assert set(SOURCE_KINDS) == set(SourceKind)
    assert SOURCE_KINDS[SourceKind.LAYER].lister is None
    assert SOURCE_KINDS[SourceKind.WMSV].skipped_steps == {"data", "integration", "style"}
    assert SOURCE_KINDS[SourceKind.PYRAMID].skipped_steps == {"data", "integration", "style",
                                                              "wmsv"}


@pytest.mark.parametrize("kind, field", [
    (SourceKind.STORED_DATA, "reuse_stored_data_id"),
    (SourceKind.WMSV, "reuse_wmsv_configuration_id"),
    (SourceKind.PYRAMID, "reuse_pyramid_id")])
def test_a_chosen_source_becomes_one_field_of_the_publication(kind, field):
    fields = reuse_fields(kind, "the-id")
    assert {k: v for k, v in fields.items() if v} == {field: "the-id"}
    spec = _spec(**fields)
    assert source_kind(spec) is kind
    assert skips(spec, "style") == (kind in (SourceKind.WMSV, SourceKind.PYRAMID))
    assert skips(spec, "pyramid") is False   # the pyramid step reads a reused pyramid
    assert skips(spec, "wmts") is False


def test_reuse_by_datasheet_stays_a_layer_publication():
    assert source_kind(_spec(reuse_by_datasheet=True)) is SourceKind.LAYER


def test_the_fingerprint_of_a_layer_publication_ignores_the_later_reuse_fields():
    summary = _spec().summary()
    assert summary["reuse_pyramid_id"] is None
    reused = _spec(reuse_pyramid_id="p1").summary()
    assert reused["fingerprint"] != summary["fingerprint"]


def test_a_wmsv_is_named_by_its_id_an_offering_or_its_layer_name():
    api = ListingApi()
    assert resolve_wmsv(api, "c1") == "c1"
    assert resolve_wmsv(api, "o1") == "c1"
    assert resolve_wmsv(api, "sandbox.communes_wmsv") == "c1"
    assert resolve_wmsv(api, "communes_wmsv") == "c1"
    with pytest.raises(PublishError):
        resolve_wmsv(api, "c3")   # a WMTS, not a WMS-V
    with pytest.raises(PublishError):
        resolve_wmsv(api, "nothing")


def test_a_stored_data_is_named_by_its_id_or_its_name_and_its_type_is_checked():
    api = ListingApi()
    assert resolve_stored_data(api, "p1", "ROK4-PYRAMID-RASTER") == "p1"
    assert resolve_stored_data(api, "communes_pyramide", "ROK4-PYRAMID-RASTER") == "p1"
    with pytest.raises(PublishError):
        resolve_stored_data(api, "v1", "ROK4-PYRAMID-RASTER")


def test_names_of_what_an_existing_source_provides_are_not_asked():
    """A wizard that skipped the style, WMS-V and pyramid pages leaves their names empty."""
    from gpf_wmts_publisher.plugin.publish.naming import check_publication

    empty = dict(wmsv_name="", wmsv_title="", pyramid_name="")
    assert {p.field for p in check_publication(_spec(reuse_pyramid_id="p1", **empty))} == set()
    assert {p.field for p in check_publication(
        _spec(reuse_wmsv_configuration_id="c1", **empty))} == {"pyramid_name"}
    assert {"wmsv_name", "wmsv_title", "pyramid_name"} <= {
        p.field for p in check_publication(_spec(reuse_stored_data_id="v1", **empty))}


def test_the_extent_of_an_existing_wmsv_is_its_bbox_else_its_stored_datas():
    from gpf_wmts_publisher.plugin.publish.sources import source_extent_wgs84

    square = {"type": "Polygon", "coordinates": [[[2, 48], [3, 48], [3, 49], [2, 49], [2, 48]]]}

    class ExtentApi(ListingApi):
        def configuration(self, configuration_id):
            infos = {"used_data": [{"stored_data": "v1", "relations": []}]}
            if configuration_id == "with_bbox":
                infos["bbox"] = {"west": 1, "south": 2, "east": 3, "north": 4}
            return Configuration.from_dict({"_id": configuration_id, "type": "WMS-VECTOR",
                                            "type_infos": infos})

        def stored_data(self, stored_data_id):
            return StoredData.from_dict({"_id": stored_data_id, "extent": square})

    api = ExtentApi()
    assert source_extent_wgs84(api, SourceKind.WMSV, "with_bbox") == (1.0, 2.0, 3.0, 4.0)
    assert source_extent_wgs84(api, SourceKind.WMSV, "no_bbox") == (2, 48, 3, 49)
    assert source_extent_wgs84(api, SourceKind.STORED_DATA, "v1") == (2, 48, 3, 49)
    assert source_extent_wgs84(api, SourceKind.PYRAMID, "p1") is None
