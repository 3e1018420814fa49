"""Each background job's success and failure, as the statuses and logs show them."""

from __future__ import annotations

import shutil
import sqlite3

from sandbox.seed import HARVEST, INTEGRATION
from tests.sandbox.flow import SAMPLE_GPKG, Flow, gpkg_without_crs, wait_until


def _failed_logs(flow, up):
    checks = flow.get(f"/uploads/{up}/checks").json()
    return checks, " ".join(flow.get(f"/checks/executions/{c['_id']}/logs").text
                            for c in checks["failed"])


def test_upload_with_good_md5_passes_both_checks(sandbox):
    flow = Flow(sandbox)
    up = flow.upload()
    assert flow.wait_checks(up)["status"] == "CLOSED"
    checks = flow.get(f"/uploads/{up}/checks").json()
    assert {c["check"]["name"] for c in checks["passed"]} == {
        "Vérification standard", "Vérification vecteur"}
    assert checks["failed"] == []


def test_upload_with_wrong_md5_becomes_unstable_with_a_failed_check_and_logs(sandbox):
    flow = Flow(sandbox)
    up = flow.upload(md5="0" * 32)
    assert flow.wait_checks(up)["status"] == "UNSTABLE"
    checks, logs = _failed_logs(flow, up)
    assert [c["check"]["name"] for c in checks["failed"]] == ["Vérification standard"]
    assert "MD5" in logs


def test_declared_srs_must_match_the_data(sandbox):
    flow = Flow(sandbox)
    up = flow.upload(srs="EPSG:4326")
    assert flow.wait_checks(up)["status"] == "UNSTABLE"
    _checks, logs = _failed_logs(flow, up)
    assert "EPSG:2154" in logs and "EPSG:4326" in logs


def test_a_file_that_is_not_a_geopackage_fails_the_vector_check(sandbox, tmp_path):
    broken = tmp_path / "broken.gpkg"
    broken.write_bytes(b"this is not sqlite")
    flow = Flow(sandbox)
    up = flow.upload(gpkg=broken)
    assert flow.wait_checks(up)["status"] == "UNSTABLE"
    _checks, logs = _failed_logs(flow, up)
    assert "broken.gpkg" in logs


def test_a_table_without_crs_fails_the_vector_check_naming_the_table_not_gdal(sandbox,
                                                                            tmp_path):
    # Seen in a whole-suite run: the check's log said only "OGR Error: Unsupported SRS" (GDAL's
    # AutoIdentifyEPSG on an SRS without authority) instead of naming the table and its SRS.
    flow = Flow(sandbox)
    up = flow.upload(gpkg=gpkg_without_crs(tmp_path / "sans_crs.gpkg"))
    assert flow.wait_checks(up)["status"] == "UNSTABLE"
    _checks, logs = _failed_logs(flow, up)
    assert "OGR Error" not in logs
    assert "parcelles" in logs and "EPSG:2154" in logs


def test_closed_upload_refuses_more_files(sandbox):
    flow = Flow(sandbox)
    up = flow.upload()
    flow.wait_checks(up)
    again = flow.post(f"/uploads/{up}/data", params={"path": "data/x.gpkg"},
                      files={"file": ("x.gpkg", b"x")})
    assert again.status_code == 409


def test_tree_lists_what_arrived_with_sizes(sandbox):
    flow = Flow(sandbox)
    up = flow.post("/uploads", json={"name": "tree", "description": "tree", "type": "VECTOR",
                                     "srs": "EPSG:2154"}).json()["_id"]
    flow.post(f"/uploads/{up}/data", params={"path": "data/a.gpkg"},
              files={"file": ("a.gpkg", b"12345")})
    tree = flow.get(f"/uploads/{up}/tree").json()
    assert tree[0]["type"] == "DIRECTORY" and tree[0]["name"] == "data"
    assert tree[0]["children"] == [{"type": "FILE", "name": "a.gpkg", "size": 5}]
    assert flow.delete(f"/uploads/{up}/data", params={"path": "data/a.gpkg"}).status_code == 204
    assert flow.get(f"/uploads/{up}/tree").json()[0]["children"] == []
    assert flow.post(f"/uploads/{up}/data", params={"path": "../evil"},
                     files={"file": ("e", b"e")}).status_code == 400


def test_integration_launders_names_as_gdal_and_reports_relations(sandbox):
    flow = Flow(sandbox)
    sd = flow.get(f"/stored_data/{flow.vector_db()}").json()
    communes = next(r for r in sd["type_infos"]["relations"] if r["name"] == "communes démo")
    assert communes["type"] == "TABLE" and communes["primary_key"] == ["fid"]
    assert communes["attributes"]["population_2020"] == "integer"
    assert communes["attributes"]["catégorie"] == "character varying"
    assert communes["attributes"]["code insee"] == "character varying"
    assert communes["attributes"]["geom"] == "geometry(MultiPolygon,2154)"
    assert sd["srs"] == "EPSG:2154"


def test_integration_of_an_unchecked_upload_is_refused(sandbox):
    flow = Flow(sandbox)
    up = flow.post("/uploads", json={"name": "open", "description": "open", "type": "VECTOR",
                                     "srs": "EPSG:2154"}).json()["_id"]
    reply = flow.post("/processings/executions", json={
        "processing": flow.processing(INTEGRATION), "inputs": {"upload": [up]},
        "output": {"stored_data": {"name": "x"}}, "parameters": {}})
    assert reply.status_code == 409


def test_integration_failure_marks_execution_failure_and_stored_data_unstable(sandbox):
    flow = Flow(sandbox)
    up = flow.upload()
    flow.wait_checks(up)
    sandbox.set_faults(fail_step="integration")
    try:
        execution = flow.integrate(up)
    finally:
        sandbox.reset_faults()
    assert execution["status"] == "FAILURE"
    assert execution["output"]["stored_data"]["status"] == "UNSTABLE"
    logs = flow.get(f"/processings/executions/{execution['_id']}/logs").json()
    assert any("ERROR" in line for line in logs)


def test_execution_statuses_move_and_record_their_times(sandbox):
    flow = Flow(sandbox)
    up = flow.upload()
    flow.wait_checks(up)
    execution = flow.post("/processings/executions", json={
        "processing": flow.processing(INTEGRATION), "inputs": {"upload": [up]},
        "output": {"stored_data": {"name": "times"}}, "parameters": {}}).json()
    assert execution["status"] == "CREATED"
    assert execution["output"]["stored_data"]["status"] == "CREATED"
    flow.post(f"/processings/executions/{execution['_id']}/launch")
    seen = set()
    final = wait_until(lambda: flow.get(f"/processings/executions/{execution['_id']}").json(),
                       lambda e: seen.add(e["status"]) or e["status"] == "SUCCESS")
    assert seen & {"WAITING", "PROGRESS"}
    assert final["creation"] <= final["launch"] <= final["start"] <= final["finish"]
    assert flow.post(f"/processings/executions/{execution['_id']}/launch").status_code == 409
    listed = flow.get("/processings/executions", params={"input_upload": up}).json()
    assert execution["_id"] in {e["_id"] for e in listed}


def _wms_layer(flow, layer_name):
    sd = flow.vector_db()
    style = flow.style().json()["_id"]
    config = flow.wms_config(sd, style, layer_name).json()
    offering = flow.offer(config["_id"], flow.endpoint("WMS-VECTOR")["_id"]).json()
    flow.wait_offering(offering["_id"])
    return flow.get(f"/configurations/{config['_id']}").json()


def _harvest_body(layer_name, url, bbox, **more):
    area = (f"POLYGON(({bbox['west']} {bbox['north']},{bbox['east']} {bbox['north']},"
            f"{bbox['east']} {bbox['south']},{bbox['west']} {bbox['south']},"
            f"{bbox['west']} {bbox['north']}))")
    params = {"harvest_layers": layer_name, "harvest_url": url, "harvest_levels": ["8"],
              "bottom": "8", "top": "8", "harvest_area": area, "harvest_format": "image/jpeg"}
    params.update(more)
    return {"output": {"stored_data": {"name": "pyr"}}, "parameters": params}


def test_harvest_of_an_unknown_layer_fails_with_logs(sandbox):
    flow = Flow(sandbox)
    config = _wms_layer(flow, "harvest_fail_layer")
    url = flow.endpoint("WMS-VECTOR")["urls"][0]["url"]
    body = _harvest_body("no_such_layer", url, config["type_infos"]["bbox"])
    execution = flow.wait_execution(flow.execute(HARVEST, body)["_id"])
    assert execution["status"] == "FAILURE"
    logs = flow.get(f"/processings/executions/{execution['_id']}/logs").json()
    assert any("moissonnage" in line.lower() for line in logs)


def test_harvest_parameters_are_validated_at_creation(sandbox):
    flow = Flow(sandbox)
    bbox = {"west": 4.8, "south": 45.6, "east": 4.9, "north": 45.7}
    url = flow.endpoint("WMS-VECTOR")["urls"][0]["url"]
    cases = [
        {"harvest_levels": [8]},                       # ints instead of strings
        {"bottom": "7"},                               # bottom is not the deepest level
        {"harvest_format": "image/gif"},
        {"harvest_area": "POLYGON((nonsense))"},
        {"tms": "WGS84G"},
        {"harvest_url": url + "?SERVICE=WMS"},
    ]
    for change in cases:
        body = _harvest_body("x", url, bbox, **change)
        body["processing"] = flow.processing(HARVEST)
        reply = flow.post("/processings/executions", json=body)
        assert reply.status_code == 400, change


def test_abort_before_start_marks_execution_aborted(sandbox):
    flow = Flow(sandbox)
    up = flow.upload()
    flow.wait_checks(up)
    execution = flow.post("/processings/executions", json={
        "processing": flow.processing(INTEGRATION), "inputs": {"upload": [up]},
        "output": {"stored_data": {"name": "abort"}}, "parameters": {}}).json()
    assert flow.post(f"/processings/executions/{execution['_id']}/abort").status_code == 204
    assert flow.get(f"/processings/executions/{execution['_id']}").json()["status"] == "ABORTED"
    assert flow.post(f"/processings/executions/{execution['_id']}/launch").status_code == 409


def test_integration_keeps_every_feature(sandbox, tmp_path):
    flow = Flow(sandbox)
    sd_id = flow.vector_db()
    database = sandbox.data_dir / "files" / "stored_data" / sd_id / "database.gpkg"
    copy = tmp_path / "copy.gpkg"
    shutil.copy(database, copy)
    with sqlite3.connect(copy) as db:
        count = db.execute('SELECT COUNT(*) FROM "communes démo"').fetchone()[0]
    with sqlite3.connect(SAMPLE_GPKG) as db:
        expected = db.execute('SELECT COUNT(*) FROM "Communes Démo"').fetchone()[0]
    assert count == expected == 300


def test_checks_failure_can_be_injected(sandbox):
    flow = Flow(sandbox)
    sandbox.set_faults(fail_step="checks")
    try:
        up = flow.upload()
        final = flow.wait_checks(up)
    finally:
        sandbox.reset_faults()
    assert final["status"] == "UNSTABLE"
    assert "fail_step=checks" in _failed_logs(flow, up)[1]


def test_harvest_failure_can_be_injected(sandbox):
    flow = Flow(sandbox)
    config = _wms_layer(flow, "harvest_injected_layer")
    url = flow.endpoint("WMS-VECTOR")["urls"][0]["url"]
    sandbox.set_faults(fail_step="harvest")
    try:
        execution = flow.wait_execution(flow.execute(HARVEST, _harvest_body(
            "harvest_injected_layer", url, config["type_infos"]["bbox"]))["_id"])
    finally:
        sandbox.reset_faults()
    assert execution["status"] == "FAILURE"
    assert execution["output"]["stored_data"]["status"] == "UNSTABLE"


def test_publication_failure_leaves_the_offering_unstable(sandbox):
    flow = Flow(sandbox)
    sd = flow.vector_db()
    style = flow.style().json()["_id"]
    config = flow.wms_config(sd, style, "unstable_layer").json()["_id"]
    sandbox.set_faults(fail_step="publication")
    try:
        offering = flow.offer(config, flow.endpoint("WMS-VECTOR")["_id"]).json()
        final = flow.wait_offering(offering["_id"])
    finally:
        sandbox.reset_faults()
    assert final["status"] == "UNSTABLE" and final["available"] is False
    assert flow.get(f"/configurations/{config}").json()["status"] == "UNPUBLISHED"
