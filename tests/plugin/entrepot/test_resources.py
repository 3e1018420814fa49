"""Resource methods hit the documented routes with the documented bodies; models read replies."""

from __future__ import annotations

import json

import pytest
from gpf_wmts_publisher.plugin.entrepot import (
    Datastore,
    EntrepotApi,
    NotFound,
    StoredData,
    User,
    tree_files,
)
from werkzeug import Response

DATASTORE = {
    "_id": "ds", "name": "Découverte", "technical_name": "sandbox",
    "community": {"_id": "com"},
    "configuration_layer_name_prefix": "sandbox", "metadata_file_identifier_prefix": "sandbox",
    "processings": ["p1", "p2"],
    "endpoints": [
        {"quota": 1, "use": 1, "endpoint": {"_id": "full", "type": "WMTS-TMS", "open": True,
                                            "urls": [{"type": "WMTS", "url": "u0"}]}},
        {"quota": 10, "use": 2, "endpoint": {
            "_id": "wmts", "type": "WMTS-TMS", "open": True,
            "urls": [{"type": "TMS", "url": "https://x/tms"},
                     {"type": "WMTS", "url": "https://x/wmts"}]}},
        {"quota": 10, "use": 0, "endpoint": {"_id": "priv", "type": "WMTS-TMS", "open": False,
                                             "urls": [{"type": "WMTS", "url": "p"}]}},
        {"endpoint": {"_id": "csw", "type": "CSW", "open": True,
                      "urls": [{"type": "METADATA", "url": "https://x/csw"}]}},
    ],
}


@pytest.fixture
def api(make_client):
    return EntrepotApi(make_client(), "ds")


def json_reply(payload, status=200, headers=None):
    return Response(json.dumps(payload), status=status, headers=headers or {},
                    content_type="application/json")


def test_endpoint_choice_skips_full_quota_and_picks_url_by_type():
    datastore = Datastore.from_dict(DATASTORE)
    endpoint = datastore.choose_endpoint("WMTS-TMS", open_=True)
    assert endpoint.id == "wmts"
    assert endpoint.url("wmts") == "https://x/wmts"
    assert endpoint.url("TMS") == "https://x/tms"
    assert datastore.choose_endpoint("WMTS-TMS", open_=False).id == "priv"
    assert datastore.choose_endpoint("WMS-VECTOR") is None
    assert datastore.choose_endpoint("METADATA").id == "csw"  # older data types it CSW
    assert datastore.community_id == "com"
    assert datastore.prefixed_layer_name("roads_wmts") == "sandbox.roads_wmts"
    assert datastore.prefixed_layer_name("sandbox.roads_wmts") == "sandbox.roads_wmts"
    assert datastore.raw == DATASTORE


def test_users_me_gives_communities_and_their_datastores(httpserver, api):
    httpserver.expect_request("/api/users/me").respond_with_json({
        "_id": "u", "email": "a@b.fr", "communities_member": [
            {"rights": ["UPLOAD", "BROADCAST"],
             "community": {"_id": "c", "name": "Découverte", "datastore": "ds",
                           "supervisor": "s"}}]})
    user = api.me()
    assert isinstance(user, User)
    assert user.communities[0].datastore_id == "ds"
    assert user.communities[0].rights == ("UPLOAD", "BROADCAST")


def test_find_processing_by_name_ignores_case_and_pages(httpserver, api):
    def handler(request):
        if request.args["page"] == "1":
            items = [{"_id": f"x{i}", "name": f"Autre {i}"} for i in range(50)]
            return json_reply(items, headers={"Content-Range": "1-50/51"})
        return json_reply([{"_id": "harvest-id", "name":
                            "Calcul ou mise à jour de pyramide raster par moissonnage WMS"}],
                          headers={"Content-Range": "51-51/51"})

    httpserver.expect_request("/api/datastores/ds/processings").respond_with_handler(handler)
    found = api.find_processing("calcul ou mise à jour de PYRAMIDE raster par moissonnage wms")
    assert found.id == "harvest-id"
    with pytest.raises(NotFound):
        api.find_processing("Intégration de données vecteur livrées en base")


def test_create_upload_posts_the_documented_body(httpserver, api):
    bodies = []

    def handler(request):
        bodies.append(request.get_json())
        return json_reply({"_id": "up", "status": "OPEN", **request.get_json()})

    httpserver.expect_request("/api/datastores/ds/uploads", method="POST").respond_with_handler(
        handler)
    upload = api.create_upload("roads", srs="EPSG:2154")
    assert bodies == [{"name": "roads", "description": "roads", "type": "VECTOR",
                       "srs": "EPSG:2154"}]
    assert (upload.id, upload.status, upload.srs) == ("up", "OPEN", "EPSG:2154")


def test_list_filters_encode_tags_and_type_and_ask_the_fields_read(httpserver, api):
    httpserver.expect_request("/api/datastores/ds/stored_data", query_string={
        "type": "VECTOR-DB", "tags[datasheet_name]": "fiche", "page": "1", "limit": "50",
        "fields": "name,type,status,srs,tags,size,creation",
    }).respond_with_json([{"_id": "sd", "type": "VECTOR-DB", "status": "GENERATED",
                           "tags": {"datasheet_name": "fiche"}}])
    (stored,) = api.stored_data_list(tags={"datasheet_name": "fiche"}, data_type="VECTOR-DB")
    assert isinstance(stored, StoredData)
    assert stored.status == "GENERATED" and stored.tags == {"datasheet_name": "fiche"}


def test_tree_checks_and_logs_are_read(httpserver, api):
    httpserver.expect_request("/api/datastores/ds/uploads/up/tree").respond_with_json([
        {"type": "DIRECTORY", "name": "data", "children": [
            {"type": "FILE", "name": "roads.gpkg", "size": 42}]}])
    httpserver.expect_request("/api/datastores/ds/uploads/up/checks").respond_with_json({
        "asked": [], "in_progress": [], "passed": [],
        "failed": [{"_id": "ce", "check": {"_id": "c", "name": "Vérification standard"},
                    "status": "FAILURE"}]})
    httpserver.expect_request("/api/datastores/ds/checks/executions/ce/logs").respond_with_data(
        "line one\nline two\n", content_type="text/plain")
    assert tree_files(api.upload_tree("up")) == {"data/roads.gpkg": 42}
    checks = api.upload_checks("up")
    assert checks.finished and not checks.succeeded
    assert checks.failed[0].name == "Vérification standard"
    assert api.check_logs("ce") == ["line one", "line two"]


def test_execution_create_launch_and_poll(httpserver, api):
    created = []

    def create(request):
        created.append(request.get_json())
        return json_reply({"_id": "ex", "status": "CREATED",
                           "processing": {"_id": "p", "name": "n"},
                           "output": {"stored_data": {"_id": "sd", "status": "CREATED"}}})

    httpserver.expect_request("/api/datastores/ds/processings/executions",
                              method="POST").respond_with_handler(create)
    httpserver.expect_request("/api/datastores/ds/processings/executions/ex/launch",
                              method="POST").respond_with_data("", status=204)
    httpserver.expect_request("/api/datastores/ds/processings/executions/ex").respond_with_json(
        {"_id": "ex", "status": "SUCCESS"})
    execution = api.create_execution("p", inputs={"upload": ["up"]},
                                     output={"stored_data": {"name": "roads",
                                                             "storage_tags": ["VECTEUR"]}})
    assert execution.output_stored_data_id == "sd"
    assert created[0] == {"processing": "p", "inputs": {"upload": ["up"]},
                          "output": {"stored_data": {"name": "roads",
                                                     "storage_tags": ["VECTEUR"]}},
                          "parameters": {}}
    api.launch_execution("ex")
    assert api.execution("ex").finished


def test_metadata_upload_sends_type_and_open_data_in_the_query_only(httpserver, api):
    """As the web application does; the form carries the file alone."""
    seen = {}

    def handler(request):
        seen.update(args=request.args.to_dict(), form=request.form.to_dict(),
                    body=request.files["file"].read())
        return json_reply({"_id": "md", "file_identifier": "sandbox.x", "type": "ISOAP"})

    httpserver.expect_request("/api/datastores/ds/metadata", method="POST").respond_with_handler(
        handler)
    metadata = api.upload_metadata(b"<gmd:MD_Metadata/>")
    assert seen["args"] == {"type": "ISOAP", "open_data": "false"}
    assert seen["form"] == {}
    assert seen["body"] == b"<gmd:MD_Metadata/>"
    assert metadata.file_identifier == "sandbox.x"


def test_offering_permission_and_tags_routes(httpserver, api):
    bodies = {}

    def record(name, reply):
        def handler(request):
            bodies[name] = request.get_json(silent=True)
            return json_reply(reply)
        return handler

    httpserver.expect_request("/api/datastores/ds/configurations/conf/offerings",
                              method="POST").respond_with_handler(record("offering", {
                                  "_id": "off", "status": "PUBLISHING", "open": False,
                                  "urls": [{"type": "WMTS", "url": "https://x/wmts"}]}))
    httpserver.expect_request("/api/datastores/ds/permissions", method="POST") \
        .respond_with_handler(record("permission", [{"_id": "perm", "offerings": [
            {"_id": "off"}], "beneficiary": {"_id": "com"}}]))
    httpserver.expect_request("/api/datastores/ds/stored_data/sd/tags", method="POST") \
        .respond_with_handler(record("tags", {}))
    httpserver.expect_request("/api/datastores/ds/stored_data/sd/tags", method="DELETE",
                              query_string={"tags": "a,b"}).respond_with_data("", status=204)
    offering = api.create_offering("conf", "priv", open_=False)
    assert bodies["offering"] == {"endpoint": "priv", "open": False}
    assert offering.url("WMTS") == "https://x/wmts"
    (permission,) = api.create_permission(licence="Utilisation", offering_ids=["off"],
                                          community_ids=["com"], end_date="2027-01-01")
    assert bodies["permission"] == {"licence": "Utilisation", "offerings": ["off"],
                                    "only_oauth": False, "type": "COMMUNITY",
                                    "communities": ["com"], "end_date": "2027-01-01"}
    assert permission.offering_ids == ("off",) and permission.beneficiary_id == "com"
    api.add_tags("stored_data", "sd", {"datasheet_name": "fiche", "year": 2025})
    assert bodies["tags"] == {"datasheet_name": "fiche", "year": "2025"}
    api.delete_tags("stored_data", "sd", ["a", "b"])
    with pytest.raises(ValueError):
        api.add_tags("offerings", "off", {})


def test_pyramid_levels_are_sorted_by_zoom():
    stored = StoredData.from_dict({"_id": "p", "type_infos": {"levels": ["12", "4", "10"]}})
    assert stored.levels == ("4", "10", "12")


def test_execution_logs_read_every_page_of_lines(httpserver, api):
    def handler(request):
        page = int(request.args["page"])
        lines = [{"line": f"step {i}"} for i in range(60)]
        chunk = lines[(page - 1) * 50: page * 50]
        first = (page - 1) * 50 + 1
        return json_reply(chunk, headers={
            "Content-Range": f"{first}-{first + len(chunk) - 1}/60"})

    httpserver.expect_request("/api/datastores/ds/processings/executions/ex/logs") \
        .respond_with_handler(handler)
    logs = api.execution_logs("ex")
    assert logs[0] == "step 0" and logs[-1] == "step 59" and len(logs) == 60


def test_annex_repeats_list_fields_in_the_form(httpserver, api):
    seen = {}

    def handler(request):
        seen.update(paths=request.form.getlist("paths"), labels=request.form.getlist("labels"),
                    published=request.form.get("published"),
                    name=request.files["file"].filename)
        return json_reply({"_id": "an", "paths": ["/icons/a.svg"]})

    httpserver.expect_request("/api/datastores/ds/annexes", method="POST").respond_with_handler(
        handler)
    annex = api.create_annex(b"<svg/>", path="/icons/a.svg",
                             labels=["datasheet_name=x", "type=icon"])
    assert seen == {"paths": ["/icons/a.svg"], "labels": ["datasheet_name=x", "type=icon"],
                    "published": "true", "name": "a.svg"}
    assert annex.paths == ("/icons/a.svg",)


def test_replace_metadata_puts_the_new_file(httpserver, api):
    seen = {}

    def handler(request):
        seen["body"] = request.files["file"].read()
        return json_reply({"_id": "md", "file_identifier": "f"})

    httpserver.expect_request("/api/datastores/ds/metadata/md", method="PUT") \
        .respond_with_handler(handler)
    assert api.replace_metadata("md", b"<xml/>").id == "md"
    assert seen["body"] == b"<xml/>"
