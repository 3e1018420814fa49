"""Full quotas answer errors the user can read (knob: POST /admin/quotas)."""

from __future__ import annotations

from tests.fixtures.sandbox import start_sandbox
from tests.sandbox.flow import SAMPLE_GPKG, Flow


def _quotas(sb, **values):
    sb.admin("POST", "quotas", json=values).raise_for_status()


def test_full_endpoint_quota_refuses_the_offering(tmp_path):
    with start_sandbox(tmp_path / "data") as sb:
        flow = Flow(sb)
        sd = flow.vector_db()
        style = flow.style().json()["_id"]
        config = flow.wms_config(sd, style, "quota_layer").json()["_id"]
        _quotas(sb, endpoint_quota=0)
        endpoint = flow.endpoint("WMS-VECTOR")
        use = next(e for e in flow.get("").json()["endpoints"]
                   if e["endpoint"]["_id"] == endpoint["_id"])
        assert use["quota"] == 0
        refused = flow.offer(config, endpoint["_id"])
        assert refused.status_code == 409
        assert "Quota" in " ".join(refused.json()["error_description"])


def test_full_storage_quota_refuses_the_file(tmp_path):
    with start_sandbox(tmp_path / "data") as sb:
        flow = Flow(sb)
        _quotas(sb, storage_quota=1000)
        up = flow.post("/uploads", json={"name": "big", "description": "big", "type": "VECTOR",
                                         "srs": "EPSG:2154"}).json()["_id"]
        with SAMPLE_GPKG.open("rb") as handle:
            refused = flow.post(f"/uploads/{up}/data", params={"path": "data/x.gpkg"},
                                files={"file": ("x.gpkg", handle)})
        assert refused.status_code == 409
        assert "Quota de stockage" in " ".join(refused.json()["error_description"])
        assert all(entry["size"] == 0 for entry in flow.get(f"/uploads/{up}/tree").json())


def test_quota_knob_checks_its_input(sandbox):
    reply = sandbox.admin("POST", "quotas", json={"endpoint_quota": -1})
    assert reply.status_code == 400
