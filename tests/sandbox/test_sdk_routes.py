"""Routes and filters the official SDK (sdk-entrepot-gpf) relies on: comments, statics
described in the query string, server-side filters by exact name, type and tags."""

from __future__ import annotations

import pytest

from sandbox.seed import HARVEST, INTEGRATION
from tests.sandbox.flow import COMMUNES_SLD, Flow


def _new_upload(flow: Flow, name: str) -> str:
    reply = flow.post("/uploads", json={"name": name, "description": name, "type": "VECTOR",
                                        "srs": "EPSG:2154"})
    assert reply.status_code == 201, reply.text
    return reply.json()["_id"]


def test_upload_comments_are_listed_added_edited_and_removed(sandbox):
    flow = Flow(sandbox)
    up = _new_upload(flow, "commented")
    assert flow.get(f"/uploads/{up}/comments").json() == []
    added = flow.post(f"/uploads/{up}/comments", json={"text": "première livraison"})
    assert added.status_code == 201, added.text
    comment = added.json()
    assert comment["text"] == "première livraison"
    assert comment["author"]["last_name"] == "Formatrice"
    assert {"_id", "creation", "update"} <= set(comment)
    listed = flow.get(f"/uploads/{up}/comments").json()
    assert [c["text"] for c in listed] == ["première livraison"]
    edited = flow.http.put(f"{flow.url}/uploads/{up}/comments/{comment['_id']}",
                           json={"text": "corrigé"}, timeout=30)
    assert edited.status_code == 200 and edited.json()["text"] == "corrigé"
    assert flow.delete(f"/uploads/{up}/comments/{comment['_id']}").status_code == 204
    assert flow.get(f"/uploads/{up}/comments").json() == []


@pytest.mark.parametrize("body", [{}, {"text": ""}, {"text": 3}, {"text": "x", "author": "y"}])
def test_comment_body_is_checked(sandbox, body):
    flow = Flow(sandbox)
    up = _new_upload(flow, "commented-bad")
    reply = flow.post(f"/uploads/{up}/comments", json=body)
    assert reply.status_code == 400 and reply.json()["error_description"]


def test_comments_of_an_unknown_entity_or_comment_are_404(sandbox):
    flow = Flow(sandbox)
    missing = "00000000-0000-0000-0000-000000000000"
    assert flow.get(f"/stored_data/{missing}/comments").status_code == 404
    up = _new_upload(flow, "commented-404")
    assert flow.delete(f"/uploads/{up}/comments/{missing}").status_code == 404


def test_only_the_author_edits_a_comment(sandbox):
    owner = Flow(sandbox, which="sandbox")
    other = Flow(sandbox, account="stagiaire", which="sandbox")
    up = _new_upload(owner, "commented-shared")
    comment = owner.post(f"/uploads/{up}/comments", json={"text": "à moi"}).json()
    assert other.get(f"/uploads/{up}/comments").json()[0]["text"] == "à moi"
    reply = other.delete(f"/uploads/{up}/comments/{comment['_id']}")
    assert reply.status_code == 403


def test_configuration_comments_route_exists(sandbox):
    flow = Flow(sandbox)
    missing = "00000000-0000-0000-0000-000000000000"
    reply = flow.get(f"/configurations/{missing}/comments")
    assert reply.status_code == 404 and "Configuration" in reply.text
    assert flow.get(f"/offerings/{missing}/comments").status_code == 404


def test_comments_go_with_their_upload(sandbox):
    flow = Flow(sandbox)
    up = _new_upload(flow, "commented-deleted")
    flow.post(f"/uploads/{up}/comments", json={"text": "bientôt supprimé"})
    assert flow.delete(f"/uploads/{up}").status_code == 204
    assert flow.get(f"/uploads/{up}/comments").status_code == 404


def test_static_described_in_the_query_string_is_accepted(sandbox):
    """The SDK sends name, type and description as query parameters of the multipart POST."""
    flow = Flow(sandbox)
    reply = flow.post("/statics", params={"name": "style-query", "type": "GEOSERVER-STYLE",
                                          "description": "par le SDK"},
                      files={"file": ("style.sld", COMMUNES_SLD)})
    assert reply.status_code == 201, reply.text
    static = reply.json()
    assert (static["name"], static["type"], static["description"]) == (
        "style-query", "GEOSERVER-STYLE", "par le SDK")


def test_static_described_in_the_form_is_still_accepted(sandbox):
    reply = Flow(sandbox).style(name="style-form")
    assert reply.status_code == 201 and reply.json()["name"] == "style-form"


def test_static_without_name_anywhere_is_400(sandbox):
    reply = Flow(sandbox).post("/statics", params={"type": "GEOSERVER-STYLE"},
                               files={"file": ("style.sld", COMMUNES_SLD)})
    assert reply.status_code == 400 and "name" in " ".join(reply.json()["error_description"])


@pytest.mark.parametrize("name", [HARVEST, INTEGRATION])
def test_processings_are_filtered_by_exact_name(sandbox, name):
    """The SDK takes the first processing of ``?name=``: it must be the one named."""
    items = Flow(sandbox).get("/processings", params={"name": name}).json()
    assert [p["name"] for p in items] == [name]


def test_name_filter_is_exact_unless_a_percent_is_given(sandbox):
    flow = Flow(sandbox)
    _new_upload(flow, "filtre-exact")
    _new_upload(flow, "filtre-exact-2")
    exact = flow.get("/uploads", params={"name": "filtre-exact", "limit": 50}).json()
    assert [u["name"] for u in exact] == ["filtre-exact"]
    wild = flow.get("/uploads", params={"name": "filtre-exact%", "limit": 50}).json()
    assert sorted(u["name"] for u in wild) == ["filtre-exact", "filtre-exact-2"]
    literal = flow.get("/uploads", params={"name": "filtre[-]exact", "limit": 50}).json()
    assert literal == []


def test_lists_filter_by_type_and_tags(sandbox):
    flow = Flow(sandbox)
    up = _new_upload(flow, "tagged-upload")
    assert flow.post(f"/uploads/{up}/tags", json={"projet": "sdk"}).ok
    tagged = flow.get("/uploads", params={"tags[projet]": "sdk", "limit": 50}).json()
    assert [u["_id"] for u in tagged] == [up]
    assert flow.get("/uploads", params={"tags[projet]": "autre"}).json() == []
    typed = flow.get("/uploads", params={"type": "RASTER", "name": "tagged-upload"}).json()
    assert typed == []
    flow.style(name="style-typed")
    statics = flow.get("/statics", params={"type": "GEOSERVER-STYLE", "name": "style-typed"})
    assert [s["name"] for s in statics.json()] == ["style-typed"]
    assert flow.get("/statics", params={"type": "ROK4-STYLE", "name": "style-typed"}).json() == []
