"""The whole chain the plugin drives, on the own datastore: data → WMS-V → pyramid → WMTS."""

from __future__ import annotations

import uuid

import requests

from sandbox.seed import HARVEST
from tests.sandbox.flow import Flow


def test_sample_data_becomes_a_wmts_layer_through_the_api(sandbox):
    flow = Flow(sandbox)
    sd_id = flow.vector_db()
    sd = flow.get(f"/stored_data/{sd_id}").json()
    assert sd["status"] == "GENERATED" and sd["type"] == "VECTOR-DB"
    tables = {r["name"]: r for r in sd["type_infos"]["relations"]}
    assert set(tables) == {"communes démo", "chefs_lieux"}
    assert {"nom_commune", "population_2020", "catégorie", "code insee"} <= set(
        tables["communes démo"]["attributes"])
    # The detail carries the extent; the bbox comes with the list, asked with fields=.
    assert sd["extent"]["type"] == "Polygon"
    mark = uuid.uuid4().hex
    assert flow.post(f"/stored_data/{sd_id}/tags", json={"chain": mark}).ok
    listed = flow.get("/stored_data", params={"fields": "bbox,status",
                                              "tags[chain]": mark}).json()
    bbox = next(item["bbox"] for item in listed if item["_id"] == sd_id)
    assert 4.4 < bbox["west"] < bbox["east"] < 5.6

    style = flow.style()
    assert style.status_code == 201, style.text
    assert style.json()["type_infos"]["used_attributes"] == ["catégorie"]
    config = flow.wms_config(sd_id, style.json()["_id"], "communes_wmsv")
    assert config.status_code == 201, config.text
    offering = flow.offer(config.json()["_id"], flow.endpoint("WMS-VECTOR")["_id"])
    assert offering.status_code == 201, offering.text
    assert flow.wait_offering(offering.json()["_id"])["status"] == "PUBLISHED"
    assert flow.get(f"/configurations/{config.json()['_id']}").json()["status"] == "PUBLISHED"

    wms_url = flow.endpoint("WMS-VECTOR")["urls"][0]["url"]
    capabilities = requests.get(wms_url, params={"SERVICE": "WMS", "REQUEST": "GetCapabilities",
                                                 "VERSION": "1.3.0"}, timeout=60)
    assert capabilities.ok and b"communes_wmsv" in capabilities.content

    area = (f"POLYGON(({bbox['west']} {bbox['north']},{bbox['east']} {bbox['north']},"
            f"{bbox['east']} {bbox['south']},{bbox['west']} {bbox['south']},"
            f"{bbox['west']} {bbox['north']}))")
    execution = flow.execute(HARVEST, {
        "output": {"stored_data": {"name": "communes_pyramide", "storage_tags": ["PYRAMIDE"]}},
        "parameters": {"harvest_layers": "communes_wmsv", "harvest_url": wms_url,
                       "harvest_levels": ["9", "8"], "bottom": "9", "top": "8",
                       "harvest_area": area, "harvest_format": "image/png", "tms": "PM",
                       "compression": "png"}})
    finished = flow.wait_execution(execution["_id"])
    logs = flow.get(f"/processings/executions/{execution['_id']}/logs").text
    assert finished["status"] == "SUCCESS", logs
    assert finished["launch"] <= finished["start"] <= finished["finish"]
    pyramid = flow.get(f"/stored_data/{finished['output']['stored_data']['_id']}").json()
    assert pyramid["type"] == "ROK4-PYRAMID-RASTER"
    assert sorted(pyramid["type_infos"]["levels"]) == ["8", "9"]

    wmts_config = flow.post("/configurations", json={
        "type": "WMTS-TMS", "name": "Communes tuilées", "layer_name": "communes_wmts",
        "type_infos": {"title": "Communes", "abstract": "Démo",
                       "used_data": [{"stored_data": pyramid["_id"], "top_level": "8",
                                      "bottom_level": "9"}]}})
    assert wmts_config.status_code == 201, wmts_config.text
    endpoint = flow.endpoint("WMTS-TMS")
    wmts_offering = flow.offer(wmts_config.json()["_id"], endpoint["_id"])
    assert flow.wait_offering(wmts_offering.json()["_id"])["status"] == "PUBLISHED"
    wmts_url = next(u["url"] for u in endpoint["urls"] if u["type"] == "WMTS")
    capabilities = requests.get(wmts_url, params={"SERVICE": "WMTS", "VERSION": "1.0.0",
                                                  "REQUEST": "GetCapabilities"}, timeout=60)
    assert capabilities.ok, capabilities.text
    assert b"communes_wmts" in capabilities.content
