"""Configurations and offerings: names, prefixes, openness, keys, quotas and cascades."""

from __future__ import annotations

import uuid

import requests

from tests.sandbox.flow import COMMUNES_SLD, Flow, published_wms, pyramid, wmts_config


def test_layer_name_is_unique_platform_wide_per_service_type(sandbox):
    own = Flow(sandbox)
    published_wms(own, "unique_name_layer")
    sd = own.vector_db()
    style = own.style(COMMUNES_SLD).json()["_id"]
    again = own.wms_config(sd, style, "unique_name_layer")
    assert again.status_code == 409
    assert "unique_name_layer" in " ".join(again.json()["error_description"])
    other_user = Flow(sandbox, account="totp", which="own")
    assert other_user.wms_config(sd, style, "unique_name_layer").status_code == 409


def test_invalid_layer_name_is_400(sandbox):
    flow = Flow(sandbox)
    reply = flow.wms_config("x", "y", "1 bad name")
    assert reply.status_code == 400


def test_sandbox_datastore_requires_the_prefix_and_forces_public(sandbox):
    flow = Flow(sandbox, which="sandbox")
    sd = flow.vector_db()
    style = flow.style().json()["_id"]
    unprefixed = flow.wms_config(sd, style, "communes_sans_prefixe")
    assert unprefixed.status_code == 400
    assert "sandbox." in " ".join(unprefixed.json()["error_description"])
    config = flow.wms_config(sd, style, "sandbox.communes_decouverte")
    assert config.status_code == 201, config.text
    endpoint = flow.endpoint("WMS-VECTOR")["_id"]
    private = flow.offer(config.json()["_id"], endpoint, is_open=False)
    assert private.status_code == 400
    assert "Tout public" in " ".join(private.json()["error_description"])
    public = flow.offer(config.json()["_id"], endpoint)
    assert flow.wait_offering(public.json()["_id"])["status"] == "PUBLISHED"
    permission = flow.post("/permissions", json={
        "type": "COMMUNITY", "communities": [str(uuid.uuid4())],
        "offerings": [public.json()["_id"]],
        "licence": "l"})
    assert permission.status_code == 403


def test_offering_needs_an_endpoint_of_the_configuration_type(sandbox):
    flow = Flow(sandbox)
    sd = flow.vector_db()
    style = flow.style().json()["_id"]
    config = flow.wms_config(sd, style, "wrong_endpoint_layer").json()["_id"]
    reply = flow.offer(config, flow.endpoint("WMTS-TMS")["_id"])
    assert reply.status_code == 400


def test_wmts_configuration_refuses_levels_missing_from_the_pyramid(sandbox):
    flow = Flow(sandbox)
    published_wms(flow, "levels_source_layer")
    pyr = pyramid(flow, "levels_source_layer")
    reply = wmts_config(flow, pyr["_id"], "levels_wmts", top="5", bottom="8")
    assert reply.status_code == 400
    assert "5" in " ".join(reply.json()["error_description"])


def test_unpublishing_cascades_sanely(sandbox):
    flow = Flow(sandbox)
    config = published_wms(flow, "cascade_layer")
    sd = config["type_infos"]["used_data"][0]["stored_data"]
    offering = flow.get(f"/configurations/{config['_id']}/offerings").json()[0]
    endpoint = flow.endpoint("WMS-VECTOR")
    use_before = next(e["use"] for e in flow.get("").json()["endpoints"]
                      if e["endpoint"]["_id"] == endpoint["_id"])
    assert flow.delete(f"/configurations/{config['_id']}").status_code == 409
    assert flow.delete(f"/stored_data/{sd}").status_code == 409
    assert flow.delete(f"/offerings/{offering['_id']}").status_code == 204
    from tests.sandbox.flow import wait_until

    wait_until(lambda: flow.get(f"/offerings/{offering['_id']}"),
               lambda reply: reply.status_code == 404)
    assert flow.get(f"/configurations/{config['_id']}").json()["status"] == "UNPUBLISHED"
    use_after = next(e["use"] for e in flow.get("").json()["endpoints"]
                     if e["endpoint"]["_id"] == endpoint["_id"])
    assert use_after == use_before - 1
    wms = endpoint["urls"][0]["url"]
    capabilities = requests.get(wms, params={"SERVICE": "WMS", "REQUEST": "GetCapabilities"},
                                timeout=30)
    assert b"cascade_layer" not in capabilities.content
    assert flow.delete(f"/configurations/{config['_id']}").status_code == 204
    assert flow.delete(f"/stored_data/{sd}").status_code == 204
    assert flow.get(f"/stored_data/{sd}").status_code == 404


def test_offerings_are_listed_with_filters(sandbox):
    flow = Flow(sandbox)
    config = published_wms(flow, "listed_layer")
    found = flow.get("/offerings", params={"layer_name": "listed%", "type": "WMS-VECTOR",
                                           "fields": "layer_name,configuration,urls"}).json()
    assert [o["layer_name"] for o in found] == ["listed_layer"]
    assert found[0]["configuration"]["_id"] == config["_id"]
    assert found[0]["urls"][0]["type"] == "WMS"


def test_tms_serves_the_pyramid_tiles_with_rows_from_the_bottom(sandbox):
    flow = Flow(sandbox)
    published_wms(flow, "tms_source_layer")
    pyr = pyramid(flow, "tms_source_layer")
    config = wmts_config(flow, pyr["_id"], "tms_layer").json()
    offering = flow.offer(config["_id"], flow.endpoint("WMTS-TMS")["_id"]).json()
    published = flow.wait_offering(offering["_id"])
    tms_url = next(u["url"] for u in published["urls"] if u["type"] == "TMS")
    assert requests.get(tms_url, timeout=10).ok                 # the TileMap document
    pyramid_dir = sandbox.data_dir / "files" / "stored_data" / pyr["_id"] / "pyramid" / "8"
    column = next(pyramid_dir.iterdir())
    row = int(next(column.iterdir()).stem)
    tile = requests.get(f"{tms_url}/8/{column.name}/{2**8 - 1 - row}.jpg", timeout=10)
    assert tile.ok and tile.headers["Content-Type"] == "image/jpeg"
    assert tile.content == (column / f"{row}.jpg").read_bytes()


def test_sandbox_datastore_allows_twenty_layers_per_account(sandbox):
    flow = Flow(sandbox, account="totp", which="sandbox")
    sd = flow.vector_db()
    style = flow.style().json()["_id"]
    for i in range(20):
        created = flow.wms_config(sd, style, f"sandbox.limite_{i}")
        assert created.status_code == 201, created.text
    refused = flow.wms_config(sd, style, "sandbox.limite_20")
    assert refused.status_code == 409
    assert "20" in " ".join(refused.json()["error_description"])


def test_published_annexe_is_served_under_the_datastore_name(sandbox):
    flow = Flow(sandbox)
    created = flow.post("/annexes", data={"paths": "legend/x.txt", "published": "true"},
                        files={"file": ("x.txt", b"hello", "text/plain")})
    assert created.status_code == 201, created.text
    technical_name = flow.get("").json()["technical_name"]
    served = requests.get(f"{sandbox.base_url}/annexes/{technical_name}/legend/x.txt", timeout=10)
    assert served.content == b"hello"
    again = flow.post("/annexes", data={"paths": "legend/x.txt"},
                      files={"file": ("x.txt", b"again")})
    assert again.status_code == 409
    annexe = created.json()["_id"]
    tagged = flow.post(f"/annexes/{annexe}/tags", json={"type": "legend"})
    assert tagged.json()["labels"] == ["type=legend"]
    flow.delete(f"/annexes/{annexe}/tags", params={"tags": "type"})
    assert flow.get(f"/annexes/{annexe}").json()["labels"] == []
    assert flow.delete(f"/annexes/{annexe}").status_code == 204


def test_private_wms_v_is_harvested_with_a_key_in_harvest_extras(sandbox):
    from sandbox.seed import HARVEST
    from tests.sandbox.flow import area_of

    flow = Flow(sandbox)
    config = published_wms(flow, "private_wmsv_layer", is_open=False)
    offering = flow.get(f"/configurations/{config['_id']}/offerings").json()[0]
    community = flow.get("").json()["community"]["_id"]
    permission = flow.post("/permissions", json={
        "type": "COMMUNITY", "communities": [community], "offerings": [offering["_id"]],
        "licence": "l"}).json()[0]["_id"]
    created = sandbox.session().post(f"{sandbox.api_url}/users/me/keys", timeout=10, json={
        "name": "harvest", "type": "HASH", "type_infos": {}}).json()
    key = created["type_infos"]["hash"]
    assert sandbox.session().post(
        f"{sandbox.api_url}/users/me/keys/{created['_id']}/accesses", timeout=10,
        json={"permission": permission, "offerings": [offering["_id"]]}).status_code == 204
    url = flow.endpoint("WMS-VECTOR", is_open=False)["urls"][0]["url"]
    params = {"harvest_layers": "private_wmsv_layer", "harvest_url": url,
              "harvest_levels": ["8"], "bottom": "8", "top": "8",
              "harvest_area": area_of(config["type_infos"]["bbox"]),
              "harvest_format": "image/png"}
    without = flow.wait_execution(flow.execute(HARVEST, {
        "output": {"stored_data": {"name": "no_key"}}, "parameters": params})["_id"])
    assert without["status"] == "FAILURE"
    with_key = flow.wait_execution(flow.execute(HARVEST, {
        "output": {"stored_data": {"name": "with_key"}},
        "parameters": {**params, "harvest_extras": f"apikey={key}"}})["_id"])
    assert with_key["status"] == "SUCCESS"
    assert "progress" not in with_key  # the real executions report none
    logs = flow.get(f"/processings/executions/{with_key['_id']}/logs").json()
    assert any("tuiles moissonnées" in line for line in logs)


def test_permissions_are_listed_by_offering_and_deleted(sandbox):
    flow = Flow(sandbox)
    config = published_wms(flow, "permission_list_layer", is_open=False)
    offering = flow.get(f"/configurations/{config['_id']}/offerings").json()[0]
    me = sandbox.session().get(f"{sandbox.api_url}/users/me", timeout=10).json()
    created = flow.post("/permissions", json={
        "type": "ACCOUNT", "users": [me["_id"]], "offerings": [offering["_id"]],
        "licence": "l", "end_date": "2099-01-01T00:00:00+00:00"})
    assert created.status_code == 201
    permission = created.json()[0]
    assert permission["beneficiary"]["_id"] == me["_id"]
    listed = flow.get("/permissions", params={"offering": offering["_id"]}).json()
    assert [p["_id"] for p in listed] == [permission["_id"]]
    assert flow.delete(f"/permissions/{permission['_id']}").status_code == 204
    assert flow.get("/permissions", params={"offering": offering["_id"]}).json() == []
    no_beneficiary = flow.post("/permissions", json={
        "type": "COMMUNITY", "offerings": [offering["_id"]], "licence": "l"})
    assert no_beneficiary.status_code == 400


def test_upload_delete_removes_its_files(sandbox):
    flow = Flow(sandbox)
    up = flow.upload()
    flow.wait_checks(up)
    folder = sandbox.data_dir / "files" / "uploads" / up
    assert any(folder.rglob("*.gpkg"))
    assert flow.delete(f"/uploads/{up}").status_code == 204
    assert flow.get(f"/uploads/{up}").status_code == 404
    assert not folder.exists()


def test_configuration_edit_then_offering_resync_serves_the_new_title(sandbox):
    flow = Flow(sandbox)
    config = published_wms(flow, "edited_layer")
    offering = flow.get(f"/configurations/{config['_id']}/offerings").json()[0]
    infos = dict(config["type_infos"], title="Titre modifié")
    renamed = flow.http.put(f"{flow.url}/configurations/{config['_id']}", timeout=10,
                            json={"type": "WMS-VECTOR", "name": "edited", "type_infos": infos})
    assert renamed.status_code == 200, renamed.text
    moved = flow.http.put(f"{flow.url}/configurations/{config['_id']}", timeout=10, json={
        "type": "WMS-VECTOR", "name": "edited", "layer_name": "other_name",
        "type_infos": infos})
    assert moved.status_code == 400
    synced = flow.http.put(f"{flow.url}/offerings/{offering['_id']}", timeout=10)
    assert synced.json()["status"] == "MODIFYING"
    assert flow.wait_offering(offering["_id"])["status"] == "PUBLISHED"
    url = flow.endpoint("WMS-VECTOR")["urls"][0]["url"]
    capabilities = requests.get(url, params={"SERVICE": "WMS", "REQUEST": "GetCapabilities",
                                             "VERSION": "1.3.0"}, timeout=30)
    assert "Titre modifié" in capabilities.content.decode("utf-8")


def test_unavailable_offering_is_not_served(sandbox):
    flow = Flow(sandbox)
    config = published_wms(flow, "unavailable_layer")
    offering = flow.get(f"/configurations/{config['_id']}/offerings").json()[0]
    patched = flow.http.patch(f"{flow.url}/offerings/{offering['_id']}", timeout=10,
                              json={"available": False})
    assert patched.json()["available"] is False
    url = flow.endpoint("WMS-VECTOR")["urls"][0]["url"]
    capabilities = requests.get(url, params={"SERVICE": "WMS", "REQUEST": "GetCapabilities"},
                                timeout=30)
    assert b"unavailable_layer" not in capabilities.content
