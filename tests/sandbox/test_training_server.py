"""The sandbox stays up as a training server: trainer-only /admin, bounded upload names, quotas
checked before bytes are stored, NUL bytes refused with a 400."""

from __future__ import annotations

import hashlib

import pytest
import requests

from tests.fixtures.sandbox import start_sandbox
from tests.sandbox.flow import SAMPLE_GPKG, Flow


def _new_upload(flow: Flow, name: str = "entrainement") -> str:
    reply = flow.post("/uploads", json={"name": name, "description": name, "type": "VECTOR",
                                        "srs": "EPSG:2154"})
    assert reply.status_code == 201, reply.text
    return reply.json()["_id"]


@pytest.mark.parametrize("method,path", [("GET", "stats"), ("POST", "reset"),
                                         ("POST", "faults"), ("POST", "quotas")])
def test_admin_answers_only_to_the_trainer_token(sandbox, method, path):
    url = f"{sandbox.base_url}/admin/{path}"
    anonymous = requests.request(method, url, json={}, timeout=10)
    assert anonymous.status_code == 401
    assert "formateur" in " ".join(anonymous.json()["error_description"])
    # A trainee's own API token is not the trainer's.
    trainee = requests.request(method, url, json={}, timeout=10,
                               headers={"Authorization": f"Bearer {sandbox.token('stagiaire')}"})
    assert trainee.status_code == 401
    assert sandbox.admin(method, path, json={}).status_code == 200


def test_admin_bodies_are_json_objects(sandbox):
    form = sandbox.admin("POST", "faults", data={"error_rate": "1"})
    assert form.status_code == 400
    assert "JSON" in " ".join(form.json()["error_description"])
    not_an_object = sandbox.admin("POST", "quotas", json=[1, 2])
    assert not_an_object.status_code == 400
    assert sandbox.admin("POST", "reset", json={"all": True}).status_code == 400


def test_trainer_token_comes_from_the_command_line_option(tmp_path):
    with start_sandbox(tmp_path / "data", trainer_token="salle-12") as sb:
        url = f"{sb.base_url}/admin/stats"
        assert requests.get(url, headers={"Authorization": "Bearer salle-12"}, timeout=10).ok
        assert requests.get(url, headers={"Authorization": "Bearer salle-13"},
                            timeout=10).status_code == 401
        assert not (sb.data_dir / "trainer.token").exists()


def test_upload_names_are_length_limited(sandbox):
    flow = Flow(sandbox)
    too_long = flow.post("/uploads", json={"name": "n" * 101, "description": "d",
                                           "type": "VECTOR", "srs": "EPSG:2154"})
    assert too_long.status_code == 400
    assert "100" in " ".join(too_long.json()["error_description"])
    assert _new_upload(flow, "n" * 100)


def test_a_refused_file_never_replaces_the_one_already_stored(tmp_path):
    """The quota is checked before the bytes are written: a refused file used to overwrite
    the one at the same path, then be deleted, losing both."""
    with start_sandbox(tmp_path / "data") as sb:
        flow = Flow(sb)
        up = _new_upload(flow)
        first = flow.post(f"/uploads/{up}/data", params={"path": "data/x.gpkg"},
                          files={"file": ("x.gpkg", b"small")})
        assert first.ok, first.text
        sb.admin("POST", "quotas", json={"storage_quota": 1000}).raise_for_status()
        with SAMPLE_GPKG.open("rb") as handle:
            refused = flow.post(f"/uploads/{up}/data", params={"path": "data/x.gpkg"},
                                files={"file": ("x.gpkg", handle)})
        assert refused.status_code == 409
        tree = flow.get(f"/uploads/{up}/tree").json()
        files = [child for entry in tree for child in entry.get("children", [entry])]
        assert [(f["name"], f["size"]) for f in files] == [("x.gpkg", 5)]


def test_statics_and_annexes_are_refused_when_their_quota_is_full(tmp_path):
    with start_sandbox(tmp_path / "data") as sb:
        flow = Flow(sb)
        sb.admin("POST", "quotas", json={"storage_quota": 10, "annex_quota": 10}).raise_for_status()
        style = flow.style()
        assert style.status_code == 409, style.text
        assert "Quota" in " ".join(style.json()["error_description"])
        annexe = flow.post("/annexes", files={"file": ("a.txt", b"x" * 11)},
                           data={"paths": "doc/a.txt"})
        assert annexe.status_code == 409, annexe.text
        assert flow.get("/annexes").json() == []
        assert flow.post("/annexes", files={"file": ("a.txt", b"x" * 10)},
                         data={"paths": "doc/a.txt"}).status_code == 201
        annexes = flow.get("").json()["storages"]["annexes"]
        assert (annexes["quota"], annexes["use"]) == (10, 10)


def test_a_nul_byte_in_a_path_is_a_400_not_a_500(sandbox):
    flow = Flow(sandbox)
    up = _new_upload(flow)
    data = b"x"
    in_query = flow.post(f"/uploads/{up}/data", params={"path": "data/a\x00.gpkg"},
                         files={"file": ("a.gpkg", data)})
    assert in_query.status_code == 400, in_query.text
    assert "%00" in " ".join(in_query.json()["error_description"])
    in_form = flow.post(f"/uploads/{up}/data", data={"path": "data/b\x00.gpkg"},
                        files={"file": ("b.gpkg", data)})
    assert in_form.status_code == 400, in_form.text
    removed = flow.delete(f"/uploads/{up}/data", params={"path": "data/c\x00.gpkg"})
    assert removed.status_code == 400
    in_path = flow.get(f"/uploads/{up}%00")
    assert in_path.status_code == 400
    annex = requests.get(f"{sandbox.base_url}/annexes/x/a%00b", timeout=10)
    assert annex.status_code == 400
    wmts = requests.get(f"{sandbox.base_url}/wmts/1.0.0/a%00/normal/PM/1/0/0.png", timeout=10)
    assert wmts.status_code == 400
    md5 = hashlib.md5(data).hexdigest().encode()
    listing = flow.post(f"/uploads/{up}/md5", files={"file": ("f.md5", md5 + b"  \x00\n")})
    assert listing.status_code != 500
