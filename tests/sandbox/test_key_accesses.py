"""Private services open only to a key with an access to the offering, through a permission its
user benefits from (sandbox/key_access.py), for the HASH, BASIC and HEADER key types."""

from __future__ import annotations

import pytest
import requests

from tests.sandbox.flow import Flow, published_wms, pyramid, wmts_config

GETMAP = {"SERVICE": "WMS", "VERSION": "1.3.0", "REQUEST": "GetMap", "STYLES": "",
          "CRS": "EPSG:4326", "BBOX": "43,1,44,2", "WIDTH": "64", "HEIGHT": "64",
          "FORMAT": "image/png"}


def _key(sandbox, account="formateur", **body):
    reply = sandbox.session(account).post(f"{sandbox.api_url}/users/me/keys", timeout=10,
                                          json={"name": "k", "type": "HASH", "type_infos": {},
                                                **body})
    assert reply.status_code == 201, reply.text
    return reply.json()


def _access(sandbox, key_id, permission_id, offering_id, account="formateur"):
    return sandbox.session(account).post(
        f"{sandbox.api_url}/users/me/keys/{key_id}/accesses", timeout=10,
        json={"permission": permission_id, "offerings": [offering_id]})


def _permission(flow, offering_id) -> str:
    community = flow.get("").json()["community"]["_id"]
    reply = flow.post("/permissions", json={
        "type": "COMMUNITY", "communities": [community], "offerings": [offering_id],
        "licence": "Utilisation réservée", "only_oauth": False})
    assert reply.status_code == 201, reply.text
    return reply.json()[0]["_id"]


@pytest.fixture(scope="module")
def private_wmsv(sandbox):
    """A private WMS-V layer with a permission for the own community; no key has an access."""
    flow = Flow(sandbox)
    config = published_wms(flow, "access_wmsv_layer", is_open=False)
    offering = flow.get(f"/configurations/{config['_id']}/offerings").json()[0]
    url = flow.endpoint("WMS-VECTOR", is_open=False)["urls"][0]["url"]
    return flow, offering["_id"], _permission(flow, offering["_id"]), url


def test_private_wmts_opens_only_to_a_key_with_an_access(sandbox):
    flow = Flow(sandbox)
    published_wms(flow, "access_source_layer")
    pyr = pyramid(flow, "access_source_layer")
    config = wmts_config(flow, pyr["_id"], "access_wmts_layer").json()
    endpoint = flow.endpoint("WMTS-TMS", is_open=False)
    offering = flow.offer(config["_id"], endpoint["_id"], is_open=False).json()
    assert flow.wait_offering(offering["_id"])["status"] == "PUBLISHED"
    url = next(u["url"] for u in endpoint["urls"] if u["type"] == "WMTS")
    tms = next(u["url"] for u in endpoint["urls"] if u["type"] == "TMS")
    caps = {"SERVICE": "WMTS", "VERSION": "1.0.0", "REQUEST": "GetCapabilities"}
    permission = _permission(flow, offering["_id"])
    key = _key(sandbox)
    secret = key["type_infos"]["hash"]

    assert requests.get(url, params=caps, timeout=30).status_code == 401
    assert requests.get(url, params={**caps, "apikey": "unknown"}, timeout=30).status_code == 401
    # A permission its user benefits from is not enough: the key needs the access.
    without_access = requests.get(url, params={**caps, "apikey": secret}, timeout=30)
    assert without_access.status_code == 403, without_access.text
    tile_map = f"{tms}/access_wmts_layer/"
    assert requests.get(tile_map, params={"apikey": secret}, timeout=30).status_code == 403

    assert _access(sandbox, key["_id"], permission, offering["_id"]).status_code == 204
    granted = requests.get(url, params={**caps, "apikey": secret}, timeout=30)
    assert granted.ok and b"access_wmts_layer" in granted.content
    assert requests.get(tile_map, params={"apikey": secret}, timeout=30).ok


def test_hash_key_without_an_access_gets_403_and_with_one_draws(sandbox, private_wmsv):
    _, offering, permission, url = private_wmsv
    key = _key(sandbox)
    query = {**GETMAP, "LAYERS": "access_wmsv_layer"}
    assert requests.get(url, params=query, timeout=30).status_code == 401
    assert requests.get(url, params={**query, "apikey": key["type_infos"]["hash"]},
                        timeout=30).status_code == 403
    assert _access(sandbox, key["_id"], permission, offering).status_code == 204
    drawn = requests.get(url, params=query, headers={"apikey": key["type_infos"]["hash"]},
                         timeout=60)
    assert drawn.status_code == 200 and drawn.headers["Content-Type"].startswith("image/png")


def test_basic_key_opens_by_http_basic_once_it_has_an_access(sandbox, private_wmsv):
    _, offering, permission, url = private_wmsv
    key = _key(sandbox, type="BASIC", type_infos={"login": "formation", "password": "s3cret"})
    query = {**GETMAP, "LAYERS": "access_wmsv_layer"}
    wrong = requests.get(url, params=query, auth=("formation", "nope"), timeout=30)
    assert wrong.status_code == 401
    assert requests.get(url, params=query, auth=("formation", "s3cret"),
                        timeout=30).status_code == 403
    assert _access(sandbox, key["_id"], permission, offering).status_code == 204
    drawn = requests.get(url, params=query, auth=("formation", "s3cret"), timeout=60)
    assert drawn.status_code == 200, drawn.text


def test_header_key_opens_with_its_headers_once_it_has_an_access(sandbox, private_wmsv):
    _, offering, permission, url = private_wmsv
    key = _key(sandbox, type="HEADER", type_infos={"headers": {"X-Formation": "jeton-42"}})
    query = {**GETMAP, "LAYERS": "access_wmsv_layer"}
    assert requests.get(url, params=query, headers={"X-Formation": "autre"},
                        timeout=30).status_code == 401
    assert requests.get(url, params=query, headers={"X-Formation": "jeton-42"},
                        timeout=30).status_code == 403
    assert _access(sandbox, key["_id"], permission, offering).status_code == 204
    drawn = requests.get(url, params=query, headers={"X-Formation": "jeton-42"}, timeout=60)
    assert drawn.status_code == 200, drawn.text


@pytest.mark.parametrize("body", [
    {"type": "BASIC", "type_infos": {"login": "x"}},
    {"type": "HEADER", "type_infos": {}},
    {"type": "HEADER", "type_infos": {"headers": {"X-A": 3}}},
])
def test_basic_and_header_keys_need_their_type_infos(sandbox, body):
    reply = sandbox.session().post(f"{sandbox.api_url}/users/me/keys", timeout=10,
                                   json={"name": "incomplete", **body})
    assert reply.status_code == 400
    assert "type_infos" in " ".join(reply.json()["error_description"])


def test_a_permission_of_another_community_cannot_go_on_ones_key(sandbox, private_wmsv):
    _, offering, permission, url = private_wmsv
    # "stagiaire" is a member of Découverte only; the permission names Formation IGN.
    key = _key(sandbox, account="stagiaire")
    refused = _access(sandbox, key["_id"], permission, offering, account="stagiaire")
    assert refused.status_code == 403, refused.text
    assert permission in " ".join(refused.json()["error_description"])
    query = {**GETMAP, "LAYERS": "access_wmsv_layer", "apikey": key["type_infos"]["hash"]}
    assert requests.get(url, params=query, timeout=30).status_code == 403


def test_an_access_stops_opening_when_the_permission_is_deleted(sandbox, private_wmsv):
    flow, offering, _, url = private_wmsv
    permission = _permission(flow, offering)
    key = _key(sandbox)
    assert _access(sandbox, key["_id"], permission, offering).status_code == 204
    query = {**GETMAP, "LAYERS": "access_wmsv_layer", "apikey": key["type_infos"]["hash"]}
    assert requests.get(url, params=query, timeout=60).status_code == 200
    assert flow.delete(f"/permissions/{permission}").status_code == 204
    assert requests.get(url, params=query, timeout=30).status_code == 403
