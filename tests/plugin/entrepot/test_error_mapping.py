"""Error replies become typed exceptions carrying the platform's own words."""

from __future__ import annotations

import json

import pytest
from gpf_wmts_publisher.plugin.entrepot import (
    BadRequest,
    Conflict,
    EntrepotError,
    Forbidden,
    NotFound,
    ServerError,
    Unauthorized,
)
from werkzeug import Response


def respond(httpserver, status, body, content_type="application/json"):
    httpserver.expect_request("/api/r", method="POST").respond_with_response(
        Response(body, status=status, content_type=content_type))


@pytest.mark.parametrize("status, cls", [
    (400, BadRequest), (401, Unauthorized), (403, Forbidden), (404, NotFound),
    (409, Conflict), (500, ServerError), (418, EntrepotError),
])
def test_status_maps_to_its_exception_class(httpserver, make_client, status, cls):
    respond(httpserver, status, json.dumps({"error_description": "words"}))
    with pytest.raises(cls) as caught:
        make_client().post_json("r", {})
    assert caught.value.status == status
    assert caught.value.details == ("words",)
    assert caught.value.path == "/api/r"


def test_error_description_string_is_shown(httpserver, make_client):
    respond(httpserver, 409, json.dumps({"error": "conflict",
                                         "error_description": "layer name already taken"}))
    with pytest.raises(Conflict) as caught:
        make_client().post_json("r", {})
    assert "layer name already taken" in str(caught.value)
    assert "layer name already taken" in caught.value.user_message
    assert caught.value.kind == "conflict"  # what translated UI text keys on


def test_error_description_list_keeps_every_line(httpserver, make_client):
    respond(httpserver, 400, json.dumps({"error_description": ["table absent", "bad style"]}))
    with pytest.raises(BadRequest) as caught:
        make_client().post_json("r", {})
    assert caught.value.details == ("table absent", "bad style")
    assert "table absent" in str(caught.value) and "bad style" in str(caught.value)


def test_message_is_used_when_no_error_description(httpserver, make_client):
    respond(httpserver, 404, json.dumps({"message": "Upload inconnu"}))
    with pytest.raises(NotFound) as caught:
        make_client().post_json("r", {})
    assert caught.value.details == ("Upload inconnu",)


def test_non_json_body_is_reduced_to_its_text(httpserver, make_client):
    html = "<html><head><style>p{}</style></head><body><h1>401 Authorization Required</h1>" \
           "</body></html>"
    respond(httpserver, 401, html, content_type="text/html")
    with pytest.raises(Unauthorized) as caught:
        make_client().post_json("r", {})
    assert caught.value.details == ("401 Authorization Required",)


def test_empty_error_body_still_gives_a_user_message(httpserver, make_client):
    respond(httpserver, 500, "", content_type="text/plain")
    with pytest.raises(ServerError) as caught:
        make_client().post_json("r", {})
    assert caught.value.details == ()
    assert "HTTP 500" in caught.value.user_message


def test_empty_success_body_reads_as_empty_dict(httpserver, make_client):
    httpserver.expect_request("/api/r", method="POST").respond_with_data("", status=204)
    assert make_client().post_json("r", {}) == {}
