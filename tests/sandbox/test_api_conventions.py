"""Errors, rights and lists behave like the entrepôt's (statuses, JSON, Content-Range)."""

from __future__ import annotations

import requests

from tests.sandbox.flow import Flow


def test_no_token_is_401_with_the_platform_error_shape(sandbox):
    reply = requests.get(f"{sandbox.api_url}/users/me", timeout=10)
    assert reply.status_code == 401
    assert isinstance(reply.json()["error_description"], list)


def test_datastore_of_another_community_is_403(sandbox):
    own = sandbox.datastores("formateur")["own"]
    reply = sandbox.session("stagiaire").get(f"{sandbox.api_url}/datastores/{own}", timeout=10)
    assert reply.status_code == 403


def test_unknown_upload_is_404(sandbox):
    flow = Flow(sandbox)
    reply = flow.get("/uploads/00000000-0000-0000-0000-000000000000")
    assert reply.status_code == 404 and reply.json()["error_description"]


def test_invalid_body_is_400_naming_the_missing_fields(sandbox):
    flow = Flow(sandbox)
    reply = flow.post("/uploads", json={"name": "x"})
    assert reply.status_code == 400
    text = " ".join(reply.json()["error_description"])
    assert "type" in text and "srs" in text
    assert flow.post("/uploads", data="not json").status_code == 400


def test_datastore_lists_endpoints_with_quota_and_use(sandbox):
    flow = Flow(sandbox)
    datastore = flow.get("").json()
    kinds = {(e["endpoint"]["type"], e["endpoint"]["open"]) for e in datastore["endpoints"]}
    assert {("WMS-VECTOR", True), ("WMS-VECTOR", False), ("WMTS-TMS", True),
            ("WMTS-TMS", False), ("METADATA", True)} <= kinds
    assert all("quota" in e and "use" in e for e in datastore["endpoints"])
    wmts = next(e["endpoint"] for e in datastore["endpoints"]
                if e["endpoint"]["type"] == "WMTS-TMS" and e["endpoint"]["open"])
    assert {u["type"] for u in wmts["urls"]} == {"WMTS", "TMS"}
    assert "configuration_layer_name_prefix" not in datastore


def test_sandbox_datastore_has_prefixes_and_only_open_endpoints(sandbox):
    flow = Flow(sandbox, which="sandbox")
    datastore = flow.get("").json()
    assert datastore["configuration_layer_name_prefix"] == "sandbox"
    assert datastore["metadata_file_identifier_prefix"] == "sandbox"
    assert all(e["endpoint"]["open"] for e in datastore["endpoints"])


def test_processings_are_found_by_name_and_describe_their_parameters(sandbox):
    flow = Flow(sandbox)
    from sandbox.seed import HARVEST

    detail = flow.get(f"/processings/{flow.processing(HARVEST)}").json()
    names = {p["name"] for p in detail["parameters"]}
    assert {"harvest_levels", "harvest_url", "bottom", "top", "harvest_area"} <= names
    assert detail["output_type"]["stored_data"] == "ROK4-PYRAMID-RASTER"


def test_pagination_uses_page_limit_and_content_range(sandbox):
    flow = Flow(sandbox)
    for i in range(5):
        created = flow.post("/uploads", json={"name": f"page-{i}", "description": "page",
                                              "type": "VECTOR", "srs": "EPSG:2154"})
        flow.post(f"/uploads/{created.json()['_id']}/tags", json={"batch": "paging"})
    first = flow.get("/uploads", params={"tags[batch]": "paging", "limit": 2, "page": 1})
    assert first.headers["Content-Range"] == "1-2/5" and len(first.json()) == 2
    last = flow.get("/uploads", params={"tags[batch]": "paging", "limit": 2, "page": 3})
    assert last.headers["Content-Range"] == "5-5/5" and len(last.json()) == 1
    beyond = flow.get("/uploads", params={"tags[batch]": "paging", "limit": 2, "page": 4})
    assert beyond.json() == [] and beyond.headers["Content-Range"] == "0-0/5"
    names = {u["name"] for p in (1, 2, 3) for u in flow.get(
        "/uploads", params={"tags[batch]": "paging", "limit": 2, "page": p}).json()}
    assert names == {f"page-{i}" for i in range(5)}
    assert flow.get("/uploads", params={"page": 0}).status_code == 400


def test_tags_can_be_added_filtered_and_removed(sandbox):
    flow = Flow(sandbox)
    up = flow.post("/uploads", json={"name": "tagged", "description": "tagged", "type": "VECTOR",
                                     "srs": "EPSG:2154"}).json()["_id"]
    tagged = flow.post(f"/uploads/{up}/tags", json={"datasheet_name": "fiche-a", "k": "v"})
    assert tagged.json()["tags"] == {"datasheet_name": "fiche-a", "k": "v"}
    found = flow.get("/uploads", params={"tags[datasheet_name]": "fiche-a"}).json()
    assert [u["_id"] for u in found] == [up]
    flow.delete(f"/uploads/{up}/tags", params={"tags": "k"})
    assert flow.get(f"/uploads/{up}").json()["tags"] == {"datasheet_name": "fiche-a"}


def test_user_key_is_created_with_a_generated_hash(sandbox):
    http = sandbox.session()
    key = http.post(f"{sandbox.api_url}/users/me/keys",
                    json={"name": "ma clé", "type": "HASH", "type_infos": {}}, timeout=10)
    assert key.status_code == 201
    assert len(key.json()["type_infos"]["hash"]) >= 16
    listed = http.get(f"{sandbox.api_url}/users/me/keys", timeout=10).json()
    assert key.json()["_id"] in {k["_id"] for k in listed}
