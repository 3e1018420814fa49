"""The sandbox refuses what the real API refuses, in the platform's error shape and words."""

from __future__ import annotations

import uuid

import pytest

from tests.sandbox.flow import Flow

SOME_ID = str(uuid.UUID(int=1))
WMSV_INFOS = {"title": "t", "abstract": "a", "used_data": [
    {"stored_data": SOME_ID, "relations": [{"name": "t", "style": SOME_ID}]}]}
WMTS_INFOS = {"title": "t", "abstract": "a", "used_data": [
    {"stored_data": SOME_ID, "top_level": "4", "bottom_level": "10"}]}


def without(mapping: dict, key: str) -> dict:
    return {k: v for k, v in mapping.items() if k != key}


CASES = [
    ("upload without description", "/uploads",
     {"name": "u", "type": "VECTOR", "srs": "EPSG:2154"},
     "Le champ description est obligatoire"),
    ("upload with an unknown field", "/uploads",
     {"name": "u", "description": "d", "type": "VECTOR", "srs": "EPSG:2154", "colour": "red"},
     "Le champ colour n'est pas autorisé"),
    ("upload with a number for srs", "/uploads",
     {"name": "u", "description": "d", "type": "VECTOR", "srs": 2154},
     "Le champ srs doit être une chaîne"),
    ("WMS-V configuration without abstract", "/configurations",
     {"type": "WMS-VECTOR", "name": "n", "layer_name": "l",
      "type_infos": without(WMSV_INFOS, "abstract")},
     "Le champ type_infos.abstract est obligatoire"),
    ("WMTS configuration without abstract", "/configurations",
     {"type": "WMTS-TMS", "name": "n", "layer_name": "l",
      "type_infos": without(WMTS_INFOS, "abstract")},
     "Le champ type_infos.abstract est obligatoire"),
    ("WMTS levels as numbers", "/configurations",
     {"type": "WMTS-TMS", "name": "n", "layer_name": "l", "type_infos": dict(
         WMTS_INFOS, used_data=[{"stored_data": SOME_ID, "top_level": 4, "bottom_level": 10}])},
     "Le champ type_infos.used_data[0].top_level doit être une chaîne"),
    ("bbox with strings", "/configurations",
     {"type": "WMS-VECTOR", "name": "n", "layer_name": "l", "type_infos": dict(
         WMSV_INFOS, bbox={"west": "1", "south": 2, "east": 3, "north": 4})},
     "Le champ type_infos.bbox.west doit être un nombre"),
    ("configuration with an unknown field", "/configurations",
     {"type": "WMS-VECTOR", "name": "n", "layer_name": "l", "type_infos": WMSV_INFOS,
      "visibility": "PUBLIC"},
     "Le champ visibility n'est pas autorisé"),
    ("permission with the other kind of beneficiary", "/permissions",
     {"type": "COMMUNITY", "users": [SOME_ID], "offerings": [SOME_ID], "licence": "l"},
     "Le champ communities est obligatoire pour le type COMMUNITY"),
    ("execution without output", "/processings/executions",
     {"processing": SOME_ID}, "Le champ output est obligatoire"),
]


@pytest.mark.parametrize("path,body,words", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_malformed_body_gets_the_platform_400(sandbox, path, body, words):
    reply = Flow(sandbox).post(path, json=body)
    assert reply.status_code == 400, reply.text
    error = reply.json()
    assert error["error"] == "Bad Request"
    assert words in error["error_description"]


def test_user_key_without_type_infos_is_refused(sandbox):
    reply = sandbox.session().post(f"{sandbox.api_url}/users/me/keys", timeout=10,
                                   json={"name": "k", "type": "HASH"})
    assert reply.status_code == 400
    assert "Le champ type_infos est obligatoire" in reply.json()["error_description"]


def test_lists_return_their_default_fields_unless_asked(sandbox):
    flow = Flow(sandbox)
    name = f"fields_demo_{uuid.uuid4().hex[:8]}"
    up = flow.upload(name=name)

    def listed(params) -> dict:
        return next(u for u in flow.get("/uploads", params=params).json() if u["_id"] == up)

    assert set(listed({"name": name})) == {"_id", "name", "type", "open", "srs"}
    assert set(listed({"name": name, "fields": "status,tags"})) == {"_id", "status", "tags"}
    # The official SDK repeats the parameter instead of joining the names.
    repeated = [("name", name), ("fields", "status"), ("fields", "size")]
    assert set(listed(repeated)) == {"_id", "status", "size"}
    unknown = flow.get("/uploads", params={"fields": "status,colour"})
    assert unknown.status_code == 400
    assert "Le paramètre fields contient un champ inconnu : colour" in \
        unknown.json()["error_description"]


def test_an_unauthenticated_malformed_request_is_a_401_first(sandbox):
    import requests

    reply = requests.post(f"{sandbox.api_url}/users/me/keys", json={"name": "k"}, timeout=10)
    assert reply.status_code == 401
