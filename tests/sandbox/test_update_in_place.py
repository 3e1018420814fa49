"""Changing a published service in place, route by route (in process, the worker driven by
hand): a configuration's PUT changes nothing served until its offering is synchronised
(PUT), MODIFYING / SYNCHRONIZING meanwhile; a stored data still served cannot be deleted;
the harvest takes an existing pyramid as input (update by reference), nothing else."""

from __future__ import annotations

import pytest

from sandbox.app import build
from sandbox.seed import HARVEST
from sandbox.services import WmtsLayers
from sandbox.store import new_id, now_iso

LAYER = "sandbox.maj_en_place"


@pytest.fixture
def platform(tmp_path):
    # A long pause: the synchronisation job waits, so its intermediate states can be read.
    flask_app, sb = build(tmp_path, "http://127.0.0.1:1", step_delay_s=30.0,
                          start_workers=False)
    client = flask_app.test_client()
    token = client.post("/realms/geoplateforme/protocol/openid-connect/token", data={
        "grant_type": "password", "client_id": "gpf-warehouse", "username": "formateur",
        "password": "formateur"}).get_json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    me = client.get("/api/users/me", headers=headers).get_json()
    ds = next(m["community"]["datastore"] for m in me["communities_member"]
              if m["community"]["technical_name"] == "decouverte")
    yield sb, client, headers, ds
    sb.workers.shutdown()


def _pyramid(sb, ds: str, name: str, tmp_dir) -> str:
    return sb.store.put("stored_data", {
        "_id": new_id(), "datastore": ds, "name": name, "type": "ROK4-PYRAMID-RASTER",
        "status": "GENERATED", "tags": {}, "size": 0, "extra": {}, "srs": "EPSG:3857",
        "open": False, "public_activity": False, "contact": "x@example.org",
        "storage": {"type": "S3", "tags": []}, "creation": now_iso(),
        "bbox": {"west": 2.3, "south": 48.8, "east": 2.4, "north": 48.9},
        "type_infos": {"tms": "PM", "levels": ["13", "12"], "compression": "png",
                       "channels_number": 4, "channels_format": "UINT8"},
        "_pyramid": {"dir": str(tmp_dir / name), "fmt": "image/png"}})["_id"]


def _published_wmts(sb, client, headers, ds, pyramid: str):
    endpoint = next(e for e in client.get(f"/api/datastores/{ds}", headers=headers)
                    .get_json()["endpoints"] if e["endpoint"]["type"] == "WMTS-TMS")
    infos = {"title": "Mise à jour", "abstract": "En place",
             "used_data": [{"stored_data": pyramid, "top_level": "12", "bottom_level": "13"}]}
    config = sb.store.put("configurations", {
        "_id": new_id(), "datastore": ds, "type": "WMTS-TMS", "name": "maj",
        "layer_name": LAYER, "type_infos": infos, "metadata": [], "status": "PUBLISHED",
        "tags": {}, "creation": now_iso()})
    offering = sb.store.put("offerings", {
        "_id": new_id(), "datastore": ds, "configuration": config["_id"],
        "endpoint": endpoint["endpoint"]["_id"], "type": "WMTS-TMS", "layer_name": LAYER,
        "open": True, "status": "PUBLISHED", "available": True, "creation": now_iso(),
        "_served": infos})
    return config["_id"], offering["_id"]


def test_a_put_configuration_is_served_only_once_its_offering_is_synchronised(
        platform, tmp_path):
    sb, client, headers, ds = platform
    old, new = _pyramid(sb, ds, "pyr", tmp_path), _pyramid(sb, ds, "pyr_v2", tmp_path)
    conf, off = _published_wmts(sb, client, headers, ds, old)
    served = WmtsLayers(sb.store)
    body = {"type": "WMTS-TMS", "name": "maj", "type_infos": {
        "title": "Mise à jour", "abstract": "En place",
        "used_data": [{"stored_data": new, "top_level": "12", "bottom_level": "13"}]}}

    put = client.put(f"/api/datastores/{ds}/configurations/{conf}", json=body, headers=headers)
    assert put.status_code == 200, put.get_data(as_text=True)
    assert served(LAYER).pyramid_dir.endswith("pyr")          # nothing changes yet
    refused = client.delete(f"/api/datastores/{ds}/stored_data/{new}", headers=headers)
    assert refused.status_code == 409                          # the configuration uses it

    sync = client.put(f"/api/datastores/{ds}/offerings/{off}", headers=headers)
    assert sync.status_code == 200 and sync.get_json()["status"] == "MODIFYING"
    config = client.get(f"/api/datastores/{ds}/configurations/{conf}", headers=headers)
    assert config.get_json()["status"] == "SYNCHRONIZING"
    assert served(LAYER).pyramid_dir.endswith("pyr")          # still serving the old one
    again = client.put(f"/api/datastores/{ds}/offerings/{off}", headers=headers)
    assert again.status_code == 409                            # one synchronisation at a time
    busy = client.delete(f"/api/datastores/{ds}/stored_data/{old}", headers=headers)
    assert busy.status_code == 409                             # still served

    sb.step_delay_s = 0.0
    sb.workers._run_publish(off)   # the synchronisation job, now

    assert client.get(f"/api/datastores/{ds}/offerings/{off}",
                      headers=headers).get_json()["status"] == "PUBLISHED"
    assert client.get(f"/api/datastores/{ds}/configurations/{conf}",
                      headers=headers).get_json()["status"] == "PUBLISHED"
    assert served(LAYER).pyramid_dir.endswith("pyr_v2")
    gone = client.delete(f"/api/datastores/{ds}/stored_data/{old}", headers=headers)
    assert gone.status_code == 204


def _harvest(client, headers, ds, inputs):
    processing = client.get(f"/api/datastores/{ds}/processings", query_string={"name": HARVEST},
                            headers=headers).get_json()[0]["_id"]
    return client.post(f"/api/datastores/{ds}/processings/executions", headers=headers, json={
        "processing": processing, "inputs": inputs,
        "output": {"stored_data": {"name": "pyr_ref"}},
        "parameters": {"harvest_layers": "x", "harvest_url": "http://127.0.0.1:1/wms-v/ows",
                       "harvest_levels": ["13", "12"], "bottom": "13", "top": "12",
                       "harvest_area": "POLYGON((2.3 48.9,2.4 48.9,2.4 48.8,2.3 48.8,2.3 48.9))",
                       "harvest_format": "image/png", "tms": "PM"}})


def test_the_harvest_takes_an_existing_pyramid_by_reference_and_nothing_else(
        platform, tmp_path):
    sb, client, headers, ds = platform
    pyramid = _pyramid(sb, ds, "pyr_in", tmp_path)
    accepted = _harvest(client, headers, ds, {"stored_data": [pyramid]})
    assert accepted.status_code == 201, accepted.get_data(as_text=True)
    assert [s["_id"] for s in accepted.get_json()["inputs"]["stored_data"]] == [pyramid]
    vector = sb.store.put("stored_data", {"_id": new_id(), "datastore": ds, "name": "v",
                                          "type": "VECTOR-DB", "status": "GENERATED"})["_id"]
    wrong = _harvest(client, headers, ds, {"stored_data": [vector]})
    assert wrong.status_code == 400
    assert "ROK4-PYRAMID-RASTER" in " ".join(wrong.get_json()["error_description"])
    two = _harvest(client, headers, ds, {"stored_data": [pyramid, pyramid]})
    assert two.status_code == 400
