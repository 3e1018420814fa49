"""The harvest's update by reference: a new pyramid that starts from an existing one's tiles
and levels, the harvested level written over them; the input stays as it was."""

from __future__ import annotations

import uuid

from sandbox.seed import HARVEST
from tests.sandbox.flow import Flow

AREA = "POLYGON((4.8 45.8,4.9 45.8,4.9 45.7,4.8 45.7,4.8 45.8))"


def _harvest(flow, layer, wms_url, name, levels, inputs=None) -> dict:
    execution = flow.execute(HARVEST, {
        "inputs": inputs or {},
        "output": {"stored_data": {"name": name}},
        "parameters": {"harvest_layers": layer, "harvest_url": wms_url,
                       "harvest_levels": [str(z) for z in sorted(levels, reverse=True)],
                       "bottom": str(max(levels)), "top": str(min(levels)),
                       "harvest_area": AREA, "harvest_format": "image/png", "tms": "PM",
                       "compression": "png"}})
    finished = flow.wait_execution(execution["_id"])
    assert finished["status"] == "SUCCESS", flow.get(
        f"/processings/executions/{execution['_id']}/logs").text
    return flow.get(f"/stored_data/{finished['output']['stored_data']['_id']}").json()


def test_a_pyramid_updated_by_reference_keeps_the_input_levels_and_adds_the_harvested(sandbox):
    flow = Flow(sandbox)
    layer = f"ref_{uuid.uuid4().hex[:8]}"
    config = flow.wms_config(flow.vector_db(), flow.style().json()["_id"], layer)
    offering = flow.offer(config.json()["_id"], flow.endpoint("WMS-VECTOR")["_id"])
    assert flow.wait_offering(offering.json()["_id"])["status"] == "PUBLISHED"
    wms_url = flow.endpoint("WMS-VECTOR")["urls"][0]["url"]

    first = _harvest(flow, layer, wms_url, f"{layer}_pyr", [8, 9])
    second = _harvest(flow, layer, wms_url, f"{layer}_pyr_v2", [10],
                      inputs={"stored_data": [first["_id"]]})

    assert sorted(int(z) for z in second["type_infos"]["levels"]) == [8, 9, 10]
    assert second["size"] > first["size"]
    again = flow.get(f"/stored_data/{first['_id']}").json()
    assert again["status"] == "GENERATED"
    assert sorted(again["type_infos"]["levels"]) == ["8", "9"]
