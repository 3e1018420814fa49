"""A WMS-V configuration with several relations: a group drawing them in relation order (the
first at the bottom), each relation also a layer of its own, listed in the capabilities."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest
from werkzeug.test import Client

from sandbox.wmsv import WmsvLayer, WmsvService

from .test_wmsv import centre_rgb, decode_image, fill_sld, getmap_query, make_area_gpkg

GROUP = "sandbox.carte_wmsv"


class GroupLayers:
    """The provider's protocol as sandbox.services.WmsvLayers answers it for one offering
    with several relations: its name → the tuple, a relation's name → that relation."""

    def __init__(self, *relations: WmsvLayer):
        self.relations = relations

    def __call__(self, name):
        if name == GROUP:
            return self.relations
        return next((layer for layer in self.relations if layer.name == name), None)

    def all(self):
        return list(self.relations)


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    directory = tmp_path_factory.mktemp("relations")
    red = make_area_gpkg(directory, "land")
    blue = make_area_gpkg(directory, "roads")
    relations = (
        WmsvLayer(f"{GROUP}:land", str(red), "land", fill_sld("land", "#ff0000"),
                  title="land", group=GROUP, group_title="Carte"),
        WmsvLayer(f"{GROUP}:roads", str(blue), "roads", fill_sld("roads", "#0000ff"),
                  title="roads", group=GROUP, group_title="Carte"),
    )
    return Client(WmsvService(GroupLayers(*relations)))


def test_the_group_draws_the_first_relation_at_the_bottom(client):
    response = client.get("/wms-v/ows?" + getmap_query(GROUP))
    assert response.status_code == 200, response.data[:300]
    assert centre_rgb(decode_image(response.data)) == (0, 0, 255)


def test_the_relations_requested_by_name_are_drawn_in_the_order_of_layers(client):
    bottom_land = client.get("/wms-v/ows?" + getmap_query(f"{GROUP}:land,{GROUP}:roads"))
    assert centre_rgb(decode_image(bottom_land.data)) == (0, 0, 255)
    bottom_roads = client.get("/wms-v/ows?" + getmap_query(f"{GROUP}:roads,{GROUP}:land"))
    assert centre_rgb(decode_image(bottom_roads.data)) == (255, 0, 0)


def test_the_capabilities_list_the_group_and_one_named_layer_per_relation(client):
    response = client.get("/wms-v/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities")
    root = ElementTree.fromstring(response.data)
    ns = {"wms": "http://www.opengis.net/wms"}
    group = next(layer for layer in root.iter("{http://www.opengis.net/wms}Layer")
                 if layer.findtext("wms:Name", namespaces=ns) == GROUP)
    children = [(child.findtext("wms:Name", namespaces=ns),
                 child.findtext("wms:Title", namespaces=ns))
                for child in group.findall("wms:Layer", ns)]
    assert sorted(children) == [(f"{GROUP}:land", "land"), (f"{GROUP}:roads", "roads")]
