"""What the workflow needs from the client besides the routes: a count of the requests sent,
a per-task cancel on a shared client, and retries only on the routes that are idempotent."""

from __future__ import annotations

import pytest
from gpf_wmts_publisher.plugin.entrepot import Cancelled, EntrepotApi, ServerError

from tests.plugin.entrepot.test_client_retries import failing_then


def test_the_client_counts_every_request_it_sends_retries_and_pages_included(
        httpserver, make_client):
    httpserver.expect_request("/api/r").respond_with_handler(failing_then([503], {}))
    client = make_client()
    client.get_json("r")
    assert client.requests == 2


def test_a_cancel_bound_client_stops_while_the_shared_one_goes_on(httpserver, make_client):
    httpserver.expect_request("/api/users/me").respond_with_json({"_id": "u"})
    shared = make_client()
    stopped = []
    task_client = shared.with_cancel(lambda: bool(stopped))
    task_client.get_json("users/me")
    stopped.append(True)
    with pytest.raises(Cancelled):
        task_client.get_json("users/me")
    assert shared.get_json("users/me") == {"_id": "u"}
    assert (task_client.requests, shared.requests) == (1, 1)
    assert task_client.session is shared.session


@pytest.mark.parametrize("call, path", [
    (lambda api: api.launch_execution("ex"), "/api/datastores/ds/processings/executions/ex/launch"),
    (lambda api: api.abort_execution("ex"), "/api/datastores/ds/processings/executions/ex/abort"),
    (lambda api: api.close_upload("up"), "/api/datastores/ds/uploads/up/close"),
    (lambda api: api.add_tags("uploads", "up", {"a": "b"}), "/api/datastores/ds/uploads/up/tags"),
    (lambda api: api.publish_metadata(["f"], "e"), "/api/datastores/ds/metadata/publication"),
])
def test_posts_on_a_known_resource_are_retried(httpserver, make_client, call, path):
    handler = failing_then([502], {"_id": "up", "status": "CLOSED"})
    httpserver.expect_request(path, method="POST").respond_with_handler(handler)
    call(EntrepotApi(make_client(), "ds"))
    assert handler.calls == ["POST", "POST"]


@pytest.mark.parametrize("call, path", [
    (lambda api: api.create_upload("n", srs="EPSG:2154"), "/api/datastores/ds/uploads"),
    (lambda api: api.create_execution("p"), "/api/datastores/ds/processings/executions"),
    (lambda api: api.create_offering("c", "e"),
     "/api/datastores/ds/configurations/c/offerings"),
    (lambda api: api.create_key("k"), "/api/users/me/keys"),
])
def test_posts_that_create_are_never_retried(httpserver, make_client, call, path):
    handler = failing_then([502], {"_id": "x"})
    httpserver.expect_request(path, method="POST").respond_with_handler(handler)
    with pytest.raises(ServerError):
        call(EntrepotApi(make_client(), "ds"))
    assert handler.calls == ["POST"]


def test_a_key_is_read_by_id_with_its_value_kept_out_of_the_repr(httpserver, make_client):
    httpserver.expect_request("/api/users/me/keys/k1").respond_with_json(
        {"_id": "k1", "name": "harvest", "type": "HASH", "type_infos": {"hash": "s3cr3t"}})
    key = EntrepotApi(make_client()).key("k1")
    assert (key.id, key.name, key.raw["type_infos"]["hash"]) == ("k1", "harvest", "s3cr3t")
    assert "s3cr3t" not in repr(key)


def test_tags_without_a_value_are_not_sent(httpserver, make_client):
    bodies = []
    httpserver.expect_request("/api/datastores/ds/uploads/up/tags", method="POST"
                              ).respond_with_handler(
        lambda request: bodies.append(request.get_json()) or failing_then([], {})(request))
    api = EntrepotApi(make_client(), "ds")
    api.add_tags("uploads", "up", {"a": "1", "b": None, "c": ""})
    api.add_tags("uploads", "up", {"b": None})
    assert bodies == [{"a": "1"}]
